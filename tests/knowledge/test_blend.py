"""How the rules' verdict and the learned model's probabilities make one decision
(knowledge/blend.py), case by case, and on the real catalog through Matcher.decide."""

from __future__ import annotations

import pytest

from knowledge.blend import (
    CLOSE_AT,
    GUIDE_AT,
    INTENT_AT,
    MENU_LEARNED,
    NAMED_OTHER_AT,
    OFFER_AT,
    OVERRULE_AT,
    SHORT,
    UNKNOWN_AT,
    blend,
    consulted,
)
from knowledge.decision import Verdict
from knowledge.matcher import Matcher

INDEX = {"a": 0, "b": 1, "c": 2, "d": 3, "e": 4, "new": 5}
NAMES = sorted(INDEX, key=INDEX.__getitem__)
TAUGHT = frozenset({"a", "b", "c", "d", "e", "unknown", "status", "human"})
LONG = SHORT + 5


def mix(verdict: Verdict, learned: list[tuple[str, float]], **kw: object) -> Verdict:
    args: dict[str, object] = {"named": False, "length": LONG, "hinted": False}
    args.update(kw)
    return blend(verdict, learned, INDEX, NAMES, TAUGHT, **args)  # type: ignore[arg-type]


GUIDE_A = Verdict("guide", "rules", item=0)
UNKNOWN = Verdict("unknown", "rules")
MENU_BC = Verdict("clarify", "rules", candidates=(1, 2))


@pytest.mark.parametrize("intent", ["status", "complaint", "human", "center_info", "greeting"])
def test_the_rules_non_item_intents_stand(intent: str) -> None:
    verdict = Verdict(intent, "rules")
    assert mix(verdict, [("b", 0.99)]) is verdict


def test_an_item_named_in_the_message_stands() -> None:
    assert mix(GUIDE_A, [("a", 0.5), ("b", 0.4)], named=True) is GUIDE_A
    assert mix(GUIDE_A, [("b", NAMED_OTHER_AT - 0.01)], named=True) is GUIDE_A
    assert mix(GUIDE_A, [("unknown", 0.99)], named=True) is GUIDE_A


def test_a_named_item_against_the_models_sure_other_item_offers_both() -> None:
    # round 23: 有残疾证的 每个月那个补助去哪里报 names the card, asks for the allowance
    got = mix(GUIDE_A, [("b", NAMED_OTHER_AT), ("a", 0.1)], named=True)
    assert (got.intent, got.candidates) == ("clarify", (0, 1))


def test_a_close_runner_up_makes_a_menu() -> None:
    # round 23: 家里墙裂了 低保户 想修房子: the rules and the model agree on one item, but the
    # model weighs another nearly as much
    got = mix(GUIDE_A, [("a", 0.45), ("b", CLOSE_AT)])
    assert (got.intent, got.candidates) == ("clarify", (0, 1))
    assert mix(GUIDE_A, [("a", 0.45), ("b", CLOSE_AT - 0.01)]) is GUIDE_A
    got = mix(UNKNOWN, [("b", 0.5), ("c", CLOSE_AT)])
    assert (got.intent, got.candidates) == ("clarify", (1, 2))
    # the rules' own other item joins the menu
    got = mix(GUIDE_A, [("b", 0.5), ("c", CLOSE_AT)])
    assert (got.intent, got.candidates) == ("clarify", (1, 2, 0))


def test_a_short_message_keeps_the_rules_verdict() -> None:
    # a name typed into a form, or one word several items share, keeps its menu
    for verdict in (GUIDE_A, UNKNOWN, MENU_BC):
        assert mix(verdict, [("b", 0.99)], length=SHORT - 1) is verdict


def test_the_model_is_consulted_only_where_it_could_count() -> None:
    assert consulted(UNKNOWN, length=LONG)
    assert consulted(GUIDE_A, length=LONG)  # named or not: round 23, the name may be the story
    assert consulted(MENU_BC, length=LONG)  # a menu of named siblings may be settled
    assert not consulted(MENU_BC, length=SHORT - 1)
    assert not consulted(Verdict("status", "rules"), length=LONG)


def test_a_short_message_is_decided_without_the_model(real: Matcher) -> None:
    decision = real.decide("\u6551\u52a9")  # 救助: one word several items share
    assert decision.intent == "clarify" and "learned" not in decision.explain


def test_an_item_the_model_never_saw_is_the_rules_alone() -> None:
    verdict = Verdict("guide", "rules", item=INDEX["new"])
    assert mix(verdict, [("b", 0.99)]) is verdict


def test_agreement_stands() -> None:
    assert mix(GUIDE_A, [("a", 0.3), ("b", 0.2)]) is GUIDE_A


def test_the_model_sure_of_unknown_rejects() -> None:
    assert mix(GUIDE_A, [("unknown", OVERRULE_AT), ("a", 0.2)]).intent == "unknown"
    assert mix(MENU_BC, [("unknown", UNKNOWN_AT), ("b", 0.2)]).intent == "unknown"
    assert mix(MENU_BC, [("unknown", 0.9)]).intent == "unknown"


def test_an_item_the_rules_answered_is_asked_about_when_the_model_only_leans_to_unknown() -> None:
    # round 22: 村里的补贴公示在哪里能看到 (rules: the subsidy lookup, sure; the model: unknown 0.55)
    got = mix(GUIDE_A, [("unknown", (UNKNOWN_AT + OVERRULE_AT) / 2), ("b", 0.2)])
    assert (got.intent, got.candidates) == ("clarify", (0, 1))
    got = mix(GUIDE_A, [("unknown", (UNKNOWN_AT + OVERRULE_AT) / 2), ("b", 0.05)])
    assert (got.intent, got.candidates) == ("clarify", (0,))


def test_the_model_leaning_to_unknown_offers_its_items() -> None:
    got = mix(UNKNOWN, [("unknown", UNKNOWN_AT - 0.1), ("b", 0.2), ("c", OFFER_AT), ("d", 0.05)])
    assert (got.intent, got.candidates) == ("clarify", (1, 2))


def test_another_non_item_guess_does_not_overrule_an_item() -> None:
    assert mix(GUIDE_A, [("status", 0.9)]) is GUIDE_A


def test_the_models_sure_item_is_answered() -> None:
    got = mix(UNKNOWN, [("b", GUIDE_AT), ("c", 0.1)])
    assert (got.intent, got.item) == ("guide", 1)
    got = mix(MENU_BC, [("c", 0.8)])
    assert (got.intent, got.item) == ("guide", 2)


def test_rules_and_model_on_two_items_the_model_also_weighs_offer_both() -> None:
    got = mix(GUIDE_A, [("b", 0.6), ("a", 0.2)])
    assert (got.intent, got.candidates) == ("clarify", (1, 0))


def test_rules_item_the_model_does_not_weigh_gives_way() -> None:
    got = mix(GUIDE_A, [("b", 0.9), ("c", 0.05)])
    assert (got.intent, got.item) == ("guide", 1)


def test_another_offices_question_gets_at_most_a_menu() -> None:
    got = mix(UNKNOWN, [("b", 0.9)], hinted=True)
    assert (got.intent, got.candidates) == ("clarify", (1,))


def test_an_uncertain_model_offers_a_menu_with_the_rules_item() -> None:
    learned = [("b", 0.3), ("c", 0.2), ("d", 0.15), ("e", 0.12), ("unknown", 0.11), ("a", 0.05)]
    got = mix(GUIDE_A, learned)
    assert got.intent == "clarify"
    assert got.candidates == (1, 2, 3, 4, 0) and MENU_LEARNED == 4


def test_nothing_to_offer_keeps_the_rules_verdict() -> None:
    assert mix(MENU_BC, [("b", 0.05), ("c", 0.05)]) is MENU_BC


def test_the_matcher_explains_the_models_guess(real: Matcher) -> None:
    decision = real.decide(
        "\u4ffa\u5bb6\u7537\u4eba\u762b\u5728\u5e8a\u4e0a\u597d\u51e0\u5e74\u4e86"
        "\u4e00\u5bb6\u5b50\u5c31\u9760\u6211\u79cd\u4e24\u4ea9\u5730\u65e5\u5b50"
        "\u5b9e\u5728\u8fc7\u4e0d\u4e0b\u53bb\u4e86\u653f\u5e9c\u80fd\u7ed9\u70b9"
        "\u5565\u4fdd\u969c\u4e0d"
    )  # a long story that never names minimum living allowance (低保) but needs it
    assert decision.intent == "guide" and decision.item is not None
    assert decision.item.id == "dibao"
    assert decision.explain["learned"][0][0] == decision.item.name


@pytest.mark.parametrize(
    "question",
    [
        "\u53f0\u6e7e\u8eab\u4efd\u8bc1\u8fc7\u4e86\u671f\u5728\u54ea\u6362",  # a Taiwan ID card
        "\u793e\u4fdd\u5361\u5728\u94f6\u884c\u600e\u4e48\u6539\u5bc6\u7801",  # the bank's PIN
        "\u533b\u4fdd\u5361\u5728\u8d85\u5e02\u5237\u5361\u4e70\u6cb9\u884c\u4e0d\u884c",
        "\u623f\u5c4b\u79df\u8d41\u5408\u540c\u53bb\u54ea\u5907\u6848",  # a lease contract
    ],
)
def test_other_offices_questions_are_never_answered_as_an_item(
    real: Matcher, question: str
) -> None:
    assert real.decide(question).intent in ("unknown", "clarify")


def test_the_models_own_intent_where_the_rules_saw_nothing() -> None:
    # round 22: 恁们后晌几点下班 reads as nothing to the rules; the model knows the center's hours
    assert mix(UNKNOWN, [("center_info", INTENT_AT), ("unknown", 0.2)]).intent == "center_info"
    assert mix(UNKNOWN, [("human", INTENT_AT - 0.01), ("unknown", 0.3)]).intent == "unknown"
    # ...never an item label this catalog lacks (a town's catalog) taken for an intent
    assert mix(UNKNOWN, [("gone", INTENT_AT + 0.3), ("unknown", 0.05)]).intent == "unknown"
    # ...never against an item the rules saw
    assert mix(GUIDE_A, [("center_info", 0.95)]) is GUIDE_A
    assert mix(MENU_BC, [("human", 0.95)]) is MENU_BC
