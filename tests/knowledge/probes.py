"""Helpers the matcher's probe tests share (tests/knowledge/test_round*.py and others)."""

from __future__ import annotations

from knowledge.context import is_context
from knowledge.intents import IntentPhrases
from knowledge.matcher import Matcher
from knowledge.normalize import basic

# the built-in intent families alone, no lexicon phrases
FAMILIES = IntentPhrases.build({})


def families(text: str) -> set[str]:
    """The intent families whose cues the normalized text holds."""
    return set(FAMILIES.find(basic(text)))


def reason(text: str, mention: str, material: bool = False) -> str | None:
    """Why the first `mention` in `text` is context, not the need (context.is_context), with
    every word, or none, taken for a material to bring."""
    start = text.index(mention)
    return is_context(text, start, start + len(mention), lambda word: material)


def assert_guided(matcher: Matcher, text: str, item: str) -> None:
    """`text` is answered directly (the 一次性告知) with the item named `item`."""
    decision = matcher.decide(text)
    assert decision.intent == "guide", (text, decision.intent, decision.explain)
    assert decision.item is not None and decision.item.name == item, (text, decision.explain)
