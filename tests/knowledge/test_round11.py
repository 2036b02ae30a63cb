"""Round 11 (questions_l.tsv fitted on from this round, and the other fitted files' misses):
what a need is said with, where no name of an item is.

A topic said by its circumstances adds its item's word (knowledge/cues.py TOPIC_CUES): schooling
with help for it is the students' aid even when the household's status names another item
(脱贫户 闺女念书有没有补助); livestock or crops lost with the insurance that pays for them is the
farm insurance (羊病死了 买了保险的); what is left after the health insurance paid is medical
assistance (医保报完自己还要出三万); not settled on the spot, then reimbursed, is the sporadic
reimbursement (没能直接结算 回来怎么报); a wish to start paying for what one draws at 60 is joining
the pension (想开始交那种老了能领钱的保险), not an employee's scheme; the household register one
wants brought somewhere is a move (户口想从外县迁过来), not one made nor a newborn's; whether an
injury counts as a disability is the certificate; the health insurance's yearly fee is paying
in (医保今年一个人多少钱, 一包在哪交); a child whose parents both cannot bring it up is the
support of a child nobody brings up; a deceased's pension contributions go with the funeral grant;
money paid every month to the disabled is the allowances, not the certificate already held;
one's land to be let to another to farm is land transfer; a veteran asking for "the card" is the
veterans' card; a deceased's page in the household register is its cancellation; using the health
insurance where one lives away is the registration for treatment elsewhere; the pension's age
reached, then drawing or its formalities, is the pension paid out; a house about to fall is the
dilapidated-house renovation. An only child named as 就一个儿子 / 只有一个女儿 who died or was
disabled is the family-planning special support.
Also: the accessibility of the building is not an accessibility adaptation (无障碍改造么样申请);
a certificate's purpose after it (证明 给单位用的) and another office's document asked for as a
material (要结婚证吗) are no hint; an office is another's unless an item is named after the office
itself (银行, though 国家开发银行 is a keyword); a place question may name the office's window
(县医院医保窗口在几楼); collecting a document that is done (办好了能寄吗) asks about it; a request
still examined (还在审核吗), when a result comes (啥时候有消息); a person of the center by role,
on duty or on WeChat, or to work a matter out with; complaints of queues, being sent back and forth,
a treat asked for, closing early, irresponsibility; what is to be obtained (要不要办身份证) is no
material to bring; 生的娃 is a birth; X登记了 is done; vocabulary
(调姐, 门诊拿药, 辩护律师). Probes written for these tests, not taken from the labelled files.
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher
from knowledge.normalize import basic
from tests.knowledge.probes import families, reason


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("我家是脱贫户 闺女念书有没有补助", "家庭经济困难学生资助申请"),
        ("特困户的娃上高中 学费能不能减免", "家庭经济困难学生资助申请"),
        ("家里羊病死了好几只 买了保险的 能赔多少", "农业保险投保理赔"),
        ("水稻被大水冲了 上了保的 找哪个报案", "农业保险投保理赔"),
        ("住院花了八万 医保报完自己还要出三万 还有啥办法", "医疗救助申请"),
        ("在省外看急诊 没能直接结算 回来怎么报", "医疗费用零星报销"),
        ("我三十五了 想开始交那种老了每个月能领钱的保险", "城乡居民基本养老保险参保登记"),
        ("老公户口想从外县迁过来 要准备啥", "户口迁移"),
        ("脚被砸断了 算不算残疾", "残疾人证办理"),
        ("医保今年一个人多少钱", "城乡居民基本医疗保险参保缴费"),
        ("孙子爸妈都在坐牢 娃有没有补助", "孤儿和事实无人抚养儿童基本生活保障"),
        ("我爸交了十几年农保 没领几个月就去世了 剩下的钱能退吗", "丧葬补助金申领"),
        ("办完残疾证以后 每个月能领到补贴吗", "残疾人两项补贴申请"),
        ("院子里的大树想锯倒卖了 要审批吗", "林木采伐许可"),
        ("户口证明开好了给单位用的 要带啥", "户籍证明开具"),
        ("迁户口要结婚证吗", "户口迁移"),
        ("困难残疾人家庭无障碍改造么样申请", "困难残疾人家庭无障碍改造"),
        ("承包的两亩田想包给种植户 合同咋签", "土地承包经营权流转"),
        ("爷爷当了六年兵 听说现在有个优待卡 咋办", "退役军人优待证申领"),
        ("我奶奶过世了 户口本上她那页要怎么弄", "死亡注销户口"),
        ("老两口在广州跟女儿住 老家的医保在那边能不能用", "城乡居民医保异地就医备案"),
        ("我妈今年满60了 农保交了十五年 领钱要办啥手续", "城乡居民基本养老保险待遇领取"),
        ("家里就一个儿子 去年车祸没了 我们有啥扶助", "计划生育特别扶助"),
        ("只有一个女儿 她残疾了 计生有啥照顾", "计划生育特别扶助"),
        ("老屋的墙裂了好大的缝 快塌了 没钱修", "农村危房改造申请"),
        # ...and what they must not take over
        ("房子塌了想重新盖 要审批吗", "农村宅基地和建房审批"),
        ("田已经包给别人种了 种粮补贴给谁", "实际种粮农民一次性补贴"),
        ("在外地住院没能直接结算 回来怎么报", "医疗费用零星报销"),
    ],
)
def test_answered(rules: Matcher, text: str, item: str) -> None:
    decision = rules.decide(text)
    assert decision.item is not None and decision.item.name == item, decision.explain["why"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("脱贫户的娃读初中有补贴吗", "学生资助"),
        ("鸡瘟死了一大片 投了保 怎么赔", "农业保险"),
        ("医保报了以后自己还掏了一万多", "医疗救助"),
        ("没来得及备案 自己垫的钱回来能报吗", "回来报销"),
        ("想现在开始交 到六十岁能领的那个", "交养老保险"),
        ("媳妇的户口要怎么迁过来", "户口迁移"),
        ("手被机器压了 能不能评残疾", "残疾人证"),
        ("医保一年多少钱", "交医保"),
        ("娃的爹妈都失联了", "事实无人抚养儿童"),
        ("我妈交了好几年养老保险 还没领就走了 钱能拿回来不", "养老保险账户继承"),
        ("残疾证办了 每月有补贴领吗", "残疾人补贴"),
    ],
)
def test_circumstances_add_their_items_word(rules: Matcher, text: str, word: str) -> None:
    assert word in rules.analyze(text).query


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # an employee's scheme is flexible employment's, not the residents' pension
        ("想交城镇职工的养老保险 以后能多领点", "交养老保险"),
        # a move already made, or a newborn's register, is no move wanted
        ("老婆户口已经迁过来了 想交养老保险", "户口迁移"),
        ("娃在外地生的 户口想落回老家", "户口迁移"),
        # a pension or health insurance is no farm insurance
        ("家里养猪的 想交养老保险", "农业保险"),
        # a student loan is no grant
        ("上大学学费不够 想办贷款", "学生资助"),
        # a veteran's card not asked by a veteran, land already let, a certificate of a cancellation
        ("爸爸没当过兵 老年人的优待证咋办", "退役军人优待证"),
        ("地租给邻居种了 地力补贴给谁", "土地流转"),
        ("我爸走了 要开他户口注销的证明", "注销户口"),
        # paying in wanted at 60 is no drawing
        ("我妈今年满六十了 想现在开始交养老保险还行吗", "领养老金"),
    ],
)
def test_circumstances_not_taken_for_another(rules: Matcher, text: str, word: str) -> None:
    assert word not in rules.analyze(text).query


def test_other_offices_documents_and_frames(rules: Matcher) -> None:
    def hints(text: str) -> set[str]:
        return set(rules.scorer.intents.find(basic(text))) & {
            "out_of_scope_hints",
            "elsewhere",
            "elsewhere_asked",
        }

    # a document asked for as a material, a certificate's purpose named after it
    assert not hints("投奔儿子落户 要不要房产证")
    assert not hints("开个户籍证明 到银行要用")
    # ...but obtaining that document stays another office's
    assert hints("房产证怎么办")
    # the bank is another office though a keyword holds its name
    assert "elsewhere" in hints("农业银行几点下班")
    assert "elsewhere" in hints("县人民医院的医保窗口在几楼")
    assert rules.decide("信用社几点开门").intent == "unknown"
    # the center's own department is still the center's
    assert rules.decide("残联在几楼").intent == "center_info"


def test_collecting_a_done_document_asks_about_it() -> None:
    assert reason("社保卡办好了能寄到家吗", "社保卡") is None
    assert reason("身份证办好了去哪拿", "身份证") is None
    assert reason("残疾证办好了 还能领啥补贴", "残疾证") == "done"
    assert reason("失业登记了 还要办什么", "失业登记") == "done"
    assert reason("就业登记了吗", "就业登记") is None


def test_what_is_to_be_obtained_is_no_material() -> None:
    assert reason("在镇上打工的要办居住证吗", "办居住证", material=True) is None
    assert reason("娃五岁了要不要办身份证", "身份证", material=True) is None
    # ...but what is brought along still is
    assert reason("办低保要带户口本吗", "户口本", material=True) == "material"
    assert reason("补社保卡要身份证不", "身份证", material=True) == "material"


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("我的补贴申请是不是还在公示", "status"),
        ("我家老人的低保申请还在审核吗", "status"),
        ("上个月交的材料 啥时候有消息", "status"),
        ("找一下管低保的那位干部", "human"),
        ("有没有值班的工作人员", "human"),
        ("值班的工作人员能加个微信不", "human"),
        ("有急事想找镇上的人对接一下", "human"),
        ("排了三个小时的队", "complaint"),
        ("窗口的人太不负责了", "complaint"),
        ("要请吃饭才给办", "complaint"),
        ("还没到下班时间就都走了", "complaint"),
        ("派出所让我去镇上 镇上又让我去派出所", "complaint"),
    ],
)
def test_family(text: str, family: str) -> None:
    assert family in families(text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("无障碍改造怎么申请", "center_info"),
        ("排队要带身份证吗", "complaint"),
    ],
)
def test_not_family(text: str, family: str) -> None:
    assert family not in families(text)


def test_a_child_born_somewhere_is_a_birth(rules: Matcher) -> None:
    assert "出生" in rules.analyze("在县城医院生的闺女 户口要报在哪").query.replace("出生登记", "")
    assert rules.analyze("天生的残疾 能办证吗").query.count("出生") == 0


def test_vocabulary(rules: Matcher) -> None:
    decision = rules.decide("邻居占了我家地 想找人调姐")
    assert decision.item is not None and decision.item.name == "人民调解申请"
    assert "门诊拿药" in rules.scorer.catalog.items[_index(rules, "门诊慢特病待遇认定")].keywords


def _index(rules: Matcher, name: str) -> int:
    return next(i for i, item in enumerate(rules.catalog.items) if item.name == name)
