"""Round-2 vocabulary checks: which pieces of titles identify an item (vocab.partial_pieces), the
sibling tie of the decision (decision.is_tie) and the vocabulary lints (knowledge/lint.py)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from knowledge.catalog import load_catalog
from knowledge.decision import is_tie
from knowledge.lint import lint_catalog, vocabulary_warnings
from knowledge.vocab import ItemText, partial_pieces
from tests.knowledge.fixture_catalog import ITEMS, LEXICON, item

DICTIONARY = {"护理": 501, "补贴": 586, "每个": 6618, "好多": 704, "过期": 186, "重度": 90}


def _text(name: str, aliases: tuple[str, ...] = (), keywords: tuple[str, ...] = ()) -> ItemText:
    return ItemText(name, aliases, keywords, (), ())


def test_partial_pieces_of_long_colloquial_titles_are_whole_telling_words() -> None:
    items = [
        _text(
            "残疾人两项补贴申请",
            aliases=("重度残疾人护理补贴", "护补"),
            keywords=("每个月给好多钱", "证件过期了"),
        )
    ]
    telling = {"护理", "补贴", "重度", "过期", "好多"}
    pieces = partial_pieces(items, DICTIONARY.__contains__, telling.__contains__)
    assert "护理补贴" in pieces  # 护理 + 补贴 inside a long alias
    assert "两项补" in pieces  # any piece of the name
    for colloquial in ("每个月", "好多钱", "过期了", "给好多"):
        assert colloquial not in pieces


def test_siblings_close_in_score_are_a_tie() -> None:
    ranked = [(0, 10.0), (1, 8.5)]
    siblings = {"sibling": 0.6, "action": 0.0, "content": 5.0, "coverage": 0.5}
    assert is_tie(ranked, siblings)
    assert not is_tie(ranked, {**siblings, "sibling": 0.1})  # strangers: the score decides
    assert not is_tie(ranked, {**siblings, "action": 1.0})  # the wanted action is the best's
    assert not is_tie([(0, 10.0), (1, 7.0)], siblings)  # a clear margin


def test_lint_finds_synonyms_that_rewrite_or_never_fire(make_catalog: Callable[..., Path]) -> None:
    lexicon = copy.deepcopy(LEXICON)
    lexicon["synonyms"].update({"戶口": "户籍", "上户": "出生登记", "请问低保": "低保"})
    items = [
        *ITEMS,
        item("chusheng", "出生登记", ["出生上户", "新生儿落户"], "huji"),
    ]
    root = make_catalog(items=items, lexicon=lexicon)
    messages = [p.message for p in lint_catalog(root)]
    assert any("'戶口' is normalised to '户口'" in m for m in messages)
    assert any("holds the filler '请问'" in m for m in messages)
    assert any("'出生上户'" in m and "出生出生登记" in m for m in messages)


def test_lint_finds_homophones_of_written_words(make_catalog: Callable[..., Path]) -> None:
    root = make_catalog()
    catalog = load_catalog(root)
    alias = catalog.items[0].aliases[0]
    homophone = "".join(chr(ord(ch) + 1) for ch in alias)  # same reading under a fake table
    reading = {ch: f"r{ord(ch)}" for ch in alias} | {
        chr(ord(ch) + 1): f"r{ord(ch)}" for ch in alias
    }
    warnings = vocabulary_warnings(
        catalog, str(root / "lexicon.yaml"), {homophone: 60}, lambda ch: reading.get(ch, "")
    )
    assert any(f"like the word {homophone!r}" in p.message for p in warnings)
    quiet = vocabulary_warnings(
        catalog, str(root / "lexicon.yaml"), {homophone: 5000}, lambda ch: reading.get(ch, "")
    )
    assert not any("like the word" in p.message for p in quiet)  # a common word is spared
