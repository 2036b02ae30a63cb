"""Alternations of plain words written as a trie, for Python's regex engine.

The cue patterns and word lists are alternations of hundreds of words tried longest first. At
each position of a message sre tries every word in turn, so the big ones (other offices' topics,
complaints, asking for a person) spent tens of microseconds on a long message each. Written as
a trie (养老保险|养老金 -> 养老(?:保险|金)) each character is tested once per branch, and the
match is the same: two different words can only both match at one position if one is a prefix
of the other, and the trie tries the longer one first, as the longest-first alternation does,
also when an enclosing pattern backtracks into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_END = ""  # a key no character can be: the word ends here
GUARD_FROM = 4  # first characters: with fewer, testing each is as quick as the lookahead


def trie_alternation(words: Iterable[str], *, guard: bool = False) -> str:
    """A group matching any of `words` (the empty word allowed) exactly as their alternation
    sorted longest first would. `guard`: for a group inside a bigger pattern, first a lookahead
    for the characters a word can start with, one table lookup where sre would otherwise test
    the first character of every branch in turn at each position of the message."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = True
    # the first level stays plain characters: alone, the pattern then tells sre every character
    # a match can start with, and it skips the rest of the message without trying it there
    body = "(?:" + _branches(root, classes=False) + ")"
    starts = sorted(c for c in root if c != _END)
    if not guard or _END in root or len(starts) < GUARD_FROM:
        return body
    return "(?=[" + "".join(re.escape(c) for c in starts) + "])" + body


def _branches(node: dict[str, Any], *, classes: bool = True) -> str:
    # words ending one character on: a class (different characters never both match, so their
    # order does not matter); one such word alone is a plain branch
    leaves = {c for c, child in node.items() if c != _END and list(child) == [_END]}
    if not classes or len(leaves) < 2:
        leaves = set()
    parts = ["[" + "".join(re.escape(c) for c in sorted(leaves)) + "]"] if leaves else []
    parts += [re.escape(c) + _group(node[c]) for c in sorted(node) if c != _END and c not in leaves]
    if _END in node:
        parts.append("")  # the shorter word last: longest first
    return "|".join(parts)


def _group(node: dict[str, Any]) -> str:
    if list(node) == [_END]:
        return ""
    inner = _branches(node)
    return inner if _single(node) else "(?:" + inner + ")"


def _single(node: dict[str, Any]) -> bool:
    """One branch and no end here: the branch needs no group of its own."""
    return _END not in node and len(node) == 1
