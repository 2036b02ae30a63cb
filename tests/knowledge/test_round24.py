"""Round 24 (four new writers aq-at: central-plains voice messages, Jiangxi Gan/Hakka and
eastern Fujian, villagers with little schooling, Guanzhong Shaanxi and eastern Gansu): the
central plains' ok (可中) and a voice call's hello and goodbye (能听见不, 那俺挂了) are greetings;
a courier's tracking number and signing up for the army are other offices' business. Probes
written for these tests, not taken from the labelled files."""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher
from knowledge.normalize import basic


@pytest.mark.parametrize("text", ["可中 多谢", "喂喂 听得见吗", "能听到吗 喂", "中 那我先挂了"])
def test_ok_and_a_calls_hello_and_goodbye(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "greeting"


@pytest.mark.parametrize("text", ["低保挂了个名 咋还没钱", "能听见不 低保咋办"])
def test_not_when_something_is_asked(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent != "greeting"


@pytest.mark.parametrize(
    "text",
    ["SF1234567890 到哪了", "我那个快递 YT2345678901234 咋还没到", "jt0009876543210到哪一步了"],
)
def test_a_couriers_tracking_number_is_not_a_ticket(rules: Matcher, text: str) -> None:
    decision = rules.decide(text)
    assert decision.intent == "unknown", decision.explain


@pytest.mark.parametrize("text", ["孩子想去当兵 报名在哪", "参军 体检 要带啥", "征兵政审 找谁"])
def test_signing_up_for_the_army_is_anothers_business(rules: Matcher, text: str) -> None:
    assert rules.scorer.intents.find(basic(text)).get("elsewhere"), text
