"""Matcher benchmark: p50/p99 latency per question on the real catalog (over the labelled question
files) and on a synthetic 1,000-item catalog, plus the cold start of loading the catalog and
answering one question in a fresh interpreter (what `bianmin ask` pays).

Run: `python bench/bench_matcher.py [--catalog DIR] [--questions TSV ...] [--runs N]`. Single
core. Default questions: the tests/data/questions*.tsv files but the blind questions_e.tsv.
Each question is scored every time (a repeated text is answered from the matcher's recent
decisions in the server; that is not what is measured here).
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import random
import resource
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


def latencies(
    matcher: Matcher, questions: list[str], rounds: int
) -> tuple[list[float], list[float]]:
    """Per question, the median over `rounds` runs of wall-clock and of CPU milliseconds. CPU
    time is what one core spends on the question; wall time also counts waiting for a core on
    a busy machine. The median over rounds damps interference from other processes."""
    for q in questions[:50]:  # warm caches (pinyin, lru) as a running server has them
        matcher.decide(q)
    gc.collect()
    gc.freeze()  # what a server does after loading: long-lived objects leave the GC's scans
    wall: list[float] = []
    cpu: list[float] = []
    for q in questions:
        walls, cpus = [], []
        for _ in range(rounds):
            start, start_cpu = time.perf_counter(), time.process_time()
            # Scored every time: `decide` would answer a repeat from its recent decisions.
            matcher.apply(matcher.analyze(q))
            cpus.append((time.process_time() - start_cpu) * 1000)
            walls.append((time.perf_counter() - start) * 1000)
        wall.append(statistics.median(walls))
        cpu.append(statistics.median(cpus))
    gc.unfreeze()
    return wall, cpu


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


def cold_start(catalog_dir: Path, question: str, runs: int) -> tuple[list[float], list[float]]:
    """Seconds for a fresh interpreter to import, load the catalog and answer one question
    (cache filled): wall clock, and CPU time of the child process."""
    with tempfile.TemporaryDirectory() as cache:
        code = COLD_START.format(
            root=str(ROOT), catalog=str(catalog_dir), cache=cache, question=question
        )
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)  # fill cache
        wall: list[float] = []
        cpu: list[float] = []
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
            wall.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def row(name: str, values: list[float], unit: str) -> str:
    return (
        f"{name:<38} {statistics.median(values):>8.3f} {percentile(values, 99):>8.3f} "
        f"{max(values):>8.3f} {unit:>4} (n={len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--catalog", type=Path, default=ROOT / "knowledge" / "catalog")
    parser.add_argument(
        "--questions",
        type=Path,
        nargs="+",
        # questions_e.tsv is the fully blind set: only its evaluation reads it.
        default=sorted(
            p for p in (ROOT / "tests" / "data").glob("questions*.tsv") if p.stem != "questions_e"
        ),
    )
    parser.add_argument("--runs", type=int, default=5, help="cold-start runs")
    parser.add_argument("--rounds", type=int, default=5, help="runs of each question")
    args = parser.parse_args()

    catalog = load_catalog(args.catalog)
    questions = [q for path in args.questions for _, q in load_labelled(path)]
    with tempfile.TemporaryDirectory() as cache:
        real = Matcher(catalog, cache_dir=Path(cache))
        start = time.perf_counter()
        big = Matcher(synthetic_catalog(catalog, 1000), cache_dir=Path(cache))
        build_big = time.perf_counter() - start
    real_wall, real_cpu = latencies(real, questions, args.rounds)
    big_wall, big_cpu = latencies(big, questions, args.rounds)
    cold_wall, cold_cpu = cold_start(args.catalog, "低保要带什么", args.runs)
    print(f"{'':<38} {'p50':>8} {'p99':>8} {'max':>8}")
    print(row(f"matcher, {len(catalog.items)} items, CPU", real_cpu, "ms"))
    print(row(f"matcher, {len(catalog.items)} items, wall", real_wall, "ms"))
    print(row("matcher, synthetic 1,000 items, CPU", big_cpu, "ms"))
    print(row("matcher, synthetic 1,000 items, wall", big_wall, "ms"))
    print(row("cold start (load + answer), CPU", cold_cpu, "s"))
    print(row("cold start (load + answer), wall", cold_wall, "s"))
    print(
        f"({len(questions)} questions, median of {args.rounds} runs each; building the 1,000-item matcher "
        f"took {build_big:.2f} s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
    )


if __name__ == "__main__":
    main()
