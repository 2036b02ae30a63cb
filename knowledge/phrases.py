"""Names, aliases and keywords written in a message: where, of which items, and whether only as
context (context.py). Also pieces of one item's title (护理补贴 of 重度残疾人护理补贴) and verb +
topic aliases written apart (养老金怎么领 ~ 领养老金). A hit's bonus is the strongest evidence an
item gets (scoring.py adds it to the word and character scores).

Hits are (start, end, phrase, reason) with positions in the compact query (no spaces) and
`reason` None for a plain mention, SPLIT / BACKGROUND for weaker plain ones, else why the mention
is context.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from knowledge import cues, texts
from knowledge.actions import split_alias
from knowledge.context import is_context, phrase_spans, request_clauses, span_index
from knowledge.vocab import (
    PHRASE_KINDS,
    ItemText,
    partial_titles,
    phrase_table,
    title_ngrams,
)

PHRASE_BASE = 6.0  # a name or alias written in the message is the strongest evidence
PHRASE_PER_CHAR = 1.0
PHRASE_SPREAD_POWER = 1.0  # ...divided among the items whose titles contain it
NGRAM_MAX = 8
CONTEXT_WEIGHT = 0.3  # a mention that only says who the villager is or what they have (context.py)
MATERIAL_VERBS = cues.words("material_verbs")  # 开证明, 带户口本: a material after a verb
SPLIT = "split"  # the "reason" of a verb + topic alias written apart (not a context)
SPLIT_WEIGHT = 0.6
BACKGROUND = "background"  # a mention in a clause that tells the story while another one asks
BACKGROUND_WEIGHT = 0.6
REFUSED_MENTION = (
    "refused"  # a mention after 不想/不打算/不愿: not what is asked for (context.is_context)
)
REFUSED_WEIGHT = 0.0
NO_PHRASE: tuple[float, str, str, str | None] = (0.0, "", "", None)

LOOSE_INNER = cues.words("loose_inner")  # stands inside a name after 2 characters (老年人的优待证)
# a modal inside a name after its first 2 characters (学费能减免 = 学费减免)
LOOSE_MODAL = re.compile(cues.alternation(cues.words("loose_modal")))
MODAL_SIDE = 4  # characters of a name looked for on each side of the modal
Hit = tuple[int, int, str, str | None]


def _compact(text: str) -> str:
    return text.replace(" ", "")


class Phrases:
    """The phrase tables of one catalog (normalized item texts) and the lookups on a message."""

    def __init__(
        self,
        items: list[ItemText],
        pieces: Mapping[str, list[int]] | None = None,
    ) -> None:
        """`pieces` (vocab.partial_pieces) restricts which pieces of titles identify an item;
        without them, any piece of any title does."""
        self.table = phrase_table(items)
        self.lengths = span_index(self.table)
        # How many items mention a piece of text in their name, aliases or keywords: 养老保险 is
        # an alias of one item but names a topic three items share, so identifies none alone.
        self.ngrams = title_ngrams(items, NGRAM_MAX)
        self.loose_table = str.maketrans("", "", texts.LOOSE_PARTICLES)
        self.partials = partial_titles(self.ngrams, self.table, pieces)
        self.partial_lengths = span_index(self.partials)
        self.splits: dict[str, list[tuple[str, str]]] = {}  # topic -> [(action, verb+topic)]
        for t in items:
            for title in (t.name, *t.aliases):
                for topic, action in split_alias(title.replace(" ", "")):
                    self.splits.setdefault(topic, []).append((action, title.replace(" ", "")))
        self.split_lengths = span_index(self.splits)
        self.material_grams = frozenset(
            m[i:j]
            for t in items
            for m in t.materials
            for i in range(len(m))
            for j in range(i + 2, len(m) + 1)
        )

    def is_material(self, phrase: str) -> bool:
        """Whether a phrase names (part of) a document some item asks for: 身份证, 死亡证明,
        also after a verb (开证明, 带户口本)."""
        return phrase in self.material_grams or (
            len(phrase) > 2 and phrase[0] in MATERIAL_VERBS and phrase[1:] in self.material_grams
        )

    def hits(self, query: str) -> tuple[list[Hit], str]:
        """(start, end, phrase, context reason) of the names, aliases and keywords written in the
        compact query; also without 的/个 inside names (老年人的优待证, 办个残疾人的证), where
        positions are not kept and nothing counts as context."""
        compact = _compact(query)
        # context is judged on the query with its spaces (punctuation): 退伍的，听说 is no modifier
        where = [i for i, ch in enumerate(query) if ch != " "]
        hits: list[Hit] = [
            (
                start,
                end,
                phrase,
                is_context(query, where[start], where[end - 1] + 1, self.is_material),
            )
            for start, end, phrase in phrase_spans(compact, self.table, self.lengths)
        ]
        loose = compact.translate(self.loose_table)
        if loose != compact:
            seen = {phrase for _, _, phrase, _ in hits}
            kept = [i for i, ch in enumerate(compact) if ch not in texts.LOOSE_PARTICLES]
            for start, end, phrase in phrase_spans(loose, self.table, self.lengths):
                a, b = kept[start], kept[end - 1] + 1
                # 的 may stand inside a name after two of its characters (老年人的优待证), not
                # after a verb (外省交的养老保险 is no 交养老保险); 个 anywhere (救个急, 办个证)
                inside = [i - a for i in range(a, b) if compact[i] == LOOSE_INNER]
                if phrase in seen or (inside and min(inside) < 2):
                    continue
                hits.append(
                    (a, b, phrase, is_context(query, where[a], where[b - 1] + 1, self.is_material))
                )
        seen = {phrase for _, _, phrase, _ in hits}
        for m in LOOSE_MODAL.finditer(compact):
            # the longest name around the modal, with at least 2 of its characters before it
            around = [
                (compact[m.start() - left : m.start()] + compact[m.end() : m.end() + right], left)
                for left in range(2, min(m.start(), MODAL_SIDE) + 1)
                for right in range(1, MODAL_SIDE + 1)
                if m.end() + right <= len(compact)
            ]
            named = [(p, left) for p, left in around if p in self.table and p not in seen]
            if named:
                phrase, left = max(named, key=lambda found: len(found[0]))
                a, b = m.start() - left, m.end() + len(phrase) - left
                seen.add(phrase)
                hits.append(
                    (a, b, phrase, is_context(query, where[a], where[b - 1] + 1, self.is_material))
                )
        # mentions outside the clauses that ask, when those clauses name an item themselves
        asking = request_clauses(query)
        if asking:

            def asks(a: int) -> bool:
                return any(x <= where[a] < y for x, y in asking)

            if any(reason is None and asks(a) for a, _, _, reason in hits):
                hits = [
                    (a, b, p, BACKGROUND if reason is None and not asks(a) else reason)
                    for a, b, p, reason in hits
                ]
        taken = [(a, b) for a, b, _, _ in hits]
        for a, b, gram in phrase_spans(compact, self.partials, self.partial_lengths):
            # not inside a name already found, nor over a mention that is only context
            if not any(x <= a and b <= y for x, y in taken) and not any(
                x < b and a < y and r is not None for x, y, _, r in hits
            ):
                hits.append(
                    (a, b, gram, is_context(query, where[a], where[b - 1] + 1, self.is_material))
                )
        return hits, compact

    def split(self, query: str, compact: str, want: frozenset[str], seen: set[str]) -> list[Hit]:
        """Verb + topic aliases written apart: 养老金怎么领 ~ 领养老金, 户口咋迁 ~ 迁户口. The topic
        must be written and the verb's action wanted (actions.wanted)."""
        if not want:
            return []
        where = [i for i, ch in enumerate(query) if ch != " "]
        found: list[Hit] = []
        for start, end, topic in phrase_spans(compact, self.splits, self.split_lengths):
            reason = is_context(query, where[start], where[end - 1] + 1, self.is_material)
            for action, alias in self.splits[topic]:
                if action in want and alias not in seen:
                    found.append((start, end, alias, reason or SPLIT))
                    seen.add(alias)
        return found

    def bonus(self, hits: list[Hit]) -> dict[int, tuple[float, str, str, str | None]]:
        """item index -> (bonus, phrase, kind, context reason) for the best name/alias/keyword
        hit of the item; a mention that is only context counts CONTEXT_WEIGHT of its worth."""
        best: dict[int, tuple[float, str, str, str | None]] = {}
        for _, _, phrase, reason in hits:
            spread = max(1, len(self.ngrams.get(phrase, ()))) ** PHRASE_SPREAD_POWER
            for index, kind in self.table.get(phrase) or self.partials[phrase]:
                bonus = PHRASE_KINDS[kind] * (PHRASE_BASE + PHRASE_PER_CHAR * len(phrase))
                bonus /= spread
                if reason == SPLIT:
                    bonus *= SPLIT_WEIGHT
                elif reason == BACKGROUND:
                    bonus *= BACKGROUND_WEIGHT
                elif reason == REFUSED_MENTION:
                    bonus *= REFUSED_WEIGHT
                elif reason is not None:
                    bonus *= CONTEXT_WEIGHT
                if bonus > best.get(index, (0.0, "", "", None))[0]:
                    best[index] = (bonus, phrase, kind, reason)
        return best
