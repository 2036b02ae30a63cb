"""Text normalization for matching: full/half width, Traditional -> Simplified, punctuation,
filler words, synonyms from lexicon.yaml, and pinyin repair of homophone typos (地保 -> 低保).

Pure functions and small immutable helpers; no catalog knowledge beyond the word lists given.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from opencc import OpenCC

from knowledge import texts
from knowledge.pinyin import char_reading, fuzzy, word_pinyin
from knowledge.retrie import trie_alternation

_T2S = OpenCC("t2s")
_LATIN_WORD = re.compile("[a-z]{2,}")
_LATIN_RUN = re.compile("[a-z]+(?: [a-z]+)*")
# one Latin syllable with Chinese characters against it on at least one side (五bao户, 低bao); of
# three letters at least: two letters are more often an abbreviation or stray letters (ID, DI)
_HALF_PINYIN = re.compile(
    r"([\u4e00-\u9fff]{0,3})(?<![a-z])([a-z]{3,6})(?![a-z])([\u4e00-\u9fff]{0,3})"
)
_SPACES = re.compile(r"\s+")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
# Characters kept as they are; everything else (punctuation, symbols, emoji, controls) becomes a
# space so that it still separates words.
_KEEP_CATEGORIES = ("L", "N")


def is_cjk(text: str) -> bool:
    return bool(_CJK.match(text))


@lru_cache(maxsize=16384)
def _is_traditional(ch: str) -> bool:
    """True for a character opencc would change (skips the slow converter for most messages)."""
    converted: str = _T2S.convert(ch)
    return converted != ch


_DIALECT = re.compile(trie_alternation(texts.DIALECT))
_DIALECT_CHARS = frozenset("".join(texts.DIALECT))
# Cantonese 点 + verb (点迁, 点交) is 怎么 + verb, not after a number, 几, 有 (几点交, 有点补)
_DIALECT_HOW = re.compile(
    f"(?<![0-9{texts.DIALECT_HOW_NOT_AFTER}]){texts.DIALECT_HOW_WORD}(?="
    + "|".join(sorted(texts.DIALECT_HOW_VERBS.split(), key=len, reverse=True))
    + ")"
)
# Wu 伐 closing a question (批下来了伐) is 吗, not the 伐 of 砍伐
_DIALECT_ASK = re.compile(
    rf"(?:(?<=[{texts.DIALECT_ASK_AFTER}])|(?<=[\u4e00-\u9fff])(?<![{texts.DIALECT_ASK_NOT_AFTER}]))"
    rf"{texts.DIALECT_ASK_WORD}(?!\w)"
)
_EMOJI = re.compile("|".join(map(re.escape, texts.EMOJI)))
# 社 保 卡 怎 么 办: three or more single characters each typed with a space after it (elderly
# hunt-and-peck typing) are one run of words, not one-character clauses
_SPACED_CHARS = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?: [\u4e00-\u9fff]){2,}(?![\u4e00-\u9fff])"
)
# round 17: 我 有 残疾 证 三级 的: a clause typed as words of one or two characters each with a
# space after it (second-language writers space every word) is one run, when at least three
# words, one lone character and two words of two characters stand in it; words of three or more
# characters are clauses of their own (低保 怎么申请 stays two), and one word before characters
# typed one by one keeps its space (低保 在 哪 办: 低保 在哪办)
_SPACED_WORDS = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{1,2}(?: [\u4e00-\u9fff]{1,2}){2,}(?![\u4e00-\u9fff])"
)
# ...and, in a message so typed, two lone characters too (孩 子，死 了: 死了)
_SPACED_PAIR = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff] [\u4e00-\u9fff](?![\u4e00-\u9fff])")
# round 22: a message of lone characters only (投 诉, 人 工, 谢 谢): one word typed apart
_ALL_LONE = re.compile(r"^[\u4e00-\u9fff](?: [\u4e00-\u9fff])+$")
_LONE_CHAR = re.compile(r"(?:^| )[\u4e00-\u9fff](?= |$)")
_EMOJI_CHARS = frozenset("".join(texts.EMOJI))
_STICKER = re.compile(r"\[([^\[\]]{1,4})\]")


def _join_spaced_words(match: re.Match[str]) -> str:
    run = match.group(0)
    pairs = sum(len(word) == 2 for word in run.split(" "))
    return run.replace(" ", "") if pairs >= 2 and _LONE_CHAR.search(run) else run


def basic(text: str) -> str:
    """Width, case, script, dialect words and punctuation: '戶口，怎麼遷？' -> '户口 怎么迁',
    '申請嘅嘢' -> '申请的东西'."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        if " " in text:
            if _ALL_LONE.match(text.strip()):
                text = text.strip().replace(" ", "")
            spaced = _SPACED_WORDS.sub(_join_spaced_words, text)
            spaced = _SPACED_CHARS.sub(lambda m: m.group(0).replace(" ", ""), spaced)
            if spaced != text:
                text = _SPACED_PAIR.sub(lambda m: m.group(0).replace(" ", ""), spaced)
        if not _EMOJI_CHARS.isdisjoint(text):
            text = _EMOJI.sub(lambda m: texts.EMOJI[m.group(0)], text)
        if "[" in text:
            text = _STICKER.sub(lambda m: texts.WECHAT_STICKERS.get(m.group(1), m.group(0)), text)
        if any(_is_traditional(ch) for ch in text):
            text = str(_T2S.convert(text))  # whole text: opencc converts some words as phrases
        if not _DIALECT_CHARS.isdisjoint(text):
            text = _DIALECT.sub(lambda m: texts.DIALECT[m.group(0)], text)
        if texts.DIALECT_HOW_WORD in text:
            text = _DIALECT_HOW.sub(texts.DIALECT_HOW, text)
        if texts.DIALECT_ASK_WORD in text:
            text = _DIALECT_ASK.sub(texts.DIALECT_ASK, text)
    chars = [ch if unicodedata.category(ch)[0] in _KEEP_CATEGORIES else " " for ch in text.lower()]
    return _SPACES.sub(" ", "".join(chars)).strip()


def compact(text: str) -> str:
    """`basic` without its spaces: a text as the matcher reads it, for finding words in it."""
    return basic(text).replace(" ", "")


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One regex that matches any phrase, preferring the longest (a trie: retrie.py)."""
    unique = {p for p in phrases if p}
    if not unique:
        return None
    return re.compile(trie_alternation(unique))


@dataclass(frozen=True)
class Replacer:
    """Replaces phrases by canonical words in one left-to-right, longest-first pass. An entry
    mapping a word to itself shields it: with 种粮补贴 -> 种粮补贴, the synonym 粮补 does not fire
    inside it."""

    mapping: Mapping[str, str]
    pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", phrase_pattern(self.mapping))

    def apply(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        if self.pattern is None:
            return text, []
        applied: list[tuple[str, str]] = []

        def sub(match: re.Match[str]) -> str:
            target = self.mapping[match.group(0)]
            if target != match.group(0):  # identity entries only shield a longer word
                applied.append((match.group(0), target))
            return target

        return self.pattern.sub(sub, text), applied


def shielded(synonyms: Mapping[str, str], words: Iterable[str]) -> dict[str, str]:
    """The synonyms plus an identity entry for every word that has a synonym's key strictly
    inside it, neither at its start nor at its end: such a key straddles the word's own parts
    (种粮补贴 is no 种 + 粮补 + 贴), while 残废证 is still 残疾 + 证."""
    keys = [k for k, v in synonyms.items() if k and k != v]

    def inside(word: str) -> bool:
        return any(word.find(k, 1, len(word) - 1) > 0 for k in keys if len(k) < len(word) - 1)

    return {**{w: w for w in words if w not in synonyms and inside(w)}, **synonyms}


def longest_matches(text: str, phrases: Container[str], max_len: int) -> list[str]:
    """Phrases found in `text`, scanning left to right and taking the longest at each position
    (like a longest-first regex alternation, but dictionary lookups scale to thousands of
    phrases)."""
    found: list[str] = []
    pos = 0
    while pos < len(text):
        for end in range(min(len(text), pos + max_len), pos, -1):
            if text[pos:end] in phrases:
                found.append(text[pos:end])
                pos = end
                break
        else:
            pos += 1
    return found


def strip_phrases(text: str, pattern: re.Pattern[str] | None) -> str:
    """Remove filler phrases, keeping a space so neighbours do not fuse into a new word."""
    if pattern is None:
        return text
    return _SPACES.sub(" ", pattern.sub(" ", text)).strip()


def replace_runs(
    tokens: list[str], match_at: Callable[[int], tuple[str | None, int]]
) -> tuple[str, list[tuple[str, str]]]:
    """Left to right, each run of tokens that `match_at(pos)` repairs (a word, the end of the
    run) replaced by its word: the text, and the (written, repaired) pairs."""
    out: list[str] = []
    repairs: list[tuple[str, str]] = []
    pos = 0
    while pos < len(tokens):
        word, end = match_at(pos)
        if word is None:
            out.append(tokens[pos])
            pos += 1
            continue
        repairs.append(("".join(tokens[pos:end]), word))
        out.append(word)
        pos = end
    return "".join(out), repairs


# fuzzy pinyin only for windows this long and with no common word in them: two merged syllables
# match too many words (临夏), and so do common words with a neighbour (六十了, 老娘能)
FUZZY_FROM = 3


@lru_cache(maxsize=65536)
def _token_readings(token: str) -> tuple[str, ...] | None:
    """The usual readings of a Chinese token's characters, None for other tokens (cached: the
    same words come back in message after message)."""
    return tuple(char_reading(ch) for ch in token) if is_cjk(token) else None


@lru_cache(maxsize=65536)
def _token_fuzzy(token: str) -> tuple[str, ...] | None:
    """_token_readings with fuzzy pinyin's merged sounds (pinyin.fuzzy)."""
    readings = _token_readings(token)
    return None if readings is None else tuple(map(fuzzy, readings))


@dataclass(frozen=True)
class PinyinRepair:
    """Maps runs of 2-4 characters that sound like a vocabulary word onto that word.

    Villagers type with pinyin input methods and voice recognition, so a typo is usually a
    homophone: 地保 for 低保, 一宝 for 医保. Only whole tokens of the segmentation are repaired
    (a window never cuts through a word such as 二级 or 以后), and a two-character window only
    when it is not a common word in its own right (`is_common`): 虎口 and 一包 were meant as
    written. Three- and four-character windows are specific enough to repair even when made of
    common words (临时求助 -> 临时救助).
    """

    index: Mapping[tuple[str, ...], str]
    vocab: frozenset[str]
    is_common: Callable[[str], bool]
    max_len: int = 4
    frequent_char: Callable[[str], bool] = lambda ch: False
    # toneless pinyin written in Latin letters (dibao, shen fen zheng) -> the word it spells
    latin: Mapping[str, str] = field(default_factory=dict)
    # the same keys with fuzzy pinyin's merged sounds (pinyin.fuzzy), tried when `index` has
    # no word: only keys that still name one word
    fuzzy_index: Mapping[tuple[str, ...], str] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        vocab: Iterable[str],
        is_common: Callable[[str], bool],
        canonical: Callable[[str], str] = lambda w: w,
        readings: Callable[[str], tuple[str, ...]] = word_pinyin,
        frequent_char: Callable[[str], bool] = lambda ch: False,
        named: Callable[[str], bool] = lambda w: False,
    ) -> PinyinRepair:
        """`canonical` maps a vocabulary word to what it stands for (its synonym target), so
        homophones that mean the same (身分证, 身份证) are not taken as a conflict; `readings`
        gives a word's pinyin (a cached lookup in the matcher); `frequent_char` tells a single
        character that is a frequent word on its own (也, 想, 病, 报): two such characters side by
        side were meant as written (也想 is not 野象, 按病报 not 冰雹). `named` tells a word of an
        item's name: initials shared with words of the items' other text spell the named one (zjd
        is 宅基地, not 自己垫)."""
        index: dict[tuple[str, ...], str] = {}
        words = sorted({w for w in vocab if 2 <= len(w) <= 4 and is_cjk(w)})
        ambiguous: set[tuple[str, ...]] = set()
        for word in words:
            key = readings(word)
            if len(key) != len(word):
                continue
            target = canonical(word)
            if key in index and index[key] != target:
                ambiguous.add(key)
            index.setdefault(key, target)
        fuzzy_index: dict[tuple[str, ...], str] = {}
        blurred: set[tuple[str, ...]] = set()
        for key, word in index.items():
            near = tuple(map(fuzzy, key))
            if key in ambiguous or fuzzy_index.get(near, word) != word:
                blurred.add(near)
            fuzzy_index.setdefault(near, word)
        for near in blurred:
            del fuzzy_index[near]
        for key in ambiguous:  # two vocabulary words sound alike: do not guess between them
            del index[key]
        spelled_by: dict[str, set[str]] = {}
        for key, word in index.items():
            if len(key) >= 3:
                spelled_by.setdefault("".join(syllable[0] for syllable in key), set()).add(word)
        initials: dict[str, str] = {}
        for abbreviation, candidates in spelled_by.items():
            if len(candidates) > 1:  # two words: the one an item is named by, if only one is
                candidates = {w for w in candidates if named(w)}
            initials[abbreviation] = next(iter(candidates)) if len(candidates) == 1 else ""
        latin = {
            **{k: w for k, w in initials.items() if w},
            **texts.PINYIN_WORDS,
            **{"".join(key): word for key, word in index.items()},
        }
        return cls(
            index=index,
            vocab=frozenset(words),
            is_common=is_common,
            frequent_char=frequent_char,
            latin=latin,
            fuzzy_index=fuzzy_index,
        )

    def spell(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """Pinyin typed in Latin letters, with or without spaces between syllables and next to
        Chinese characters, as the vocabulary word it spells (dibao -> 低保, shen fen zheng ->
        身份证, gaolingjintie咋领) or as a common word (zenme -> 怎么), and the initials of a
        3-4 character vocabulary word (dszn -> 独生子女); other Latin words are left alone."""
        if not self.latin or not _LATIN_WORD.search(text):
            return text, []
        spelled: list[tuple[str, str]] = []

        def run(match: re.Match[str]) -> str:
            parts = match.group(0).split(" ")
            out: list[str] = []
            pos = 0
            while pos < len(parts):
                for end in range(min(len(parts), pos + self.max_len), pos, -1):
                    word = self.latin.get("".join(parts[pos:end]))
                    if word is not None:
                        spelled.append((" ".join(parts[pos:end]), word))
                        out.append(word)
                        pos = end
                        break
                else:
                    out.append(parts[pos])
                    pos += 1
            if out == parts:  # nothing spelled: left as typed (a syllable may be half a word)
                return match.group(0)
            if all(map(is_cjk, out)):  # all spelled: no space against its neighbours (bb上hk)
                return "".join(out)  # nor between its words (bianmin zhongxin ji dian kaimen)
            return " " + " ".join(out) + " "

        spelled_text = _LATIN_RUN.sub(run, text)
        if _HALF_PINYIN.search(spelled_text):
            spelled_text = _HALF_PINYIN.sub(lambda m: self._half(m, spelled), spelled_text)
        if not spelled:
            return text, []
        return _SPACES.sub(" ", spelled_text).strip(), spelled

    def _half(self, match: re.Match[str], spelled: list[tuple[str, str]]) -> str:
        """One pinyin syllable typed in Latin letters inside Chinese characters (五bao户, 低bao,
        社bao卡): read with the characters around it, the longest window that spells a
        vocabulary word (at most max_len syllables, at least one character on either side)."""
        before, syllable, after = match.group(1), match.group(2), match.group(3)
        for size in range(min(self.max_len, len(before) + len(after) + 1), 1, -1):
            for lead in range(min(len(before), size - 1), -1, -1):
                trail = size - 1 - lead
                if trail > len(after):
                    continue
                head, tail = before[len(before) - lead :], after[:trail]
                key = (*map(char_reading, head), syllable, *map(char_reading, tail))
                word = self.index.get(key)
                if word is not None:
                    spelled.append((head + syllable + tail, word))
                    return before[: len(before) - lead] + word + after[trail:]
        return match.group(0)

    def apply(
        self, text: str, segment: Callable[[str], list[str]] | None = None
    ) -> tuple[str, list[tuple[str, str]]]:
        """Repair `text`; `segment` splits it into words (default: one token per character)."""
        if not self.index:
            return text, []
        tokens = segment(text) if segment is not None else list(text)
        # per token: its readings if Chinese, and whether it is a common multi-character word
        readings = [_token_readings(t) for t in tokens]
        common = [len(t) > 1 and self.is_common(t) for t in tokens]
        fuzzed = [_token_fuzzy(t) for t in tokens]
        return replace_runs(
            tokens, lambda pos: self._match_at(tokens, readings, common, pos, fuzzed)
        )

    def _match_at(
        self,
        tokens: list[str],
        readings: list[tuple[str, ...] | None],
        common: list[bool],
        pos: int,
        fuzzed: list[tuple[str, ...] | None],
    ) -> tuple[str | None, int]:
        """The longest repair of a window of whole tokens starting at `pos`."""
        key: tuple[str, ...] = ()
        near: tuple[str, ...] = ()
        found: tuple[str | None, int] = (None, pos)
        any_common = False
        for end in range(pos + 1, len(tokens) + 1):
            reading = readings[end - 1]
            if reading is None:
                break
            key += reading
            near += fuzzed[end - 1] or ()
            any_common = any_common or common[end - 1]
            if len(key) > self.max_len:
                break
            if len(key) < 2:
                continue
            word = self.index.get(key)
            if word is None and len(key) >= FUZZY_FROM and not any_common:
                word = self.fuzzy_index.get(near)
            if word is None:
                continue
            window = "".join(tokens[pos:end])
            if window in self.vocab or word == window:
                continue
            # 2-character windows must not be (or contain) a common word: 虎口, 一包, 二级; nor be
            # two characters that are each a frequent word: 也想, (按)病报
            if len(key) == 2 and (
                any_common
                or self.is_common(window)
                or (end - pos == 2 and all(map(self.frequent_char, tokens[pos:end])))
            ):
                continue
            found = (word, end)
        return found
