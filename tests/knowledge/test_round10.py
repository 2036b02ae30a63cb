"""Round 10 (questions_j.tsv, questions_k.tsv, questions_h.tsv): regional speech, voice-to-text
and the wanted action.

Years of contributions paid into an insurance (交了二十年农保, 一直交的新农保, 医保交了好几年) are
the background of a pension or of paying on, not a request waiting for an answer; a request sent
on to a higher office (递到镇上了没有) asks for progress; 查一下我的补贴 is the subsidy query, not
one's own request; the app a payment is made with (微信上能交吗) is how, not another business;
a vague "what subsidy can I get" with 现在 or 可以领 after it is still vague; another office
re-issuing its own paper (医院能补吗), health tips (能不能喝酒), a hired helper's wage, how to
build a greenhouse and online lenders (借呗) are others' business; good morning in Cantonese
(早晨), 麻烦你们 with thanks, how many windows, the lunch break and the staff "on duty" (上班的人);
an only child named as 就生了一个 with parents at 60 is the reward, not a birth; a newborn's
insurance or card asked for makes the birth the background; a mention ending in its own verb,
then 了 (户口注销了, 地已经流转了), is done, and so is a verb followed by 已经; a modal inside a
name (身份证可以补办, 户口能不能迁) is the name; when the wanted action is the runner-up's alone
and it scores close, the villager gets a menu; vocabulary (两补, 上医保, 零时救助, 核试验, 转院,
包下来种, 发钱). Probes written for these tests, not taken from the labelled files.
"""

from __future__ import annotations

import pytest

from knowledge.decision import is_tie
from knowledge.matcher import Matcher
from knowledge.normalize import basic
from tests.knowledge.probes import families, reason


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("低保材料上周报的 递到镇上了没有", "status"),
        ("早晨", "greeting"),
        ("麻烦你们了 多谢", "greeting"),
        ("你们大厅总共多少个窗口", "center_info"),
        ("中午休息吗 我十二点半过去行不行", "center_info"),
        ("想跟你们坐班的人说几句", "human"),
        ("现在有啥补助能领", "vague"),
        ("有什么补贴可以申请", "vague"),
        ("出生证明掉了 医院可以补开吗", "elsewhere"),
        ("糖尿病能不能喝酒", "advice"),
        ("请个月嫂多少钱一个月", "advice"),
        ("塑料大棚咋个搭", "advice"),
    ],
)
def test_family(text: str, family: str) -> None:
    assert family in families(text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # years of contributions are no request of one's own
        ("农保交了二十年了 啥时候开始发钱", "status"),
        ("我妈一直交的新农保 今年满60了 什么时候能领", "status"),
        ("医保交了好几年了还要接着交吗", "status"),
        # the money paid to me, not my request
        ("帮我查一下我的惠农补贴到了几笔", "status"),
        # a named subsidy is not vague
        ("现在高龄津贴能领多少", "vague"),
    ],
)
def test_not_family(text: str, family: str) -> None:
    assert family not in families(text)


def test_the_app_a_payment_is_made_with_is_no_hint(rules: Matcher) -> None:
    def hints(text: str) -> set[str]:
        return set(rules.scorer.intents.find(basic(text))) & {"out_of_scope_hints", "elsewhere"}

    assert not hints("医保可以在支付宝上交吗")
    assert not hints("养老保险能在微信里交不")
    # the app's own business stays another's
    assert hints("微信转账转错了能退回来吗")


def test_a_mention_ending_in_its_verb_then_le_is_done() -> None:
    assert reason("户口注销了 还要开证明吗", "户口注销") == "done"
    assert reason("地已经土地流转了 补贴给谁", "土地流转") == "done"
    assert reason("户口注销要带啥", "户口注销") is None
    assert reason("户口迁移了吗", "户口迁移") is None


def test_the_wanted_action_of_the_runner_up_alone_is_a_tie() -> None:
    ranked = [(0, 10.0), (1, 8.5)]
    rest = {"content": 5.0, "coverage": 0.6, "coverage2": 0.4}
    assert is_tie(ranked, {**rest, "action": -1.0})
    assert not is_tie(ranked, {**rest, "action": 1.0})
    assert not is_tie(ranked, {**rest, "action": 0.0})
    assert not is_tie([(0, 10.0), (1, 6.0)], {**rest, "action": -1.0})


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("孩子刚出生 想给他交医保 怎么弄", "城乡居民基本医疗保险参保缴费"),
        ("娃娃才生下来 咋个给他上医保", "城乡居民基本医疗保险参保缴费"),
        ("就生了一个儿子 我们老两口都六十多了 有啥奖励", "农村部分计划生育家庭奖励扶助"),
        ("俺爹参加过核试验 有没有补助", "重点优抚对象抚恤补助申领"),
        ("两补怎么申请 我是重度残疾", "残疾人两项补贴申请"),
        ("想转院去市里 医保要办啥手续", "城乡居民医保异地就医备案"),
        ("老板想把我家的地包下来种 要办啥", "土地承包经营权流转"),
        ("身份证可以补办吗", "居民身份证办理"),
        ("户口能不能迁到县城", "户口迁移"),
        ("零时救助怎么申请", "临时救助申请"),
        ("地已经流转了 种粮补贴给谁", "实际种粮农民一次性补贴"),
        ("失业登记已经办了 想报名学电焊", "职业技能培训报名"),
        ("医保怎么交 微信上能交不", "城乡居民基本医疗保险参保缴费"),
        ("农保交了二十年了 啥时候开始发钱", "城乡居民基本养老保险待遇领取"),
    ],
)
def test_answered(rules: Matcher, text: str, item: str) -> None:
    decision = rules.decide(text)
    assert decision.item is not None and decision.item.name == item, decision.explain["why"]


@pytest.mark.parametrize(
    "text",
    [
        "出生证明掉了 医院可以补开吗",
        "糖尿病能不能喝酒",
        "请个月嫂多少钱一个月",
        "塑料大棚咋个搭",
        "借呗的钱还不上怎么办",
        "现在有啥补助能领",
    ],
)
def test_out_of_scope(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "unknown", rules.decide(text).explain


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("低保材料上周报的 递到镇上了没有", "status"),
        ("早晨", "greeting"),
        ("你们大厅总共多少个窗口", "center_info"),
        ("想跟你们坐班的人说几句", "human"),
    ],
)
def test_intent(rules: Matcher, text: str, intent: str) -> None:
    assert rules.decide(text).intent == intent, rules.decide(text).explain
