"""Decide what a villager's message is about: one service item, a short menu of candidates, one
of the non-item intents, or "unknown". Deterministic after construction (the same text gets
the same decision, so the last few thousand are kept).

`analyze` computes every signal once (normalized text, intent cues, item scores, features);
`apply` turns an analysis into a `Decision` under a decision model (decision.py), so calibration
can refit the model without re-scoring (see calibrate.py).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.blend import blend, consulted
from knowledge.catalog import Catalog, Item
from knowledge.decision import DEFAULT_MODEL, MENU_MAX, Model, Verdict, policy
from knowledge.scoring import Analysis, Scorer

if TYPE_CHECKING:
    from knowledge.learned import PhraseModel  # numpy only where a model is loaded

__all__ = ["MENU_MAX", "Decision", "Matcher", "Model", "Verdict", "decide_analysis"]

RECENT = 4096  # decisions kept by exact text (a few MB at most)


@dataclass(frozen=True)
class Decision:
    intent: str  # guide | clarify | unknown | human | status | complaint | center_info | greeting
    item: Item | None
    candidates: tuple[Item, ...]
    score: float
    explain: dict[str, object] = field(compare=False)


def items_named(decision: Decision, catalog: Catalog) -> list[Item]:
    """Items whose name, alias or keyword phrase the message writes (among the five best
    scored), whatever it asks about them: 低保 of 低保批了没有, a status question."""
    top = decision.explain.get("top", [])
    names = (
        [e["item"] for e in top if isinstance(e, dict) and e.get("phrase")]
        if isinstance(top, list)
        else []
    )
    return [catalog.by_name[n] for n in names if n in catalog.by_name]


def decide_analysis(analysis: Analysis, model: Model) -> Verdict:
    """The policy of decision.py applied to one analysis."""
    return policy(analysis.ranked, analysis.features, analysis.intents, analysis.ticket, model)


class Matcher:
    """Answers `decide(text)` for one catalog. Build once per catalog (≈0.1-0.5 s, cached)."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        cache_dir: Path | None = None,
        model: Model | None = None,
    ) -> None:
        self.catalog = catalog
        self.model = model or DEFAULT_MODEL
        self.scorer = Scorer(catalog, cache_dir=cache_dir)
        self._names = tuple(item.name for item in catalog.items)
        self._index_of = {name: i for i, name in enumerate(self._names)}
        self._taught = frozenset(catalog.learned.labels) if catalog.learned else frozenset()
        # Villagers send the same words again and again (低保, 确认, 进度, 1, and on a
        # payout day everyone's same question): the last decisions, by exact text.
        self._recent: OrderedDict[str, Decision] = OrderedDict()
        self.recent_hits = self.recent_misses = 0

    def analyze(self, text: str) -> Analysis:
        return self.scorer.analyze(text)

    def decide(self, text: str) -> Decision:
        found = self._recent.get(text)
        if found is not None:
            self._recent.move_to_end(text)
            self.recent_hits += 1
            return found
        self.recent_misses += 1
        decision = self.apply(self.analyze(text))
        self._recent[text] = decision
        if len(self._recent) > RECENT:
            self._recent.popitem(last=False)
        return decision

    def apply(self, analysis: Analysis, model: Model | None = None) -> Decision:
        """Turn an analysis into a decision under `model` (default: the matcher's)."""
        verdict = decide_analysis(analysis, model or self.model)
        items = self.catalog.items
        explain = dict(analysis.explain)
        learned = self.catalog.learned
        named, length = analysis.strong_hit, len(analysis.normalized.replace(" ", ""))
        if learned is not None and consulted(verdict, length=length):
            guesses = learned.predict(analysis.query, analysis.tokens)
            hinted = analysis.features.get("oos", 0.0) > 0
            verdict = blend(
                verdict,
                guesses,
                self._index_of,
                self._names,
                self._taught,
                named=named,
                length=length,
                hinted=hinted,
            )
            explain["learned"] = [(label, round(p, 3)) for label, p in guesses[:3]]
        explain["why"] = verdict.why
        top_score = analysis.ranked[0][1] if analysis.ranked else 0.0
        return Decision(
            intent=verdict.intent,
            item=items[verdict.item] if verdict.item is not None else None,
            candidates=tuple(items[i] for i in verdict.candidates),
            score=round(top_score, 3),
            explain=explain,
        )

    def with_model(self, model: Model) -> Matcher:
        """A matcher sharing this one's index but deciding with another model."""
        clone = self._clone()
        clone.model = model
        return clone

    def with_learned(self, learned: PhraseModel | None) -> Matcher:
        """A matcher sharing this one's index but blending another learned model (None: the
        rules alone); cross-validation trains one per group of writers (bench/learn_cv.py)."""
        clone = self._clone()
        clone.catalog = replace(self.catalog, learned=learned)
        clone._taught = frozenset(learned.labels) if learned else frozenset()
        return clone

    def _clone(self) -> Matcher:
        clone = object.__new__(Matcher)
        clone.__dict__.update(self.__dict__)
        clone._recent = OrderedDict()  # decisions of another model are not these
        clone.recent_hits = clone.recent_misses = 0
        return clone
