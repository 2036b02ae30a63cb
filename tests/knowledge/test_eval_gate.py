"""Gate: the matcher on the repository's labelled question sets, each written by another writer
(tests/data/questions*.tsv, all but questions_e.tsv), each on its own, with the repository's
catalog and the calibrated default decision model.

The issue's targets: >= 92% right item directly, >= 98% right item directly or in the menu,
>= 95% out-of-scope rejected, <= 2% confidently wrong (of all questions). Where a file reaches a
target it is gated at the target. Where it does not yet, it is gated at a floor just under the
figure reached (so a regression fails), and the full targets stay a strict xfail that fails
loudly the day a file meets them all (then move them into the gate). All files together are
gated at the four targets.

Every other file is taught to the learned model (knowledge/learned.py, `make learn`), and all
are fitted on by the rules (rounds 22 to 24's, questions_aa-at, only lightly): their figures are training figures,
gated so nothing breaks. questions_d, _w, _x, _y, _z, _za and _zb are never fitted on, never read
while developing and never taught: their figures are the honest estimate for a new writer
(questions_e.tsv, the same, is not gated). How the figures moved, round by round (each round's rules, every new writer's blind first
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
    "questions_y.tsv": 600,
    "questions_z.tsv": 600,
    "questions_aa.tsv": 600,
    "questions_ab.tsv": 600,
    "questions_ac.tsv": 600,
    "questions_ad.tsv": 600,
    "questions_ae.tsv": 600,
    "questions_af.tsv": 600,
    "questions_ag.tsv": 600,
    "questions_ah.tsv": 600,
    "questions_ai.tsv": 600,
    "questions_aj.tsv": 600,
    "questions_ak.tsv": 600,
    "questions_al.tsv": 600,
    "questions_am.tsv": 600,
    "questions_an.tsv": 600,
    "questions_ao.tsv": 600,
    "questions_ap.tsv": 600,
    "questions_aq.tsv": 600,
    "questions_ar.tsv": 600,
    "questions_as.tsv": 600,
    "questions_at.tsv": 600,
    "questions_za.tsv": 600,
    "questions_zb.tsv": 600,
}
# gate levels per file: the target where it is met, else a floor under the figure reached
GATES = {name: TARGETS for name in FILES}
# never fitted on, never read while fitting, never taught to the learned model
# taught (round 22's writers) but short of a target through the rules' verdicts the model
# does not override (short messages, non-item intents)
GATES["questions_aj.tsv"] = {**TARGETS, "item_direct_or_menu": 0.97}
GATES["questions_ad.tsv"] = {**TARGETS, "out_of_scope_rejected": 0.90}

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
    "questions_y.tsv": 0.8,
    "questions_z.tsv": 0.8,
    "questions_aa.tsv": 0.7,
    "questions_ab.tsv": 0.6,
    "questions_ac.tsv": 0.75,
    "questions_ad.tsv": 0.8,
    "questions_ae.tsv": 0.65,
    "questions_af.tsv": 0.9,
    "questions_ag.tsv": 0.75,
    "questions_ah.tsv": 0.6,
    "questions_ai.tsv": 0.55,
    "questions_aj.tsv": 0.9,
    "questions_ak.tsv": 0.8,
    "questions_al.tsv": 0.8,
    "questions_am.tsv": 0.85,
    "questions_an.tsv": 0.85,
    "questions_ao.tsv": 0.85,
    "questions_ap.tsv": 0.85,
    "questions_aq.tsv": 0.8,
    "questions_ar.tsv": 0.8,
    "questions_as.tsv": 0.85,
    "questions_at.tsv": 0.8,
    "questions_za.tsv": 0.85,
    "questions_zb.tsv": 0.65,
}


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    return Matcher(load_catalog(REAL_CATALOG), cache_dir=tmp_path_factory.mktemp("cache"))


# each file's report, kept for the pooled gate at the end
_REPORTS: dict[str, Report] = {}


def _report(matcher: Matcher, name: str) -> Report:
    if name not in _REPORTS:
        rows = load_labelled(DATA / name)
        assert len(rows) >= FILES[name]
        _REPORTS[name] = evaluate(matcher, rows)
    return _REPORTS[name]


@pytest.fixture(scope="module", params=sorted(FILES))
def report(request: pytest.FixtureRequest, matcher: Matcher) -> tuple[str, Report]:
    name: str = request.param
    if not (DATA / name).is_file():
        pytest.skip(f"tests/data/{name} absent")
    return name, _report(matcher, name)


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
MEETS_TARGETS = frozenset(FILES) - {f"questions_{w}.tsv" for w in ("ad", "aj")}


def test_full_targets(report: tuple[str, Report], request: pytest.FixtureRequest) -> None:
    name, result = report
    if name not in MEETS_TARGETS:
        request.applymarker(
            pytest.mark.xfail(
                strict=True,
                reason="not all four targets yet: direct-or-menu on questions_aj, out-of-scope"
                " rejected on _ad",
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


def test_the_whole_set_meets_every_target(matcher: Matcher) -> None:
    """The repository's own set, every file together, at the issue's four targets: the files
    still under one target (above) do not pull the whole under it."""
    present = [name for name in sorted(FILES) if (DATA / name).is_file()]
    pooled = Report(tuple(o for name in present for o in _report(matcher, name).outcomes))
    assert len(pooled.outcomes) >= 25_000
    assert pooled.meets_targets(), format_report(pooled)
