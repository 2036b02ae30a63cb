"""Scores every catalog item against one message (prepared by query.py): BM25F over jieba words
in weighted fields, with query words weighted by how specific they are in general Chinese and by
their role (words inside a mention that is only context, or a verb already done, weigh less; a
wanted verb more), a character-level BM25 for partial words (户口怎么迁 -> 迁移), strong bonuses
for names and aliases written in the message (phrases.py), and a bonus for the item whose action
(交/领/转/报销 ...) is the one wanted (actions.py).

Returns an `Analysis` with all signals and the features of the decision model (decision.py).
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import jieba

from knowledge import cues
from knowledge.actions import HANDED_IN, profile, wanted
from knowledge.cache import cached_json, catalog_folder
from knowledge.catalog import Catalog
from knowledge.context import ACTION_VERBS, DONE, NEED, REFUSED, request_clauses, verb_role
from knowledge.decision import is_out_of_scope
from knowledge.intents import OTHERS_FAMILIES, IntentPhrases, find_ticket, story_hints
from knowledge.normalize import (
    PinyinRepair,
    Replacer,
    basic,
    is_cjk,
    phrase_pattern,
    shielded,
)
from knowledge.phrases import BACKGROUND, NO_PHRASE, REFUSED_MENTION, SPLIT, Phrases
from knowledge.pinyin import load_reading_table, word_pinyin
from knowledge.query import QueryPrep, common_word_test, search_tokens
from knowledge.ranking import Bm25fIndex
from knowledge.shape import ShapeRepair, look_alikes
from knowledge.tokenizer import load_tokenizer
from knowledge.vocab import (
    ItemText,
    charset,
    domain_words,
    item_text,
    partial_pieces,
    pinyin_vocabulary,
)

MAX_CHARS = 300  # longer messages are cut: latency stays bounded, meaning is in the start
TOP_N = 10
SHORTLIST = 40  # items whose character overlap is scored
# Field weights of BM25F: what the item is called counts far more than what it requires.
TITLE_FIELDS = ("name", "alias", "keyword")
WORD_FIELDS = {"name": 3.0, "alias": 3.0, "keyword": 2.0, "body": 1.0, "materials": 0.4}
CHAR_FIELDS = {"title": 1.0, "body": 0.25}
CHAR_WEIGHT = 0.6  # characters back up words: 迁 matches 迁移
COMMON_WORD_FREQ = 100  # jieba frequency from which a word is taken as meant (no pinyin repair):
# 业主 (345) is no 野猪, 一包 (364) no 医保; rarer ones are typos (地保, 20)
# round 17: a character this rare as a word, in no vocabulary word, may be a look-alike through a crowded
# radical (宇 of 宇基地, 仿 of 身仿证; not 逛 of 逛景区)
RARE_CHAR = 800
FREQUENT_CHAR = 5_000  # a single character this frequent as a word is meant as written (也, 病)
PRUNE_FROM = 300  # catalogs larger than this score only candidate items (a speed measure)
CANDIDATE_MIN_DF = 20  # words in more items than this (or 10%) do not nominate candidates
FUNCTION_FREQ = 50_000  # jieba corpus frequency from which a word carries no meaning (能, 要)
SPECIFIC_FREQ = 3_000  # ...and up to which it is fully specific (申请, 户口, 密码)
SPECIFICITY_CACHE = 50_000  # words whose specificity is remembered (bounded memory)
# a run of kin words only (爷爷奶奶, 外公外婆): who a message is about, never an item's piece
KIN_ONLY = re.compile(cues.alternation(cues.words("kin")) + "+")
CONTEXT_TOKEN_WEIGHT = 0.6  # words inside a mention that is only context (phrases.py)
REFUSED_TOKEN_WEIGHT = 0.2  # ...or that is not wanted (不想打官司)
STORY_WEIGHT = 0.8  # words of a clause that tells the story while another clause asks
DONE_VERB_WEIGHT = 0.3  # 交了十五年, 外省交的: what was done is background...
NEED_VERB_WEIGHT = 2.0  # ...能转到, 才能领: what is wanted weighs double
ACTION_BONUS = 5.0  # the item's action (交/领/转/报销...) is the one the message wants
TOPIC_KINSHIP = 0.5  # a bare topic alias names siblings this close too (share_topic)
CROWD_SHARE = 0.5  # items scoring at least this share of the best "crowd" the answer
GENERIC_VERBS = frozenset(cues.words("generic_verbs").split())
# words that say nothing about which item (pronouns, particles, question words, generic verbs,
# kin, time and place deixis, hearsay): left out of the decision's features
NEUTRAL_WORDS = frozenset(" ".join(cues.words(n) for n in ("neutral", "kin", "past")).split())
UNIT_REFERENCE = 55  # catalog size the decision model was calibrated on (scores scale with idf)


def repaired(text: str, steps: dict[str, object]) -> str:
    """Round 20: the text with the homophones and slips the query repaired (能吃低堡 -> 能吃低保),
    to tell the intents read on a misspelling (能吃 + 低堡 read as advice on food)."""
    pairs = [
        *cast("list[tuple[str, str]]", steps.get("pinyin", [])),
        *cast("list[tuple[str, str]]", steps.get("shape", [])),
    ]
    for wrong, right in pairs:
        if wrong and wrong != right:
            text = text.replace(wrong, right)
    return text


@dataclass(frozen=True)
class Analysis:
    """Everything the policy needs about one message."""

    normalized: str
    query: str
    tokens: tuple[str, ...]
    ticket: str | None
    intents: Mapping[str, list[str]]
    ranked: tuple[tuple[int, float], ...]  # (item index, score), best first
    strong_hit: bool  # the best item's name or alias is written in the message (not as context)
    features: Mapping[str, float]  # the decision model's inputs (scoring.Scorer.features)
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
        self._specificity: dict[str, float] = {}
        lexicon = catalog.lexicon
        mapping = {
            _compact(basic(k)): _compact(basic(v)) for k, v in lexicon.synonyms.items() if basic(k)
        }
        titles = {
            _compact(basic(t)) for item in catalog.items for t in (*item.aliases, *item.keywords)
        }
        synonyms = Replacer(shielded(mapping, titles))
        self.texts: list[ItemText] = [item_text(item, synonyms) for item in catalog.items]
        # topics of other offices the items describe, and documents they are named after, are
        # no sign of out-of-scope (intents.IntentPhrases.build)
        named = "\n".join("\n".join((t.name, *t.aliases, *t.keywords)) for t in self.texts)
        described = (named + "\n".join("\n".join(t.body) for t in self.texts)).replace(" ", "")
        named = named.replace(" ", "")
        self.intents = IntentPhrases.build(
            lexicon.intents,
            described.__contains__,
            named.__contains__,
            [p for d in catalog.center.departments for p in (d.name, d.window)],
            frozenset(named.split("\n")).__contains__,
        )
        # How many items mention a piece of text in their name, aliases or keywords: 养老保险 is
        # an alias of one item but names a topic three items share, so identifies none alone.
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
            folder / "derived-v2.json",  # v2: with the partial pieces
            lambda: {
                "pinyin": {w: word_pinyin(w) for w in sorted(vocab)},
                "fields": [_word_fields(tokenizer, t) for t in self.texts],
                "pieces": partial_pieces(
                    self.texts,
                    lambda w: self.freq.get(w, 0) > 0,
                    lambda w: self.specificity(w) >= 1.0,
                ),
            },
        )
        # round 18: a piece made only of kin words (爷爷奶奶 of 爷爷奶奶带) names who, not the item
        self.phrases = Phrases(
            self.texts,
            {k: v for k, v in derived["pieces"].items() if not KIN_ONLY.fullmatch(k)},
        )
        pinyin_of: dict[str, list[str]] = derived["pinyin"]
        is_common = common_word_test(self.freq, vocab, COMMON_WORD_FREQ)
        frequent_char = lambda ch: self.freq.get(ch, 0) >= FREQUENT_CHAR  # noqa: E731
        rare_char = lambda ch: self.freq.get(ch, 0) < RARE_CHAR  # noqa: E731
        repair = PinyinRepair.build(
            vocab,
            is_common,
            lambda w: synonyms.apply(w)[0],
            lambda w: tuple(pinyin_of.get(w, ())),
            frequent_char,
            name_tokens.__contains__,
        )
        shape = ShapeRepair.build(
            repair.vocab,
            is_common,
            frequent_char,
            lambda w: self.freq.get(w, 0) > 0,
            cached_json(
                folder / "look-alikes-v1.json",
                lambda: {k: sorted(v) for k, v in look_alikes("".join(repair.vocab)).items()},
            ),
            rare_char,
        )
        self.query = QueryPrep(tokenizer, synonyms, fillers, repair, shape)
        docs = [[(field, tokens) for field, tokens in doc] for doc in derived["fields"]]
        # the words of each item's name, aliases and keywords: evidence from its materials alone
        # (营业执照怎么办 -> 创业贷款 asks for a licence) says little
        self.title_words = [
            frozenset(tok for field, tokens in doc if field in TITLE_FIELDS for tok in tokens)
            for doc in docs
        ]
        self.word_index = Bm25fIndex(docs, WORD_FIELDS)
        # how many items' names, aliases or keywords hold a word: 补贴 or 补偿 many, 低保 one
        self.title_count: dict[str, int] = {}
        for title in self.title_words:
            for tok in title:
                self.title_count[tok] = self.title_count.get(tok, 0) + 1
        # a word some item is named by is never neutral (老人 of an item named 老人...)
        self.named_words = frozenset().union(*self.title_words) if self.title_words else frozenset()
        self._neutral: dict[str, bool] = {}
        # the words of each item's name, for telling siblings (养老保险 参保 / 领取 / 转移)
        self.name_words = [
            frozenset(t for field, tokens in doc if field == "name" for t in tokens if len(t) > 1)
            for doc in docs
        ]
        self.char_index = Bm25fIndex([self._char_fields(t) for t in self.texts], CHAR_FIELDS)
        self.max_df = max(CANDIDATE_MIN_DF, len(self.texts) // 10)
        # scores grow with the idf of a one-item word, log(1 + N); features divide it out
        self.unit = math.log(1.0 + (len(self.texts) + 1) / 1.5) / math.log(
            1.0 + (UNIT_REFERENCE + 1) / 1.5
        )
        self.actions = [profile((t.name, *t.aliases, *t.keywords)) for t in self.texts]
        self._siblings: dict[int, tuple[tuple[int, frozenset[str]], ...]] = {}  # topic_siblings
        self.with_action: dict[str, set[int]] = {}
        for index, actions in enumerate(self.actions):
            for action in actions:
                self.with_action.setdefault(action, set()).add(index)

    def specificity(self, term: str) -> float:
        """How much a query word can say about an item, from its frequency in general Chinese
        (jieba's corpus): 0 for function words (能, 要, 在), 1 for rare or catalog words.

        With only a few dozen items, catalog idf alone rates 能 as highly as 低保 when one item
        happens to contain it; the corpus frequency knows better."""
        known = self._specificity.get(term)
        if known is not None:
            return known
        freq = self.freq.get(term, 0)
        if term in self.domain or freq <= SPECIFIC_FREQ:
            value = 1.0
        elif freq >= FUNCTION_FREQ:
            value = 0.0
        else:
            value = math.log(FUNCTION_FREQ / freq) / math.log(FUNCTION_FREQ / SPECIFIC_FREQ)
        if len(self._specificity) < SPECIFICITY_CACHE:
            self._specificity[term] = value
        return value

    def neutral(self, term: str) -> bool:
        """A word that says nothing about which item is asked for (俺, 咋个, 嘛, 我家, 今年, 听说):
        the decision's features leave it out, so 俺想办个低保 is as clear as 办低保 and a family
        story's pronouns and kin do not dilute the item's evidence. Ranking still weighs it (by
        its specificity). Numbers are not neutral: 八十三, 十五年 say what an item's conditions
        answer."""
        known = self._neutral.get(term)
        if known is None:
            known = term in NEUTRAL_WORDS and term not in self.named_words
            if len(self._neutral) < SPECIFICITY_CACHE:
                self._neutral[term] = known
        return known

    def neutral_pieces(self, segmented: Iterable[str]) -> frozenset[str]:
        """Sub-words that come only from neutral words (上个 of 上个月, 口子 of 两口子, 老爷 of
        老爷子): as neutral as the word they are part of, unless the message also writes them
        as a word of their own or an item is named by them."""
        words = [w for w in segmented if w.strip()]
        if not any(len(w) > 2 and self.neutral(w) for w in words):
            return frozenset()
        own = {w for w in words if not self.neutral(w)}
        freq = self.query.tokenizer.FREQ
        pieces: set[str] = set()
        for word in words:
            if len(word) > 2 and self.neutral(word):
                for n in (2, 3):
                    pieces.update(
                        g
                        for i in range(len(word) - n + 1)
                        if freq.get(g := word[i : i + n]) and g not in self.named_words
                    )
        return frozenset(pieces - own)

    @staticmethod
    def _char_fields(t: ItemText) -> list[tuple[str, list[str]]]:
        title = t.name + "".join(t.aliases) + "".join(t.keywords)
        body = "".join(t.body) + "".join(t.materials)
        return [
            ("title", [c for c in title if is_cjk(c)]),
            ("body", [c for c in body if is_cjk(c)]),
        ]

    def token_weights(
        self,
        query: str,
        segmented: list[str],
        context: list[tuple[int, int]],
        refused: list[tuple[int, int]] = [],  # noqa: B006 (never mutated)
    ) -> dict[str, float]:
        """Each search token's weight: its specificity, times CONTEXT_TOKEN_WEIGHT inside a
        mention that is only context (compact positions in `context`), STORY_WEIGHT in a clause
        that only tells the story while another asks, DONE_VERB_WEIGHT / NEED_VERB_WEIGHT for a
        verb done or wanted; a token keeps its best weight over its occurrences."""
        weights: dict[str, float] = {}
        asking = request_clauses(query)
        frames = [m.span() for m in cues.FRAME.finditer(query)]
        pos = 0  # position in the compact query
        at = 0  # position in the query (with spaces)
        freq = self.query.tokenizer.FREQ
        for word in segmented:
            start_at = at
            at += len(word)
            if not word.strip():
                continue
            factor = 1.0
            if frames and any(a <= start_at and at <= b for a, b in frames):
                factor = 0.0  # 在哪里, 电话: the frame of the question, not its topic
            if asking and not any(a <= start_at < b for a, b in asking):
                factor = STORY_WEIGHT
            end = pos + len(word)
            if context and any(start < end and pos < stop for start, stop in context):
                factor = CONTEXT_TOKEN_WEIGHT
                if refused and any(start < end and pos < stop for start, stop in refused):
                    factor = REFUSED_TOKEN_WEIGHT
            role = verb_role(query, start_at, at) if word in ACTION_VERBS else None
            if role in (DONE, REFUSED):
                factor = min(factor, DONE_VERB_WEIGHT)
            elif role == NEED and word not in GENERIC_VERBS:  # 在哪里办: any item is done
                factor = max(factor, NEED_VERB_WEIGHT)
            pos = end
            subs = [word]
            for n in (2, 3):
                if len(word) > n:
                    subs += [g for i in range(len(word) - n + 1) if freq.get(g := word[i : i + n])]
            for token in subs:
                weight = self.specificity(token) * factor
                if weight > weights.get(token, -1.0):
                    weights[token] = weight
        return weights

    def analyze(self, text: str) -> Analysis:
        text = text[:MAX_CHARS]
        # pinyin in Latin letters first: intents are read from it too (rengong, nihao)
        normalized, spelled = self.query.repair.spell(basic(text))
        query, segmented, steps = self.query.prepare(normalized)
        if spelled:
            steps["pinyin"] = [*spelled, *steps["pinyin"]]  # type: ignore[misc]
        hits, compact = self.phrases.hits(query)
        context = [
            (start, end)
            for start, end, _, reason in hits
            if reason not in (None, SPLIT, BACKGROUND)
        ]
        refused_at = [(start, end) for start, end, _, reason in hits if reason == REFUSED_MENTION]
        where = [i for i, ch in enumerate(query) if ch != " "]
        spans = [(where[a], where[b - 1] + 1) for a, b in context]
        want, refused = wanted(
            query,
            segmented,
            self.domain.__contains__,
            lambda a, b: any(x < b and a < y for x, y in spans),
            handed_in=bool(HANDED_IN.search(normalized)),
        )
        hits += self.phrases.split(query, compact, want, {phrase for _, _, phrase, _ in hits})
        phrases = self.share_topic(self.phrases.bonus(hits), want)
        weights = self.token_weights(query, segmented, context, refused_at)
        tokens = list(weights)
        # In a large catalog only items sharing a rare word or a phrase with the message can rank
        # high; common words and characters are then scored for those alone (1,000 items fast).
        only: set[int] | None = None
        if len(self.texts) > PRUNE_FROM:
            only = self.word_index.candidates(
                [t for t, w in weights.items() if w >= 0.5], self.max_df
            ) | set(phrases)
        # no rare word at all: let every word nominate (户口 alone is in most items' materials)
        words = self.word_index.score(weights, only or None)
        # Characters only refine the ranking of items that words, phrases and the wanted action
        # already put among the best SHORTLIST; the others cannot overtake those (chars only add).
        pre = dict(words)
        for index, found in phrases.items():
            pre[index] = pre.get(index, 0.0) + found[0]
        bonus = ACTION_BONUS * self.unit
        for action in want:
            for index in self.with_action.get(action, ()):
                if index in pre:
                    pre[index] += bonus
        # 在外地住院没备案…回来怎么报: an item whose action is the one not done is less likely
        for action in refused:
            for index in self.with_action.get(action, ()):
                if index in pre and not want & self.actions[index]:
                    pre[index] -= bonus
        shortlist = (
            set(pre)
            if len(pre) <= SHORTLIST
            else set(heapq.nlargest(SHORTLIST, pre, key=pre.__getitem__))
        )
        char_weights = self.char_weights(compact, context, refused_at)
        chars = self.char_index.score(char_weights, shortlist) if shortlist else {}
        combined = {index: pre[index] + CHAR_WEIGHT * chars.get(index, 0.0) for index in shortlist}
        ranked = tuple(heapq.nsmallest(TOP_N, combined.items(), key=lambda kv: (-kv[1], kv[0])))
        top_phrase = phrases.get(ranked[0][0], NO_PHRASE) if ranked else NO_PHRASE
        strong = top_phrase[2] in ("name", "alias", "core") and top_phrase[3] in (
            None,
            SPLIT,
            BACKGROUND,
        )
        read = self.query.synonyms.apply(normalized)[0]
        intents = self.intents.find(read)
        fixed = repaired(read, steps)
        if fixed != read:
            # round 20: a cue read on a misspelling (能吃 before 低堡, spelled 低保) is gone once the
            # word is repaired; a repair adds no cue (偷粟 repaired as 投诉 is no complaint)
            kept = self.intents.find(fixed).keys()
            intents = {k: v for k, v in intents.items() if k in kept}
        items = self.catalog.items
        ticket = find_ticket(text)
        # the features count what the message says about items: 俺想办个低保 says 低保
        pieces = self.neutral_pieces(segmented)
        meaning = {t: w for t, w in weights.items() if not self.neutral(t) and t not in pieces}
        features = self.features(ranked, phrases, meaning, intents, want)
        named = phrases.get(ranked[0][0], NO_PHRASE)[1] if features["named"] else ""
        if named and story_hints(read, intents, named, query):
            # 孩子要坐飞机 第一次办身份证要带啥: one out-of-scope hint in the story only tells why
            # the item named in the asking clause is wanted (intents.story_hints)
            intents = {k: v for k, v in intents.items() if k not in OTHERS_FAMILIES}
            features = self.features(ranked, phrases, meaning, intents, want)
        explain: dict[str, object] = {
            "normalized": normalized,
            "ticket": ticket,
            "query": query,
            "tokens": tokens,
            **steps,
            "context": [(p, r) for _, _, p, r in hits if r is not None],
            "actions": sorted(want),
            "refused": sorted(refused),
            "intents": intents,
            "features": {k: round(v, 3) for k, v in features.items()},
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
            features=features,
            explain=explain,
        )

    def char_weights(
        self,
        compact: str,
        context: list[tuple[int, int]],
        refused: list[tuple[int, int]] = [],  # noqa: B006 (never mutated)
    ) -> dict[str, float]:
        weights: dict[str, float] = {}
        for pos, ch in enumerate(compact):
            if not is_cjk(ch):
                continue
            weight = self.specificity(ch)
            if refused and any(start <= pos < end for start, end in refused):
                weight *= REFUSED_TOKEN_WEIGHT
            elif context and any(start <= pos < end for start, end in context):
                weight *= CONTEXT_TOKEN_WEIGHT
            if weight > weights.get(ch, -1.0):
                weights[ch] = weight
        return weights

    def features(
        self,
        ranked: tuple[tuple[int, float], ...],
        phrases: Mapping[int, tuple[float, str, str, str | None]],
        weights: Mapping[str, float],
        intents: Mapping[str, list[str]],
        want: frozenset[str] = frozenset(),
    ) -> dict[str, float]:
        """The signals the decision model (decision.py) weighs, all cheap to compute."""
        top, top_score = ranked[0] if ranked else (-1, 0.0)
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        phrase = phrases.get(top, NO_PHRASE)
        literal = phrase[3] in (None, SPLIT, BACKGROUND)
        content = sum(weights.values())
        by_doc = self.word_index.by_doc

        def coverage(index: int) -> float:
            if content <= 0.0:
                return 0.0
            return sum(w for t, w in weights.items() if index in by_doc.get(t, ())) / content

        def title_coverage(index: int) -> float:
            if content <= 0.0:
                return 0.0
            title = self.title_words[index]
            return sum(w for t, w in weights.items() if t in title) / content

        def shared(index: int) -> float:
            """How many items' titles hold the best item's most telling title word in the message
            (1 when none is written): evidence made only of a word many items share (补偿, 补贴,
            农村) rarely makes a menu right."""
            title = self.title_words[index]
            counts = [self.title_count.get(t, 1) for t in weights if t in title]
            return float(min(counts)) if counts else 1.0

        crowd = sum(1 for _, s in ranked if s >= CROWD_SHARE * top_score) if top_score > 0 else 0
        action = 0.0  # the wanted action (领/交/转/补办) is the best's (1), the runner-up's (-1)
        if len(ranked) > 1:
            mine, theirs = bool(want & self.actions[top]), bool(want & self.actions[ranked[1][0]])
            action = float(mine) - float(theirs)
        sibling = self.kinship(top, ranked[1][0]) if len(ranked) > 1 else 0.0
        return {
            "top": top_score / self.unit,
            "second": second / self.unit,
            "ratio": second / top_score if top_score > 0 else 1.0,
            "named": 1.0 if phrase[2] in ("name", "alias", "core") and literal else 0.0,
            "keyword": 1.0 if phrase[2] == "keyword" and literal else 0.0,
            "context": 1.0 if phrase[2] and not literal else 0.0,
            "coverage": coverage(top) if ranked else 0.0,
            "coverage2": coverage(ranked[1][0]) if len(ranked) > 1 else 0.0,
            "title": title_coverage(top) if ranked else 0.0,
            "shared": shared(top) if ranked else 1.0,
            "crowd": float(crowd),
            "oos": 1.0 if is_out_of_scope(intents) else 0.0,
            "content": content,
            "action": action,
            "sibling": sibling,
        }

    def share_topic(
        self, phrases: dict[int, tuple[float, str, str, str | None]], want: AbstractSet[str]
    ) -> dict[int, tuple[float, str, str, str | None]]:
        """A bare topic alias (农村养老保险: no action of its own) names every sibling item of that
        topic, not only the one that lists it: when the message wants an action (领, 转) its owner
        does not do and a sibling does (城乡居民基本养老保险待遇领取), the sibling is named by it too,
        and the wanted action tells them apart. Siblings: names sharing TOPIC_KINSHIP of their
        weight, with a shared name word written in the alias."""
        if not want or not phrases:
            return phrases
        shared = dict(phrases)
        for index, hit in phrases.items():
            phrase = hit[1]
            if want & self.actions[index] or profile((phrase,)):
                continue
            for other, common in self.topic_siblings(index):
                if (
                    want & self.actions[other]
                    and hit[0] > shared.get(other, NO_PHRASE)[0]
                    and any(word in phrase for word in common)
                ):
                    shared[other] = hit
        return shared

    def topic_siblings(self, index: int) -> tuple[tuple[int, frozenset[str]], ...]:
        """The items whose names share TOPIC_KINSHIP of their weight with this one's, with the
        name words they share (computed once per item: a large catalog has many)."""
        found = self._siblings.get(index)
        if found is None:
            found = tuple(
                (other, self.name_words[index] & self.name_words[other])
                for other in range(len(self.texts))
                if other != index and self.kinship(index, other) >= TOPIC_KINSHIP
            )
            self._siblings[index] = found
        return found

    def kinship(self, first: int, second: int) -> float:
        """How much two items' names share, by idf (0..1 of the shorter name): 残疾人证办理 and
        残疾人两项补贴申请 share 残疾人, the three 城乡居民基本养老保险 items nearly all."""
        one, two = self.name_words[first], self.name_words[second]
        if not one or not two:
            return 0.0
        idf = self.word_index.idf
        common = sum(idf.get(t, 0.0) for t in one & two)
        return common / max(1e-9, min(sum(idf.get(t, 0.0) for t in w) for w in (one, two)))
