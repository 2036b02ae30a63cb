"""Round 8 (questions_i.tsv): how villagers type and what they mention only in passing.

Hunt-and-peck typing with a space after every character; forms of address around a thanks; which
building, and whether there is still time; a suggestion to the center; the assistant that cannot
answer (a person, not a complaint); crops struck by hail (insurance, not a complaint); how long a
request has waited, when the inspector comes, whether a card can be collected, but not a
deadline; shops, online sellers, banquets, a tradesman's number, court fees; vague requests
for "a certificate" or "what policies"; another office named only as the alternative to the
center; a loss that is why a replacement is wanted; where-or-how + verb cut as one word;
mentions put off to later, needed for something else, or already done by the villager; a
separable verb keeps its "done" particle; 是不是 is a question, not 不是; trees one may not fell
(不让砍树) are a protected forest's. Probes written for these tests, not taken from the labelled
files."""

from __future__ import annotations

import pytest

from knowledge.actions import wanted
from knowledge.matcher import Matcher
from knowledge.normalize import basic
from tests.knowledge.probes import families, reason


def test_characters_typed_one_by_one_are_joined() -> None:
    assert basic("残 疾 证 咋 办 。") == "残疾证咋办"
    assert basic("户 口 迁 移") == "户口迁移"
    # words of two or more characters keep their spaces (voice messages, clauses)
    assert basic("低保 在 哪 办") == "低保 在哪办"
    assert basic("帮我妈问一下 她七十了") == "帮我妈问一下 她七十了"


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("好嘞 多谢大兄弟", "greeting"),
        ("晓得了 谢谢妹子", "greeting"),
        ("你们办事大厅在政府院里哪一栋", "center_info"),
        ("三点半过去还来得及吗", "center_info"),
        ("建议你们窗口多放几把椅子", "complaint"),
        ("你答不上来就叫个人来", "human"),
        ("社保卡办了一个月了 好了没", "status"),
        ("建房申请我早交上去了 啥时候来人量地", "status"),
        ("网上买的电动车坏了 商家不给修", "elsewhere"),
        ("我爸七十大寿要摆酒", "elsewhere"),
        ("谁有修房子的瓦匠师傅电话", "advice"),
        ("打离婚官司要花多少钱", "elsewhere"),
        ("给我开个证明", "vague"),
        ("有没有什么扶持政策", "vague"),
    ],
)
def test_family(text: str, family: str) -> None:
    assert family in families(text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("玉米被大风刮倒了 保险能赔吗", "complaint"),  # weather, not a wrongdoer
        ("你们工作人员一问三不知", "human"),  # staff who cannot answer: a complaint
        ("医保今年缴费截止到哪天", "status"),  # a deadline
        ("身份证多少天能取", "status"),  # the time limit, asked before applying
    ],
)
def test_not_family(text: str, family: str) -> None:
    assert family not in families(text)


def test_an_office_only_as_the_alternative_is_no_hint(real: Matcher) -> None:
    def hints(text: str) -> set[str]:
        found = real.scorer.intents.find(basic(text))
        return set(found) & {"out_of_scope_hints", "elsewhere"}

    assert not hints("医保卡是在银行办还是在你们这办")
    assert not hints("这个证在你们这边办还是去银行")
    assert hints("银行几点下班")


def test_mentions_put_off_needed_for_something_else_or_already_done() -> None:
    assert reason("低保我回头再问 先说残疾证", "低保") == "refused"
    assert reason("高龄津贴先不问 我想问老年证", "高龄津贴") == "refused"
    assert reason("他领养老金要用 得补一张卡", "领养老金") == "purpose"
    assert reason("耕地补贴我已经领了 现在问保险", "耕地补贴") == "done"
    # a material question is not a purpose: 办低保要用户口本吗
    assert reason("办低保要用户口本吗", "低保") is None


def test_a_loss_is_why_a_replacement_is_wanted() -> None:
    actions, _ = wanted("卡 弄丢 了", ["卡", " ", "弄丢", "了"], lambda w: False)
    assert "replace" in actions


def test_a_verb_after_where_or_how_in_one_word_is_wanted() -> None:
    actions, _ = wanted("能不能网上交", ["能", "不能", "网上交"], lambda w: False)
    assert "pay" in actions


def test_a_separable_verb_keeps_its_done_particle(real: Matcher) -> None:
    query, _, _ = real.scorer.query.prepare(basic("去年投了保 今年还要投吗"))
    assert "投保了" in query


def test_a_question_with_shi_bu_shi_is_no_negated_clause(real: Matcher) -> None:
    query, _, _ = real.scorer.query.prepare(basic("我家是不是还能领高龄津贴 要带啥"))
    assert "高龄津贴" in query


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("老 年 证 怎 么 办", "老年人优待证办理"),
        ("医保卡掉了 看病报销要用 在哪补", "社会保障卡申领"),
        ("新农合能在手机上交不", "城乡居民基本医疗保险参保缴费"),
        ("医保卡是在银行办还是在你们这办", "社会保障卡申领"),
        # trees one may not fell: the protected forest's compensation, not a felling permit
        ("山上的林子划成天然林了 不让砍树 有补偿没", "生态公益林补偿金发放"),
        ("我家的松树想砍了卖 要办啥", "林木采伐许可"),
        ("种粮补贴我已经领了 这回问的是庄稼被雹子打了的保险咋报损", "农业保险投保理赔"),
    ],
)
def test_answered(real: Matcher, text: str, item: str) -> None:
    decision = real.decide(text)
    assert decision.item is not None and decision.item.name == item, decision.explain["why"]


@pytest.mark.parametrize(
    "text",
    ["在网上买的拐杖不结实 卖家不给换", "谁有拖拉机师傅的电话", "我奶九十大寿办酒要请哪些人"],
)
def test_out_of_scope(real: Matcher, text: str) -> None:
    assert real.decide(text).intent == "unknown"
