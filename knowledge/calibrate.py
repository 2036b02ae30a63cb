"""Fit the decision model (decision.py) on labelled TSVs and estimate how it generalizes to a
writer it has never seen.

Two logistic regressions over the features of each question's item ranking: P(the best item is
the answer) and P(the answer is among the menu). They are fitted by Newton's method with a mild
L2 penalty, in plain Python (a dozen features, a few thousand questions; no numpy). The cut-offs
(guide_at, offer_at) and the menu share are then chosen on out-of-fold probabilities: the most
direct answers and menus while confidently wrong stays <= MAX_WRONG (1.75%, under the 2% target)
and out-of-scope rejected >= MIN_OOS (96%, over the 95% target). A wrong 一次性告知 sends a
villager to the wrong window with the wrong papers; a menu costs one more reply.

Each labelled file is one writer, and a new writer is what the bot meets, so the cut-offs are
chosen across writers:
- BY_WRITER: each file's probabilities come from weights fitted on the other files only (not
  from interleaved folds, whose training always holds the same writer's other lines);
- PER_WRITER: the safety margins must hold for every file, not only pooled;
- BLIND_OOS: the out-of-scope hint lists (lexicon, texts.py) were written with the labelled files
  at hand, so 3 in 4 of their out-of-scope lines are hinted; a new writer's much less. Their
  probabilities are taken half with and half without the hint (BLIND_SHARE).

Validation: leave-one-file-out (each file scored by a model calibrated without it; a file given
with --validate is never fitted on and only scored) and, optionally, k-fold over the calibration
files. Only aggregate figures are printed, never questions. Run:

    python -m knowledge.calibrate tests/data/questions.tsv tests/data/questions_more.tsv \
        tests/data/questions_c.tsv --validate tests/data/questions_d.tsv [--no-kfold]

It prints the `Model(...)` literal to paste into decision.py and the figures per file.
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.decision import (
    FEATURES,
    MENU_MAX,
    Model,
    choose,
    is_named,
    is_out_of_scope,
    is_tie,
    menu_barred,
    probability,
    vector,
)
from knowledge.evaluate import NON_ITEM_LABELS, TARGETS, load_labelled
from knowledge.logistic import fit_logistic
from knowledge.matcher import Matcher

GUIDE_AT = tuple(round(0.30 + 0.025 * i, 3) for i in range(27))  # 0.30 .. 0.95
OFFER_AT = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)
MENU_RATIO = (0.3, 0.4, 0.5)
WRONG_COST = 6.0
MENU_WEIGHT = 0.5
OOS_WEIGHT = 0.5
# safety margins the cut-offs keep on out-of-fold probabilities (targets: <= 2%, >= 95%)
MAX_WRONG = 0.0175
MIN_OOS = 0.96
FOLDS = 5
PER_WRITER = True  # the safety margins must hold for every writer's file, not only pooled
BY_WRITER = True  # cut-offs from probabilities of models that never saw the writer (out_of_fold)
BLIND_OOS = True  # out-of-scope questions are scored partly without their hint (blind)...
BLIND_SHARE = 0.5  # ...as if half of a new writer's went unhinted (3 in 4 of ours are hinted)

RIGHT, OFFERED, WRONG_GUIDE, MISSED = 0, 1, 2, 3


@dataclass(frozen=True)
class Sample:
    expected: str
    question: str
    source: int  # index of the file it came from
    x: tuple[float, ...]
    ranked: tuple[tuple[int, float], ...]
    names: tuple[str, ...]  # names of the ranked items
    intents: dict[str, list[str]]
    ticket: str | None
    features: dict[str, float] = field(default_factory=dict)

    @property
    def is_item(self) -> bool:
        return self.expected not in NON_ITEM_LABELS

    def y_guide(self) -> float:
        return float(self.is_item and bool(self.names) and self.names[0] == self.expected)

    def y_offer(self, menu_ratio: float) -> float:
        if not self.is_item or not self.ranked:
            return 0.0
        top = self.ranked[0][1]
        menu = [
            n
            for n, (_, s) in zip(self.names, self.ranked[:MENU_MAX], strict=False)
            if s >= menu_ratio * top
        ]
        return float(self.expected in menu)


@dataclass(frozen=True)
class Figures:
    item_direct: float
    item_direct_or_menu: float
    out_of_scope_rejected: float
    confidently_wrong: float

    def objective(self) -> float:
        return (
            self.item_direct
            + MENU_WEIGHT * self.item_direct_or_menu
            + OOS_WEIGHT * self.out_of_scope_rejected
            - WRONG_COST * self.confidently_wrong
        )

    def line(self) -> str:
        return (
            f"direct {self.item_direct:6.1%}  direct-or-menu {self.item_direct_or_menu:6.1%}  "
            f"out-of-scope rejected {self.out_of_scope_rejected:6.1%}  "
            f"confidently wrong {self.confidently_wrong:5.1%}"
        )

    def meets_targets(self) -> bool:
        return (
            self.item_direct >= TARGETS["item_direct"]
            and self.item_direct_or_menu >= TARGETS["item_direct_or_menu"]
            and self.out_of_scope_rejected >= TARGETS["out_of_scope_rejected"]
            and self.confidently_wrong <= TARGETS["confidently_wrong"]
        )


def samples_of_rows(
    matcher: Matcher, rows: Sequence[tuple[str, str]], source: int = 0
) -> list[Sample]:
    """One sample per labelled (expected, question) row: the question analyzed once."""
    names = [item.name for item in matcher.catalog.items]
    out: list[Sample] = []
    for expected, question in rows:
        a = matcher.analyze(question)
        out.append(
            Sample(
                expected,
                question,
                source,
                vector(a.features),
                a.ranked,
                tuple(names[i] for i, _ in a.ranked),
                dict(a.intents),
                a.ticket,
                dict(a.features),
            )
        )
    return out


def samples_of(matcher: Matcher, files: Sequence[Path]) -> list[Sample]:
    return [
        sample
        for source, path in enumerate(files)
        for sample in samples_of_rows(matcher, load_labelled(path), source)
    ]


# --- choosing cut-offs ---------------------------------------------------------------------------


def outcome(s: Sample, p_guide: float, p_offer: float, model: Model) -> int:
    tie, named = is_tie(s.ranked, s.features), is_named(s.features)
    barred = menu_barred(s.intents, s.features)
    v = choose(s.ranked, s.intents, s.ticket, p_guide, p_offer, model, tie, named, barred)
    names = dict(zip((i for i, _ in s.ranked), s.names, strict=True))
    if not s.is_item:
        if v.intent == s.expected:
            return RIGHT
        return WRONG_GUIDE if v.intent == "guide" else MISSED
    if v.intent == "guide":
        return RIGHT if v.item is not None and names[v.item] == s.expected else WRONG_GUIDE
    if v.intent == "clarify" and s.expected in (names[i] for i in v.candidates):
        return OFFERED
    return MISSED


def figures(samples: Sequence[Sample], codes: Sequence[int]) -> Figures:
    items = [c for s, c in zip(samples, codes, strict=True) if s.is_item]
    oos = [c for s, c in zip(samples, codes, strict=True) if s.expected == "unknown"]

    def share(values: list[int], ok: tuple[int, ...]) -> float:
        return sum(v in ok for v in values) / len(values) if values else 1.0

    return Figures(
        share(items, (RIGHT,)),
        share(items, (RIGHT, OFFERED)),
        share(oos, (RIGHT,)),
        share(list(codes), (WRONG_GUIDE,)),
    )


NEVER = Model((), (), 2.0, 2.0)  # cut-offs no probability reaches


def _weak_status(s: Sample) -> bool:
    """Status unless an item is likely enough to be offered (decision.status_yields)."""
    v = choose(s.ranked, s.intents, s.ticket, 0.0, 0.0, NEVER)
    return v.intent == "status" and "apply_q" in s.intents and bool(s.ranked) and not s.ticket


ALWAYS = Model((), (), 0.0, 0.0)  # cut-offs every probability reaches


def _unconditional(s: Sample) -> int | None:
    """The outcome when the decision does not depend on the item models at all: the same
    non-item verdict whether the item evidence is nil or certain."""
    tie = is_tie(s.ranked, s.features)
    low = choose(s.ranked, s.intents, s.ticket, 0.0, 0.0, NEVER, tie)
    high = choose(s.ranked, s.intents, s.ticket, 1.0, 1.0, ALWAYS, tie)
    if low.intent == high.intent and low.intent not in ("guide", "clarify"):
        return RIGHT if low.intent == s.expected else MISSED
    return None


def best_cutoffs(
    samples: Sequence[Sample], probs: Sequence[tuple[float, float]], base: Model
) -> Model:
    """The cut-offs and menu share giving the most direct answers and menus while confidently
    wrong stays <= MAX_WRONG and out-of-scope rejected >= MIN_OOS on these (out-of-fold)
    probabilities; when no point does, the best objective. Outcomes are precomputed per sample,
    so the sweep only compares numbers."""
    pre = []
    for s, (pg, po) in zip(samples, probs, strict=True):
        fixed = _unconditional(s)
        # when not confident: an intent that then applies (human, out-of-scope, center_info)?
        weak = None
        intents = s.intents
        if _weak_status(s):
            weak = RIGHT if s.expected == "status" else MISSED
            intents = {k: v for k, v in intents.items() if k != "status"}
        fallback = choose(s.ranked, intents, s.ticket, 0.0, 0.0, NEVER)
        fallback_code = None
        if fallback.intent not in ("clarify", "unknown"):
            fallback_code = RIGHT if fallback.intent == s.expected else MISSED
        # a one-item menu of an item named in the message is answered (decision.choose)
        alone = (
            {
                r: is_named(s.features)
                and not is_out_of_scope(s.intents)
                and not is_tie(s.ranked, s.features)
                and sum(sc >= r * s.ranked[0][1] for _, sc in s.ranked[:MENU_MAX]) == 1
                for r in MENU_RATIO
            }
            if s.ranked
            else dict.fromkeys(MENU_RATIO, False)
        )
        if s.is_item:
            guided = RIGHT if s.names[:1] == (s.expected,) else WRONG_GUIDE
            offered = {
                r: guided if alone[r] else OFFERED if s.y_offer(r) else MISSED for r in MENU_RATIO
            }
            unknown = MISSED
        else:
            guided = WRONG_GUIDE
            offered = {r: guided if alone[r] else MISSED for r in MENU_RATIO}
            unknown = RIGHT if s.expected == "unknown" else MISSED
        if menu_barred(s.intents, s.features):  # no menu: unknown (decision.menu_barred)
            offered = dict.fromkeys(MENU_RATIO, unknown)
        tie = is_tie(s.ranked, s.features)
        pre.append(
            (fixed, weak, bool(s.ranked), tie, pg, po, guided, fallback_code, offered, unknown)
        )
    best: tuple[tuple[bool, float], Model] | None = None
    sources = sorted({s.source for s in samples})
    groups = [[i for i, s in enumerate(samples) if s.source == src] for src in sources]
    for guide_at, offer_at, ratio in itertools.product(GUIDE_AT, OFFER_AT, MENU_RATIO):
        codes = []
        for fixed, weak, ranked, tie, pg, po, guided, fallback_code, offered, unknown in pre:
            if fixed is not None:
                codes.append(fixed)
            elif weak is not None and not (ranked and po >= offer_at):
                codes.append(weak)
            elif ranked and pg >= guide_at and not tie:
                codes.append(guided)
            elif fallback_code is not None:
                codes.append(fallback_code)
            elif ranked and po >= offer_at:
                codes.append(offered[ratio])
            else:
                codes.append(unknown)
        f = figures(samples, codes)
        # the safety figures of the worst writer (PER_WRITER): a model must be safe for each
        worst = f
        if PER_WRITER and len(groups) > 1:
            each = [figures([samples[i] for i in g], [codes[i] for i in g]) for g in groups]
            worst = Figures(
                f.item_direct,
                f.item_direct_or_menu,
                min(e.out_of_scope_rejected for e in each),
                max(e.confidently_wrong for e in each),
            )
        # first the points that keep the safety figures inside the targets with a margin, then
        # the most answers; without any such point, the best objective
        safe = worst.confidently_wrong <= MAX_WRONG and worst.out_of_scope_rejected >= MIN_OOS
        score = (
            safe,
            f.item_direct + f.item_direct_or_menu if safe else worst.objective(),
        )
        if best is None or score > best[0]:
            best = (score, Model(base.guide, base.offer, guide_at, offer_at, ratio))
    assert best is not None
    return best[1]


def fit_weights(
    samples: Sequence[Sample], menu_ratio: float = 0.4
) -> tuple[tuple[float, ...], ...]:
    xs = [s.x for s in samples]
    return (
        fit_logistic(xs, [s.y_guide() for s in samples]),
        fit_logistic(xs, [s.y_offer(menu_ratio) for s in samples]),
    )


def folds_of(samples: Sequence[Sample], k: int) -> list[int]:
    """Fold of each sample, interleaved within each file."""
    counters: dict[int, int] = {}
    out = []
    for s in samples:
        n = counters.get(s.source, 0)
        counters[s.source] = n + 1
        out.append(n % k)
    return out


def out_of_fold(samples: Sequence[Sample], k: int) -> list[tuple[float, float]]:
    """Each sample's probabilities from weights fitted without it: by writer (each file predicted
    by the weights of the other files) when BY_WRITER and there are several files, so cut-offs
    are chosen on probabilities as (mis)calibrated as they will be for a new writer; else k
    interleaved folds."""
    sources = sorted({s.source for s in samples})
    if BY_WRITER and len(sources) > 1:
        fold = [sources.index(s.source) for s in samples]
        k = len(sources)
    else:
        fold = folds_of(samples, k)
    probs: list[tuple[float, float]] = [(0.0, 0.0)] * len(samples)
    for f in range(k):
        train = [s for s, g in zip(samples, fold, strict=True) if g != f]
        guide, offer = fit_weights(train)
        for i, s in enumerate(samples):
            if fold[i] == f:
                probs[i] = (probability(guide, s.x), probability(offer, s.x))
                if BLIND_OOS and s.expected == "unknown":
                    x = blind(s)
                    seen, unseen = probs[i], (probability(guide, x), probability(offer, x))
                    probs[i] = (
                        BLIND_SHARE * unseen[0] + (1.0 - BLIND_SHARE) * seen[0],
                        BLIND_SHARE * unseen[1] + (1.0 - BLIND_SHARE) * seen[1],
                    )
    return probs


OOS_INDEX = 1 + FEATURES.index("oos")


def blind(s: Sample) -> tuple[float, ...]:
    """The sample's inputs without the out-of-scope hint: the hint lists (lexicon, texts.py) are
    written with the labelled files at hand, so their out-of-scope questions are hinted far more
    often than a new writer's will be."""
    return (*s.x[:OOS_INDEX], 0.0, *s.x[OOS_INDEX + 1 :])


def calibrate(samples: Sequence[Sample], k: int = FOLDS) -> Model:
    """Fit on all samples; cut-offs from out-of-fold probabilities."""
    guide, offer = fit_weights(samples)
    base = Model(guide, offer, 0.5, 0.5)
    chosen = best_cutoffs(samples, out_of_fold(samples, k), base)
    return chosen


def cross_validate(samples: Sequence[Sample], k: int = FOLDS) -> list[int]:
    """Outcome codes of every sample when predicted by a model calibrated without its fold."""
    fold = folds_of(samples, k)
    codes = [MISSED] * len(samples)
    for f in range(k):
        train = [s for s, g in zip(samples, fold, strict=True) if g != f]
        model = calibrate(train, k)
        for i, s in enumerate(samples):
            if fold[i] == f:
                pg, po = probability(model.guide, s.x), probability(model.offer, s.x)
                codes[i] = outcome(s, pg, po, model)
    return codes


def leave_one_file_out(
    samples: Sequence[Sample], fit_sources: Sequence[int], k: int = FOLDS
) -> list[int]:
    """Outcome codes of every sample when predicted by a model calibrated on the other *writers*:
    a calibration file (in `fit_sources`) is scored by a model calibrated on the other calibration
    files; a validation-only file by the model calibrated on all of them. Questions by a writer
    the model has never seen are what it meets in production, so this is the honest estimate
    (k-fold folds share writers between training and scoring)."""
    codes = [MISSED] * len(samples)
    models: dict[tuple[int, ...], Model] = {}
    for source in sorted({s.source for s in samples}):
        train_sources = tuple(f for f in fit_sources if f != source)
        if not train_sources:
            continue
        if train_sources not in models:
            models[train_sources] = calibrate([s for s in samples if s.source in train_sources], k)
        model = models[train_sources]
        for i, s in enumerate(samples):
            if s.source == source:
                pg, po = probability(model.guide, s.x), probability(model.offer, s.x)
                codes[i] = outcome(s, pg, po, model)
    return codes


def model_literal(model: Model) -> str:
    def nums(values: Sequence[float]) -> str:
        return ", ".join(f"{v:.4f}" for v in values)

    return (
        "Model(\n"
        f"    guide=({nums(model.guide)}),\n"
        f"    offer=({nums(model.offer)}),\n"
        f"    guide_at={model.guide_at},\n"
        f"    offer_at={model.offer_at},\n"
        f"    menu_ratio={model.menu_ratio},\n"
        ")"
    )


def report(
    samples: Sequence[Sample],
    files: Sequence[Path],
    k: int = FOLDS,
    fit_sources: Sequence[int] | None = None,
    kfold: bool = True,
) -> str:
    """The fitted model and its figures per file: fitted on the calibration files
    (`fit_sources`, default all), k-fold cross-validated (optional, slow) and leave-one-file-out.
    Only aggregate figures are printed, never questions, so a blind validation file can be
    scored here without being read."""
    fit = list(range(len(files))) if fit_sources is None else list(fit_sources)
    model = calibrate([s for s in samples if s.source in fit], k)
    fitted = [
        outcome(s, probability(model.guide, s.x), probability(model.offer, s.x), model)
        for s in samples
    ]
    runs: list[tuple[str, list[int] | None]] = [("fitted on the calibration files (*)", fitted)]
    if kfold:
        fit_samples = [s for s in samples if s.source in fit]
        folded = iter(cross_validate(fit_samples, k))
        runs.append(
            (
                f"{k}-fold cross-validated over the calibration files",
                [next(folded) if s.source in fit else fitted[i] for i, s in enumerate(samples)],
            )
        )
    if len(fit) > 1 or len(fit) < len(files):
        runs.append(("leave-one-file-out (each file scored by a model without it)", None))
    lines = [f"features: {', '.join(FEATURES)}", model_literal(model), ""]
    for name, codes in runs:
        if codes is None:
            codes = leave_one_file_out(samples, fit, k)
        lines.append(f"{name}:")
        only_fit = name.startswith(f"{k}-fold")  # validation files are not part of the folds
        for source, path in enumerate(files):
            if only_fit and source not in fit:
                continue
            subset = [i for i, s in enumerate(samples) if s.source == source]
            f = figures([samples[i] for i in subset], [codes[i] for i in subset])
            mark = "*" if source in fit else " "
            lines.append(f"  {path.name:<22}{mark} {f.line()}")
        scored = [i for i, s in enumerate(samples) if not only_fit or s.source in fit]
        total = figures([samples[i] for i in scored], [codes[i] for i in scored])
        lines.append(f"  {'all':<23} {total.line()}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    from knowledge.catalog import load_catalog

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "questions", type=Path, nargs="+", help="calibration files (one per writer)"
    )
    parser.add_argument(
        "--validate",
        type=Path,
        nargs="*",
        default=[],
        help="files only scored (aggregates), never fitted on",
    )
    parser.add_argument("--no-kfold", action="store_true", help="skip k-fold (faster)")
    parser.add_argument("--catalog", type=Path, default=Path("knowledge/catalog"))
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--folds", type=int, default=FOLDS)
    args = parser.parse_args(argv)
    matcher = Matcher(load_catalog(args.catalog), cache_dir=args.cache)
    files = [*args.questions, *args.validate]
    fit = range(len(args.questions))
    print(report(samples_of(matcher, files), files, args.folds, fit, not args.no_kfold))


if __name__ == "__main__":
    main()
