"""Round 22 (the five new writers aa-ae taught, their misses grouped by cause): northern-plain
and north-western words of time and place (晌午, 后晌, 清起来, 阿达 where), Cantonese parking
(泊车), that one (嗰个), here (喺度), eating (食咗饭未), Wu here, time and not (搿搭, 辰光, 勿, 弗)
and the Hui greeting 色俩目 are read as their Mandarin words, and a message of lone characters
typed apart (投 诉, 谢 谢) as one word, so the center's hours, its car park and a hello are recognised in them; a
rest at noon (歇) and knocking off (收工) are asked of the center like 午休 and 下班; 培训俺 is
training, not being scolded (训俺); and a ticket number is found grouped like a phone number,
read out by voice input, or without its BM. Probes written for these tests, not taken from the
labelled files."""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher
from knowledge.normalize import basic
from tests.knowledge.probes import assert_guided


@pytest.mark.parametrize(
    ("typed", "mandarin"),
    [
        ("晌午有人不", "中午有人不"),
        ("后晌几点关门", "下午几点关门"),
        ("下昼开唔开", "下午开不开"),
        ("恁们在阿达", "你们在哪里"),
        ("车泊喺边度", "车泊在哪里"),
        ("嗰个窗口", "那个窗口"),
        ("侬搿搭几点开门", "你这里几点开门"),
        ("上班辰光改了伐", "上班时间改了吗"),
        ("勿晓得", "不晓得"),
        ("投 诉", "投诉"),
        ("谢 谢", "谢谢"),
    ],
)
def test_dialect_words_read_as_mandarin(typed: str, mandarin: str) -> None:
    assert basic(typed) == mandarin


@pytest.mark.parametrize(
    "text",
    [
        "恁们晌午歇不歇",
        "后晌几点下班",
        "下昼几点收工",
        "清起来几点开门",
        "你们那里泊车方便吗",
        "你们在阿达",
        "侬搿搭礼拜六上班伐",
        "冬天上班辰光是几点",
    ],
)
def test_the_centers_hours_and_place_in_dialect(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "center_info"


@pytest.mark.parametrize("text", ["色俩目", "食咗饭未", "多谢晒 拜拜", "谢 谢 你"])
def test_hellos_and_thanks(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "greeting"


@pytest.mark.parametrize(
    "text", ["家政培训俺五十了还能报名不", "有没有电工培训我想学", "镇上的技能培训我这个年纪能报不"]
)
def test_training_is_no_scolding(rules: Matcher, text: str) -> None:
    assert_guided(rules, text, "职业技能培训报名")


@pytest.mark.parametrize("text", ["窗口那个人训我一顿", "他们凶我", "干部骂俺"])
def test_scolding_stays_a_complaint(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "complaint"


@pytest.mark.parametrize(
    "text", ["BM 2026 1203 0042", "BM二零二六一二零三杠零零四二", "20261203-0042 到哪了"]
)
def test_ticket_numbers_as_villagers_send_them(rules: Matcher, text: str) -> None:
    decision = rules.decide(text)
    assert decision.intent == "status", decision.explain
