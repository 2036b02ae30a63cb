"""Gate: the matcher on the repository's labelled question sets, each written by another writer
(tests/data/questions.tsv, questions_more.tsv, questions_c.tsv, questions_d.tsv, questions_f.tsv,
questions_g.tsv, questions_h.tsv and questions_i.tsv), each on its own, with the repository's catalog and the
calibrated default decision model.

The issue's targets: >= 92% right item directly, >= 98% right item directly or in the menu,
>= 95% out-of-scope rejected, <= 2% confidently wrong (of all questions). Where a file reaches a
target it is gated at the target. Where it does not yet, it is gated at a floor just under the
figure reached (so a regression fails), and the full targets stay a strict xfail that fails
loudly the day a file meets them all (then move them into the gate).

The model is fitted on the first three files; questions_d.tsv is never fitted on nor read while
developing (its figures are the honest estimate for a new writer). questions_f.tsv was scored
blind when it arrived (round 5: 90.0/93.4/95.0/1.9) and vocabulary was fitted on it after.
Round 5 (one-item menus and well-ahead named items answered, Latin pinyin, emoji, neutral kin
and question words, offices asking for certificates, vocabulary; the round-3 model kept):
    questions.tsv       direct 96.0%  direct-or-menu 99.2%  out-of-scope  97.4%  wrong 0.4%
    questions_more.tsv  direct 96.7%  direct-or-menu 99.2%  out-of-scope  99.2%  wrong 0.1%
    questions_c.tsv     direct 93.4%  direct-or-menu 98.1%  out-of-scope  99.0%  wrong 0.8%
    questions_d.tsv     direct 88.9%  direct-or-menu 93.9%  out-of-scope  95.0%  wrong 2.7%
    questions_f.tsv     direct 94.8%  direct-or-menu 97.3%  out-of-scope  98.0%  wrong 1.1%
Round 6 (other offices' business by class and frame - commercial insurance, an employer's
schemes, banks, tax and property sales, village self-government -, a bare complaint or a request
for a person about another office's business is theirs, several out-of-scope cues bar the menu,
trees before the felling verb, vocabulary; the round-3 model kept). questions_g.tsv (640 lines, a
seventh writer) was scored blind first, at the state reached then (91.1 / 95.5 / 76.2 / 2.7; the
round-5 matcher: 91.8 / 95.7 / 74.6 / 3.1), and fitted on after:
    questions.tsv       direct 96.0%  direct-or-menu 99.2%  out-of-scope  97.4%  wrong 0.4%
    questions_more.tsv  direct 97.0%  direct-or-menu 99.5%  out-of-scope  99.2%  wrong 0.1%
    questions_c.tsv     direct 93.7%  direct-or-menu 98.6%  out-of-scope  99.0%  wrong 0.6%
    questions_d.tsv     direct 88.9%  direct-or-menu 93.9%  out-of-scope  96.0%  wrong 2.6%
    questions_f.tsv     direct 95.2%  direct-or-menu 97.5%  out-of-scope  98.0%  wrong 1.3%
    questions_g.tsv     direct 92.3%  direct-or-menu 97.0%  out-of-scope  90.0%  wrong 1.9%
Round 7 (a bare topic alias names the sibling whose action is wanted, a keyword's negated verb
is not its item's action, a mention after 不想/不打算 is refused, notaries and property
registration are other offices', vocabulary; the round-3 model kept: a refit on six writers
gave questions_d.tsv 82.5 / 90.9 / 96.0 / 2.0). questions_h.tsv (620 lines, an eighth writer)
was scored blind first (89.3 / 94.3 / 94.0 / 3.7, the same at round 6's state) and fitted on after:
    questions.tsv       direct 96.2%  direct-or-menu 99.2%  out-of-scope  97.4%  wrong 0.4%
    questions_more.tsv  direct 97.1%  direct-or-menu 99.5%  out-of-scope  99.2%  wrong 0.1%
    questions_c.tsv     direct 94.1%  direct-or-menu 98.8%  out-of-scope  99.0%  wrong 0.6%
    questions_d.tsv     direct 89.5%  direct-or-menu 93.9%  out-of-scope  96.0%  wrong 2.6%
    questions_f.tsv     direct 95.5%  direct-or-menu 98.0%  out-of-scope  98.0%  wrong 1.1%
    questions_g.tsv     direct 93.4%  direct-or-menu 98.0%  out-of-scope  90.0%  wrong 1.6%
    questions_h.tsv     direct 90.2%  direct-or-menu 95.2%  out-of-scope  95.0%  wrong 3.1%
Round 8 (characters typed one by one with spaces are one run; forms of address around thanks;
which building and whether there is still time; suggestions to the center; the assistant that
cannot answer is a reason for a person, crops struck by weather no complaint; how long a request
has waited, when the inspector comes, whether a card can be collected - not a deadline -; shops,
online sellers, banquets, a tradesman's number and court fees are others' business; vague requests
for "a certificate" or "what policies"; another office named only as the alternative to the
center; a loss is why a replacement is wanted, where-or-how + verb cut as one word is wanted;
mentions put off to later, needed for something else, or done by the villager are context; a
separable verb keeps its "done" particle; 是不是 is no negated clause; trees one may not fell
are a protected forest's; vocabulary; the round-3 model kept). questions_i.tsv (620 lines, a ninth writer) was scored blind first (92.7 / 95.2 /
93.0 / 2.3) and fitted on after:
    questions.tsv       direct 96.2%  direct-or-menu 99.2%  out-of-scope  97.4%  wrong 0.4%
    questions_more.tsv  direct 97.1%  direct-or-menu 99.5%  out-of-scope  99.2%  wrong 0.1%
    questions_c.tsv     direct 94.1%  direct-or-menu 98.8%  out-of-scope 100.0%  wrong 0.5%
    questions_d.tsv     direct 89.5%  direct-or-menu 94.5%  out-of-scope  96.0%  wrong 2.4%
    questions_f.tsv     direct 95.5%  direct-or-menu 98.0%  out-of-scope  98.0%  wrong 1.1%
    questions_g.tsv     direct 93.4%  direct-or-menu 98.0%  out-of-scope  90.0%  wrong 1.6%
    questions_h.tsv     direct 90.9%  direct-or-menu 95.5%  out-of-scope  95.0%  wrong 3.1%
    questions_i.tsv     direct 95.2%  direct-or-menu 98.2%  out-of-scope 100.0%  wrong 0.5%
questions.tsv, questions_more.tsv, questions_c.tsv and questions_i.tsv meet all four targets. Not
reached: direct (questions_d.tsv, questions_h.tsv), direct-or-menu (questions_d.tsv,
questions_h.tsv), out-of-scope (questions_g.tsv), confidently wrong (questions_d.tsv,
questions_h.tsv).
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
}
# gate levels per file: the target where it is met, else a floor under the calibrated figure
GATES = {
    "questions.tsv": {
        "item_direct": TARGETS["item_direct"],
        "item_direct_or_menu": TARGETS["item_direct_or_menu"],
        "out_of_scope_rejected": TARGETS["out_of_scope_rejected"],
        "confidently_wrong": TARGETS["confidently_wrong"],
    },
    "questions_more.tsv": {
        "item_direct": TARGETS["item_direct"],
        "item_direct_or_menu": TARGETS["item_direct_or_menu"],
        "out_of_scope_rejected": TARGETS["out_of_scope_rejected"],
        "confidently_wrong": TARGETS["confidently_wrong"],
    },
    "questions_c.tsv": {
        "item_direct": TARGETS["item_direct"],
        "item_direct_or_menu": TARGETS["item_direct_or_menu"],
        "out_of_scope_rejected": TARGETS["out_of_scope_rejected"],
        "confidently_wrong": TARGETS["confidently_wrong"],
    },
    "questions_d.tsv": {
        "item_direct": 0.885,
        "item_direct_or_menu": 0.935,
        "out_of_scope_rejected": TARGETS["out_of_scope_rejected"],
        "confidently_wrong": 0.03,
    },
    "questions_f.tsv": {
        "item_direct": 0.94,
        "item_direct_or_menu": 0.97,
        "out_of_scope_rejected": TARGETS["out_of_scope_rejected"],
        "confidently_wrong": TARGETS["confidently_wrong"],
    },
    "questions_g.tsv": {
        "item_direct": 0.915,
        "item_direct_or_menu": 0.965,
        "out_of_scope_rejected": 0.89,
        "confidently_wrong": 0.025,
    },
    "questions_h.tsv": {
        "item_direct": 0.905,
        "item_direct_or_menu": 0.95,
        "out_of_scope_rejected": 0.94,
        "confidently_wrong": 0.035,
    },
    "questions_i.tsv": {
        "item_direct": TARGETS["item_direct"],
        "item_direct_or_menu": TARGETS["item_direct_or_menu"],
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
    {"questions.tsv", "questions_more.tsv", "questions_c.tsv", "questions_i.tsv"}
)


def test_full_targets(report: tuple[str, Report], request: pytest.FixtureRequest) -> None:
    name, result = report
    if name not in MEETS_TARGETS:
        request.applymarker(
            pytest.mark.xfail(
                strict=True,
                reason="not all four targets yet: direct 89.5-90.9% (target 92%) on "
                "questions_d/h, direct-or-menu 94.5-95.5% (target 98%) on questions_d/h, "
                "out-of-scope 90.0% (95%) on questions_g, wrong 2.4-3.1% (2%) on questions_d/h",
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
