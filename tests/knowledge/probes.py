"""Helpers the matcher's probe tests share (tests/knowledge/test_round*.py and others)."""

from __future__ import annotations

from knowledge.intents import IntentPhrases
from knowledge.normalize import basic

# the built-in intent families alone, no lexicon phrases
FAMILIES = IntentPhrases.build({})


def families(text: str) -> set[str]:
    """The intent families whose cues the normalized text holds."""
    return set(FAMILIES.find(basic(text)))
