"""Recognize the non-item intents of a message: a ticket number, and the trigger phrases of
lexicon.yaml (human, status, complaint, center_info, greeting, out_of_scope_hints).

Pure: phrases come from the catalog's lexicon; this module only finds them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from knowledge.normalize import basic

# Ticket numbers look like BM20261121-0007 (interfaces.md); villagers may drop the dash or add
# spaces, and may type full-width letters (NFKC folds them).
TICKET = re.compile(r"bm\s*(\d{8})\s*[-_\s]?\s*(\d{4})", re.IGNORECASE)
MIN_GAPPED = 3
INTENTS = ("human", "complaint", "status", "center_info", "greeting", "out_of_scope_hints")


def find_ticket(text: str) -> str | None:
    match = TICKET.search(unicodedata.normalize("NFKC", text))
    if match is None:
        return None
    return f"BM{match.group(1)}-{match.group(2)}"


def gapped_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """Phrases of 3+ characters also match with one extra character inside, because villagers
    insert measure words and particles: 给我打电话 ~ 给我打个电话, 办到哪了 ~ 办到哪里了."""
    alternatives: set[str] = set()
    for phrase in phrases:
        if not phrase:
            continue
        alternatives.add(re.escape(phrase))
        if len(phrase) >= MIN_GAPPED:
            for cut in range(1, len(phrase)):
                alternatives.add(re.escape(phrase[:cut]) + "." + re.escape(phrase[cut:]))
    if not alternatives:
        return None
    return re.compile("|".join(sorted(alternatives, key=lambda a: (-len(a), a))))


@dataclass(frozen=True)
class IntentPhrases:
    """Compiled trigger phrases per intent (normalized like messages are)."""

    patterns: Mapping[str, re.Pattern[str] | None]

    @classmethod
    def build(cls, intents: Mapping[str, tuple[str, ...]]) -> IntentPhrases:
        return cls(
            {
                name: gapped_pattern(basic(p).replace(" ", "") for p in intents.get(name, ()))
                for name in INTENTS
            }
        )

    def find(self, text: str) -> dict[str, list[str]]:
        """intent -> the phrases found in the (normalized) text."""
        compact = text.replace(" ", "")
        hits: dict[str, list[str]] = {}
        for name, pattern in self.patterns.items():
            if pattern is not None:
                found = pattern.findall(compact)
                if found:
                    hits[name] = found
        return hits
