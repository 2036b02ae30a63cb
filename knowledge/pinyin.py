"""Toneless pinyin for homophone repair. Character readings come from a table cached on disk
(built once from pypinyin for the whole CJK block), so answering a question does not pay for
importing pypinyin's large dictionaries; pypinyin is imported only to build caches.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from knowledge.cache import cached_json, write_atomic

CJK_FIRST, CJK_LAST = 0x4E00, 0x9FFF
TABLE_FILE = "pinyin-readings-1.json"
_readings: dict[str, str] = {}


def _pypinyin(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin  # slow import (~0.4 s): only when building caches

    result: list[str] = lazy_pinyin(text, style=Style.NORMAL, errors="ignore")
    return result


def _build_table() -> dict[str, str]:
    chars = "".join(chr(code) for code in range(CJK_FIRST, CJK_LAST + 1))
    # one character at a time: the usual reading of each, not a reading in context
    return {ch: reading for ch in chars for reading in _pypinyin(ch)[:1]}


def load_reading_table(cache_dir: Path) -> None:
    """Load (building it the first time) the table of usual readings of all CJK characters."""
    path = cache_dir / TABLE_FILE
    if not _readings:
        _readings.update(cached_json(path, _build_table))
    elif not path.is_file():  # already in memory: still leave it for the next process
        write_atomic(path, json.dumps(_readings, ensure_ascii=False, separators=(",", ":")))


def char_reading(ch: str) -> str:
    """The usual toneless pinyin of one character ('' for non-Chinese characters).

    Only the usual reading: an input-method typo is a character whose usual reading is the
    intended one, while rare readings (的 as di, 租 as ju) would only produce false repairs."""
    reading = _readings.get(ch)
    if reading is None:
        found = _pypinyin(ch)
        reading = _readings[ch] = found[0] if found else ""
    return reading


def word_pinyin(word: str) -> tuple[str, ...]:
    """Toneless pinyin of a word as read in context (phrase dictionary aware)."""
    return tuple(_pypinyin(word))


# Southern and north-western speakers merge these sounds, and their input methods' fuzzy
# pinyin (模糊音) lets them: 龙机 for 农机 (n/l), 光龙牌 for 光荣牌 (r/l), 身份阵 for 身份证
# (zh/z, -ng/-n), 胡口 for 户口 is already a homophone. Longest prefix first.
_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("r", "l"), ("f", "h"))
_FUZZY_FINALS = (("iang", "ian"), ("uang", "uan"), ("ang", "an"), ("eng", "en"), ("ing", "in"))


@cache  # a few hundred syllables
def fuzzy(syllable: str) -> str:
    """A toneless syllable with the sounds fuzzy pinyin merges merged (zhen, zheng -> zen)."""
    for long, short in _FUZZY_INITIALS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long) :]
            break
    for long, short in _FUZZY_FINALS:
        if syllable.endswith(long):
            return syllable[: -len(long)] + short
    return syllable
