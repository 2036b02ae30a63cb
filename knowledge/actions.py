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

from knowledge.context import DONE, verb_role

# action -> verbs (longest matched first). Single characters only count as whole words or at the
# start of a word made of a verb and a topic (领养老金, 交医保).
VERBS: dict[str, tuple[str, ...]] = {
    "pay": tuple("交 缴 买 参加 参保 投保 续保 缴费 交费 续交 补缴 补交 交钱 入保 参合 续费".split()),
    "draw": tuple("领 领取 申领 领钱 拿钱 发放 领到".split()),
    "move": tuple("转 转移 接续 迁 迁移 迁入 迁出 转入 转出 合并 转回 转到 迁到 落户 迁回".split()),
    "refund": tuple("报 报销 报账 垫付 垫钱 回来报".split()),
    "replace": tuple(
        "补办 换 换证 换领 挂失 丢 丢了 掉了 弄丢 搞丢 丢失 不见了 找不到了 过期 到期 补领 补一张 补个 "
        "补张 坏了".split()
    ),
    "cancel": tuple("注销 销户 销 销掉".split()),
    "certify": tuple("开证明 开具 开个证明 出证明 开一个证明".split()),
    "record": tuple("备案 报到 采集 建档 登记".split()),
    "check": tuple("查 查询 查查 查一下 查下 核对 看看 到账 到账没 发了没".split()),
}
# what one draws: an item about money paid out is a "draw" item (领高龄津贴, 奖扶咋领)
PAID_OUT = re.compile("补贴|补助|津贴|扶助|抚恤|补偿|奖励|生活费|养老金|救助金|[^基资税]金$")
_SINGLE = {v: a for a, verbs in VERBS.items() for v in verbs if len(v) == 1}
# ...of which these also head a verb + topic word (报户口 is a registration, not a refund)
_HEADS = frozenset("交缴买领拿转迁换销")
# 报 alone is a refund only at the end of its phrase (回来怎么报, 报不了), not 报个低保 / 报名
_REFUND_END = re.compile(r"(?:$|[ 不吗了没呢啊嘛么得销])")
# 领独生子女证, 领光荣牌: receiving a document, not money
_DOCUMENT = re.compile("[证卡牌本]$")
_MULTI = {v: a for a, verbs in VERBS.items() for v in verbs if len(v) > 1}
_MULTI_RE = re.compile("|".join(sorted(map(re.escape, _MULTI), key=len, reverse=True)))


def profile(titles: Iterable[str]) -> frozenset[str]:
    """An item's actions, from its name, aliases and keywords (normalized, compact)."""
    found: set[str] = set()
    for title in titles:
        found.update(_MULTI[m.group(0)] for m in _MULTI_RE.finditer(title))
        if len(title) >= 3 and title[0] in _HEADS:  # 领养老金, 交医保, 转社保
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
) -> frozenset[str]:
    """The actions of the message's verbs that are not marked as done or relative. `segmented`
    is the query cut into words; a single-character verb counts as a word of its own or at the
    head of a verb + topic word (交医保: `is_topic('医保')`); words for which `background`
    (query positions) is true are skipped (开证明 in 要村里开证明吗 is a material)."""
    found: set[str] = set()
    at = 0
    for word in segmented:
        start, at = at, at + len(word)
        if background(start, at):
            continue
        for m in _MULTI_RE.finditer(word):
            if verb_role(query, start + m.start(), start + m.end(), force=True) != DONE:
                found.add(_MULTI[m.group(0)])
        head = word[:1]
        if head in _SINGLE and (
            len(word) == 1 or (head in _HEADS and len(word) >= 3 and is_topic(word[1:]))
        ):
            if head == "报" and not _REFUND_END.match(query, at):
                continue
            if verb_role(query, start, at, force=True) != DONE:
                found.add(_SINGLE[head])
    return frozenset(found)
