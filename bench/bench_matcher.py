"""Matcher benchmark: p50/p99 latency per question on the real catalog (over the questions file)
and on a synthetic 1,000-item catalog, plus the cold start of loading the catalog and answering one
question in a fresh interpreter (what `bianmin ask` pays).

Run: `python bench/bench_matcher.py [--catalog DIR] [--questions TSV] [--runs N]`. Single core.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.catalog import Catalog, Item, load_catalog  # noqa: E402
from knowledge.evaluate import load_labelled  # noqa: E402
from knowledge.matcher import Matcher  # noqa: E402

COLD_START = """
import sys, time
t = time.perf_counter()
sys.path.insert(0, {root!r})
from pathlib import Path
from knowledge.catalog import load_catalog
from knowledge.matcher import Matcher
from knowledge.ask import answer
catalog = load_catalog(Path({catalog!r}))
matcher = Matcher(catalog, cache_dir=Path({cache!r}))
answer(matcher, catalog.center, {question!r}, base_url="http://127.0.0.1:8080")
print(time.perf_counter() - t)
"""


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def latencies(matcher: Matcher, questions: list[str], rounds: int) -> list[float]:
    for q in questions[:50]:  # warm caches (pinyin, lru) as a running server has them
        matcher.decide(q)
    out: list[float] = []
    for _ in range(rounds):
        for q in questions:
            start = time.perf_counter()
            matcher.decide(q)
            out.append((time.perf_counter() - start) * 1000)
    return out


def synthetic_catalog(base: Catalog, size: int, seed: int = 7) -> Catalog:
    """`size` items made by recombining words of the real items: realistic vocabulary and
    posting-list lengths, unique ids, names and aliases."""
    rng = random.Random(seed)
    words = sorted({w for it in base.items for w in (*it.aliases, *it.keywords)})
    items: list[Item] = []
    for n in range(size):
        proto = base.items[n % len(base.items)]
        picked = rng.sample(words, 3)
        items.append(
            dataclasses.replace(
                proto,
                id=f"syn{n:04d}",
                name=f"{proto.name}{n:04d}",
                aliases=tuple(f"{w}{n:04d}" for w in picked[:2]),
                keywords=(picked[2],),
                source_file="",
            )
        )
    return Catalog(center=base.center, items=tuple(items), lexicon=base.lexicon, digest="")


def cold_start(catalog_dir: Path, question: str, runs: int) -> list[float]:
    with tempfile.TemporaryDirectory() as cache:
        code = COLD_START.format(
            root=str(ROOT), catalog=str(catalog_dir), cache=cache, question=question
        )
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)  # fills cache
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return times


def row(name: str, values: list[float], unit: str) -> str:
    return (
        f"{name:<34} {statistics.median(values):>8.3f} {percentile(values, 99):>8.3f} "
        f"{max(values):>8.3f} {unit:>4} (n={len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--catalog", type=Path, default=ROOT / "knowledge" / "catalog")
    parser.add_argument("--questions", type=Path, default=ROOT / "tests" / "data" / "questions.tsv")
    parser.add_argument("--runs", type=int, default=5, help="cold-start runs")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the questions")
    args = parser.parse_args()

    catalog = load_catalog(args.catalog)
    questions = [q for _, q in load_labelled(args.questions)]
    with tempfile.TemporaryDirectory() as cache:
        real = Matcher(catalog, cache_dir=Path(cache))
        start = time.perf_counter()
        big = Matcher(synthetic_catalog(catalog, 1000), cache_dir=Path(cache))
        build_big = time.perf_counter() - start
    print(f"{'':<34} {'p50':>8} {'p99':>8} {'max':>8}")
    print(
        row(
            f"matcher, real catalog ({len(catalog.items)} items)",
            latencies(real, questions, args.rounds),
            "ms",
        )
    )
    print(row("matcher, synthetic 1,000 items", latencies(big, questions, args.rounds), "ms"))
    print(
        row(
            "cold start: load + answer one",
            cold_start(args.catalog, "低保要带什么", args.runs),
            "s",
        )
    )
    print(f"(building the 1,000-item matcher took {build_big:.2f} s; {len(questions)} questions)")


if __name__ == "__main__":
    main()
