"""From a villager's message to the text that is scored: negated clauses and filler words out,
separable verbs joined (投了保 -> 投保), synonyms in, homophone typos repaired, then jieba words
with their search-mode sub-words. No catalog scoring here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import jieba

from knowledge import cues, texts
from knowledge.normalize import PinyinRepair, Replacer, strip_phrases
from knowledge.shape import ShapeRepair

_POINTING = re.compile(
    re.escape(texts.POSSESSIVE)
    + "(?:"
    + "|".join(map(re.escape, texts.POINTING))
    + r")(?=[\u4e00-\u9fff])"
)


def search_tokens(
    tokenizer: jieba.Tokenizer, text: str, segmented: list[str] | None = None
) -> list[str]:
    """Search-mode tokens: each word plus its 2- and 3-character sub-words that are words
    themselves (jieba's cut_for_search, computed from a segmentation we may already have)."""
    freq = tokenizer.FREQ
    out: list[str] = []
    words = segmented if segmented is not None else tokenizer.lcut(text, HMM=False)
    for word in words:
        if not word.strip():
            continue
        for n in (2, 3):
            if len(word) > n:
                out.extend(g for i in range(len(word) - n + 1) if freq.get(g := word[i : i + n]))
        out.append(word)
    return out


def _add_after(word: str) -> Callable[[re.Match[str]], str]:
    """A substitution that keeps the match and adds `word` after it, as a word of its own."""
    return lambda m: f"{m.group(0)} {word} "


class QueryPrep:
    """Prepares messages for one catalog's vocabulary and dedicated jieba tokenizer."""

    def __init__(
        self,
        tokenizer: jieba.Tokenizer,
        synonyms: Replacer,
        fillers: re.Pattern[str] | None,
        repair: PinyinRepair,
        shape: ShapeRepair,
    ) -> None:
        self.tokenizer = tokenizer
        self.synonyms = synonyms
        self.fillers = fillers
        self.repair = repair
        self.shape = shape
        # 不是X的那个，是Y: drop the negated clause when another clause follows (not the question
        # 是不是: 我们家是不是还能挂光荣牌)
        self.negation = re.compile(
            "(?<!"
            + re.escape(texts.NEGATION[-1])
            + ")"
            + re.escape(texts.NEGATION)
            + r"[^ ]*?(?: |(?="
            + re.escape(texts.NEGATION[-1])
            + r"))"
        )
        self.death = cues.DEATH_RE
        # what a need is said with adds its item's word after it, as a word of its own
        self._died = _add_after(cues.words("death_word"))
        self._born = _add_after(cues.words("birth_word"))
        self._marks = [
            # 门口的树想砍了卖: trees to be felled (林木采伐), named before the verb
            (cues.FELLING_RE, _add_after(cues.words("felling_word"))),
            # 娃儿读书的补助, 猪病死了 保险赔不赔, 医保报了以后还要自己出: the item's word
            *((cue, _add_after(word)) for cue, word in cues.TOPIC_CUES),
            # 独生子出车祸没了: an only child died or was disabled (计划生育特别扶助)
            (cues.ONLY_CHILD_RE, _add_after(cues.words("only_child_word"))),
            # 农村独生子女 父母60了: the parents' reward (农村部分计划生育家庭奖励扶助)
            (cues.ONLY_CHILD_AGED_RE, _add_after(cues.words("only_child_aged_word"))),
        ]
        self.separable = re.compile(
            r"([\u4e00-\u9fff])(["
            + texts.ASPECT_PARTICLES
            + r"])([\u4e00-\u9fff])([\u4e00-\u9fff]{0,2})"
        )

    def segment(self, text: str) -> list[str]:
        """Plain segmentation (each character in exactly one token)."""
        words: list[str] = self.tokenizer.lcut(text, HMM=False)
        return words

    def tokens(self, text: str, segmented: list[str] | None = None) -> list[str]:
        return search_tokens(self.tokenizer, text, segmented)

    def _join_separable(self, match: re.Match[str]) -> str:
        joined = match.group(1) + match.group(3)
        if joined not in self.repair.vocab:
            return (
                match.group(1)
                + match.group(2)
                + self.separable.sub(self._join_separable, match.group(3) + match.group(4))
            )
        rest, particle = match.group(4), match.group(2)
        if particle not in texts.DONE_PARTICLES:
            return joined + rest
        # 上了户口 -> 上户口了: the particle after the whole word still says it is done
        for cut in range(len(rest), -1, -1):
            if joined + rest[:cut] in self.repair.vocab:
                return joined + rest[:cut] + particle + rest[cut:]
        return joined + particle + rest

    def _resegment(self, query: str, synonyms: list[tuple[str, str]]) -> tuple[str, list[str]]:
        """After a repair: the synonyms of the repaired words (added to `synonyms`) and the
        repaired text's segmentation."""
        query, more = self.synonyms.apply(query)
        synonyms += more
        return query, self.segment(query)

    def prepare(self, normalized: str) -> tuple[str, list[str], dict[str, object]]:
        """The text that is scored, its segmentation, and what was changed (for `explain`)."""
        # 我爹去年冬天走了: a relative "gone" has died (丧葬补助, 注销户口, 特别扶助)
        normalized = self.death.sub(self._died, normalized)
        # 媳妇刚生了个闺女: a child already born (出生登记), unless the newborn's insurance or card
        # is asked for (娃刚生下来 要给他上医保)
        if not cues.BIRTH_ASIDE.search(normalized):
            normalized = cues.BIRTH_RE.sub(self._born, normalized)
        for cue, mark in self._marks:
            normalized = cue.sub(mark, normalized)
        normalized, spelled = self.repair.spell(normalized)
        # a demonstrative after the possessive only points (texts.POINTING)
        query = _POINTING.sub(texts.POSSESSIVE, self.negation.sub(" ", normalized))
        query = strip_phrases(query, self.fillers)
        query = self.separable.sub(self._join_separable, query)
        query, synonyms = self.synonyms.apply(query)
        segmented = self.segment(query)
        query, repairs = self.repair.apply(query, lambda _: segmented)
        if repairs:
            query, segmented = self._resegment(query, synonyms)
        # handwriting slips (杜保卡): after the homophones, on their segmentation
        query, shaped = self.shape.apply(segmented)
        if shaped:
            query, segmented = self._resegment(query, synonyms)
        steps: dict[str, object] = {"synonyms": synonyms, "pinyin": spelled + repairs}
        if shaped:
            steps["shape"] = shaped
        return query, segmented, steps


def common_word_test(
    freq: dict[str, int], vocab: set[str], threshold: int
) -> Callable[[str], bool]:
    """`is_common` for PinyinRepair: a frequent word of general Chinese that is not ours."""
    return lambda word: freq.get(word, 0) >= threshold and word not in vocab
