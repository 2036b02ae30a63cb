"""Threshold calibration: sweep the decision thresholds over a grid on a labelled TSV, pick the
best setting that meets the targets, and estimate how well that choice generalizes with k-fold
cross-validation (choose on k-1 folds, score the held-out fold).

Run: `python -m knowledge.calibrate tests/data/questions.tsv`. Scoring is done once per question;
only the cheap policy (`Matcher.apply`) runs per grid point.
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from knowledge.evaluate import Outcome, Report, load_labelled, outcome_of
from knowledge.matcher import Matcher, Thresholds

GRID = {
    "guide_score": (6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 14.0),
    "guide_ratio": (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9),
    "menu_score": (2.0, 3.0, 4.0, 5.0, 6.0, 7.0),
    "menu_ratio": (0.3, 0.4, 0.5, 0.6),
}


def objective(report: Report) -> float:
    """Higher is better. A confidently wrong answer sends a villager to the wrong window with the
    wrong papers, so it costs four times what a missed direct answer costs."""
    f = report.figures()
    return (f["item_direct"] + 0.5 * f["item_direct_or_menu"] + 0.5 * f["out_of_scope_rejected"]
            - 4.0 * f["confidently_wrong"])


@dataclass(frozen=True)
class Point:
    thresholds: Thresholds
    outcomes: tuple[Outcome, ...]

    def report(self, rows: Sequence[int] | None = None) -> Report:
        if rows is None:
            return Report(self.outcomes)
        return Report(tuple(self.outcomes[i] for i in rows))


@dataclass(frozen=True)
class Sweep:
    points: tuple[Point, ...]
    best: Point
    cross_validated: Report  # held-out outcomes of k-fold choice

    def format(self, top: int = 10) -> str:
        ranked = sorted(self.points, key=lambda p: _key(p.report()), reverse=True)[:top]
        head = f"{'guide':>6} {'ratio':>5} {'menu':>5} {'mratio':>6} | {'direct':>6} {'offer':>6} {'oos':>6} {'wrong':>6} ok"
        lines = [head]
        for p in ranked:
            t, f = p.thresholds, p.report().figures()
            lines.append(
                f"{t.guide_score:>6} {t.guide_ratio:>5} {t.menu_score:>5} {t.menu_ratio:>6} | "
                f"{f['item_direct']:>6.1%} {f['item_direct_or_menu']:>6.1%} "
                f"{f['out_of_scope_rejected']:>6.1%} {f['confidently_wrong']:>6.1%} "
                f"{'yes' if p.report().meets_targets() else 'no'}")
        cv = self.cross_validated.figures()
        lines.append(f"chosen: {self.best.thresholds}")
        lines.append("5-fold cross-validated: " + ", ".join(f"{k} {v:.1%}" for k, v in cv.items()))
        return "\n".join(lines)


def _key(report: Report) -> tuple[bool, float]:
    return report.meets_targets(), objective(report)


def _choose(points: Sequence[Point], rows: Sequence[int]) -> Point:
    return max(points, key=lambda p: _key(p.report(rows)))


def sweep(matcher: Matcher, labelled: list[tuple[str, str]], folds: int = 5) -> Sweep:
    analyses = [(e, q, matcher.analyze(q)) for e, q in labelled]
    points: list[Point] = []
    for values in itertools.product(*GRID.values()):
        t = Thresholds(**dict(zip(GRID, values, strict=True)))
        if t.menu_score > t.guide_score:
            continue
        points.append(Point(t, tuple(outcome_of(e, q, matcher.apply(a, t)) for e, q, a in analyses)))
    everything = list(range(len(labelled)))
    held_out: list[Outcome] = []
    for fold in range(folds):
        train = [i for i in everything if i % folds != fold]
        test = [i for i in everything if i % folds == fold]
        chosen = _choose(points, train)
        held_out.extend(chosen.outcomes[i] for i in test)
    return Sweep(tuple(points), _choose(points, everything), Report(tuple(held_out)))


def main(argv: Sequence[str] | None = None) -> None:
    from knowledge.catalog import load_catalog

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("questions", type=Path)
    parser.add_argument("--catalog", type=Path, default=Path("knowledge/catalog"))
    args = parser.parse_args(argv)
    matcher = Matcher(load_catalog(args.catalog))
    print(sweep(matcher, load_labelled(args.questions)).format())


if __name__ == "__main__":
    main()
