"""Word alternations written as a trie (knowledge/retrie.py) match exactly as the longest-first
alternation they replace: alone, inside a bigger pattern that backtracks into them, with the
empty word, with regex metacharacters in the words, and over the real cue patterns."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge import cues, texts
from knowledge.retrie import trie_alternation


def longest_first(words: list[str]) -> str:
    return "(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"


def matches(pattern: str, text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in re.finditer(pattern, text)]


# a small alphabet, so that words share prefixes and messages hold many of them
letters = st.sampled_from("低保医养老金a.|*(")
words = st.lists(st.text(letters, min_size=0, max_size=4), min_size=1, max_size=12)
messages = st.text(st.sampled_from("低保医养老金a.|*( "), max_size=30)


@settings(max_examples=400, deadline=None)
@given(words, messages, st.booleans())
def test_alone_it_finds_what_the_longest_first_alternation_finds(ws, text, guard):
    assert matches(trie_alternation(ws, guard=guard), text) == matches(longest_first(ws), text)


@settings(max_examples=400, deadline=None)
@given(words, words, messages, st.booleans())
def test_inside_a_pattern_it_backtracks_in_the_same_order(first, second, text, guard):
    # the second group's fate decides which of the first's words is kept: the order of retries
    # must be the same, and the capture groups show it
    ours = f"({trie_alternation(first, guard=guard)})(?:[^ ]{{0,2}})({trie_alternation(second, guard=guard)})金"
    theirs = f"({longest_first(first)})(?:[^ ]{{0,2}})({longest_first(second)})金"
    assert matches(ours, text) == matches(theirs, text)


def test_shared_prefixes_are_factored_and_the_longer_word_comes_first():
    assert trie_alternation(["养老", "养老保险", "养老金", "医保"]) == "(?:养老(?:保险|金|)|医保)"
    assert re.fullmatch(trie_alternation(["养老", "养老保险"]), "养老保险")


def test_a_guard_lists_the_first_characters_and_is_left_out_where_it_cannot_help():
    many = ["低保", "医保", "养老", "五保", "残疾"]
    assert trie_alternation(many, guard=True).startswith("(?=[五低养医残])")
    assert not trie_alternation(["低保", "医保"], guard=True).startswith("(?=")  # few heads
    assert not trie_alternation([*many, ""], guard=True).startswith("(?=")  # empty word


def test_every_cue_pattern_finds_what_its_longest_first_version_finds():
    """The real cue families compiled both ways, over the cue words themselves run together."""
    sample = " ".join(texts.CUE_WORDS.values())[:20000] + " 我想投诉 找你们领导 低保批了没有"
    for name, templates in texts.CUE_PATTERNS.items():
        ours = cues.pattern(name)
        old = re.compile("|".join(_old_expand(t) for t in templates))
        assert matches(ours.pattern, sample) == matches(old.pattern, sample), name


def _old_expand(template: str) -> str:
    def part(match: re.Match[str]) -> str:
        named, body = match.group(1), match.group(2)
        if named:
            return _old_alternation(cues.words(body))
        if body.startswith("~"):
            return "[^ ]{0," + body[1:] + "}"
        return _old_alternation(body)

    return re.sub("«(@?)([^«»]*)»", part, template)


def _old_alternation(words: str) -> str:
    return longest_first(["" if w == "_" else w for w in words.split()])
