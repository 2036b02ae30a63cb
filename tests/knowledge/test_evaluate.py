"""Evaluation and calibration of the decision model on a small labelled set over the fixture
catalog, and the logistic regression on synthetic data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge import calibrate
from knowledge.catalog import load_catalog
from knowledge.decision import DEFAULT_MODEL, FEATURES, probability
from knowledge.evaluate import evaluate, format_report, load_labelled
from knowledge.logistic import fit_logistic
from knowledge.matcher import Matcher
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
    return Matcher(load_catalog(root), cache_dir=tmp_path_factory.mktemp("cache"))


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


def test_logistic_regression_finds_the_separating_direction() -> None:
    # y = 1 when the first feature is large, whatever the second (noise)
    xs = [(1.0, a / 10.0, (a * 7 % 5) / 5.0) for a in range(-20, 21)]
    ys = [1.0 if x[1] > 0.3 else 0.0 for x in xs]
    w = fit_logistic(xs, ys, l2=0.1)
    assert w[1] > 1.0 and abs(w[2]) < w[1] / 3
    assert probability(w, (1.0, 1.5, 0.5)) > 0.9 > 0.1 > probability(w, (1.0, -1.0, 0.5))


def test_cutoffs_keep_the_safety_margins() -> None:
    """40 right answers the model is sure of, 4 wrong ones it is less sure of, 10 out-of-scope
    lines: the chosen cut-off answers the first directly and offers the others a menu."""

    def sample(expected: str, top: str, other: str) -> calibrate.Sample:
        return calibrate.Sample(
            expected,
            "q",
            0,
            (1.0,),
            ((0, 10.0), (1, 8.0)),
            (top, other),
            {},
            None,
            {"content": 5.0, "coverage": 1.0, "coverage2": 0.5},  # no tie between the two
        )

    samples = [sample("甲", "甲", "乙") for _ in range(40)]
    samples += [sample("乙", "甲", "乙") for _ in range(4)]
    samples += [sample("unknown", "甲", "乙") for _ in range(10)]
    probs = [(0.9, 0.95)] * 40 + [(0.7, 0.9)] * 4 + [(0.5, 0.1)] * 10
    model = calibrate.best_cutoffs(samples, probs, DEFAULT_MODEL)
    assert 0.7 < model.guide_at <= 0.9 and 0.1 < model.offer_at <= 0.9
    codes = [
        calibrate.outcome(s, pg, po, model) for s, (pg, po) in zip(samples, probs, strict=True)
    ]
    figures = calibrate.figures(samples, codes)
    assert figures.item_direct == pytest.approx(40 / 44)
    assert figures.item_direct_or_menu == 1.0
    assert figures.out_of_scope_rejected == 1.0 and figures.confidently_wrong == 0.0


def test_report_cross_validates_on_every_file(matcher: Matcher) -> None:
    rows = ROWS * 4  # enough rows for the folds
    samples = calibrate.samples_of_rows(matcher, rows[: len(ROWS) * 2], 0)
    samples += calibrate.samples_of_rows(matcher, rows[len(ROWS) * 2 :], 1)
    assert len(samples[0].x) == len(FEATURES) + 1
    text = calibrate.report(samples, [Path("a.tsv"), Path("b.tsv")], k=2)
    assert "cross-validated" in text and "Model(" in text and "a.tsv" in text and "b.tsv" in text


def test_leave_one_file_out_scores_each_writer_with_a_model_that_never_saw_it(
    matcher: Matcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = ROWS * 4
    samples = calibrate.samples_of_rows(matcher, rows[: len(ROWS) * 2], 0)
    samples += calibrate.samples_of_rows(matcher, rows[len(ROWS) * 2 : len(ROWS) * 3], 1)
    samples += calibrate.samples_of_rows(matcher, rows[len(ROWS) * 3 :], 2)
    trained: list[set[int]] = []
    real = calibrate.calibrate

    def spy(train: list[calibrate.Sample], k: int = calibrate.FOLDS) -> calibrate.Model:
        trained.append({s.source for s in train})
        return real(train, k)

    monkeypatch.setattr(calibrate, "calibrate", spy)
    codes = calibrate.leave_one_file_out(samples, [0, 1], k=2)
    assert len(codes) == len(samples)
    # file 0 by a model of file 1, file 1 by one of file 0, the validation file 2 by both
    assert sorted(map(sorted, trained)) == [[0], [0, 1], [1]]
    text = calibrate.report(
        samples, [Path("a.tsv"), Path("b.tsv"), Path("c.tsv")], k=2, fit_sources=[0, 1], kfold=False
    )
    assert "leave-one-file-out" in text and "c.tsv" in text and "questions" not in text


def test_out_of_fold_by_writer_never_predicts_a_file_with_its_own_weights(
    matcher: Matcher,
) -> None:
    samples = calibrate.samples_of_rows(matcher, ROWS * 2, 0)
    samples += calibrate.samples_of_rows(matcher, [("unknown", "明天下雨吗")] * 4 + ROWS, 1)
    probs = calibrate.out_of_fold(samples, 2)
    # file 1's weights saw its out-of-scope lines; file 0's prediction of them must not
    guide, offer = calibrate.fit_weights([s for s in samples if s.source == 0])
    first = next(i for i, s in enumerate(samples) if s.source == 1 and s.expected == "unknown")
    expect = probability(offer, samples[first].x)
    blind = probability(offer, calibrate.blind(samples[first]))
    share = calibrate.BLIND_SHARE
    assert probs[first][1] == pytest.approx(share * blind + (1 - share) * expect)
