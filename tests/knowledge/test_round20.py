"""Round 20 (all training files gathered, misses grouped by cause): a cue read on a misspelling is
gone once the word is repaired, the app one pays with or lacks is how or who, not what is asked,
the insurance used where one lives now, or settled on the spot, is registering away from home, and
a commercial policy's claim is the insurer's.

The intents are read on the message before the homophones are repaired, so 能吃 before 低堡 (a
slip of 低保) was read as advice on food and the message rejected. A cue that the repaired text
no longer shows (能吃低保) is dropped; a repair adds no cue (偷粟 repaired as 投诉 is no complaint),
and 这个菌子能吃吗 stays advice.
The payment app after the verb of paying (钱哪里交 冇得微信吗), the app paid with (用微信付款), and
an app or a smartphone one lacks or cannot use (俺娘没有智能手机, 奶奶不会用微信) tell how the
insurance is paid or who asks, not the app's business; the app's own matters (微信怎么改密码, 话费
能用微信交吗, 没有智能手机 怎么下载抖音) stay out.
The insurance asked to be used over there with the place after it (医保能在那边用吗, 医保怎么在外省
用), a formality first so that the bill is settled on the spot (看病前要办啥才能直接报), and the
insurance used directly (能不能直接用我们这的医保, 想直接刷医保卡) are registering away from home,
not the reimbursement; 能不能 no longer reads as 不能 in the guards of that cue. A bill not settled
on the spot (没备案 回来咋报, 医保不能直接刷 回来怎么报) stays the reimbursement.
A commercial policy's own claim or payout (商业医疗险住院怎么理赔, 买的商业养老保险 老了咋领) is the
insurer's business even when an item's words are named; one not bought or set aside (没买商业保险
住院报销要带啥, 除了商业保险 农村医保能报多少) leaves the residents' schemes their items.
Probes written for these tests, not taken from the labelled files.
"""

from __future__ import annotations

import pytest

from knowledge import cues
from knowledge.matcher import Matcher
from knowledge.normalize import basic
from knowledge.scoring import repaired
from tests.knowledge.probes import assert_guided

LOW_INCOME = "最低生活保障申请"
MEDICAL_FEE = "城乡居民基本医疗保险参保缴费"
AWAY = "城乡居民医保异地就医备案"
REFUND = "医疗费用零星报销"
INSURED_AWAY = [p for p, word in cues.TOPIC_CUES if word == cues.words("insured_away_word")]


def test_repaired_applies_the_homophones_and_slips() -> None:
    steps: dict[str, object] = {"pinyin": [("吃低堡", "吃低保")], "shape": [("杜保", "低保")]}
    assert repaired("能吃低堡吗", steps) == "能吃低保吗"
    assert repaired("杜保怎么办", steps) == "低保怎么办"
    assert repaired("能吃低堡吗", {}) == "能吃低堡吗"


@pytest.mark.parametrize(
    "text", ["俺爹这情况能吃低堡不", "家里困难 想吃低堡", "老两口能不能吃低宝"]
)
def test_a_misspelt_assistance_is_no_advice(rules: Matcher, text: str) -> None:
    assert_guided(rules, text, LOW_INCOME)


@pytest.mark.parametrize("text", ["这个菌子能吃吗", "野猪肉能吃不"])
def test_food_advice_stays_out(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "钱在哪交 冇得微信吗",
        "能用微信付款吗",
        "俺娘没有智能手机",
        "奶奶不会用微信",
        "交钱能用支付宝吗",
    ],
)
def test_the_app_paid_with_or_lacked_is_a_means(text: str) -> None:
    assert cues.MEANS_PAID.search(basic(text))


@pytest.mark.parametrize("text", ["微信怎么改密码", "支付宝怎么开通花呗", "智能手机哪个牌子好"])
def test_the_apps_own_matters_are_no_means(text: str) -> None:
    assert not cues.MEANS_PAID.search(basic(text))


@pytest.mark.parametrize(
    "text",
    ["农村医保交冇得微信吗", "我爸没有智能手机 医保去哪交", "奶奶不会用微信 今年医保咋交"],
)
def test_the_app_does_not_sink_paying_the_insurance(rules: Matcher, text: str) -> None:
    assert_guided(rules, text, MEDICAL_FEE)


@pytest.mark.parametrize(
    "text",
    ["微信怎么改密码", "话费能用微信交吗", "我没有智能手机 怎么下载抖音", "支付宝怎么开通花呗"],
)
def test_the_apps_own_business_stays_out(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "医保卡能在外地刷吗",
        "医保怎么在那边用",
        "看病前要办啥才能直接报",
        "能不能直接用我们这的医保",
        "老家的医保能不能在那边直接刷",
    ],
)
def test_insurance_used_away_is_read(text: str) -> None:
    assert any(p.search(basic(text)) for p in INSURED_AWAY)


@pytest.mark.parametrize(
    "text", ["医保不能直接刷 回来怎么报", "没有直接用医保", "医保在镇卫生院能用吗", "医保卡怎么用"]
)
def test_insurance_not_used_away_is_not_read(text: str) -> None:
    assert not any(p.search(basic(text)) for p in INSURED_AWAY)


@pytest.mark.parametrize(
    "text",
    [
        "医保卡能在外地刷吗",
        "老家医保怎么在外省用",
        "住院前要先办啥才能直接结算",
        "在那边能直接刷医保卡吗 要办啥",
    ],
)
def test_insurance_used_away_is_registering(rules: Matcher, text: str) -> None:
    assert_guided(rules, text, AWAY)


@pytest.mark.parametrize(
    "text", ["在外地住院没备案 回来咋报", "医保不能直接刷 回来怎么报", "没有直接用医保 票据咋报"]
)
def test_a_bill_not_settled_on_the_spot_stays_reimbursed(rules: Matcher, text: str) -> None:
    assert_guided(rules, text, REFUND)


@pytest.mark.parametrize(
    "text",
    [
        "商业医疗险住院怎么理赔",
        "在保险公司买的商业保险 看病的钱咋报销",
        "买了商业养老保险 老了咋领",
    ],
)
def test_a_commercial_policys_claim_stays_out(rules: Matcher, text: str) -> None:
    decision = rules.decide(text)
    assert decision.intent == "unknown", (text, decision.intent, decision.explain)


@pytest.mark.parametrize(
    "text",
    ["除了商业保险 农村医保住院能报销多少", "我没有买商业保险 住院报销要带啥", "商业保险广告"],
)
def test_a_commercial_policy_set_aside_is_no_claim(text: str) -> None:
    assert not cues.COMMERCIAL_CLAIM.search(basic(text))


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("没买商业保险 住院报销要带啥", REFUND),
        ("我没有买商业保险 住院报销要带啥", REFUND),
        ("城乡居民养老保险六十岁咋领", "城乡居民基本养老保险待遇领取"),
    ],
)
def test_the_residents_schemes_keep_their_items(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)
