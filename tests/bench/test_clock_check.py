"""The webhook benchmark refuses timings a stepped wall clock made up (wrk times with
gettimeofday). The numbers of the first case are a real run's, right after a VM boot."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from bench_webhook import clock_check  # noqa: E402


def test_a_stepped_clock_is_caught_by_the_duration():
    run = {"duration_s": 20.9, "mean_ms": 633.0, "requests": 19415}
    assert "monotonic" in clock_check(run, connections=32, elapsed=15.1)


def test_impossible_latencies_are_caught_by_littles_law():
    # Duration agrees, but 19,415 requests waiting 633 ms each need 12,290 s of
    # connection time, and 32 connections had 483 s.
    run = {"duration_s": 15.1, "mean_ms": 633.0, "requests": 19415}
    assert "connections" in clock_check(run, connections=32, elapsed=15.1)


def test_a_real_run_passes():
    # A measured run: 1,173 req/s for 15 s at a mean of 26.9 ms over 32 connections.
    run = {"duration_s": 15.0, "mean_ms": 26.9, "requests": 17600}
    assert clock_check(run, connections=32, elapsed=15.05) is None
