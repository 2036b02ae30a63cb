"""Other offices' business and its look-alikes (issue #3): more classes (commercial
insurance, an employer's insurance, banks' own business, tax and the sale of property, the
village's self-government, the army's own pay, builders, notaries), frames about them, trees
named before the verb that fells them, a directional 过去 that is no "done", and everyday names
of disabilities. Probes written for these tests, not taken from the labelled files."""

from __future__ import annotations

import pytest

from knowledge.context import DONE, verb_role
from knowledge.matcher import Matcher
from tests.knowledge.probes import families

# another office's or business's question sharing words with items: unknown
NEAR_MISSES = (
    "保险公司卖的少儿医疗险能报多少",
    "百万医疗险理赔要带病历吗",
    "厂里一直没给交社保 我能告他吗",
    "单位交的生育保险咋报销",
    "企业职工医保转到别的城市怎么转",
    "去农商行开户要带啥",
    "房子过户给闺女要交多少税",
    "不动产证上名字写错了怎么改",
    "村委会换届选举什么时候投票",
    "村里修水渠每户要出多少钱",
    "拖拉机上牌要带啥",
    "养竹鼠要办什么驯养许可",
    "林权证丢了去哪补办",
    "退伍费啥时候打到卡上",
    "军嫂随军要什么条件",
    "建房请施工队一平方多少钱",
    "想在镇上租个门面开小卖部",
    "遗嘱公证去哪里办",
    "婚前财产公证要带什么",
)
# in-scope questions that now also carry such a word: the right item directly or in the menu
LOOK_ALIKES = (
    ("养老保险关系转移接续", "以前在厂里交过几年养老保险 现在想转回老家接着交"),
    ("出生登记", "出生证明丢了 孩子户口还能上吗"),
    ("法律援助申请", "包工头欠了工钱不给 想找法律援助"),
    ("林木采伐许可", "自家门口那棵老树想砍了 要办啥证"),
    ("林木采伐许可", "想把山上的杉树伐了卖 去哪申请"),
    ("残疾人证办理", "孩子耳朵听不见 要办个啥证"),
    ("农村危房改造申请", "老屋子墙都裂了 要倒了 没钱修"),
    ("人民调解申请", "离婚前财产分不清 想找人调解"),
)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_is_rejected(rules: Matcher, text: str) -> None:
    decision = rules.decide(text)
    assert decision.intent == "unknown", (text, decision.intent, decision.explain["why"])


@pytest.mark.parametrize(("label", "text"), LOOK_ALIKES)
def test_look_alike_keeps_its_item(rules: Matcher, label: str, text: str) -> None:
    decision = rules.decide(text)
    offered = [c.name for c in decision.candidates]
    right = decision.item is not None and decision.item.name == label
    assert right or (decision.intent == "clarify" and label in offered), (
        text,
        decision.intent,
        decision.item.name if decision.item else None,
        offered,
    )


@pytest.mark.parametrize(
    "text",
    [
        "中国平安的保险员天天打电话",
        "公司没给我交社保",
        "退休职工的医保卡一个月打多少钱",
        "信用社的贷款到期了还能续贷不",
        "每家出两百块修祠堂",
    ],
)
def test_other_offices_business_is_a_hint(text: str) -> None:
    assert "elsewhere" in families(text)


@pytest.mark.parametrize(
    "text", ["以前厂里交的养老保险想转回来", "出生证明丢了还能上户口吗", "包工头欠我工钱"]
)
def test_no_hint_on_in_scope_background(text: str) -> None:
    assert "elsewhere" not in families(text)


def test_trees_before_the_felling_verb(rules: Matcher) -> None:
    # 砍树 is added, then read as 林木采伐 (lexicon synonym)
    assert "林木采伐" in rules.analyze("门口那棵树想砍了卖").query
    assert "林木采伐" in rules.analyze("把山上的桉树伐了").query
    assert "林木采伐" not in rules.analyze("树被风吹倒了").query
    assert "林木采伐" not in rules.analyze("果树砍价").query  # a fruit tree's price is no felling


def test_a_direction_after_a_verb_is_not_done() -> None:
    query = "户口要转过去"
    at = query.index("转")
    assert verb_role(query, at, at + 1, force=True) != DONE
    done = "户口转过了"
    assert verb_role(done, 2, 3, force=True) == DONE


@pytest.mark.parametrize(
    "text",
    [
        "车险出了事 保险公司一直拖着不赔 能投诉吗",
        "公司不给交社保 去哪投诉",
        "骑电动车没上牌 被交警扣了",
    ],
)
def test_a_bare_complaint_about_another_office_is_theirs(rules: Matcher, text: str) -> None:
    assert "complaint_bare" in families(text)
    assert rules.decide(text).intent == "unknown"


@pytest.mark.parametrize(
    "text", ["村里选举拉票送钱 我要举报", "窗口的人态度太差 我要投诉", "低保评得不公平 我要投诉"]
)
def test_a_complaint_naming_wrongdoing_stays_a_complaint(rules: Matcher, text: str) -> None:
    assert rules.decide(text).intent == "complaint"


def test_a_person_is_not_asked_for_another_offices_business(rules: Matcher) -> None:
    assert rules.decide("高考志愿不会填 有没有人能帮忙指导").intent == "unknown"
    assert rules.decide("麻烦让工作人员给我回个电话").intent == "human"


def test_many_out_of_scope_cues_bar_the_menu() -> None:
    from knowledge.decision import menu_barred

    many = {"elsewhere": ["保险公司", "寿险"]}
    one = {"elsewhere": ["保险公司"]}
    assert menu_barred(many, {"shared": 1.0})
    assert not menu_barred(one, {"shared": 1.0})
    assert not menu_barred(many, {"shared": 1.0, "named": 1.0})  # an item named: its menu


@pytest.mark.parametrize("text", ["理疗仪说能治高血压 靠谱吗", "短信说我中了大奖 是不是骗子"])
def test_whether_an_offer_can_be_trusted_is_advice(text: str) -> None:
    assert "advice" in families(text)


def test_where_to_buy_insurance_is_no_shopping_advice(rules: Matcher) -> None:
    assert "advice" not in families("农险在哪买")
    assert "advice" in families("化肥在哪买")
    decision = rules.decide("农险在哪买")
    assert decision.item is not None and decision.item.name == "农业保险投保理赔"


@pytest.mark.parametrize(("text", "label"), [("学挖掘机 政府有补贴吗", "职业技能培训报名")])
def test_training_named_by_what_is_learnt(rules: Matcher, text: str, label: str) -> None:
    decision = rules.decide(text)
    names = [c.name for c in decision.candidates]
    assert (decision.item is not None and decision.item.name == label) or label in names


def test_an_only_child_said_otherwise(rules: Matcher) -> None:
    assert "独生子女" in rules.analyze("唯一的儿子前年出车祸走了").query
