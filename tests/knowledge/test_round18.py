"""Round 18 (questions_s, t, u and v fitted on again): kin words are no item's piece, what the
medical insurance has risen to is its payment, and a household's savings or vehicle weighed for a
means-tested item is that item's condition.

A piece of a keyword made only of kin words (爷爷奶奶 of 爷爷奶奶带, 外公外婆 of 外公外婆带) names
who a message is about, not the item: 给爷爷奶奶交医保 no longer goes to the orphans' support on
that piece alone, while a message that tells the orphan's story (爷爷奶奶带着 爹妈都不在了) still
does. What the residents' medical insurance has risen to (新农合今年又涨到多少了, 医保涨价了没) is
its payment; a reimbursement's rate that rose (报销比例涨了) stays the reimbursement's. Savings, a
car or a flat weighed for 低保, 特困 or 五保 (吃低保要查存款不, 家里有存款还能评低保吗) are the
item's condition, not a question for the bank; the bank's own business with the money (低保金能存
定期存款吗, 存款利息是多少) stays out.

Asked whether another item must be done first (给娃上户口是不是一定要先办准生证), the item named
before is the need and the one after 先 its prerequisite; asked alone (要先办准生证吗) it stays the
need; the office first gone to may stand between (是不是要先去村委会开证明). A verb followed by a span of time and 了 (户口迁过来三年了, 交了有十几年了) is done, not wanted.
Whether one's own medical-insurance contribution went through (合作医疗今年交上了没 咋查) is its
payment, not the subsidies' lookup. The home county's insurance used directly where one lives now
(在兰州看病直接用老家的医保结算, 这边医院才能直接刷医保) is the registration for treatment away,
whatever the city; when the hospital refused it (医院说不能刷老家医保) the money is reimbursed.
The yearly review of a household granted 低保 (低保户年审要准备什么, 吃低保的每年都要复核吗) is
低保's, 年审 then no vehicle's. Money paid from an old age reached (满80以后从哪个月开始发, 过了九十
岁每个月有补贴吗) is the allowance of the very old; the pension or an old-age card named stays theirs.
The card told by the payouts on it, lost (打钱的那张卡掉了, 领补贴的卡找不到了) is the social
security card; a bank card named (发工资的银行卡丢了) stays the bank's.
Vocabulary: a building verb with a measure word before the house (盖栋房子, 起座房子) is building;
a wheelchair told by what it does (推的椅子, 带轮子的椅子) is one; joining two insurances (合在一起,
接起来, 连起来) is moving them; the schools of vocational training (读职高, 上技校, 读中职) are
schooling, and told in one clause they still name the aid asked in the next. A verb followed by the place it brought something to and 了 (户口迁
到这边了) is done.
Probes written for these tests, not taken from the labelled files.
"""

from __future__ import annotations

import pytest

from knowledge.context import DONE, verb_role
from knowledge.matcher import Matcher
from tests.knowledge.probes import assert_guided, reason

INSURANCE = "城乡居民基本医疗保险参保缴费"
ORPHAN = "孤儿和事实无人抚养儿童基本生活保障"
DIBAO = "最低生活保障申请"


@pytest.mark.parametrize(
    "text",
    [
        "帮爷爷奶奶交医保 手机上哪里交",
        "给外公外婆交今年的医保",
        "爷爷奶奶的医保在哪交",
    ],
)
def test_kin_words_are_no_items_piece(rules: Matcher, text: str) -> None:
    decision = rules.decide(text)
    assert decision.item is None or decision.item.name != ORPHAN, decision.explain
    assert INSURANCE in [c.name for c in decision.candidates], decision.explain


@pytest.mark.parametrize(
    "text",
    [
        "孩子爹妈都不在了 爷爷奶奶带着 有补助吗",
        "外公外婆带着孩子 孩子爸妈都坐牢了 有补助不",
    ],
)
def test_the_orphans_story_still_finds_its_item(rules: Matcher, text: str) -> None:
    assert_guided(rules, text, ORPHAN)


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("新农合明年又涨价了吗", INSURANCE),
        ("合作医疗今年涨到多少了", INSURANCE),
        ("医保又涨了 一个人要交多少", INSURANCE),
        # the reimbursement's rate stays the reimbursement's
        ("医保报销比例涨了没有", "医疗费用零星报销"),
    ],
)
def test_what_the_insurance_rose_to(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)


@pytest.mark.parametrize(
    "text",
    [
        "家里有三万块存款还能评低保吗",
        "评低保要看家里存款多少吗",
        "有辆小轿车能吃低保不",
    ],
)
def test_savings_or_a_car_weighed_for_a_means_tested_item(rules: Matcher, text: str) -> None:
    decision = rules.decide(text)
    assert decision.intent in ("guide", "clarify"), (text, decision.intent, decision.explain)
    names = [decision.item.name] if decision.item else [c.name for c in decision.candidates]
    assert DIBAO in names, decision.explain


@pytest.mark.parametrize(
    "text",
    [
        "存款利息是多少",
        "低保金能存定期存款吗",
        "定期存款提前取要什么",
    ],
)
def test_the_banks_business_with_money_stays_out(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "unknown", rules.decide(text).explain


@pytest.mark.parametrize(
    ("text", "mention", "why"),
    [
        ("给孩子报户口要不要先办准生证", "准生证", "prerequisite"),
        ("领老兵优待证是不是得先做信息采集", "信息采集", "prerequisite"),
        ("办残疾补贴是不是要先到村里开证明", "证明", "prerequisite"),
        # asked alone, or after it, it stays the need
        ("要先办准生证吗", "准生证", None),
        ("准生证要先办什么", "准生证", None),
    ],
)
def test_a_step_asked_before_another(text: str, mention: str, why: str | None) -> None:
    assert reason(text, mention) == why


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("宝宝报户口是不是必须先办准生证", "出生登记"),
        ("准生证怎么办 要带啥", "生育登记"),
        ("申请低保是不是要先去村委会开证明", DIBAO),
    ],
)
def test_the_need_before_its_prerequisite(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)


@pytest.mark.parametrize(
    ("text", "verb", "done"),
    [
        ("户口迁过来两年了", "迁过来", True),
        ("养老保险交了有十几年了", "交", True),
        ("在这边住5年多了", "住", True),
        ("户口迁到这边了", "迁到", True),
        # a span still to come, or no 了, is no done verb
        ("户口能迁过来吗", "迁过来", False),
        ("要交十五年吗", "交", False),
    ],
)
def test_a_verb_with_a_span_of_time_since_is_done(text: str, verb: str, done: bool) -> None:
    start = text.index(verb)
    role = verb_role(text, start, start + len(verb), force=True)
    assert (role == DONE) is done, role


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("合作医疗今年交上了没有 在哪查", INSURANCE),
        ("俺家新农合交进去了吗 咋查", INSURANCE),
        # the reimbursement's money stays the reimbursement's
        ("医保报销的钱到账了没", "医疗费用零星报销"),
    ],
)
def test_whether_the_contribution_went_through(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)


@pytest.mark.parametrize(
    "text",
    [
        "我在昆明带孙子 看病能直接用老家的医保结算吗",
        "老家的医保在这边医院能不能直接刷",
        "跟闺女在城里住 那边医院直接刷医保要办啥",
    ],
)
def test_the_home_insurance_used_where_one_lives(rules: Matcher, text: str) -> None:
    decision = rules.decide(text)
    assert decision.intent in ("guide", "clarify"), (text, decision.intent, decision.explain)
    names = [decision.item.name] if decision.item else [c.name for c in decision.candidates]
    assert names[0] == "城乡居民医保异地就医备案", decision.explain


def test_refused_at_the_hospital_is_reimbursed(rules: Matcher) -> None:
    decision = rules.decide("在外地住院医院说不能刷老家医保 自己垫的钱回来咋报")
    assert decision.item is not None and decision.item.name == "医疗费用零星报销", decision.explain


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("吃低保的每年都要复核吗", DIBAO),
        ("低保户每年年审带什么", DIBAO),
        ("家里老人满八十了 从哪个月开始发钱", "高龄津贴申领"),
        ("我奶奶过了九十岁 每个月有补贴吗", "高龄津贴申领"),
        ("满80岁能办老年证吗", "老年人优待证办理"),
        ("领补贴的那张卡找不到了 要去哪补", "社会保障卡申领"),
        ("发养老金的卡丢了咋办", "社会保障卡申领"),
    ],
)
def test_review_old_age_and_the_payout_card(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)


@pytest.mark.parametrize("text", ["车辆年审在哪办", "发工资的银行卡丢了", "信用卡丢了怎么挂失"])
def test_vehicles_and_bank_cards_stay_out(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "unknown", rules.decide(text).explain


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("想在自家地上盖栋房子 要批吗", "农村宅基地和建房审批"),
        ("老人走不了路 想要个带轮子的椅子 残联给不给", "残疾人辅助器具申请"),
        ("城乡养老和职工养老能合在一起算吗", "养老保险关系转移接续"),
        ("孩子在县城读职高 家在本村 生活补助去哪申请", "家庭经济困难学生资助申请"),
        ("娃在外地上技校 学费减免在哪办", "家庭经济困难学生资助申请"),
    ],
)
def test_vocabulary_of_round18(rules: Matcher, text: str, item: str) -> None:
    assert_guided(rules, text, item)
