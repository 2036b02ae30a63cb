"""The decision: one item directly (guide), a short menu (clarify), a non-item intent, or unknown.

Item evidence is weighed by two small logistic models over the features of scoring.py (the best
score and the runner-up's share of it, whether the item's name or alias is written - and not
only as context -, how much of the message the item explains, how many items crowd the top, an
out-of-scope hint): P(the best item is the answer) and P(the answer is among the menu). They are
fitted and their cut-offs chosen by cross-validation on the labelled questions (calibrate.py);
the coefficients below are the result. "unknown never guesses": little evidence means unknown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MENU_MAX = 5  # a numbered menu longer than this is not read by elderly villagers
# Inputs of both models, in order (a constant 1.0 for the intercept comes first).
FEATURES = (
    "log_top",  # log(1 + best score), scores in units of the calibration catalog
    "ratio",  # runner-up / best
    "log_margin",  # log(1 + best) - log(1 + runner-up)
    "named",  # a name/alias/core of the best item is written in the message, not as context
    "keyword",  # ...only one of its keywords is
    "context",  # ...only as context (低保户的孩子)
    "coverage",  # share of the message's weighted words the best item has
    "coverage_gap",  # ...minus the runner-up's share
    "title",  # share of the message's weighted words in the best item's name/aliases/keywords
    "crowd",  # log(number of items within half of the best score)
    "oos",  # an out-of-scope hint (快递, 银行) is present
    "log_content",  # log(1 + weighted words of the message): short vague messages say little
)


def vector(f: Mapping[str, float]) -> tuple[float, ...]:
    """The model inputs from scoring.Scorer.features."""
    top, second = f.get("top", 0.0), f.get("second", 0.0)
    return (
        1.0,
        math.log1p(top),
        f.get("ratio", 1.0),
        math.log1p(top) - math.log1p(second),
        f.get("named", 0.0),
        f.get("keyword", 0.0),
        f.get("context", 0.0),
        f.get("coverage", 0.0),
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


# Fitted by `python -m knowledge.calibrate` (see that module for the figures).
DEFAULT_MODEL = Model(
    guide=(-5.0010, 2.1498, -2.9624, -0.7936, -0.0585, -0.4754, 0.6773, 2.1441, -0.7931, 0.1654, -2.2041, 0.6275),
    offer=(-7.3928, 2.2155, -1.4229, -0.5688, 0.0915, 0.3691, 1.5536, 2.6291, -1.2603, 0.3174, -2.7601, 1.3651),
    guide_at=0.6,
    offer_at=0.5,
    menu_ratio=0.3,
)



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
    return choose(ranked, intents, ticket, p_guide, p_offer, model)


def choose(
    ranked: Sequence[tuple[int, float]],
    intents: Mapping[str, list[str]],
    ticket: str | None,
    p_guide: float,
    p_offer: float,
    model: Model,
) -> Verdict:
    """Intents first where their evidence outranks items: a ticket number or a progress question
    about one's own request (我的低保批了没) is status even though it names an item; a complaint
    too (投诉低保评定不公). A message made only of greetings is a greeting. Out-of-scope words
    (快递, 天气) reject unless the item evidence is confident. Asking for a person or for the
    center's hours yields to a confident item (想找个人来调解 is about 人民调解; 低保在哪个窗口办
    gets the item's notice, which names the window)."""
    confident = bool(ranked) and p_guide >= model.guide_at
    if ticket:
        return Verdict("status", f"ticket number {ticket}")
    if "complaint" in intents:
        return Verdict("complaint", f"complaint cue {intents['complaint'][0]!r}")
    if "greeting" in intents:
        return Verdict("greeting", f"greeting only {intents['greeting'][0]!r}")
    if "advice" in intents:  # 野猪肉好吃不, 哪家医院看糖尿病最好: advice, not a service
        return Verdict("unknown", f"asks for advice {intents['advice'][0]!r}")
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
