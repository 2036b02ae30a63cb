"""An item's action profile (actions.profile) holds what the item does, not what a keyword says was
not done: 没备案 (a keyword of 医疗费用零星报销) does not make it a 备案 item."""

from __future__ import annotations

from knowledge.actions import profile


def test_a_negated_verb_in_a_keyword_is_not_the_items_action() -> None:
    assert "record" in profile(["异地就医备案"])
    assert "record" not in profile(["没备案"])
    assert "record" not in profile(["零星报销", "没备案", "先垫"])
    assert "refund" in profile(["零星报销", "没备案"])


def test_verbs_still_give_their_actions() -> None:
    assert "draw" in profile(["领养老金"])
    assert "move" in profile(["户口迁移"])
