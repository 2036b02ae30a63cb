"""BM25F over tokenized fields, with per-field weights and length normalization.

Pure data structure: documents are lists of (field, tokens); queries are token lists. Scoring
walks only the postings of the query's terms, so a 1,000-item catalog still answers in well under
a millisecond.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Bm25Params:
    k1: float = 1.2
    b: float = 0.5  # fields are short and their length says little: normalize mildly


class Bm25fIndex:
    """An inverted index: term -> [(doc, weighted pseudo term frequency)], plus idf."""

    def __init__(
        self,
        docs: Sequence[Iterable[tuple[str, Sequence[str]]]],
        weights: Mapping[str, float],
        params: Bm25Params | None = None,
    ) -> None:
        self.params = params or Bm25Params()
        self.size = len(docs)
        per_doc: list[list[tuple[str, Counter[str]]]] = []
        lengths: dict[str, list[int]] = defaultdict(list)
        for doc in docs:
            fields: list[tuple[str, Counter[str]]] = []
            for name, tokens in doc:
                if weights.get(name, 0.0) <= 0.0:
                    continue
                fields.append((name, Counter(tokens)))
                lengths[name].append(len(tokens))
            per_doc.append(fields)
        average = {name: max(1.0, sum(v) / len(v)) for name, v in lengths.items()}
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        b = self.params.b
        for doc_id, fields in enumerate(per_doc):
            weighted: dict[str, float] = defaultdict(float)
            for name, counts in fields:
                norm = 1.0 - b + b * sum(counts.values()) / average[name]
                for term, tf in counts.items():
                    weighted[term] += weights[name] * tf / norm
            for term, wtf in weighted.items():
                postings[term].append((doc_id, wtf))
        n = self.size
        k1 = self.params.k1
        self.idf: dict[str, float] = {
            term: math.log(1.0 + (n - len(p) + 0.5) / (len(p) + 0.5))
            for term, p in postings.items()
        }
        # Each posting holds the term's finished BM25 contribution to that document, so a query
        # only adds numbers up.
        self.postings: dict[str, tuple[tuple[int, float], ...]] = {
            term: tuple((doc, self.idf[term] * wtf * (k1 + 1.0) / (k1 + wtf)) for doc, wtf in p)
            for term, p in postings.items()
        }
        self.by_doc: dict[str, dict[int, float]] = {t: dict(p) for t, p in self.postings.items()}

    def score(self, terms: Mapping[str, float], only: set[int] | None = None) -> dict[int, float]:
        """doc -> BM25F score for query terms with their weights (1.0 = plain BM25). With `only`,
        just those documents are scored (walking whichever is shorter: postings or the set)."""
        scores: dict[int, float] = {}
        get = scores.get
        for term, weight in terms.items():
            postings = self.postings.get(term)
            if not postings or weight <= 0.0:
                continue
            if only is None:
                for doc, contribution in postings:
                    scores[doc] = get(doc, 0.0) + weight * contribution
            elif len(only) < len(postings):
                by_doc = self.by_doc[term]
                for doc in only:
                    found = by_doc.get(doc)
                    if found is not None:
                        scores[doc] = get(doc, 0.0) + weight * found
            else:
                for doc, contribution in postings:
                    if doc in only:
                        scores[doc] = get(doc, 0.0) + weight * contribution
        return scores

    def candidates(self, terms: Iterable[str], max_df: int) -> set[int]:
        """Documents containing at least one of the terms that at most `max_df` documents have:
        the only ones that can rank high. Common terms (申请, 材料) then score just these."""
        found: set[int] = set()
        for term in terms:
            postings = self.postings.get(term)
            if postings and len(postings) <= max_df:
                found.update(doc for doc, _ in postings)
        return found
