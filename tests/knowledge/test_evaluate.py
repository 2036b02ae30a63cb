"""Evaluation and threshold calibration on a small labelled set over the fixture catalog."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.calibrate import Point, sweep
from knowledge.catalog import load_catalog
from knowledge.evaluate import evaluate, format_report, load_labelled
from knowledge.matcher import Matcher, Thresholds
from tests.knowledge.fixture_catalog import write_catalog

ROWS = [
    ("最低生活保障申请", "低保要带什么"),
    ("最低生活保障申请", "地保怎么办"),
    ("户口迁移", "迁户口要什么"),
    ("退役军人优待证申领", "老兵优待证"),
    ("老年人优待证办理", "老年人优待证"),
    ("human", "转人工"),
    ("greeting", "你好"),
    ("unknown", "明天天气怎么样"),
    ("unknown", "优待证怎么办"),  # a menu for an unknown-labelled line: not rejected
    ("特困人员救助供养申请", "低保户要什么"),  # answered with 低保: confidently wrong
]


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    root = write_catalog(tmp_path_factory.mktemp("fixture") / "catalog")
    return Matcher(
        load_catalog(root),
        cache_dir=tmp_path_factory.mktemp("cache"),
        thresholds=Thresholds(
            guide_score=8.0, strong_score=6.0, guide_ratio=0.8, menu_score=3.0, menu_ratio=0.4
        ),
    )


def test_load_labelled_skips_header_comments_and_blanks(tmp_path: Path) -> None:
    path = tmp_path / "q.tsv"
    path.write_text(
        "expected\tquestion\n# a comment\n\n低保\t低保要带啥 \nhuman\t人工\n", encoding="utf-8"
    )
    assert load_labelled(path) == [("低保", "低保要带啥"), ("human", "人工")]
    path.write_text("no tab here\n", encoding="utf-8")
    with pytest.raises(ValueError, match="q.tsv:1"):
        load_labelled(path)


def test_figures_and_confusions(matcher: Matcher) -> None:
    report = evaluate(matcher, ROWS)
    assert report.item_direct == pytest.approx(5 / 6)
    assert report.item_direct_or_menu == pytest.approx(5 / 6)
    assert report.out_of_scope_rejected == pytest.approx(1 / 2)
    assert report.confidently_wrong == pytest.approx(1 / 10)
    assert report.per_intent() == {
        "guide": (5, 6),
        "human": (1, 1),
        "greeting": (1, 1),
        "unknown": (1, 2),
    }
    assert report.confusions() == [
        (("unknown", "clarify"), 1),
        (("特困人员救助供养申请", "最低生活保障申请"), 1),
    ]
    assert not report.meets_targets()
    text = format_report(report)
    assert re.search(r"right item answered directly +83.3%", text)
    assert "1  特困人员救助供养申请 -> 最低生活保障申请" in text


def test_sweep_picks_the_best_point_and_cross_validates(matcher: Matcher) -> None:
    grid = {
        "guide_score": (8.0, 400.0),
        "strong_score": (6.0, 400.0),
        "guide_ratio": (0.8,),
        "menu_score": (3.0,),
        "menu_ratio": (0.4,),
    }
    result = sweep(matcher, ROWS, folds=2, grid=grid)
    assert len(result.points) == 4
    assert result.best.thresholds.guide_score == 8.0  # answering directly beats never answering
    assert result.best.thresholds.strong_score == 6.0
    best = result.best.figures(result.labels, range(len(ROWS)))
    assert best.item_direct == pytest.approx(5 / 6)
    never = next(
        p
        for p in result.points
        if p.thresholds.guide_score == 400.0 and p.thresholds.strong_score == 400.0
    )
    assert isinstance(never, Point)
    assert never.figures(result.labels, range(len(ROWS))).item_direct == 0.0
    assert "chosen:" in result.format() and "cross-validated" in result.format()
