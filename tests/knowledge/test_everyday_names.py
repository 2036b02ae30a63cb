"""Everyday ways villagers name an item's subject (lexicon synonyms and item keywords): a couple
who "只生了一个" are 独生子女 parents, 补贴公示 is where subsidies are looked up,
救个急 asks for 临时救助, 无儿无女的老人 are 特困, an expired 老年证 is replaced, 户口没销 is the
deceased's, and 白血病 is a 大病 of 医疗救助."""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher


def offered(matcher: Matcher, text: str) -> list[str]:
    decision = matcher.decide(text)
    if decision.intent == "guide" and decision.item is not None:
        return [decision.item.name]
    assert decision.intent == "clarify", (text, decision.intent)
    return [c.name for c in decision.candidates]


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("我们只生了一个 现在满六十了 有啥钱领", "农村部分计划生育家庭奖励扶助"),
        ("就生了一个娃 老两口能领奖励不", "农村部分计划生育家庭奖励扶助"),
        ("退伍回来了 家门口光荣牌咋申请", "光荣牌悬挂申请"),
        ("村里的补贴公示在哪里能看到", "惠民惠农财政补贴资金查询"),
        ("家里遭了火灾 乡里能不能救个急", "临时救助申请"),
        ("村里没儿没女的老人 谁来管他吃住", "特困人员救助供养申请"),
        ("老年证过期了 去哪换", "老年人优待证办理"),
        ("老人走了两个月 户口没销 要去哪", "死亡注销户口"),
        ("娃得了白血病 家里实在拿不出钱 政府能救助吗", "医疗救助申请"),
    ],
)
def test_everyday_names_reach_the_item(real: Matcher, text: str, item: str) -> None:
    assert item in offered(real, text)
