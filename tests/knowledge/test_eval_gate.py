"""Gate: the matcher on the repository's labelled question sets, each written by another writer
(tests/data/questions*.tsv, all but questions_e.tsv), each on its own, with the repository's
catalog and the calibrated default decision model.

The issue's targets: >= 92% right item directly, >= 98% right item directly or in the menu,
>= 95% out-of-scope rejected, <= 2% confidently wrong (of all questions). Where a file reaches a
target it is gated at the target. Where it does not yet, it is gated at a floor just under the
figure reached (so a regression fails), and the full targets stay a strict xfail that fails
loudly the day a file meets them all (then move them into the gate).

The model is fitted on the first three files; questions_d.tsv, questions_w.tsv and
questions_x.tsv are never fitted on nor read while developing (their figures are the honest
estimate for a new writer; questions_e.tsv, the same, is not gated). questions_f.tsv was scored
blind when it arrived (round 5: 90.0/93.4/95.0/1.9) and vocabulary was fitted on it after.
How the figures moved, round by round (each round's rules, every new writer's blind first
scores, every file after the round) is told in docs/matcher-rounds.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.catalog import load_catalog
from knowledge.evaluate import TARGETS, Report, evaluate, format_report, load_labelled
from knowledge.matcher import Matcher
from tests.knowledge.fixture_catalog import REAL_CATALOG

DATA = Path(__file__).resolve().parents[1] / "data"
# file -> at least this many lines
FILES = {
    "questions.tsv": 500,
    "questions_more.tsv": 700,
    "questions_c.tsv": 600,
    "questions_d.tsv": 550,
    "questions_f.tsv": 600,
    "questions_g.tsv": 600,
    "questions_h.tsv": 600,
    "questions_i.tsv": 600,
    "questions_j.tsv": 600,
    "questions_k.tsv": 600,
    "questions_l.tsv": 600,
    "questions_m.tsv": 600,
    "questions_n.tsv": 600,
    "questions_o.tsv": 600,
    "questions_p.tsv": 600,
    "questions_q.tsv": 600,
    "questions_r.tsv": 550,
    "questions_s.tsv": 600,
    "questions_t.tsv": 600,
    "questions_u.tsv": 600,
    "questions_v.tsv": 600,
    "questions_w.tsv": 600,
    "questions_x.tsv": 600,
}
# gate levels per file: the target where it is met, else a floor under the calibrated figure
GATES = {
    "questions.tsv": TARGETS,
    "questions_more.tsv": TARGETS,
    "questions_c.tsv": TARGETS,
    "questions_d.tsv": {
        "item_direct": 0.905,
        "item_direct_or_menu": 0.945,
        "out_of_scope_rejected": TARGETS["out_of_scope_rejected"],
        "confidently_wrong": 0.025,
    },
    "questions_f.tsv": TARGETS,
    "questions_g.tsv": TARGETS,
    "questions_h.tsv": TARGETS,
    "questions_i.tsv": TARGETS,
    # scored blind at rounds 8 and 9, fitted on from round 10
    "questions_j.tsv": TARGETS,
    "questions_k.tsv": TARGETS,
    # scored blind at rounds 9 and 10, fitted on from round 11
    "questions_l.tsv": TARGETS,
    # scored blind at rounds 10 and 11, fitted on from round 12
    "questions_m.tsv": TARGETS,
    "questions_n.tsv": TARGETS,
    # scored blind at rounds 11 and 12, fitted on from round 13
    "questions_o.tsv": TARGETS,
    "questions_p.tsv": TARGETS,
    # scored blind at rounds 12 and 13, fitted on from round 14
    "questions_q.tsv": TARGETS,
    # scored blind at rounds 13 and 14, fitted on from round 15
    "questions_r.tsv": TARGETS,
    # scored blind at rounds 14 and 15, fitted on from round 16: floors just under the
    # figures where a target is not met yet
    "questions_s.tsv": {
        "item_direct": TARGETS["item_direct"],
        "item_direct_or_menu": 0.97,
        "out_of_scope_rejected": TARGETS["out_of_scope_rejected"],
        "confidently_wrong": TARGETS["confidently_wrong"],
    },
    "questions_t.tsv": {
        "item_direct": TARGETS["item_direct"],
        "item_direct_or_menu": 0.945,
        "out_of_scope_rejected": TARGETS["out_of_scope_rejected"],
        "confidently_wrong": TARGETS["confidently_wrong"],
    },
    # scored blind at rounds 15 and 16 (written for them), fitted on from round 17
    "questions_u.tsv": {
        "item_direct": TARGETS["item_direct"],
        "item_direct_or_menu": 0.96,
        "out_of_scope_rejected": TARGETS["out_of_scope_rejected"],
        "confidently_wrong": TARGETS["confidently_wrong"],
    },
    "questions_v.tsv": {
        "item_direct": TARGETS["item_direct"],
        "item_direct_or_menu": 0.955,
        "out_of_scope_rejected": TARGETS["out_of_scope_rejected"],
        "confidently_wrong": TARGETS["confidently_wrong"],
    },
    # never fitted on, never read while fitting (like questions_d): floors under the figures
    "questions_w.tsv": {
        "item_direct": TARGETS["item_direct"],
        "item_direct_or_menu": 0.965,
        "out_of_scope_rejected": TARGETS["out_of_scope_rejected"],
        "confidently_wrong": TARGETS["confidently_wrong"],
    },
    "questions_x.tsv": {
        "item_direct": 0.905,
        "item_direct_or_menu": 0.935,
        "out_of_scope_rejected": TARGETS["out_of_scope_rejected"],
        "confidently_wrong": TARGETS["confidently_wrong"],
    },
}
# each non-item intent (and the items as one) recognized at least this often per file
INTENT_FLOOR = {
    "questions.tsv": 0.9,
    "questions_more.tsv": 0.9,
    "questions_c.tsv": 0.8,
    "questions_d.tsv": 0.76,
    "questions_f.tsv": 0.9,
    "questions_g.tsv": 0.65,
    "questions_h.tsv": 0.7,
    "questions_i.tsv": 0.9,
    "questions_j.tsv": 0.9,
    "questions_k.tsv": 0.9,
    "questions_l.tsv": 0.9,
    "questions_m.tsv": 0.9,
    "questions_n.tsv": 0.9,
    "questions_o.tsv": 0.9,
    "questions_p.tsv": 0.9,
    "questions_q.tsv": 0.9,
    "questions_r.tsv": 0.9,
    "questions_s.tsv": 0.8,
    "questions_t.tsv": 0.8,
    "questions_u.tsv": 0.8,
    "questions_v.tsv": 0.8,
    "questions_w.tsv": 0.8,
    "questions_x.tsv": 0.8,
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
        assert correct / total >= INTENT_FLOOR[name], (name, intent, correct, total)


# files gated at all four targets
MEETS_TARGETS = frozenset(
    {
        "questions.tsv",
        "questions_more.tsv",
        "questions_c.tsv",
        "questions_f.tsv",
        "questions_g.tsv",
        "questions_h.tsv",
        "questions_i.tsv",
        "questions_j.tsv",
        "questions_k.tsv",
        "questions_l.tsv",
        "questions_m.tsv",
        "questions_n.tsv",
        "questions_o.tsv",
        "questions_p.tsv",
        "questions_q.tsv",
        "questions_r.tsv",
    }
)


def test_full_targets(report: tuple[str, Report], request: pytest.FixtureRequest) -> None:
    name, result = report
    if name not in MEETS_TARGETS:
        request.applymarker(
            pytest.mark.xfail(
                strict=True,
                reason="not all four targets yet: direct-or-menu on questions_d, _s, _t, _u, _v, "
                "_w and _x; direct on _x; confidently wrong on _d",
            )
        )
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
