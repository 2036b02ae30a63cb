"""Round 19 (all training files gathered, misses grouped by cause): a verb brought up to its full
amount is a condition reached, 交 asked with what hands in papers, whether paying in is worth it
is the grade chosen, and an office where one's card failed is why it is replaced.

A verb followed by 满, 够 or 足 and an amount (交满十五年, 缴够年限, 交足十五年) tells a condition
already reached, not the action wanted: the keyword 交满十五年 of drawing the residents' pension
no longer makes that item one of paying in too, so a message that wants to start paying (现在开始
交还来得及吗, 一年最少交多少) sets the enrolment apart from the drawing instead of weighing both
alike (the pension's two siblings were the largest group of menus, in seven files). A verb with
a time or a grade after it (交十五年, 满六十岁领) is untouched.
交 asked with what (要交什么, 得交些啥, 交哪些) hands in papers: it wants no paying in, so drawing
the pension 要交什么 stays the drawing; 交多少, 交啥档次 and 交钱 still pay.
Whether paying in is worth it (交多少档划算, 交高档的划算不, 一年交五百划算不) is the insurance's own
choice of grade, like 交哪个档次划算, not shopping advice; a bargain asked without the verb of
paying in (哪家超市买米划算, 交电费用哪个app划算 far from it) stays out.
Another office where one's card failed (在银行刷不了, 信用社读不出来) or that said it had expired
(银行说我的身份证过期了) is why the card is replaced, not that office's business; the office's
own card or loan (银行卡在取款机刷不出来, 银行说我贷款逾期了) stays out.
Probes written for these tests, not taken from the labelled files.
"""

from __future__ import annotations

import pytest

from knowledge.actions import HANDED_IN, profile, wanted
from knowledge.context import DONE, verb_role
from knowledge.matcher import Matcher
from tests.knowledge.probes import assert_guided

ENROL = "城乡居民基本养老保险参保登记"
DRAW = "城乡居民基本养老保险待遇领取"


@pytest.mark.parametrize("text", ["交满十五年", "缴够年限了", "交足十五年", "交满15年"])
def test_a_verb_brought_to_its_full_amount_is_done(text: str) -> None:
    assert verb_role(text, 0, 1, force=True) == DONE


@pytest.mark.parametrize("text", ["交十五年", "交多少", "交满意吗", "交足够吗"])
def test_a_verb_without_a_full_amount_is_not_done(text: str) -> None:
    assert verb_role(text, 0, 1, force=True) != DONE


def test_a_condition_keyword_gives_its_item_no_action() -> None:
    assert profile(["交满十五年"]) == frozenset()
    assert profile(["交养老保险"]) == frozenset({"pay"})
    assert "draw" in profile(["领养老金", "交满十五年"])


def test_the_drawing_of_the_pension_is_no_paying_in(rules: Matcher) -> None:
    actions = rules.scorer.actions
    names = [t.name for t in rules.scorer.texts]
    assert "pay" not in actions[names.index(DRAW)]
    assert "pay" in actions[names.index(ENROL)]


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("农村养老保险现在开始交晚不晚", ENROL),
        ("城乡居民养老保险每年交多少档合适", ENROL),
        ("三十多岁没上班 想自己交农村养老保险", ENROL),
        ("养老保险交够十五年了 领钱去哪办", DRAW),
        ("农保交满十五年了 啥时候能领钱", DRAW),
    ],
)
def test_paying_in_and_drawing_are_told_apart(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)


@pytest.mark.parametrize("text", ["领养老金要交什么", "得交些啥", "要交哪些"])
def test_asked_with_what_is_handing_in(text: str) -> None:
    assert HANDED_IN.search(text)


@pytest.mark.parametrize("text", ["医保交多少", "养老保险交啥档次好", "交什么钱", "交钱"])
def test_paying_with_an_amount_is_still_paying(text: str) -> None:
    assert not HANDED_IN.search(text)


def test_handed_in_drops_only_the_clause_ending_verb() -> None:
    assert wanted("要交", ["要", "交"], lambda word: False, handed_in=True)[0] == frozenset()
    assert "pay" in wanted("要交", ["要", "交"], lambda word: False)[0]
    kept = wanted(
        "要交 交多少", ["要", "交", " ", "交", "多少"], lambda word: False, handed_in=True
    )
    assert "pay" in kept[0]


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("农村养老金要开始领了 得交些啥", DRAW),
        ("满六十岁了领养老金要交什么", DRAW),
        ("养老保险交啥档次好", ENROL),
        ("医保今年交多少", "城乡居民基本医疗保险参保缴费"),
    ],
)
def test_handing_in_keeps_the_item(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("城乡居民养老保险交多少档划算", ENROL),
        ("养老保险交高档划算不", ENROL),
        ("城乡养老一年交五百划算不", ENROL),
        ("医保交两档哪个划算", "城乡居民基本医疗保险参保缴费"),
    ],
)
def test_whether_paying_in_is_worth_it_is_the_grade(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)


@pytest.mark.parametrize("text", ["哪家超市买米划算", "在哪买电动车划算", "交电费用哪个app划算"])
def test_a_bargain_without_paying_in_stays_out(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "unknown"


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("老人身份证在银行刷不了 要去换吗", "居民身份证办理"),
        ("银行说我的身份证过期了 在哪补", "居民身份证办理"),
        ("社保卡在信用社读不出来了 咋换新的", "社会保障卡申领"),
    ],
)
def test_an_office_where_the_card_failed_is_why(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)


@pytest.mark.parametrize("text", ["银行卡在取款机刷不出来怎么办", "银行说我贷款逾期了怎么办"])
def test_the_offices_own_card_or_loan_stays_out(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "unknown"
