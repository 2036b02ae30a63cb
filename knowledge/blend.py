"""The rules' verdict and the learned model's probabilities (learned.py) made into one decision.

The rules keep what they do best: a ticket number, a complaint, a request for a person, the
center's hours, a greeting (any verdict other than guide, clarify or unknown stands); an item
whose name or alias is written in the message, unless the model is sure of another (an alias
the center just added is obeyed at once); and any verdict on a message shorter than SHORT characters (the model learnt from
sentences: a name, a village or 办理 typed into a form is never turned into a menu, and one
word several items share, 救助, keeps its menu). A message the rules rejected as another
office's (an out-of-scope hint: 银行, 台湾, 保险公司) gets at most a menu from the model, never
a direct answer. For the rest, scored on writers nobody fitted on, the learned model names the
right item more often than the rules and rejects more out-of-scope questions, and the rules
catch some of its misses; so:
- the model's best label "unknown" (or another non-item label when the rules saw no item), at
  UNKNOWN_AT or more (OVERRULE_AT against an item the rules answered directly, which otherwise
  stays in the menu), or with no item at OFFER_AT, is unknown;
- the model's best label another non-item intent (the center's hours, a person wanted, progress,
  a complaint, a greeting) at INTENT_AT or more, where the rules saw nothing, is that intent;
- an item named in the message stands, unless the model gives another item NAMED_OTHER_AT or
  more: then both are offered;
- when the rules answer with the model's best item, that stands;
- the model's best item at GUIDE_AT or more is answered directly, unless the rules answered
  another item that the model also gives ALSO_AT: then both are offered;
- a direct answer (the two cases above) whose runner-up the model gives CLOSE_AT or more is a
  menu of the two (and the rules' item);
- otherwise the model's items at OFFER_AT or more are offered (at most MENU_LEARNED), with
  the rules' item added when they had answered one.
Items the model was never taught (a new catalog item, a town's extra item) are the rules' alone:
a verdict naming one stands. The cut-offs were chosen by cross-validation across writers and
checked on the files nobody fits on (docs/matcher-rounds.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from knowledge.decision import MENU_MAX, Verdict

# the labels of labelled messages that are not catalog items (evaluate.py scores them apart)
NON_ITEM = frozenset(("human", "status", "complaint", "center_info", "greeting", "unknown"))
GUIDE_AT = 0.4
UNKNOWN_AT = 0.5
# ...and to overrule an item the rules answered directly, the model's "unknown" needs this much;
# below it the villager is asked (the rules' item in the menu) rather than turned away
OVERRULE_AT = 0.6
# the model's own non-item intent (center_info, human...) when the rules found nothing at all:
# cross-validated, it recognises more of them (center_info 0.915 -> 0.952, human 0.969 -> 0.993)
# for 0.2 point of out-of-scope lines (docs/matcher-rounds.md, round 22)
INTENT_AT = 0.6
OFFER_AT = 0.1
ALSO_AT = 0.1
# round 23, both cross-validated (docs/matcher-rounds.md): a direct answer whose runner-up the
# model also gives CLOSE_AT or more becomes a menu of both; an item named in the message (有残疾证
# 的 每月那个补助) against the model's best other item at NAMED_OTHER_AT or more offers both (the
# name may be the story, not the question). Together: direct -0.2, direct-or-menu +0.4,
# confidently wrong -0.26 (0.79 -> 0.53 %)
CLOSE_AT = 0.25
NAMED_OTHER_AT = 0.5
SHORT = 9  # characters of the normalized message, spaces not counted
MENU_LEARNED = 4  # the model's own items in a menu; the rules' item may make it MENU_MAX


def consulted(verdict: Verdict, *, length: int) -> bool:
    """Whether the model's probabilities could change this verdict (else none are computed):
    an item named in the message too, since round 23 (NAMED_OTHER_AT)."""
    return verdict.intent in ("guide", "clarify", "unknown") and length >= SHORT


def blend(
    verdict: Verdict,
    learned: Sequence[tuple[str, float]],
    index_of: Mapping[str, int],
    names: Sequence[str],
    known: frozenset[str] | set[str],
    *,
    named: bool,
    length: int,
    hinted: bool,
) -> Verdict:
    """`learned`: labels and probabilities, best first; `index_of`: item name -> catalog index,
    `names` the reverse;
    `known`: the labels the model was taught; `named`: the rules' best item is named in the
    message; `length`: the normalized message's characters; `hinted`: an out-of-scope hint."""
    if not learned or not consulted(verdict, length=length):
        return verdict
    ruled = names[verdict.item] if verdict.item is not None else None
    if verdict.intent == "guide" and ruled not in known:
        return verdict  # an item the model never saw: only the rules can answer it
    items = [(n, p) for n, p in learned if n in index_of]
    if verdict.intent == "guide" and named:
        other = next((n for n, q in items[:1] if n != ruled and q >= NAMED_OTHER_AT), None)
        if other is None or verdict.item is None:
            return verdict
        return Verdict(
            "clarify",
            f"learned {other}; rules: {verdict.why}",
            candidates=(verdict.item, index_of[other]),
        )
    offered = [index_of[n] for n, p in items if p >= OFFER_AT][:MENU_LEARNED]
    top, p = learned[0]
    why = f"learned {top} {p:.2f}; rules: {verdict.why}"
    if top in NON_ITEM or top not in index_of:
        if top in NON_ITEM and top != "unknown" and verdict.intent == "unknown" and p >= INTENT_AT:
            return Verdict(top, why)  # never an item this catalog lacks taken for an intent
        if top != "unknown" and verdict.intent != "unknown":
            return verdict  # the rules' item against a non-item guess: the rules saw more
        ruled_item = verdict.item if verdict.intent == "guide" else None
        if p >= (UNKNOWN_AT if ruled_item is None else OVERRULE_AT):
            return Verdict("unknown", why)
        if ruled_item is not None and ruled_item not in offered:
            offered = [ruled_item, *offered][:MENU_MAX]
        if not offered:
            return Verdict("unknown", why)
        return Verdict("clarify", why, candidates=tuple(offered))
    runner_up = next((n for n, q in items[1:2] if q >= CLOSE_AT), None)
    if verdict.intent == "guide" and ruled == top:
        return verdict if runner_up is None else _close(verdict, index_of, top, runner_up, why)
    if p >= GUIDE_AT and not (hinted and verdict.intent == "unknown"):
        if runner_up is not None:
            return _close(verdict, index_of, top, runner_up, why)
        ruled_p = dict(items).get(ruled or "", 0.0)
        if verdict.intent == "guide" and verdict.item is not None and ruled_p >= ALSO_AT:
            return Verdict("clarify", why, candidates=(index_of[top], verdict.item))
        return Verdict("guide", why, item=index_of[top])
    if verdict.intent == "guide" and verdict.item is not None and verdict.item not in offered:
        offered = (offered + [verdict.item])[:MENU_MAX]
    if not offered:
        return verdict
    return Verdict("clarify", why, candidates=tuple(offered))


def _close(
    verdict: Verdict, index_of: Mapping[str, int], top: str, runner_up: str, why: str
) -> Verdict:
    """The model's best item and its close runner-up offered, with the rules' item if another."""
    pair = [index_of[top], index_of[runner_up]]
    if verdict.intent == "guide" and verdict.item is not None and verdict.item not in pair:
        pair.append(verdict.item)
    return Verdict("clarify", why, candidates=tuple(pair))
