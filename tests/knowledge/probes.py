"""Helpers the matcher's probe tests share (tests/knowledge/test_round*.py and others)."""

from __future__ import annotations

from knowledge.context import is_context
from knowledge.intents import IntentPhrases
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
