"""Round 9 (questions_g.tsv, questions_h.tsv): questions about another office's business itself,
requests still waiting, and family-planning support by who was struck.

Another office's topic right before the question about it (结婚登记要带什么, 学籍怎么转, 请乐队
多少钱, 集资合理吗, 医院能改吗) is theirs even when an item shares a word with the story; things
done to the villager at another office, animals found, traffic cameras, an employee's
unemployment benefit, a card's balance taken out are others' business; what a certificate is
needed for is not what is asked (办退休要开户籍证明), unless which certificate is asked; a
lexicon hint (坐飞机) only in a clause that tells the story, while the asking clause names an
item, is why that item is wanted; a grade
of the residents' insurance to choose is no shopping advice; a request named as made (申请了,
申请了半年) with what has still not come (还没到账, 到现在都没来) or was turned down is a
progress question; an only child who died or was disabled means the special support, parents of
an only child at 60 the reward; a mention after 没法/没能 is not done; a material listed with
another (身份证和户口本) is a material; 办好要几天 asks the time, not a done card; a helper for
housework is the home-care service, not a person of the center; vocabulary (gig workers,
handing in the household register after a death, a veteran's card replaced, an unemployment
registration cancelled, 种粮补助). Probes written for these tests, not taken from the labelled
files.
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher
from knowledge.normalize import basic
from tests.knowledge.probes import families, reason


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("离婚登记要带啥", "elsewhere_asked"),
        ("孩子的学籍咋转回来", "elsewhere_asked"),
        ("办白事请吹鼓手大概多少钱", "elsewhere_asked"),
        ("修村道每户集资合不合理", "elsewhere_asked"),
        ("出生证明上名字打错了 医院能改吗", "elsewhere_asked"),
        ("孩子在学校被同学打了", "elsewhere"),
        ("闯红灯被拍了 能申诉吗", "elsewhere"),
        ("在山上捡到一只受伤的野鸡", "elsewhere"),
        ("社保卡里的钱能取出来吗", "elsewhere"),
        ("失业保险金去哪领", "elsewhere"),
        ("高龄津贴申请了两个月 还没到账", "status"),
        ("残疾证申请了 啥时候能发下来", "status"),
        ("上个月报的养老服务补贴 到现在都没人来", "status"),
        ("低保申请了 审核没过吗", "status"),
        ("村干部说帮我把材料递上去了 到底递没递", "status"),
        ("网贷催收的天天打电话吓唬人", "elsewhere"),
    ],
)
def test_family(text: str, family: str) -> None:
    assert family in families(text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # the other office's topic only tells the story: the question is about something else
        ("去年结婚登记的时候户口迁过来了 孩子上户口要带啥", "elsewhere_asked"),
        ("结婚登记后户口怎么迁过来", "elsewhere_asked"),
        ("孩子户口还没来得及上 医保能先交吗", "status"),
        ("城乡居民养老保险交哪一档划算", "advice"),
        ("想申请有人定期来帮老人打扫卫生的服务", "human"),
    ],
)
def test_not_family(text: str, family: str) -> None:
    assert family not in families(text)


def test_scolding_by_someone_unnamed_is_a_bare_complaint() -> None:
    assert "complaint_bare" in families("催债的打电话骂人")
    # staff's wrongdoing named: not bare
    assert "complaint_bare" not in families("窗口的人态度差还骂人")


def test_a_person_is_still_asked_for() -> None:
    assert "human" in families("有没有人帮我问问")


def test_what_a_certificate_is_needed_for_is_no_hint(rules: Matcher) -> None:
    def hints(text: str) -> set[str]:
        found = rules.scorer.intents.find(basic(text))
        return set(found) & {"out_of_scope_hints", "elsewhere"}

    assert not hints("我妈办退休要开个户籍证明 能代开吗")
    # which certificate is asked: the other office's rules
    assert hints("坐飞机要开什么证明")


def test_mentions_not_done_listed_or_asked_how_long() -> None:
    assert reason("在外地住院没法直接结算 回来咋报", "直接结算") == "negated"
    assert reason("我带着他的户口本和身份证能替他办吗", "户口本", material=True) == "material"
    assert reason("残疾证办好要多久", "残疾证") is None
    assert reason("残疾证办好了 能领补贴吗", "残疾证") == "done"


def test_a_subsidy_for_grain_growers_is_not_garbled(rules: Matcher) -> None:
    query, _, _ = rules.scorer.query.prepare(basic("种粮补助一亩多少"))
    assert "种粮补贴" in query


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("独生女前年病故了 老两口有啥扶助", "计划生育特别扶助"),
        ("唯一的儿子干活摔成伤残了 当爹妈的能领啥", "计划生育特别扶助"),
        # another item asked for by name after it
        ("我家独生子残疾了 能办残疾证吗", "残疾人证办理"),
        ("唯一的儿子去世了 丧葬费怎么领", "丧葬补助金申领"),
        ("厂里给交的社保怎么转回老家", "养老保险关系转移接续"),
        ("农村就一个独生女 我俩都满60了 有啥钱领", "农村部分计划生育家庭奖励扶助"),
        ("送外卖的怎么自己交社保", "灵活就业人员参保登记"),
        ("爷爷过世了 户口本要不要交回去", "死亡注销户口"),
        ("退伍的优待证找不到了 咋补办", "退役军人优待证申领"),
        ("已经上班了 失业登记怎么注销", "就业失业登记"),
        ("我妈办退休要开个户籍证明 能代开吗", "户籍证明开具"),
        ("单位招工要户籍证明 去哪开", "户籍证明开具"),
        # the lexicon's hint only tells why the item named in the asking clause is wanted
        ("孩子暑假要坐飞机出去玩，第一次办身份证要带啥", "居民身份证办理"),
        ("儿子在外面打工被骗了，身上一分钱没有，镇上能给点临时救助不", "临时救助申请"),
        # a school's or a traffic story around an item asked for by name
        ("班主任说孩子可以申请助学金 要什么材料", "家庭经济困难学生资助申请"),
        ("捡到一个弃婴，怎么给孩子上户口", "出生登记"),
        ("城乡居民养老保险交哪一档划算", "城乡居民基本养老保险参保登记"),
    ],
)
def test_answered(rules: Matcher, text: str, item: str) -> None:
    decision = rules.decide(text)
    assert decision.item is not None and decision.item.name == item, decision.explain["why"]


@pytest.mark.parametrize(
    "text",
    [
        "离婚登记要带啥",
        "孩子的学籍咋转回来",
        "办白事请吹鼓手大概多少钱",
        "出生证明上名字打错了 医院能改吗",
        "闯红灯被拍了 能申诉吗",
        "社保卡里的钱能取出来吗",
        "失业保险金去哪领",
        "借了网贷 催收的天天打电话骂人 能报警吗",
        # several other offices' words in the story: a scam, not a reason for the card
        "打电话的说我社保卡被冻结了，要我转账，社保卡怎么解冻",
    ],
)
def test_out_of_scope(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "unknown", rules.decide(text).explain


@pytest.mark.parametrize(
    "text",
    ["高龄津贴申请了两个月 还没到账", "残疾证申请了 啥时候能发下来"],
)
def test_progress(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "status"
