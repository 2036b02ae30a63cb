"""`make bench`: every benchmark in turn, output printed as it comes, figures collected in
bench/results/latest.json (git-ignored).

  1. bench/bench_webhook.py  the webhook under wrk against a bare aiohttp baseline
                             (SQLite plaintext and AES, two replicas on PostgreSQL, py-spy
                             profile, SQL statements per message); its own JSON is embedded
  2. bench/bench_matcher.py  if present (matcher latency, cold start)
  3. bench/bench_pushes.py   if present (outbox drain vs bare API calls)

    python bench/run_all.py [--only webhook,matcher,pushes] [-- ARGS for bench_webhook.py]

Each benchmark runs in its own process group with a time limit and is killed (the whole
group) if it overruns or if this script is interrupted. As root, each also runs at
nice -15 in its own scheduler group, as bench_webhook.py does for its servers: the
machine may be shared, and the figures should measure the code, not the neighbours.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
NICE = -15 if os.geteuid() == 0 else 0
LIMITS = {"webhook": 1800, "matcher": 900, "pushes": 900}


def _prioritise() -> None:
    if NICE:
        with contextlib.suppress(OSError):
            Path("/proc/self/autogroup").write_text(str(NICE))
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, 0, NICE)


def run(name: str, cmd: list[str], limit: float) -> dict[str, Any]:
    """Run one benchmark, echoing its output; its output, exit code and duration."""
    print(f"\n=== {name}: {' '.join(cmd)}", flush=True)
    started = time.monotonic()
    p = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True, preexec_fn=_prioritise,
    )  # fmt: skip
    lines: list[str] = []
    timed_out = threading.Event()

    def overrun() -> None:  # a watchdog: the output loop below may be waiting on a silent child
        timed_out.set()
        print(f"=== {name}: over its {limit:.0f} s limit, stopping it", flush=True)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(p.pid, signal.SIGTERM)

    watchdog = threading.Timer(limit, overrun)
    watchdog.start()
    try:
        assert p.stdout is not None
        for text in p.stdout:
            print(text, end="", flush=True)
            lines.append(text.rstrip("\n"))
        p.wait()
    finally:
        watchdog.cancel()
        if p.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(p.pid, signal.SIGTERM)
            try:
                p.wait(20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(p.pid, signal.SIGKILL)
                p.wait()
    return {
        "command": " ".join(cmd),
        "exit_code": p.returncode,
        "timed_out": timed_out.is_set(),
        "seconds": round(time.monotonic() - started, 1),
        "output": lines[-200:],
    }


def parse_pushes(lines: list[str]) -> dict[str, float]:
    """'push drain: N pushes in X s = Y/s; bare API calls Z/s; drain is R% of the bare rate'"""
    for text in lines:
        m = re.search(
            r"(\d+) pushes in ([\d.]+) s = ([\d.]+)/s; bare API calls ([\d.]+)/s; drain is ([\d.]+)%",
            text,
        )
        if m:
            keys = ("pushes", "drain_s", "drain_per_s", "bare_per_s", "ratio_pct")
            return dict(zip(keys, map(float, m.groups()), strict=True))
    return {}


def parse_table(lines: list[str]) -> dict[str, list[float]]:
    """Rows of 'name   number number number ...' (bench_matcher.py's table), leniently."""
    rows: dict[str, list[float]] = {}
    for text in lines:
        m = re.match(r"^(\S.*?\S)\s{2,}(-?[\d.]+(?:\s+-?[\d.]+)+)", text)
        if m:
            rows[m.group(1)] = [float(x) for x in m.group(2).split()]
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--only", default="webhook,matcher,pushes")
    ap.add_argument(
        "webhook_args", nargs=argparse.REMAINDER, help="after --: bench_webhook.py args"
    )
    args = ap.parse_args()
    # SIGTERM (a time limit, a killed parent) unwinds like Ctrl-C: servers stopped, the
    # throw-away database dropped, results written.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    only = {x.strip() for x in args.only.split(",") if x.strip()}
    extra = [a for a in args.webhook_args if a != "--"]
    RESULTS.mkdir(parents=True, exist_ok=True)
    py = sys.executable
    out: dict[str, Any] = {"started": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "benchmarks": {}}
    webhook_json = RESULTS / "webhook.json"
    try:
        if "webhook" in only:
            webhook_json.unlink(missing_ok=True)
            r = run(
                "webhook",
                [py, str(BENCH / "bench_webhook.py"), "--out", str(webhook_json), *extra],
                LIMITS["webhook"],
            )
            if webhook_json.exists():
                r["results"] = json.loads(webhook_json.read_text())
            out["benchmarks"]["webhook"] = r
        for name in ("matcher", "pushes"):
            script = BENCH / f"bench_{name}.py"
            if name not in only:
                continue
            if not script.exists():
                out["benchmarks"][name] = {"skipped": f"{script.name} not present"}
                continue
            r = run(name, [py, str(script)], LIMITS[name])
            r["figures"] = (
                parse_pushes(r["output"]) if name == "pushes" else parse_table(r["output"])
            )
            out["benchmarks"][name] = r
    finally:
        out["finished"] = time.strftime("%Y-%m-%d %H:%M:%S %Z")
        target = RESULTS / "latest.json"
        target.write_text(json.dumps(out, indent=2, ensure_ascii=False, default=str))
        print(f"\nwrote {target.relative_to(ROOT)}")
    failed = [k for k, v in out["benchmarks"].items() if v.get("exit_code") not in (0, None)]
    if failed:
        print(f"failed: {', '.join(failed)}")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
