"""Gate: the matcher on the repository's labelled question sets (tests/data/questions.tsv and the
independently written tests/data/questions_more.tsv), each on its own, with the repository's
catalog and the calibrated default decision model.

The issue's targets: >= 92% right item directly, >= 98% right item directly or in the menu,
>= 95% out-of-scope rejected, <= 2% confidently wrong (of all questions). Where a file reaches a
target it is gated at the target. Where it does not yet, it is gated at a floor just under the
figure reached when the model was calibrated (so a regression fails), and the full targets stay
a strict xfail that fails loudly the day they are met (then move them into the gate).

At calibration (knowledge/decision.py; the model is fitted on both files, so these are training
figures - the cross-validated ones are lower, see decision.py):
    questions.tsv       direct 92.5%  direct-or-menu 96.8%  out-of-scope 100.0%  wrong 1.6%
    questions_more.tsv  direct 91.1%  direct-or-menu 96.8%  out-of-scope  95.8%  wrong 1.4%
Not reached: direct-or-menu (both files) and direct (questions_more.tsv).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.catalog import load_catalog
from knowledge.evaluate import TARGETS, Report, evaluate, format_report, load_labelled
from knowledge.matcher import Matcher
from tests.knowledge.fixture_catalog import REAL_CATALOG

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = {"questions.tsv": 500, "questions_more.tsv": 700}  # file -> at least this many lines
# gate levels per file: the target where it is met, else a floor under the calibrated figure
GATES = {
    "questions.tsv": {
        "item_direct": TARGETS["item_direct"],
        "item_direct_or_menu": 0.955,
        "out_of_scope_rejected": TARGETS["out_of_scope_rejected"],
        "confidently_wrong": TARGETS["confidently_wrong"],
    },
    "questions_more.tsv": {
        "item_direct": 0.895,
        "item_direct_or_menu": 0.955,
        "out_of_scope_rejected": TARGETS["out_of_scope_rejected"],
        "confidently_wrong": TARGETS["confidently_wrong"],
    },
}


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    return Matcher(load_catalog(REAL_CATALOG), cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module", params=sorted(FILES))
def report(request: pytest.FixtureRequest, matcher: Matcher) -> tuple[str, Report]:
    name: str = request.param
    path = DATA / name
    if not path.is_file():
        pytest.skip(f"tests/data/{name} absent")
    rows = load_labelled(path)
    assert len(rows) >= FILES[name]
    return name, evaluate(matcher, rows)


def test_gated_levels(report: tuple[str, Report]) -> None:
    name, result = report
    figures = result.figures()
    shown = f"{name}\n{format_report(result)}"
    for figure, level in GATES[name].items():
        if figure == "confidently_wrong":
            assert figures[figure] <= level, (
                f"{figure} {figures[figure]:.1%} > {level:.1%}\n{shown}"
            )
        else:
            assert figures[figure] >= level, (
                f"{figure} {figures[figure]:.1%} < {level:.1%}\n{shown}"
            )


def test_every_intent_is_mostly_recognized(report: tuple[str, Report]) -> None:
    name, result = report
    for intent, (correct, total) in result.per_intent().items():
        assert correct / total >= 0.9, (name, intent, correct, total)


@pytest.mark.xfail(
    strict=True,
    reason="direct-or-menu ~97% on both files (target 98%), direct ~91% on questions_more.tsv "
    "(target 92%): not reached yet",
)
def test_full_targets(report: tuple[str, Report]) -> None:
    name, result = report
    assert result.meets_targets(), f"{name}\n{format_report(result)}"


def test_report_format_names_the_figures(report: tuple[str, Report]) -> None:
    text = format_report(report[1])
    for words in (
        "right item answered directly",
        "right item directly or in the menu",
        "out-of-scope questions rejected",
        "confidently wrong",
        "confusions",
    ):
        assert words in text
    assert "guide" in text and "unknown" in text
