"""Round 15 (questions_r.tsv fitted on for the first time, questions_q.tsv again): one's own debts,
requests with nothing named, the newborn as whom a need is for, the household a family is.

One's own debt that cannot be repaid (借的钱还不上, 欠的钱还不了) is the lender's or a court's
business, unless it is the center's student or business loan (助学贷款还不上). Where to do it, or
when the money comes, with nothing said of what (在哪办, 去哪里申请, 啥时候到账) names no item and
is not the center's place either; which day to choose for one's own affair (搬家选哪天好) is an
almanac's, and helpers hired for a funeral or a feast (请几个帮忙的) are the family's own. Someone
who speaks the villager's language (有没有懂彝语的工作人员) is a person wanted.

Whether it can be done now (医保现在能交了吗) asks the item's period, not how far a payment got;
what a household owns (我家的山, 俺家的地) is no request of one's own; a request sent on to a higher
office (申请到县里了没有) is progress. A newborn whose medical insurance or social security card is
asked for (孩子刚出生 医保怎么参) is whom it is for, not the birth registration; a household kind
told right after the home it is (家里低保户，想改浴室) is who the family is; the disability
certificate already had with the money now asked (残疾证办下来了 补贴怎么领) is the allowance. A
certificate left unnamed after service as a soldier (当过兵 能办个啥证) is the veteran's card; how
the insurance is used where one lives (在那边住院 医保咋用) is the registration for treatment
elsewhere, a record made with a measure word (备个案) is 备案, and the deadline of the medical
insurance (合作医疗啥时候截止) its payment. Vocabulary: 就业情况 for the employment registration.
Probes written for these tests, not taken from the labelled files.
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher
from tests.knowledge.probes import assert_guided, families


@pytest.mark.parametrize(
    "text",
    [
        # one's own debts
        "欠朋友的钱还不上 会被起诉吗",
        "信用社借的钱还不了 咋整",
        "以前借的钱还不上了 会不会被抓",
        # where or when, with nothing said of what
        "在哪里申请",
        "去哪办",
        "到哪儿领",
        "什么时候打钱",
        "多久能到账",
        # a day chosen for one's own affair, helpers hired for a family's occasion
        "盖房子选哪天好",
        "结婚挑个好日子",
        "家里办丧事 请几个帮工",
    ],
)
def test_debts_unnamed_requests_and_family_affairs_are_rejected(rules: Matcher, text: str) -> None:
    decision = rules.decide(text)
    assert decision.intent == "unknown", (text, decision.intent, decision.explain)


@pytest.mark.parametrize(
    ("text", "item"),
    [
        # the center's own loans, a named item's place or payment date
        ("助学贷款还不上怎么办", "生源地信用助学贷款申请"),
        ("创业贷款还不上能延期吗", "创业担保贷款申请"),
        ("低保在哪里申请", "最低生活保障申请"),
        ("补贴啥时候到账", "惠民惠农财政补贴资金查询"),
        # whether it can be done now; what the household owns
        ("医保现在可以交了吗", "城乡居民基本医疗保险参保缴费"),
        ("我家的林子划进公益林了 补偿啥时候发", "生态公益林补偿金发放"),
        ("俺家的地 耕地地力补贴什么时候发", "耕地地力保护补贴"),
        # the newborn is whom the insurance or the card is for; the birth itself stays the birth's
        ("娃刚生下来 合作医疗怎么交", "城乡居民基本医疗保险参保缴费"),
        ("新生儿能不能办社保卡", "社会保障卡申领"),
        ("刚出生的娃咋上户口", "出生登记"),
        # the household the family is; a household kind asked about stays its item
        ("家里特困户 孩子读书有补助吗", "家庭经济困难学生资助申请"),
        ("家里低保户 房子漏雨能申请修吗", "农村危房改造申请"),
        ("五保户怎么申请", "特困人员救助供养申请"),
        # the certificate had, the money asked; a device asked stays the device
        ("老伴残疾证拿到了 补贴去哪领", "残疾人两项补贴申请"),
        ("有残疾证了 想申请轮椅有补贴吗", "残疾人辅助器具申请"),
        # a certificate unnamed after service; a material's 证件 is no certificate wanted
        ("当过五年兵 能领个什么证", "退役军人优待证申领"),
        ("退伍军人信息采集要带啥证件", "退役军人信息采集"),
        # the insurance used where one lives, a record with a measure word, the deadline
        ("跟女儿在外省住 医保卡在那边咋用", "城乡居民医保异地就医备案"),
        ("去外地看病 医保要先备个案吗", "城乡居民医保异地就医备案"),
        ("今年新农合交到啥时候截止", "城乡居民基本医疗保险参保缴费"),
    ],
)
def test_items_asked_with_these_frames(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("有没有会说壮话的同志", "human"),
        ("有没有懂政策的工作人员", "human"),
        # a request sent on to a higher office; one's own request still waiting
        ("低保申请到县里了没有", "status"),
        ("残疾证的材料送到县里了吗", "status"),
        ("我上个月交的低保申请 到县里了没有", "status"),
        ("我家的低保啥时候批下来", "status"),
    ],
)
def test_intents(rules: Matcher, text: str, intent: str) -> None:
    decision = rules.decide(text)
    assert decision.intent == intent, (text, decision.intent, decision.explain)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("医保现在能交了吗", False),
        ("可以报了吗", False),
        ("我上个月材料交了吗", True),
        ("我家的山划进去了 钱啥时候发", False),
        ("我的补贴啥时候发", True),
    ],
)
def test_can_it_be_done_now_and_what_one_owns_are_no_progress(text: str, found: bool) -> None:
    assert ("status" in families(text)) is found, families(text)
