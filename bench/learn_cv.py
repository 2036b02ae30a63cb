"""Leave-writers-out cross-validation of the learned classifier inside the whole matcher.

Each labelled file is one writer. The taught files are split into groups; each group in turn
is scored by the matcher (rules + blend) with a model trained on the other groups, and the four
headline figures are summed over all groups. The never-taught files are not read. This is how
learned.train's C and min_df and blend's cut-offs are chosen (docs/matcher-rounds.md):

    .venv/bin/python bench/learn_cv.py --c 5,10,20 --min-df 1,2 [--groups 5]
    .venv/bin/python bench/learn_cv.py --guide-at 0.35,0.4,0.45   # blend cut-offs, C=10 min_df=2

Needs scikit-learn (a dev dependency). A fit takes 20-40 s; each setting fits once per group.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge import blend, learned  # noqa: E402
from knowledge.catalog import load_catalog  # noqa: E402
from knowledge.evaluate import Outcome, Report, load_labelled, outcome_of  # noqa: E402
from knowledge.learned import train  # noqa: E402
from knowledge.matcher import Matcher  # noqa: E402
from knowledge.scoring import Analysis  # noqa: E402
from knowledge.teach import never_taught  # noqa: E402

DATA = ROOT / "tests" / "data"
CATALOG = ROOT / "knowledge" / "catalog"


def floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",")]


def figures(outcomes: list[Outcome]) -> str:
    f = Report(tuple(outcomes)).figures()
    return (
        f"{100 * f['item_direct']:6.2f} / {100 * f['item_direct_or_menu']:6.2f} / "
        f"{100 * f['out_of_scope_rejected']:6.2f} / {100 * f['confidently_wrong']:5.2f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--groups", type=int, default=5)
    ap.add_argument("--c", type=floats, default=[learned.C])
    ap.add_argument(
        "--min-df", type=lambda s: [int(x) for x in s.split(",")], default=[learned.MIN_DF]
    )
    ap.add_argument("--guide-at", type=floats, default=[blend.GUIDE_AT])
    ap.add_argument("--unknown-at", type=floats, default=[blend.UNKNOWN_AT])
    ap.add_argument("--offer-at", type=floats, default=[blend.OFFER_AT])
    ap.add_argument("--overrule-at", type=floats, default=[blend.OVERRULE_AT])
    ap.add_argument("--intent-at", type=floats, default=[blend.INTENT_AT])
    ap.add_argument("--close-at", type=floats, default=[blend.CLOSE_AT])
    ap.add_argument("--named-other-at", type=floats, default=[blend.NAMED_OTHER_AT])
    ap.add_argument(
        "--add", default="", help="untracked files to teach too, e.g. aa,ab (default: git's)"
    )
    ap.add_argument("--per-group", action="store_true", help="print each group's figures too")
    ap.add_argument("--confusions", type=int, default=0, help="print the N commonest misses")
    ap.add_argument(
        "--show", default="", help="print the misses expected:got, e.g. unknown:clarify"
    )
    ap.add_argument(
        "--ngrams",
        default="",
        help="a features() variant to try: character n-gram sizes, e.g. 1,2,3,4",
    )
    args = ap.parse_args()

    if args.ngrams:  # predict() and train() both call the module's features()
        learned.NGRAMS = tuple(int(n) for n in args.ngrams.split(","))
    held = never_taught(ROOT / "Makefile")
    tracked = subprocess.run(
        ["git", "ls-files", "tests/data"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    wanted = {Path(t).name for t in tracked} | {
        f"questions_{s}.tsv" for s in args.add.split(",") if s
    }
    files = sorted(p for p in DATA.glob("questions*.tsv") if p.name in wanted - held)
    groups = [files[i :: args.groups] for i in range(args.groups)]
    catalog = dataclasses.replace(load_catalog(CATALOG), learned=None)
    base = Matcher(catalog)
    started = time.perf_counter()
    analysed: dict[str, list[tuple[str, str, Analysis]]] = {
        f.name: [(label, q, base.analyze(q)) for label, q in load_labelled(f)] for f in files
    }
    lines = sum(map(len, analysed.values()))
    took = time.perf_counter() - started
    print(
        f"{len(files)} taught files in {args.groups} groups, {lines} lines (analysed in {took:.0f} s)"
    )
    print("figures: direct / direct-or-menu / out-of-scope rejected / confidently wrong")
    rules = [outcome_of(e, q, base.apply(a)) for rows in analysed.values() for e, q, a in rows]
    print(f"{'rules alone':<44} {figures(rules)}")

    for c, min_df in itertools.product(args.c, args.min_df):
        models = []
        for group in groups:
            names = {f.name for f in group}
            samples = [
                (e, a.query, a.tokens)
                for name, rows in analysed.items()
                if name not in names
                for e, _, a in rows
            ]
            models.append(train(samples, c=c, min_df=min_df))
        for (
            guide_at,
            unknown_at,
            offer_at,
            overrule_at,
            intent_at,
            close_at,
            named_at,
        ) in itertools.product(
            args.guide_at,
            args.unknown_at,
            args.offer_at,
            args.overrule_at,
            args.intent_at,
            args.close_at,
            args.named_other_at,
        ):
            blend.INTENT_AT, blend.CLOSE_AT, blend.NAMED_OTHER_AT = intent_at, close_at, named_at
            blend.GUIDE_AT, blend.UNKNOWN_AT, blend.OFFER_AT = guide_at, unknown_at, offer_at
            blend.OVERRULE_AT = overrule_at
            total: list[Outcome] = []
            for group, model in zip(groups, models, strict=True):
                matcher = base.with_learned(model)
                got = [
                    outcome_of(e, q, matcher.apply(a))
                    for f in group
                    for e, q, a in analysed[f.name]
                ]
                total += got
                if args.per_group:
                    print(f"    {' '.join(f.stem[10:] or 'a' for f in group):<40} {figures(got)}")
            setting = (
                f"C={c:g} min_df={min_df} guide={guide_at} unknown={unknown_at} offer={offer_at}"
                f" overrule={overrule_at} intent={intent_at} close={close_at} named={named_at}"
            )
            print(f"{setting:<44} {figures(total)}", flush=True)
            per = Report(tuple(total)).per_intent()
            print("    " + "  ".join(f"{k} {c / t:.3f}" for k, (c, t) in sorted(per.items())))
            for (expected, got), n in Report(tuple(total)).confusions()[: args.confusions]:
                print(f"    {n:4d}  {expected} -> {got}")
            for o in total:
                if f"{o.expected}:{o.got}" == args.show:
                    print(f"    {o.question}")


if __name__ == "__main__":
    main()
