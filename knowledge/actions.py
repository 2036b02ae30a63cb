"""What the villager wants done with a topic: pay in (交养老保险), draw (领养老金), move (转社保),
get reimbursed (报销), replace (补/换), cancel (销户), get a certificate (开证明), register (备案).

Several items share a topic and differ only in this action (养老保险 参保 / 待遇领取 / 转移接续;
户口 迁移 / 注销 / 证明), and the action verb is a single common character that word matching
weighs little. Each item gets an action profile from its name and aliases; a message gets the
actions of its verbs that are wanted (能转到, 才能领), not those already done (交了十五年, 外省交的).
Pure functions; the verb lists are language, not catalog.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from knowledge import cues
from knowledge.context import DONE, REFUSED, verb_role
from knowledge.retrie import trie_alternation

ACTIONS = ("pay", "draw", "move", "refund", "replace", "cancel", "certify", "record", "check")
# action -> verbs (longest matched first). Single characters only count as whole words or at the
# start of a word made of a verb and a topic (领养老金, 交医保).
VERBS: dict[str, tuple[str, ...]] = {a: tuple(cues.words("act_" + a).split()) for a in ACTIONS}
# what one draws: an item about money paid out is a "draw" item (领高龄津贴, 奖扶咋领)
PAID_OUT = cues.pattern("paid_out")
_SINGLE = {v: a for a, verbs in VERBS.items() for v in verbs if len(v) == 1}
# ...of which these also head a verb + topic word (报户口 is a registration, not a refund)
# (only those that are a single-character verb of some action: 拿 heads 拿钱 but is no action alone)
_HEADS = frozenset(cues.words("act_heads")) & _SINGLE.keys()
# 网上交, 手机交: where or how, then the verb, cut as one word
_MEANS = frozenset(cues.words("act_means").split())
# 报 alone is a refund only at the end of its phrase (回来怎么报, 报不了), not 报个低保 / 报名
_REFUND_VERB = cues.words("refund_verb")
_REFUND_END = cues.pattern("refund_end")
# 交 asked with what (要交什么) is handing in papers, not paying in (the question word is gone
# from the prepared query: the message tells, the query's 交 ending its clause is that one)
HANDED_IN = cues.pattern("handed_in")
# 领独生子女证, 领光荣牌: receiving a document, not money
_DOCUMENT = cues.pattern("document")
# a loss (弄丢了, 过期了) is the reason for a replacement even though it has happened
_LOST = frozenset(cues.words("act_lost").split())
_MULTI = {v: a for a, verbs in VERBS.items() for v in verbs if len(v) > 1}
_MULTI_RE = re.compile(trie_alternation(_MULTI))


def profile(titles: Iterable[str]) -> frozenset[str]:
    """An item's actions, from its name, aliases and keywords (normalized, compact)."""
    found: set[str] = set()
    for title in titles:
        # 没备案 (a keyword of 零星报销) names the action not done: not the item's own
        found.update(
            _MULTI[m.group(0)]
            for m in _MULTI_RE.finditer(title)
            if verb_role(title, m.start(), m.end(), force=True) not in (REFUSED, DONE)
        )
        # round 19: 交满十五年 (a keyword of drawing the pension) is a condition reached
        if len(title) >= 3 and title[0] in _HEADS and verb_role(title, 0, 1, force=True) != DONE:
            if not (_SINGLE[title[0]] == "draw" and _DOCUMENT.search(title)):
                found.add(_SINGLE[title[0]])
        if PAID_OUT.search(title):
            found.add("draw")
    return frozenset(found)


def split_alias(title: str) -> list[tuple[str, str]]:
    """(topic, action) of a verb + topic alias (领养老金 -> 养老金, draw), else nothing."""
    if len(title) >= 3 and title[0] in _HEADS:
        return [(title[1:], _SINGLE[title[0]])]
    return []


def wanted(
    query: str,
    segmented: list[str],
    is_topic: Callable[[str], bool],
    background: Callable[[int, int], bool] = lambda start, end: False,
    *,
    handed_in: bool = False,
) -> tuple[frozenset[str], frozenset[str]]:
    """(wanted, refused): the actions of the message's verbs that are asked for (not done or
    relative: 交了十五年, 外省交的), and those explicitly not wanted or not done (没备案, 不想打官司).
    `segmented` is the query cut into words; a single-character verb counts as a word of its own
    or at the head of a verb + topic word (交医保: `is_topic('医保')`); words for which
    `background` (query positions) is true are skipped (开证明 in 要村里开证明吗 is a material)."""
    found: set[str] = set()
    refused: set[str] = set()

    def judge(action: str, start: int, end: int) -> None:
        role = verb_role(query, start, end, force=True)
        if role == REFUSED:
            refused.add(action)
        elif role != DONE or query[start:end] in _LOST:
            found.add(action)

    at = 0
    for word in segmented:
        start, at = at, at + len(word)
        if background(start, at):
            continue
        for m in _MULTI_RE.finditer(word):
            judge(_MULTI[m.group(0)], start + m.start(), start + m.end())
        head = word[:1]
        if head in _SINGLE and (
            len(word) == 1 or (head in _HEADS and len(word) >= 3 and is_topic(word[1:]))
        ):
            if head == _REFUND_VERB and not _REFUND_END.match(query, at):
                continue
            if (
                handed_in
                and len(word) == 1
                and _SINGLE[head] == "pay"
                and query[at : at + 1] in ("", " ")
            ):
                continue
            judge(_SINGLE[head], start, at)
        elif len(word) > 2 and word[-1] in _SINGLE and word[:-1] in _MEANS:
            judge(_SINGLE[word[-1]], at - 1, at)
    return frozenset(found), frozenset(refused - found)
