"""Round 12 (questions_m.tsv and questions_n.tsv fitted on from this round, after their blind
scores at rounds 10 and 11): southern and northern speech.

Cantonese/Hakka words of amount, time, kin, work and death are read as Mandarin (几钱 -> 多少钱,
几耐 -> 多久, 依家 -> 现在, 过身 -> 去世, 老豆 -> 爸爸, 返工 -> 上班, 出世 -> 出生, 倾偈 -> 聊天,
走佬 / 发人工 -> 跑了 / 发工资, 落嚟 -> 下来, 办到边 -> 办到哪, 马骝 -> 猴子, 食咩 -> 吃什么, 琴日 -> 昨天,
点算 -> 怎么办, 唔识 -> 不会, Minnan 囝仔 -> 孩子), and
点 before a verb is 怎么 (点迁, 点交) unless a number, 几, 有 or the like stands before it (几点交,
三点上班, 有点补). Latin abbreviations of services typed in chats are the words they stand for
(yb 医保, db 低保, hk 户口, bb 宝宝), and a spelled run touching Chinese characters is joined to them
as if typed in characters (bb上hk -> 宝宝上户口). Homophones a pinyin input method offers first (地表
for dibao, 以保) are the service; wages not paid is arrears (没发工资 -> 欠工资). Hong Kong and Macau
papers and cards, train tickets, fishing licences and boats are other offices' business; what to eat
for an illness is health advice. Greetings: 得劲, 老铁, 下次再问; a day named by its month and
number (腊月二十九) is a center_info question's filler; a complaint that the assistant answers beside
the point is a request for a person; parents of two daughters (纯女户) at 60 are the family-planning
reward, not the pension paid out; 俺/咱 as well as 我 name one's own earlier submission.
Probes written for these tests, not taken from the labelled files.
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher
from knowledge.normalize import basic
from tests.knowledge.probes import assert_guided


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("張卡幾耐先攞到", "张卡多久先拿到"),
        ("依家幾多錢", "现在多少钱"),
        ("老豆上個月過咗身", "爸爸上个月去世了"),
        ("户口點遷去縣城", "户口怎么迁去县城"),
        ("社保卡点补", "社保卡怎么补"),
        ("几点交都得", "几点交都得"),  # 几点 is a time
        ("下午三点上班", "下午三点上班"),
        ("有点补不上", "有点补不上"),
        ("两公婆返工去咗", "夫妻上班去了"),
        ("琴日交咗表 搞掂未", "昨天交了表 搞定未"),
        ("阿婆唔识打字 点算", "阿婆不会打字 怎么办"),
        ("囝仔欲读冊", "孩子要读册"),
    ],
)
def test_cantonese_words_read_as_mandarin(text: str, normalized: str) -> None:
    assert basic(text) == normalized


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("yb一年交几钱", "城乡居民基本医疗保险参保缴费"),
        ("bb啱啱出世 点上hk", "出生登记"),
        ("hk想迁返乡下 要咩资料", "户口迁移"),
        ("db点申请", "最低生活保障申请"),
        ("俺娘想吃个地表 找谁", "最低生活保障申请"),
        ("以保今年在哪交", "城乡居民基本医疗保险参保缴费"),
        ("旧房子想拆了盖两层 要批吗", "农村宅基地和建房审批"),
        ("包工头没发工资 俺想告他", "法律援助申请"),
        ("啲马骝成日落嚟偷粟米 有冇赔", "野生动物致害补偿申请"),
        ("我哋系纯女户 阿爸满60岁有咩可以领", "农村部分计划生育家庭奖励扶助"),
    ],
)
def test_items_said_in_southern_and_northern_speech(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)


@pytest.mark.parametrize(
    "text",
    [
        "回乡证过期咗点续",
        "台胞证过期咗点续",
        "八达通点增值",
        "12306订票付唔到钱",
        "捕捞证几时年审",
        "糖尿病食咩好",
    ],
)
def test_other_offices_and_advice_are_rejected(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "unknown", (text, rules.decide(text).explain)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("得劲 多谢你们", "greeting"),
        ("谢了老铁", "greeting"),
        ("掰掰 改天再问", "greeting"),
        ("正月初八开门没", "center_info"),
        ("星期日有冇人返工", "center_info"),
        ("这个机器人答非所问 帮我转人工", "human"),
        ("我唔想同机器倾偈", "human"),
        ("低保 俺上回交的表你们收到没", "status"),
        ("申请咗个几月 审到边一步", "status"),
    ],
)
def test_intents(rules: Matcher, text: str, intent: str) -> None:
    decision = rules.decide(text)
    assert decision.intent == intent, (text, decision.intent, decision.explain)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("早点办", "早点办"),
        ("在什么地点办", "在什么地点办"),
        ("佢嘅身份证点办", "他的身份证怎么办"),
    ],
)
def test_dian_as_how_leaves_mandarin_words_alone(text: str, expected: str) -> None:
    """点 + 办 is 怎么办 only where 点 is not the end of a Mandarin word (早点, 地点)."""
    assert basic(text) == expected
