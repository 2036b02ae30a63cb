"""A bare topic alias names the topic's sibling items (scoring.Scorer.share_topic): 农村养老保险 is
listed under 参保登记, but a message that wants to 领 names 待遇领取 by it as much."""

from __future__ import annotations

from knowledge.matcher import Matcher


def index_of(matcher: Matcher, name: str) -> int:
    return next(i for i, item in enumerate(matcher.catalog.items) if item.name == name)


def test_a_topic_alias_names_the_sibling_whose_action_is_wanted(real: Matcher) -> None:
    scorer = real.scorer
    pay = index_of(real, "城乡居民基本养老保险参保登记")
    draw = index_of(real, "城乡居民基本养老保险待遇领取")
    hit = (10.0, "农村养老保险", "alias", None)
    shared = scorer.share_topic({pay: hit}, {"draw"})
    assert shared[draw] == hit and shared[pay] == hit
    assert draw not in scorer.share_topic({pay: hit}, {"pay"})  # its own action: no sharing
    assert draw not in scorer.share_topic({pay: hit}, set())  # no action wanted


def test_an_alias_with_its_own_verb_or_another_topic_is_not_shared(real: Matcher) -> None:
    scorer = real.scorer
    pay = index_of(real, "城乡居民基本养老保险参保登记")
    draw = index_of(real, "城乡居民基本养老保险待遇领取")
    verb = (10.0, "交养老保险", "alias", None)
    assert draw not in scorer.share_topic({pay: verb}, {"draw"})
    elderly = index_of(real, "老年人优待证办理")
    card = index_of(real, "居民身份证办理")
    hit = (10.0, "老年证", "alias", None)
    assert card not in scorer.share_topic({elderly: hit}, {"replace"})  # only 办理 in common


def test_paid_for_years_and_wanting_to_draw_is_not_answered_as_enrolment(real: Matcher) -> None:
    for text in ("居民养老保险交了二十年 到岁数了 咋办领取", "农村养老保险交够十五年了 去哪办领取"):
        decision = real.decide(text)
        assert decision.intent == "guide" and decision.item is not None, text
        assert decision.item.name == "城乡居民基本养老保险待遇领取", text


def test_topic_siblings_are_computed_once_per_item(real: Matcher) -> None:
    scorer = real.scorer
    pay = index_of(real, "城乡居民基本养老保险参保登记")
    draw = index_of(real, "城乡居民基本养老保险待遇领取")
    siblings = scorer.topic_siblings(pay)
    assert draw in [other for other, _ in siblings]
    assert all(common for _, common in siblings)  # they share a name word
    assert scorer.topic_siblings(pay) is siblings
