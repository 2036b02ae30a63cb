"""Score the matcher on a labelled TSV (`expected<TAB>question`): per-intent accuracy, confusion
pairs and the four headline figures the issue sets targets for. Used by `bianmin eval` and by the
test that gates the repository's question sets. Fitting the decision model lives in calibrate.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from knowledge.blend import NON_ITEM
from knowledge.matcher import Decision, Matcher

NON_ITEM_LABELS = NON_ITEM  # the labels that are not catalog items
TARGETS = {
    "item_direct": 0.92,
    "item_direct_or_menu": 0.98,
    "out_of_scope_rejected": 0.95,
    "confidently_wrong": 0.02,
}  # the last one is a maximum


def load_labelled(path: Path) -> list[tuple[str, str]]:
    """(expected, question) pairs; blank lines, `#` comments and a header line are skipped."""
    rows: list[tuple[str, str]] = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, sep, question = line.partition("\t")
        if not sep:
            raise ValueError(f"{path}:{number}: expected 'label<TAB>question'")
        if number == 1 and label.strip().lower() in ("expected", "label"):
            continue
        rows.append((label.strip(), question.strip()))
    return rows


@dataclass(frozen=True)
class Outcome:
    expected: str
    question: str
    intent: str
    item: str | None
    candidates: tuple[str, ...]

    @property
    def is_item_label(self) -> bool:
        return self.expected not in NON_ITEM_LABELS

    @property
    def got(self) -> str:
        """The decision as one label: the item name for `guide`, else the intent."""
        return self.item if self.intent == "guide" and self.item else self.intent

    @property
    def correct(self) -> bool:
        return self.got == self.expected

    @property
    def offered(self) -> bool:
        """Right item answered directly or listed in the clarify menu."""
        return self.correct or (self.intent == "clarify" and self.expected in self.candidates)

    @property
    def confidently_wrong(self) -> bool:
        return self.intent == "guide" and not self.correct


def outcome_of(expected: str, question: str, decision: Decision) -> Outcome:
    return Outcome(
        expected,
        question,
        decision.intent,
        decision.item.name if decision.item else None,
        tuple(c.name for c in decision.candidates),
    )


@dataclass(frozen=True)
class Report:
    outcomes: tuple[Outcome, ...]

    def _share(self, hits: Iterable[bool]) -> float:
        values = list(hits)
        return sum(values) / len(values) if values else 1.0

    @property
    def item_outcomes(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.is_item_label]

    @property
    def item_direct(self) -> float:
        return self._share(o.correct for o in self.item_outcomes)

    @property
    def item_direct_or_menu(self) -> float:
        return self._share(o.offered for o in self.item_outcomes)

    @property
    def out_of_scope_rejected(self) -> float:
        return self._share(o.intent == "unknown" for o in self.outcomes if o.expected == "unknown")

    @property
    def confidently_wrong(self) -> float:
        return self._share(o.confidently_wrong for o in self.outcomes)

    def figures(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in TARGETS}

    def meets_targets(self) -> bool:
        f = self.figures()
        return (
            all(f[k] >= v for k, v in TARGETS.items() if k != "confidently_wrong")
            and f["confidently_wrong"] <= TARGETS["confidently_wrong"]
        )

    def per_intent(self) -> dict[str, tuple[int, int]]:
        """expected intent -> (correct, total); all item labels are grouped as `guide`."""
        table: dict[str, list[int]] = {}
        for o in self.outcomes:
            row = table.setdefault("guide" if o.is_item_label else o.expected, [0, 0])
            row[0] += o.correct
            row[1] += 1
        return {k: (v[0], v[1]) for k, v in table.items()}

    def confusions(self) -> list[tuple[tuple[str, str], int]]:
        """(expected, got) -> count over wrong decisions, most frequent first."""
        counts = Counter((o.expected, o.got) for o in self.outcomes if not o.correct)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def evaluate(matcher: Matcher, rows: Iterable[tuple[str, str]]) -> Report:
    return Report(tuple(outcome_of(e, q, matcher.decide(q)) for e, q in rows))


def format_report(report: Report, *, confusions: int = 15) -> str:
    lines = [f"{'expected':<12} {'correct':>7} {'total':>5} {'accuracy':>8}"]
    for intent, (ok, total) in sorted(report.per_intent().items()):
        lines.append(f"{intent:<12} {ok:>7} {total:>5} {ok / total:>8.1%}")
    lines.append("")
    lines.append(
        f"{len(report.outcomes)} questions, {len(report.item_outcomes)} about service items"
    )
    labels = {
        "item_direct": "right item answered directly",
        "item_direct_or_menu": "right item directly or in the menu",
        "out_of_scope_rejected": "out-of-scope questions rejected",
        "confidently_wrong": "confidently wrong (of all)",
    }
    for name, value in report.figures().items():
        target = TARGETS[name]
        sign = "<=" if name == "confidently_wrong" else ">="
        lines.append(f"{labels[name]:<38} {value:7.1%}  (target {sign} {target:.0%})")
    wrong = report.confusions()
    lines.append("")
    lines.append("confusions (expected -> got):" if wrong else "confusions: none")
    for (expected, got), count in wrong[:confusions]:
        lines.append(f"  {count:>3}  {expected} -> {got}")
    return "\n".join(lines)
