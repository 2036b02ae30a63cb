"""Threshold calibration: sweep the decision thresholds over a grid on a labelled TSV, pick the
best setting that meets the targets, and estimate how well that choice generalizes with k-fold
cross-validation (choose on k-1 folds, score the held-out fold).

Run: `python -m knowledge.calibrate tests/data/questions.tsv`. Each question is scored once;
only the cheap policy (`matcher.policy`) runs per grid point.
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from knowledge.evaluate import NON_ITEM_LABELS, TARGETS, Report, evaluate, load_labelled
from knowledge.matcher import Matcher, Thresholds, policy

GRID = {
    "guide_score": (10.0, 12.0, 14.0, 16.0, 18.0, 20.0, 24.0),
    "strong_score": (6.0, 8.0, 10.0, 12.0),
    "guide_ratio": (0.6, 0.7, 0.75, 0.8, 0.85, 0.9),
    "menu_score": (4.0, 5.0, 6.0, 7.0, 8.0, 9.0),
    "menu_ratio": (0.3, 0.4, 0.5),
}

# Per-question outcome codes of one grid point.
RIGHT, OFFERED, WRONG_GUIDE, MISSED = 0, 1, 2, 3
WRONG_COST = 6.0


@dataclass(frozen=True)
class Figures:
    item_direct: float
    item_direct_or_menu: float
    out_of_scope_rejected: float
    confidently_wrong: float

    def meets_targets(self) -> bool:
        return (
            self.item_direct >= TARGETS["item_direct"]
            and self.item_direct_or_menu >= TARGETS["item_direct_or_menu"]
            and self.out_of_scope_rejected >= TARGETS["out_of_scope_rejected"]
            and self.confidently_wrong <= TARGETS["confidently_wrong"]
        )

    def objective(self) -> float:
        """Higher is better. A confidently wrong answer sends a villager to the wrong window
        with the wrong papers, so it costs WRONG_COST (6) times a missed direct answer."""
        return (
            self.item_direct
            + 0.5 * self.item_direct_or_menu
            + 0.5 * self.out_of_scope_rejected
            - WRONG_COST * self.confidently_wrong
        )

    def key(self) -> tuple[bool, float]:
        return self.meets_targets(), self.objective()


@dataclass(frozen=True)
class Point:
    thresholds: Thresholds
    codes: bytes  # one outcome code per question

    def figures(self, labels: Sequence[str], rows: Sequence[int]) -> Figures:
        items = [i for i in rows if labels[i] not in NON_ITEM_LABELS]
        unknown = [i for i in rows if labels[i] == "unknown"]

        def share(selected: list[int], codes: tuple[int, ...]) -> float:
            return (
                sum(self.codes[i] in codes for i in selected) / len(selected) if selected else 1.0
            )

        return Figures(
            item_direct=share(items, (RIGHT,)),
            item_direct_or_menu=share(items, (RIGHT, OFFERED)),
            out_of_scope_rejected=share(unknown, (RIGHT,)),
            confidently_wrong=share(list(rows), (WRONG_GUIDE,)),
        )


@dataclass(frozen=True)
class Sweep:
    points: tuple[Point, ...]
    labels: tuple[str, ...]
    best: Point
    cross_validated: Figures  # figures of the held-out folds under their own choice
    report: Report  # the full report at the chosen thresholds

    def format(self, top: int = 10) -> str:
        everything = range(len(self.labels))
        ranked = sorted(
            self.points, key=lambda p: p.figures(self.labels, everything).key(), reverse=True
        )[:top]
        lines = [
            f"{'guide':>6} {'strong':>6} {'ratio':>5} {'menu':>5} {'mratio':>6} | "
            f"{'direct':>6} {'offer':>6} {'oos':>6} {'wrong':>6} ok"
        ]
        for p in ranked:
            t, f = p.thresholds, p.figures(self.labels, everything)
            lines.append(
                f"{t.guide_score:>6} {t.strong_score:>6} {t.guide_ratio:>5} {t.menu_score:>5} "
                f"{t.menu_ratio:>6} | {f.item_direct:>6.1%} {f.item_direct_or_menu:>6.1%} "
                f"{f.out_of_scope_rejected:>6.1%} {f.confidently_wrong:>6.1%} "
                f"{'yes' if f.meets_targets() else 'no'}"
            )
        cv = self.cross_validated
        lines.append(f"chosen: {self.best.thresholds}")
        lines.append(
            f"cross-validated (held-out folds): direct {cv.item_direct:.1%}, offered "
            f"{cv.item_direct_or_menu:.1%}, out-of-scope rejected {cv.out_of_scope_rejected:.1%}, "
            f"confidently wrong {cv.confidently_wrong:.1%}"
        )
        return "\n".join(lines)


def _code(expected: str, intent: str, item: str | None, candidates: Sequence[str]) -> int:
    if expected in NON_ITEM_LABELS:
        if intent == expected:
            return RIGHT
        return WRONG_GUIDE if intent == "guide" else MISSED
    if intent == "guide":
        return RIGHT if item == expected else WRONG_GUIDE
    return OFFERED if intent == "clarify" and expected in candidates else MISSED


def grid_points(grid: dict[str, tuple[float, ...]] | None = None) -> list[Thresholds]:
    grid = grid or GRID
    points = [
        Thresholds(**dict(zip(grid, values, strict=True)))
        for values in itertools.product(*grid.values())
    ]
    return [t for t in points if t.menu_score <= min(t.guide_score, t.strong_score)]


def sweep(
    matcher: Matcher,
    labelled: list[tuple[str, str]],
    folds: int = 5,
    grid: dict[str, tuple[float, ...]] | None = None,
) -> Sweep:
    names = [item.name for item in matcher.catalog.items]
    analyses = [matcher.analyze(q) for _, q in labelled]
    labels = tuple(e for e, _ in labelled)
    points: list[Point] = []
    for t in grid_points(grid):
        codes = bytearray()
        for expected, analysis in zip(labels, analyses, strict=True):
            v = policy(analysis, t)
            codes.append(
                _code(
                    expected,
                    v.intent,
                    names[v.item] if v.item is not None else None,
                    [names[i] for i in v.candidates],
                )
            )
        points.append(Point(t, bytes(codes)))

    def choose(rows: Sequence[int]) -> Point:
        return max(points, key=lambda p: p.figures(labels, rows).key())

    everything = list(range(len(labelled)))
    held_out = bytearray(len(labelled))
    for fold in range(folds):
        chosen = choose([i for i in everything if i % folds != fold])
        for i in everything[fold::folds]:
            held_out[i] = chosen.codes[i]
    best = choose(everything)
    cross = Point(best.thresholds, bytes(held_out)).figures(labels, everything)
    report = evaluate(matcher.with_thresholds(best.thresholds), labelled)
    return Sweep(tuple(points), labels, best, cross, report)


def main(argv: Sequence[str] | None = None) -> None:
    from knowledge.catalog import load_catalog

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("questions", type=Path)
    parser.add_argument("--catalog", type=Path, default=Path("knowledge/catalog"))
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args(argv)
    matcher = Matcher(load_catalog(args.catalog), cache_dir=args.cache)
    print(sweep(matcher, load_labelled(args.questions)).format())


if __name__ == "__main__":
    main()
