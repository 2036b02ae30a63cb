"""Validate lexicon.yaml (synonyms, fillers, intent phrases) and build the `Lexicon`. Synonym
chains are followed to their end so the matcher can apply synonyms in a single pass."""

from __future__ import annotations

from knowledge.catalog import Lexicon, Problem
from knowledge.fields import Fields
from knowledge.yamlsrc import LineDict

INTENT_KEYS = ("human", "status", "complaint", "center_info", "greeting", "out_of_scope_hints")


def parse_lexicon(file: str, data: LineDict, problems: list[Problem]) -> Lexicon:
    f = Fields(file, data, problems)
    f.known(("synonyms", "fillers", "intents"))
    synonyms: dict[str, str] = {}
    raw = f.mapping("synonyms") or LineDict(data.line)
    for key, value in raw.items():
        if (
            not isinstance(key, str)
            or not isinstance(value, str)
            or not key.strip()
            or not value.strip()
        ):
            problems.append(
                Problem(file, raw.line_of(key), f"synonym {key!r}: both sides must be text")
            )
            continue
        synonyms[key.strip()] = value.strip()
    resolved = _resolve_chains(synonyms, file, raw, problems)
    intents: dict[str, tuple[str, ...]] = {}
    idata = f.mapping("intents")
    if idata is not None:
        sub = Fields(file, idata, problems, "intents.")
        sub.known(INTENT_KEYS)
        for key in INTENT_KEYS:
            intents[key] = sub.texts(key)
    return Lexicon(synonyms=resolved, fillers=f.texts("fillers"), intents=intents)


def _resolve_chains(
    synonyms: dict[str, str], file: str, raw: LineDict, problems: list[Problem]
) -> dict[str, str]:
    """Follow a -> b -> c to its end so the matcher applies synonyms in one pass."""
    resolved: dict[str, str] = {}
    for key, value in synonyms.items():
        seen = {key}
        while value in synonyms and value != synonyms[value]:
            if value in seen:
                problems.append(Problem(file, raw.line_of(key), f"synonym cycle through {key!r}"))
                break
            seen.add(value)
            value = synonyms[value]
        if key != value:
            resolved[key] = value
    return resolved
