"""Gate: the matcher on the repository's labelled questions (tests/data/questions.tsv) with the
repository's catalog and the calibrated default thresholds.

The issue's targets: >= 92% right item directly, >= 98% right item directly or in the menu,
>= 95% out-of-scope rejected, <= 2% confidently wrong. The two safety targets (out-of-scope,
confidently wrong) are gated as set. The two coverage targets are not reached yet (81.8% and
97.2% at calibration time): they are gated at a floor just under today's figures so that a
regression fails, and the full targets are kept as a strict xfail that fails loudly the day
they are met (then move them into the gate).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.catalog import load_catalog
from knowledge.evaluate import TARGETS, Report, evaluate, format_report, load_labelled
from knowledge.matcher import Matcher
from tests.knowledge.fixture_catalog import REAL_CATALOG

QUESTIONS = Path(__file__).resolve().parents[1] / "data" / "questions.tsv"
FLOORS = {"item_direct": 0.80, "item_direct_or_menu": 0.965}

pytestmark = pytest.mark.skipif(not QUESTIONS.is_file(), reason="tests/data/questions.tsv absent")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    matcher = Matcher(load_catalog(REAL_CATALOG), cache_dir=tmp_path_factory.mktemp("cache"))
    rows = load_labelled(QUESTIONS)
    assert len(rows) >= 460
    return evaluate(matcher, rows)


def test_safety_targets(report: Report) -> None:
    figures = report.figures()
    shown = format_report(report)
    assert figures["out_of_scope_rejected"] >= TARGETS["out_of_scope_rejected"], shown
    assert figures["confidently_wrong"] <= TARGETS["confidently_wrong"], shown


def test_coverage_does_not_regress(report: Report) -> None:
    figures = report.figures()
    shown = format_report(report)
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, f"{name} {figures[name]:.1%} < {floor:.1%}\n{shown}"


def test_every_intent_is_mostly_recognized(report: Report) -> None:
    for intent, (correct, total) in report.per_intent().items():
        assert correct / total >= 0.8, (intent, correct, total)


@pytest.mark.xfail(
    strict=True,
    reason="direct answers ~82% and direct-or-menu ~97% on this set; "
    "targets 92% and 98% not reached yet",
)
def test_full_targets(report: Report) -> None:
    assert report.meets_targets(), format_report(report)


def test_report_format_names_the_figures(report: Report) -> None:
    text = format_report(report)
    for words in (
        "right item answered directly",
        "right item directly or in the menu",
        "out-of-scope questions rejected",
        "confidently wrong",
        "confusions",
    ):
        assert words in text
    assert "guide" in text and "unknown" in text
