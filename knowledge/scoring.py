"""Scores every catalog item against one message (prepared by query.py): BM25F over jieba words
in weighted fields, with query words weighted by how specific they are in general Chinese, a
character-level BM25 for partial words (户口怎么迁 -> 迁移), and strong bonuses for names and
aliases written in the message.

Returns an `Analysis` with all signals; the decision policy lives in matcher.py.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import jieba

from knowledge import texts
from knowledge.cache import cached_json, catalog_folder
from knowledge.catalog import Catalog
from knowledge.intents import IntentPhrases, find_ticket
from knowledge.normalize import (
    PinyinRepair,
    Replacer,
    basic,
    is_cjk,
    longest_matches,
    phrase_pattern,
)
from knowledge.pinyin import load_reading_table, word_pinyin
from knowledge.query import QueryPrep, common_word_test, search_tokens
from knowledge.ranking import Bm25fIndex
from knowledge.tokenizer import load_tokenizer
from knowledge.vocab import (
    PHRASE_KINDS,
    ItemText,
    charset,
    domain_words,
    item_text,
    phrase_table,
    pinyin_vocabulary,
    title_ngrams,
)

MAX_CHARS = 300  # longer messages are cut: latency stays bounded, meaning is in the start
TOP_N = 10
SHORTLIST = 40  # items whose character overlap is scored
# Field weights of BM25F: what the item is called counts far more than what it requires.
WORD_FIELDS = {"name": 3.0, "alias": 3.0, "keyword": 2.0, "body": 1.0, "materials": 0.4}
CHAR_FIELDS = {"title": 1.0, "body": 0.25}
CHAR_WEIGHT = 0.6  # characters back up words: 迁 matches 迁移
PHRASE_BASE = 6.0  # a name or alias written in the message is the strongest evidence
PHRASE_PER_CHAR = 1.0
PHRASE_SPREAD_POWER = 1.0  # ...divided among the items whose titles contain it
NGRAM_MAX = 8
COMMON_WORD_FREQ = 500  # jieba frequency from which a word is taken as meant (no pinyin repair)
PRUNE_FROM = 300  # catalogs larger than this score only candidate items (a speed measure)
CANDIDATE_MIN_DF = 20  # words in more items than this (or 10%) do not nominate candidates
FUNCTION_FREQ = 50_000  # jieba corpus frequency from which a word carries no meaning (能, 要)
SPECIFIC_FREQ = 3_000  # ...and up to which it is fully specific (申请, 户口, 密码)


@dataclass(frozen=True)
class Analysis:
    """Everything the policy needs about one message."""

    normalized: str
    query: str
    tokens: tuple[str, ...]
    ticket: str | None
    intents: Mapping[str, list[str]]
    ranked: tuple[tuple[int, float], ...]  # (item index, score), best first
    strong_hit: bool  # the best item's name or alias is written in the message
    explain: Mapping[str, object]


def _compact(text: str) -> str:
    return text.replace(" ", "")


def _word_fields(tokenizer: jieba.Tokenizer, t: ItemText) -> list[tuple[str, list[str]]]:
    def tokens(texts: Iterable[str]) -> list[str]:
        return [tok for text in texts for tok in search_tokens(tokenizer, text)]

    return [
        ("name", tokens([t.name])),
        ("alias", tokens(t.aliases)),
        ("keyword", tokens(t.keywords)),
        ("body", tokens(t.body)),
        ("materials", tokens(t.materials)),
    ]


class Scorer:
    def __init__(self, catalog: Catalog, *, cache_dir: Path | None = None) -> None:
        self.catalog = catalog
        lexicon = catalog.lexicon
        synonyms = Replacer(
            {
                _compact(basic(k)): _compact(basic(v))
                for k, v in lexicon.synonyms.items()
                if basic(k)
            }
        )
        self.intents = IntentPhrases.build(lexicon.intents)
        self.texts: list[ItemText] = [item_text(item, synonyms) for item in catalog.items]
        self.phrases = phrase_table(self.texts)
        self.phrase_max = max(map(len, self.phrases), default=0)
        # How many items mention a piece of text in their name, aliases or keywords: 养老保险 is
        # an alias of one item but names a topic three items share, so identifies none alone.
        self.ngrams = title_ngrams(self.texts, NGRAM_MAX)
        self.loose_table = str.maketrans("", "", texts.LOOSE_PARTICLES)
        words = domain_words(catalog, self.texts, synonyms)
        chars = charset(catalog)
        key = (
            catalog.digest
            or hashlib.sha256(
                ("\n".join(sorted(words)) + "".join(sorted(chars))).encode()
            ).hexdigest()
        )
        folder = catalog_folder(cache_dir, key)
        load_reading_table(folder.parent)
        tokenizer, self.freq = load_tokenizer(words, chars, folder)
        self.domain = frozenset(words)
        fillers = phrase_pattern(_compact(basic(f)) for f in lexicon.fillers)
        # name words from the plain cut: search mode would add fragments such as 乡居 (城乡居民)
        name_tokens = {tok for t in self.texts for tok in tokenizer.lcut(t.name, HMM=False)}
        vocab = pinyin_vocabulary(words, name_tokens)
        # tokenizing the items and reading the vocabulary's pinyin is the slow part of a build
        derived = cached_json(
            folder / "derived.json",
            lambda: {
                "pinyin": {w: word_pinyin(w) for w in sorted(vocab)},
                "fields": [_word_fields(tokenizer, t) for t in self.texts],
            },
        )
        pinyin_of: dict[str, list[str]] = derived["pinyin"]
        repair = PinyinRepair.build(
            vocab,
            common_word_test(self.freq, vocab, COMMON_WORD_FREQ),
            lambda w: synonyms.apply(w)[0],
            lambda w: tuple(pinyin_of.get(w, ())),
        )
        self.query = QueryPrep(tokenizer, synonyms, fillers, repair)
        docs = [[(field, tokens) for field, tokens in doc] for doc in derived["fields"]]
        self.word_index = Bm25fIndex(docs, WORD_FIELDS)
        self.char_index = Bm25fIndex([self._char_fields(t) for t in self.texts], CHAR_FIELDS)
        self.max_df = max(CANDIDATE_MIN_DF, len(self.texts) // 10)

    def specificity(self, term: str) -> float:
        """How much a query word can say about an item, from its frequency in general Chinese
        (jieba's corpus): 0 for function words (能, 要, 在), 1 for rare or catalog words.

        With only a few dozen items, catalog idf alone rates 能 as highly as 低保 when one item
        happens to contain it; the corpus frequency knows better."""
        if term in self.domain:
            return 1.0
        freq = self.freq.get(term, 0)
        if freq <= SPECIFIC_FREQ:
            return 1.0
        if freq >= FUNCTION_FREQ:
            return 0.0
        return math.log(FUNCTION_FREQ / freq) / math.log(FUNCTION_FREQ / SPECIFIC_FREQ)

    @staticmethod
    def _char_fields(t: ItemText) -> list[tuple[str, list[str]]]:
        title = t.name + "".join(t.aliases) + "".join(t.keywords)
        body = "".join(t.body) + "".join(t.materials)
        return [
            ("title", [c for c in title if is_cjk(c)]),
            ("body", [c for c in body if is_cjk(c)]),
        ]

    def phrase_bonus(self, query: str) -> dict[int, tuple[float, str, str]]:
        """item index -> (bonus, phrase, kind) for the best name/alias/keyword in the query."""
        best: dict[int, tuple[float, str, str]] = {}
        compact = _compact(query)
        # also without 的/个 inside names: 老年人的优待证, 办个残疾人的证
        loose = compact.translate(self.loose_table)
        phrases = longest_matches(compact, self.phrases, self.phrase_max)
        if loose != compact:
            phrases += longest_matches(loose, self.phrases, self.phrase_max)
        for phrase in phrases:
            for index, kind in self.phrases[phrase]:
                bonus = PHRASE_KINDS[kind] * (PHRASE_BASE + PHRASE_PER_CHAR * len(phrase))
                bonus /= max(1, len(self.ngrams.get(phrase, ()))) ** PHRASE_SPREAD_POWER
                if bonus > best.get(index, (0.0, "", ""))[0]:
                    best[index] = (bonus, phrase, kind)
        return best

    def analyze(self, text: str) -> Analysis:
        text = text[:MAX_CHARS]
        normalized = basic(text)
        query, segmented, steps = self.query.prepare(normalized)
        tokens = self.query.tokens(query, segmented)
        phrases = self.phrase_bonus(query)
        # In a large catalog only items sharing a rare word or a phrase with the message can rank
        # high; common words and characters are then scored for those alone (1,000 items fast).
        weights = {t: self.specificity(t) for t in tokens}
        only: set[int] | None = None
        if len(self.texts) > PRUNE_FROM:
            only = self.word_index.candidates(
                [t for t, w in weights.items() if w >= 0.5], self.max_df
            ) | set(phrases)
        # no rare word at all: let every word nominate (户口 alone is in most items' materials)
        words = self.word_index.score(weights, only or None)
        # Characters only refine the ranking of items that words or phrases already found.
        pre = {
            i: words.get(i, 0.0) + phrases.get(i, (0.0, "", ""))[0]
            for i in words.keys() | phrases.keys()
        }
        shortlist = set(heapq.nlargest(SHORTLIST, pre, key=pre.__getitem__))
        char_weights = {c: self.specificity(c) for c in query if is_cjk(c)}
        chars = self.char_index.score(char_weights, shortlist) if shortlist else {}
        combined = {
            index: words.get(index, 0.0)
            + CHAR_WEIGHT * chars.get(index, 0.0)
            + phrases.get(index, (0.0, "", ""))[0]
            for index in words.keys() | chars.keys() | phrases.keys()
        }
        ranked = tuple(heapq.nsmallest(TOP_N, combined.items(), key=lambda kv: (-kv[1], kv[0])))
        strong = bool(ranked) and ranked[0][0] in phrases and phrases[ranked[0][0]][2] != "keyword"
        intents = self.intents.find(self.query.synonyms.apply(normalized)[0])
        items = self.catalog.items
        ticket = find_ticket(text)
        explain: dict[str, object] = {
            "normalized": normalized,
            "ticket": ticket,
            "query": query,
            "tokens": tokens,
            **steps,
            "intents": intents,
            "top": [
                {
                    "item": items[i].name,
                    "score": round(s, 3),
                    "words": round(words.get(i, 0.0), 3),
                    "chars": round(chars.get(i, 0.0), 3),
                    "phrase": phrases[i][1] if i in phrases else None,
                }
                for i, s in ranked[:5]
            ],
        }
        return Analysis(
            normalized=normalized,
            query=query,
            tokens=tuple(tokens),
            ticket=ticket,
            intents=intents,
            ranked=ranked,
            strong_hit=strong,
            explain=explain,
        )
