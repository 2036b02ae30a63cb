"""Context versus need (knowledge/context.py, actions.py), the rewrites of death and birth, and
the guards of synonyms and pinyin repair, on phrasings written for these tests."""

from __future__ import annotations

import pytest

from knowledge.actions import profile, split_alias, wanted
from knowledge.context import is_context, request_clauses, verb_role
from knowledge.cues import BIRTH_RE, DEATH_RE
from knowledge.matcher import Matcher
from knowledge.normalize import Replacer, shielded


def reason(text: str, phrase: str) -> str | None:
    start = text.index(phrase)
    return is_context(text, start, start + len(phrase), lambda p: p in ("身份证", "残疾证"))


@pytest.mark.parametrize(
    ("text", "phrase", "why"),
    [
        ("我们家是低保户 孩子读书有补助吗", "低保户", "state"),
        ("已经有残疾证了 还能申请轮椅吗", "残疾证", "state"),
        ("残疾证办下来了 每月补贴怎么领", "残疾证", "done"),
        ("低保户的孩子上学有啥补助", "低保户", "modifier"),
        ("办社保卡要带身份证吗", "身份证", "material"),
        ("以前在厂里交的养老保险能转吗", "养老保险", "past"),
        ("不想打官司 想找人评理", "打官司", "refused"),
        ("除了医保报销还有别的救助吗", "医保报销", "state"),
        ("特困户住院自己掏的钱能补吗", "特困户", "household"),
    ],
)
def test_context_mentions(text: str, phrase: str, why: str) -> None:
    assert reason(text, phrase) == why


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("低保要带什么", "低保"),
        ("低保的条件是什么", "低保"),
        ("当过兵的能领什么证", "当过兵"),
        ("是该办低保还是特困", "低保"),
        ("有没有助学金", "助学金"),
        ("五保户怎么申请", "五保户"),
        ("从来没交过养老保险 现在交来得及吗", "养老保险"),
        ("身份证要带什么", "身份证"),
    ],
)
def test_needs_are_not_context(text: str, phrase: str) -> None:
    assert reason(text, phrase) is None


def test_request_clauses_only_when_some_clause_only_tells() -> None:
    text = "家里困难吃低保 有没有上门照顾老人的补贴"
    assert request_clauses(text) == [(8, len(text))]
    assert request_clauses("低保怎么申请") is None  # one clause: nothing to weigh
    assert request_clauses("低保怎么申请 要带什么") is None  # every clause asks


def test_verb_roles() -> None:
    text = "交了十五年 才能领"
    assert verb_role(text, 0, 1) == "done"
    assert verb_role(text, 8, 9) == "need"
    assert verb_role("不想回来再跑报销", 6, 8) == "refused"


def test_actions_of_items_and_messages() -> None:
    assert profile(["城乡居民基本养老保险待遇领取", "领养老金"]) == {"draw"}
    assert profile(["领光荣牌"]) == frozenset()  # receiving a plaque is no money drawn
    assert "move" in profile(["养老保险关系转移接续"])
    assert split_alias("领养老金") == [("养老金", "draw")]
    cut = ["外省", "交", "的", "养老保险", "能", "转", "到", "我们", "这边"]
    want, refused = wanted("".join(cut), cut, lambda w: w == "养老保险")
    assert want == {"move"} and not refused
    cut = ["在", "外地", "住院", "没", "备案", " ", "回来", "怎么", "报"]
    want, refused = wanted("".join(cut), cut, lambda w: False)
    assert want == {"refund"} and refused == {"record"}


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("我爹去年冬天走了", True),
        ("老伴前年出车祸没了", True),
        ("孩子的身份证没了", False),
        ("我爹老了干不动", False),
    ],
)
def test_a_relative_gone(text: str, dead: bool) -> None:
    assert bool(DEATH_RE.search(text)) == dead


@pytest.mark.parametrize(
    ("text", "born"),
    [("媳妇刚生了个闺女", True), ("娃娃生下来半个月", True), ("学生的医保", False)],
)
def test_a_child_born(text: str, born: bool) -> None:
    assert bool(BIRTH_RE.search(text)) == born


def test_a_synonym_does_not_fire_inside_a_catalog_word() -> None:
    synonyms = Replacer(shielded({"粮补": "耕地补贴", "残废": "残疾"}, ["种粮补贴", "残废证"]))
    assert synonyms.apply("实际种粮补贴怎么领")[0] == "实际种粮补贴怎么领"
    assert synonyms.apply("残废证")[0] == "残疾证"  # at the start of the word: still replaced
    assert synonyms.apply("粮补多少")[0] == "耕地补贴多少"


# --- on the repository catalog -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我家是低保户，孩子读高中有没有助学金", "家庭经济困难学生资助申请"),
        ("我已经有残疾证了，每个月的护理补贴在哪领", "残疾人两项补贴申请"),
        ("在外省交了几年养老保险，想转回老家", "养老保险关系转移接续"),
        ("交了十几年养老保险，满六十了养老金怎么领", "城乡居民基本养老保险待遇领取"),
        ("我爸上个月走了，他的户口要怎么处理", "死亡注销户口"),
        ("身份证掉了咋补", "居民身份证办理"),
    ],
)
def test_the_need_wins_over_the_context(real: Matcher, text: str, expected: str) -> None:
    top = real.analyze(text).ranked[0][0]
    assert real.catalog.items[top].name == expected


@pytest.mark.parametrize("text", ["我也想问问", "按病报销行不行", "也想去看看"])
def test_pinyin_repair_leaves_common_words_alone(real: Matcher, text: str) -> None:
    repairs = real.analyze(text).explain["pinyin"]
    assert not repairs, repairs


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("残急人证", "残疾人证"),
        ("户口签移", "户口迁移"),
        ("高领津贴", "高龄津贴"),
        ("宅机地", "宅基地"),
    ],
)
def test_pinyin_repair_fixes_typo_families(real: Matcher, typo: str, meant: str) -> None:
    assert (typo, meant) in real.analyze(typo + "怎么办").explain["pinyin"]
