"""Round 23 (six new writers ak-ap: Shandong, Minnan/Hakka, Dongbei, Xinjiang and Tibetan
townships, Hainan/Zhuang, young migrants typing for their parents): fuzzy pinyin (模糊音) for
three- and four-character words (龙机补贴, 光龙牌, 身份阵: n/l, r/l, zh/z, -ng/-n, f/h), and
two blend rules chosen by cross-validation across writers: an item named in the message
against the model's other item is a menu of both, and a direct answer whose runner-up the
model also weighs is a menu. Probes written for these tests, not taken from the labelled
files."""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher
from knowledge.normalize import PinyinRepair, basic
from knowledge.pinyin import fuzzy
from tests.knowledge.probes import assert_guided


def is_common(word: str) -> bool:
    return word in {"六十", "老娘", "免费"}


@pytest.mark.parametrize(
    ("syllable", "merged"),
    [
        ("zheng", "zen"),
        ("zhen", "zen"),
        ("long", "long"),
        ("nong", "long"),
        ("rong", "long"),
        ("fen", "hen"),
        ("xing", "xin"),
        ("shuang", "suan"),
        ("a", "a"),
    ],
)
def test_fuzzy_merges_the_sounds_input_methods_let_slip(syllable: str, merged: str) -> None:
    assert fuzzy(syllable) == merged


def test_three_syllables_sound_alike_under_fuzzy_pinyin() -> None:
    repair = PinyinRepair.build({"光荣牌", "身份证", "农机补贴", "新农合"}, is_common)
    assert repair.apply("光龙牌挂哪")[0] == "光荣牌挂哪"
    assert repair.apply("身份阵丢了")[0] == "身份证丢了"
    assert repair.apply("龙机补贴")[0] == "农机补贴"
    assert repair.apply("星龙合")[0] == "新农合"


def test_two_syllables_and_common_words_are_not_fuzzed() -> None:
    repair = PinyinRepair.build({"农机", "牛死了", "老年人"}, is_common)
    assert repair.apply("龙机")[0] == "龙机"  # two syllables match too much (临夏, 地荒)
    repair = PinyinRepair.build({"牛死了", "老年人"}, is_common)
    assert repair.apply("六十了", lambda t: ["六十", "了"])[0] == "六十了"
    assert repair.apply("老娘能来", lambda t: ["老娘", "能", "来"])[0] == "老娘能来"


def test_fuzzy_does_not_guess_between_two_words() -> None:
    repair = PinyinRepair.build({"新农合", "星龙河"}, is_common)  # both xin long he, fuzzed
    assert repair.apply("心龙合")[0] == "心龙合"


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("光龙牌去哪里领", "光荣牌悬挂申请"),
        ("龙机补贴今年啥时候报", "农机购置补贴"),
        ("身份阵过期了咋换", "居民身份证办理"),
        ("高林津贴咋个领", "高龄津贴申领"),
    ],
)
def test_fuzzy_typing_is_understood(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("您好[合十]", "您好 谢谢"),
        ("低保咋办[捂脸][捂脸]", "低保咋办"),
        ("好[强]", "好 好的"),
        ("[再见]", "再见"),
        ("[低保]要带啥", "低保 要带啥"),  # not a sticker: brackets only separate
    ],
)
def test_wechat_stickers_become_words_or_spaces(typed: str, read: str) -> None:
    assert basic(typed) == read


@pytest.mark.parametrize(
    "text",
    [
        "您好[合十]",
        "谢谢[抱拳]",
        "亚克西木斯孜 阿达西",
        "热合买提 热合买提",
        "突及其 扎西德勒",
        "阿达西你好",
        "歹势 麻烦了",
        "谢谢宝子",
        "好的 问清楚了",
    ],
)
def test_hellos_and_thanks_of_round_23(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "greeting"


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("阿达西 低保在哪办[合十]", "最低生活保障申请"),
        ("宝 医保咋交[捂脸]", "城乡居民基本医疗保险参保缴费"),
    ],
)
def test_a_question_with_a_sticker_or_a_friend_is_still_the_question(
    rules: Matcher, text: str, item: str
) -> None:
    assert_guided(rules, text, item)
