"""Look-alike characters of handwriting input (形近字) repaired onto the catalog's words, and the
characters, words and windows that must be left as written. Probes written for these tests."""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher
from knowledge.shape import ShapeRepair, decompositions, look_alikes
from tests.knowledge.probes import assert_guided


def test_the_decomposition_data_is_read() -> None:
    table = decompositions()
    assert len(table) > 20000
    layout, parts = table["\u793e"]  # 社: left-right, 礻 + 土
    assert layout == "a" and parts[1] == "\u571f"


def test_look_alikes_share_a_component_in_the_same_place() -> None:
    meant = look_alikes("社残待")
    assert "社" in meant["杜"]  # 土 on the right
    assert "残" in meant["浅"]  # 戋 on the right
    assert "待" in meant["侍"]  # 寺 on the right
    # 低 and 底 share 氐 but not their layout (left-right, enclosure): no look-alikes here (they
    # sound alike: pinyin repair has them)
    assert "低" not in look_alikes("低").get("底", frozenset())


def _repair(
    vocab: set[str], common: frozenset[str] = frozenset(), frequent: str = ""
) -> ShapeRepair:
    return ShapeRepair.build(
        vocab, common.__contains__, frequent.__contains__, (common | vocab).__contains__
    )


def test_one_look_alike_character_is_repaired_onto_the_vocabulary_word() -> None:
    repair = _repair({"社保卡", "残疾证", "待遇"})
    assert repair.apply(["杜", "保", "卡", "丢", "了"]) == ("社保卡丢了", [("杜保卡", "社保卡")])
    assert repair.apply(["办", "浅", "疾", "证"])[0] == "办残疾证"
    assert repair.apply(["侍", "遇"])[0] == "待遇"


def test_what_must_stay_as_written() -> None:
    repair = _repair({"社保卡", "待遇", "贷款"}, common=frozenset({"货款"}), frequent="了不")
    assert repair.apply(["货款"])[0] == "货款"  # a word in its own right
    assert repair.apply(["社保卡"]) == ("社保卡", [])  # already right
    assert repair.apply(["杜", "保"])[0] == "杜保"  # not one character from a vocabulary word
    # a frequent character written is meant (不 for 卡 would turn 补贴不 into 补贴卡)
    assert _repair({"补贴卡"}, frequent="不").apply(["补贴", "不"])[0] == "补贴不"
    # nor beside one in a two-character window (整了 is no 歪了)
    assert _repair({"歪了"}, frequent="了").apply(["整", "了"])[0] == "整了"


def test_two_vocabulary_words_one_character_away_are_not_guessed_between() -> None:
    # 杜 may stand for 社 or for 吐 (both with 土 on the right): 杜保 -> 社保 or 吐保
    repair = _repair({"社保", "吐保"})
    assert repair.word_for("杜保") is None


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("杜保卡丢了咋补", "社会保障卡申领"),
        ("我想办个浅疾证", "残疾人证办理"),
        ("医保激费在哪交", "城乡居民基本医疗保险参保缴费"),
        ("养老侍遇怎么领", "城乡居民基本养老保险待遇领取"),
    ],
)
def test_handwriting_slips_reach_their_item(real: Matcher, text: str, item: str) -> None:
    assert_guided(real, text, item)


@pytest.mark.parametrize("text", ["货款什么时候到", "系统报错了怎么办", "讲不通道理"])
def test_ordinary_words_are_not_repaired(real: Matcher, text: str) -> None:
    assert not real.decide(text).explain.get("shape"), real.decide(text).explain
