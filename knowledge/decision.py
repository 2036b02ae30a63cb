"""The decision: one item directly (guide), a short menu (clarify), a non-item intent, or unknown.

Non-item intents first, by the evidence of their cue families (intents.py) against the item's:
a ticket number, a progress question about one's own request (unless it also asks how to apply
and an item is likely: status_yields), a complaint, a message made only of greetings, advice, a
too-vague request or a place/time question about one of the center's departments decide alone;
a request for a person or for the center's hours yields to a confident item. Item evidence is weighed by two small logistic models
over the features of scoring.py (the best score and the runner-up's share of it, how much more
of the message the best item explains, how much of it its name/aliases/keywords explain, whether
only a keyword or only a context mention of it is written, how many items crowd the top, an
out-of-scope hint - the lexicon's, advice, or a topic of another office -, how much the message
says; words that say nothing about items - 俺, 咋个, 嘛, 我家 - are not counted: Scorer.neutral): P(the best item is the answer) and P(the answer is among the menu). Their coefficients
and cut-offs come from calibrate.py (chosen across writers, validated leave-one-file-out). A near tie is never answered directly, and "unknown never guesses": little
evidence means unknown. A question of another office (an out-of-scope hint) whose only item
evidence is a word several items share gets no menu (menu_barred), and a question asked right
after another office's topic (结婚登记要带什么, 学籍怎么转: intents' "elsewhere_asked") is
unknown unless an item is named.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MENU_MAX = 5  # a numbered menu longer than this is not read by elderly villagers
# The `why` of a person asked for only by a reason to want one (我不识字), not by name: a
# follow-up about the notice just given outranks it (handlers/human.py).
WEAK_HUMAN = "weak human cue"
TIE_RATIO = 0.97  # the runner-up scoring this share of the best is a tie (is_tie)...
ONE_WORD_TIE_RATIO = 0.8  # ...or this share, when the message is one word both items have
SIBLING_TIE_RATIO = 0.8  # ...or this share, when the two are siblings (names share their head)
SIBLING_KINSHIP = (
    0.3  # siblings: this share of the shorter name's weight is common (scoring.kinship)
)
ACTION_TIE_RATIO = 0.8  # ...or this share, when the wanted action is the runner-up's alone
NAMED_AHEAD = 0.75  # an item named in the message with the runner-up under this share: answered
# evidence only in words at least this many items' names/aliases/keywords hold is generic: with an
# out-of-scope hint and no item named, no menu (menu_barred)
GENERIC_SHARED = 2
# ...and with this many different out-of-scope cues (保险公司, 寿险, 交税), whatever the evidence,
# a question that names no item is another office's: no menu (menu_barred)
MANY_HINTS = 2
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
    tried too and left out: cross-validated, they added nothing beyond these; so was how many
    items' titles share the best's evidence (Scorer.features "shared": it raised the blind set's
    confidently wrong), which only bars a menu for a hinted question (menu_barred)."""
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


# Fitted by `python -m knowledge.calibrate tests/data/questions.tsv tests/data/questions_more.tsv
# tests/data/questions_c.tsv --validate tests/data/questions_d.tsv` on the 2,147 labelled questions
# of three writers, cut-offs chosen on probabilities of models that never saw the writer, safe for
# each writer, with out-of-scope questions half scored without their hint (calibrate.py). Fitted
# in round 3 (features count only words that say something about items, not pronouns, particles,
# question words, kin or deixis: Scorer.neutral; a named item alone in its menu is answered:
# choose). Round 4 (2026-11-22: out-of-scope classes of other offices, institution, employer and
# being-seen frames, menu_barred) and round 5 (2026-11-22: one-item menus answered, Latin pinyin,
# neutral kin and question words, vocabulary; a refit on four writers raised questions_d.tsv's
# confidently wrong to 3.8 %) and round 6 (other offices' business by class and frame, bare complaints
# and requests for a person about it, several out-of-scope cues bar the menu) kept it, and so did
# round 7 (topic aliases shared by siblings, refused mentions; a refit on six writers gave
# questions_d.tsv 82.5 / 90.9 / 96.0 / 2.0 against 89.5 / 93.9 / 96.0 / 2.6 with this model). Round 4: the refit (guide -5.1322.., offer -7.3665..,
# 0.675/0.55/0.5) answers questions.tsv with one more confidently wrong (0.5%).
#   leave-one-file-out (each file scored by a model calibrated without its writer), round 4:
#     questions.tsv       direct 91.5%  direct-or-menu 98.5%  out-of-scope  97.4%  wrong 0.4%
#     questions_more.tsv  direct 91.8%  direct-or-menu 98.3%  out-of-scope  99.2%  wrong 0.3%
#     questions_c.tsv     direct 92.3%  direct-or-menu 95.3%  out-of-scope  99.0%  wrong 2.3%
#     questions_d.tsv     direct 85.9%  direct-or-menu 92.8%  out-of-scope  95.0%  wrong 2.9% (blind)
#   this model, round 4 (training figures for the first three):
#     questions.tsv       direct 92.0%  direct-or-menu 98.2%  out-of-scope  97.4%  wrong 0.4%
#     questions_more.tsv  direct 94.1%  direct-or-menu 97.7%  out-of-scope  99.2%  wrong 0.6%
#     questions_c.tsv     direct 88.7%  direct-or-menu 96.0%  out-of-scope  99.0%  wrong 1.5%
#     questions_d.tsv     direct 85.9%  direct-or-menu 92.8%  out-of-scope  95.0%  wrong 2.9% (blind)
# fmt: off
DEFAULT_MODEL = Model(
    guide=(-5.1554, 2.4728, -3.0792, -1.0524, 0.0437, 0.5949, -0.3610, 2.4546, -0.0856, -2.6518, 0.3972),
    offer=(-7.4039, 2.7023, -0.4121, -0.6387, 0.5524, 1.0856, -0.3766, 2.3296, -0.0094, -3.0832, 0.5851),
    guide_at=0.675,
    offer_at=0.55,
    menu_ratio=0.5,
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
    tie = is_tie(ranked, features)
    return choose(
        ranked,
        intents,
        ticket,
        p_guide,
        p_offer,
        model,
        tie,
        is_named(features),
        menu_barred(intents, features),
    )


def is_named(features: Mapping[str, float]) -> bool:
    """The best item's name or an alias is written in the message as what is asked for (not as
    context): with no other item near it, a menu of that one item would only ask "您问的是…吗"."""
    return features.get("named", 0.0) > 0.0


def is_tie(ranked: Sequence[tuple[int, float]], features: Mapping[str, float]) -> bool:
    """Nothing tells the best item from the runner-up, whatever the scores: they score nearly
    alike, or they are siblings (their names share their head, scoring.Scorer.kinship) close in
    score and the wanted action (领/交/转/补办) is not the best's alone - 残疾证办了 每个月有钱领不
    is 残疾人证办理 or 两项补贴 -, or the message is one word that both explain as fully (救助:
    临时 / 医疗 / 特困)."""
    if len(ranked) < 2:
        return False
    ratio = ranked[1][1] / ranked[0][1] if ranked[0][1] > 0 else 1.0
    if ratio >= TIE_RATIO:
        return True
    if (
        ratio >= SIBLING_TIE_RATIO
        and features.get("sibling", 0.0) >= SIBLING_KINSHIP
        and features.get("action", 0.0) <= 0.0
    ):
        return True
    if ratio >= ACTION_TIE_RATIO and features.get("action", 0.0) < 0.0:
        # 想自己接着交 要去哪登记: the runner-up does what is wanted, the best does not
        return True
    one_word = features.get("content", 0.0) <= 1.0
    same_cover = features.get("coverage2", 0.0) >= features.get("coverage", 0.0)
    return one_word and same_cover and ratio >= ONE_WORD_TIE_RATIO


def is_out_of_scope(intents: Mapping[str, list[str]]) -> bool:
    """An out-of-scope hint: the lexicon's words, advice, or a topic of another office."""
    return bool({"out_of_scope_hints", "advice", "elsewhere"} & intents.keys())


def out_of_scope_cues(intents: Mapping[str, list[str]]) -> set[str]:
    """The different out-of-scope cues of a message (the lexicon's, advice, other offices')."""
    return {
        cue
        for name in ("out_of_scope_hints", "advice", "elsewhere")
        for cue in intents.get(name, ())
    }


def menu_barred(intents: Mapping[str, list[str]], features: Mapping[str, float]) -> bool:
    """No menu for a question of another office that only brushes against items: an out-of-scope
    hint, no item named and, as the best item's evidence, only words that several items' titles
    share (退伍军人考公务员有加分吗: 退伍军人; 单位退休的独生子女有补贴吗: 独生子女), or several
    different out-of-scope cues (保险公司那边寿险理赔 要交税吗: 保险公司, 寿险, 交税)."""
    if not is_out_of_scope(intents) or is_named(features):
        return False
    return (
        features.get("shared", 1.0) >= GENERIC_SHARED
        or len(out_of_scope_cues(intents)) >= MANY_HINTS
    )


def status_yields(
    ranked: Sequence[tuple[int, float]],
    intents: Mapping[str, list[str]],
    p_offer: float,
    model: Model,
) -> bool:
    """A progress cue in a message that also asks how to apply or what to bring (我想盖房 要咋个
    申请 能批下来不) is about the service when an item is likely enough to be offered."""
    return "apply_q" in intents and bool(ranked) and p_offer >= model.offer_at


def choose(
    ranked: Sequence[tuple[int, float]],
    intents: Mapping[str, list[str]],
    ticket: str | None,
    p_guide: float,
    p_offer: float,
    model: Model,
    tie: bool = False,
    named: bool = False,
    barred: bool = False,
) -> Verdict:
    """Intents first where their evidence outranks items: a ticket number or a progress question
    about one's own request (我的低保批了没) is status even though it names an item; a complaint
    too (投诉低保评定不公). A message made only of greetings is a greeting. Out-of-scope words
    (快递, 天气) reject unless the item evidence is confident. Asking for a person or for the
    center's hours yields to a confident item (想找个人来调解 is about 人民调解; 低保在哪个窗口办
    gets the item's notice, which names the window); 残联在几楼 names a department, not an item.
    An item alone in its menu, or named in the message (`named`, is_named) with the runner-up
    under NAMED_AHEAD of its score, is answered when it would be offered: the one-item menu would
    only ask back, and a named item well ahead is what was asked for. `barred` (menu_barred): a
    question of another office whose only item evidence is a word several items share gets no
    menu, it is unknown; so is a question asked right after another office's topic (学籍怎么转,
    请乐队多少钱) when no item is named, whatever the story around it shares with items."""
    confident = bool(ranked) and p_guide >= model.guide_at and not tie
    if ticket:
        return Verdict("status", f"ticket number {ticket}")
    elsewhere = "elsewhere" in intents
    if "complaint" in intents and not (elsewhere and "complaint_bare" in intents):
        # 保险公司不赔 能投诉吗: a bare complaint about another office's business is theirs
        return Verdict("complaint", f"complaint cue {intents['complaint'][0]!r}")
    if "greeting" in intents:
        return Verdict("greeting", f"greeting only {intents['greeting'][0]!r}")
    if "advice" in intents:  # 野猪肉好吃不, 哪家医院看糖尿病最好: advice, not a service
        return Verdict("unknown", f"asks for advice {intents['advice'][0]!r}")
    if "commercial" in intents:  # 商业保险住院报销: the insurer's claim, though an item is named
        return Verdict("unknown", f"a commercial policy's claim {intents['commercial'][0]!r}")
    if "vague" in intents:  # 我想申请个补贴: no service named, and a guess would mislead
        return Verdict("unknown", f"too vague {intents['vague'][0]!r}")
    if "elsewhere_asked" in intents and not named:
        # 结婚登记要带什么, 学籍怎么转: the question is about another office's business itself
        return Verdict("unknown", f"asks about another office's {intents['elsewhere_asked'][0]!r}")
    oos = is_out_of_scope(intents)
    if "status" in intents and not oos and not status_yields(ranked, intents, p_offer, model):
        return Verdict("status", f"status cue {intents['status'][0]!r}")
    if "center_dept" in intents:  # 残联在几楼: a department's place, not an item's notice
        return Verdict("center_info", f"department cue {intents['center_dept'][0]!r}")
    if "human" in intents and not confident and not elsewhere:
        # 高考志愿怎么填 有没有人能指导: a person of the center would not know another office's
        return Verdict("human", f"human cue {intents['human'][0]!r}")
    if "center_info" in intents and not confident and not elsewhere:
        # 县疾控中心在哪, 自来水公司电话多少: the hours or place of another office
        return Verdict("center_info", f"center_info cue {intents['center_info'][0]!r}")
    if not ranked:
        if "human_weak" in intents:
            return Verdict("human", f"{WEAK_HUMAN} {intents['human_weak'][0]!r}, no item")
        return Verdict("unknown", "no item shares a word with the message")
    top_score = ranked[0][1]
    menu = tuple(i for i, s in ranked[:MENU_MAX] if s >= model.menu_ratio * top_score)
    why = f"P(best right) {p_guide:.2f}, P(right in menu) {p_offer:.2f}"
    if confident:
        return Verdict("guide", why, ranked[0][0], menu)
    ahead = len(ranked) < 2 or ranked[1][1] < NAMED_AHEAD * top_score
    if p_offer >= model.offer_at and (named and ahead or len(menu) == 1) and not tie and not oos:
        # the question "您问的是…吗" for an item alone in its menu, or named in the message with
        # every other item well behind (under NAMED_AHEAD of its score): the answer is as safe
        return Verdict("guide", f"{why}, named or alone", ranked[0][0], menu)
    if p_offer < model.offer_at or barred:
        if "human_weak" in intents:  # 我不识字 with nothing else clear: a person helps best
            return Verdict("human", f"{WEAK_HUMAN} {intents['human_weak'][0]!r}, no item")
        if barred:
            why += ", out-of-scope hint and only shared words: no menu"
        return Verdict("unknown", why)
    return Verdict("clarify", why, None, menu)


def weak_human(why: str) -> bool:
    return why.startswith(WEAK_HUMAN)
