"""The decision: one item directly (guide), a short menu (clarify), a non-item intent, or unknown.

Non-item intents first, by the evidence of their cue families (intents.py) against the item's:
a ticket number, a progress question about one's own request, a complaint, a message made only
of greetings, advice or a too-vague request decide alone; a request for a person or for the
center's hours yields to a confident item. Item evidence is weighed by two small logistic models
over the features of scoring.py (the best score and the runner-up's share of it, how much more
of the message the best item explains, how much of it its name/aliases/keywords explain, whether
only a keyword or only a context mention of it is written, how many items crowd the top, an
out-of-scope hint, how much the message says): P(the best item is the answer) and P(the answer
is among the menu). Their coefficients and cut-offs come from calibrate.py (cross-validated on
both labelled files). A near tie is never answered directly, and "unknown never guesses": little
evidence means unknown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MENU_MAX = 5  # a numbered menu longer than this is not read by elderly villagers
TIE_RATIO = 0.97  # the runner-up scoring this share of the best is a tie (is_tie)...
ONE_WORD_TIE_RATIO = 0.8  # ...or this share, when the message is one word both items have
# Inputs of both models, in order (a constant 1.0 for the intercept comes first).
FEATURES = (
    "log_top",  # log(1 + best score), scores in units of the calibration catalog
    "ratio",  # runner-up / best
    "log_margin",  # log(1 + best) - log(1 + runner-up)
    "keyword",  # only a keyword of the best item is written (not its name or an alias)
    "context",  # the best item's name/alias is written only as context (低保户的孩子)
    "coverage_gap",  # share of the message's weighted words the best item has, minus the runner-up's
    "title",  # share of the message's weighted words in the best item's name/aliases/keywords
    "crowd",  # log(number of items within half of the best score)
    "oos",  # an out-of-scope hint (快递, 银行) is present
    "log_content",  # log(1 + weighted words of the message): short vague messages say little
)


def vector(f: Mapping[str, float]) -> tuple[float, ...]:
    """The model inputs from scoring.Scorer.features (a constant 1.0 first, for the intercept).
    The name/alias hit, the best item's own coverage and how telling its title words are were
    tried too and left out: cross-validated, they added nothing beyond these."""
    top, second = f.get("top", 0.0), f.get("second", 0.0)
    return (
        1.0,
        math.log1p(top),
        f.get("ratio", 1.0),
        math.log1p(top) - math.log1p(second),
        f.get("keyword", 0.0),
        f.get("context", 0.0),
        f.get("coverage", 0.0) - f.get("coverage2", 0.0),
        f.get("title", 0.0),
        math.log(max(1.0, f.get("crowd", 1.0))),
        f.get("oos", 0.0),
        math.log1p(f.get("content", 0.0)),
    )


def probability(weights: Sequence[float], x: Sequence[float]) -> float:
    z = sum(w * v for w, v in zip(weights, x, strict=True))
    if z < -30.0:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class Model:
    """guide: weights of P(best item right); offer: weights of P(right item in the menu);
    guide_at / offer_at: the cut-offs; menu_ratio: candidates scoring at least this share of
    the best go into the menu."""

    guide: tuple[float, ...]
    offer: tuple[float, ...]
    guide_at: float
    offer_at: float
    menu_ratio: float = 0.4


# Fitted by `python -m knowledge.calibrate tests/data/questions.tsv tests/data/questions_more.tsv`
# on the 1,496 labelled questions. With this model (training figures):
#   questions.tsv       direct 92.5%  direct-or-menu 96.8%  out-of-scope 100.0%  wrong 1.6%
#   questions_more.tsv  direct 91.1%  direct-or-menu 96.8%  out-of-scope  95.8%  wrong 1.4%
# 5-fold cross-validated (the whole calibration repeated without the scored fold):
#   questions.tsv       direct 91.2%  direct-or-menu 96.8%  out-of-scope 100.0%  wrong 1.6%
#   questions_more.tsv  direct 90.0%  direct-or-menu 96.5%  out-of-scope  95.0%  wrong 1.6%
# fmt: off
DEFAULT_MODEL = Model(
    guide=(-6.0036, 2.0057, -1.4719, -0.6165, -0.6564, 0.2109, -0.6026, 2.9616, -0.1851, -2.4185, 1.0797),
    offer=(-7.0288, 2.0842, -1.5625, -0.7078, 0.1846, 0.6463, -0.6141, 2.8479, 0.3016, -2.9084, 1.6411),
    guide_at=0.6,
    offer_at=0.35,
    menu_ratio=0.3,
)


# fmt: on


@dataclass(frozen=True)
class Verdict:
    """A decision by item index, cheap enough to compute thousands of times in calibration."""

    intent: str
    why: str
    item: int | None = None
    candidates: tuple[int, ...] = ()


def probabilities(features: Mapping[str, float], model: Model) -> tuple[float, float]:
    """P(best item right), P(right item in the menu)."""
    x = vector(features)
    return probability(model.guide, x), probability(model.offer, x)


def policy(
    ranked: Sequence[tuple[int, float]],
    features: Mapping[str, float],
    intents: Mapping[str, list[str]],
    ticket: str | None,
    model: Model,
) -> Verdict:
    p_guide, p_offer = probabilities(features, model) if ranked else (0.0, 0.0)
    return choose(ranked, intents, ticket, p_guide, p_offer, model, is_tie(ranked, features))


def is_tie(ranked: Sequence[tuple[int, float]], features: Mapping[str, float]) -> bool:
    """Nothing tells the best item from the runner-up, whatever the scores: they score nearly
    alike, or the message is one word that both explain as fully (救助: 临时 / 医疗 / 特困)."""
    if len(ranked) < 2:
        return False
    ratio = ranked[1][1] / ranked[0][1] if ranked[0][1] > 0 else 1.0
    if ratio >= TIE_RATIO:
        return True
    one_word = features.get("content", 0.0) <= 1.0
    same_cover = features.get("coverage2", 0.0) >= features.get("coverage", 0.0)
    return one_word and same_cover and ratio >= ONE_WORD_TIE_RATIO


def choose(
    ranked: Sequence[tuple[int, float]],
    intents: Mapping[str, list[str]],
    ticket: str | None,
    p_guide: float,
    p_offer: float,
    model: Model,
    tie: bool = False,
) -> Verdict:
    """Intents first where their evidence outranks items: a ticket number or a progress question
    about one's own request (我的低保批了没) is status even though it names an item; a complaint
    too (投诉低保评定不公). A message made only of greetings is a greeting. Out-of-scope words
    (快递, 天气) reject unless the item evidence is confident. Asking for a person or for the
    center's hours yields to a confident item (想找个人来调解 is about 人民调解; 低保在哪个窗口办
    gets the item's notice, which names the window)."""
    confident = bool(ranked) and p_guide >= model.guide_at and not tie
    if ticket:
        return Verdict("status", f"ticket number {ticket}")
    if "complaint" in intents:
        return Verdict("complaint", f"complaint cue {intents['complaint'][0]!r}")
    if "greeting" in intents:
        return Verdict("greeting", f"greeting only {intents['greeting'][0]!r}")
    if "advice" in intents:  # 野猪肉好吃不, 哪家医院看糖尿病最好: advice, not a service
        return Verdict("unknown", f"asks for advice {intents['advice'][0]!r}")
    if "vague" in intents:  # 我想申请个补贴: no service named, and a guess would mislead
        return Verdict("unknown", f"too vague {intents['vague'][0]!r}")
    oos = "out_of_scope_hints" in intents or "advice" in intents
    if "status" in intents and not oos:
        return Verdict("status", f"status cue {intents['status'][0]!r}")
    if "human" in intents and not confident:
        return Verdict("human", f"human cue {intents['human'][0]!r}")
    if "center_info" in intents and not confident:
        return Verdict("center_info", f"center_info cue {intents['center_info'][0]!r}")
    if not ranked:
        if "human_weak" in intents:
            return Verdict("human", f"human cue {intents['human_weak'][0]!r}, no item")
        return Verdict("unknown", "no item shares a word with the message")
    top_score = ranked[0][1]
    menu = tuple(i for i, s in ranked[:MENU_MAX] if s >= model.menu_ratio * top_score)
    why = f"P(best right) {p_guide:.2f}, P(right in menu) {p_offer:.2f}"
    if confident:
        return Verdict("guide", why, ranked[0][0], menu)
    if p_offer < model.offer_at:
        if "human_weak" in intents:  # 我不识字 with nothing else clear: a person helps best
            return Verdict("human", f"human cue {intents['human_weak'][0]!r}, no item")
        return Verdict("unknown", why)
    return Verdict("clarify", why, None, menu)
