"""Short follow-ups right after a notice, through the real app: they are about that item. What
was tried: conditions, time limit, fee, place, online, materials, phone, a family member going
instead (also with a reason to want a person: 她不识字); one material (要带死亡证明吗, 身份证要复印吗,
火化证明没有咋办); a follow-up naming another item, or a material asked about as a matter of its
own (answered as that item); one with no notice before it (not guessed)."""

from __future__ import annotations

import pytest

from tests.handlers.conftest import Chat


@pytest.mark.parametrize(
    ("asked", "part"),
    [
        ("需要啥条件", "· 属于低保、特困"),
        ("我够条件吗", "办理条件："),
        ("多久能办好", "办理时限：30个工作日"),
        ("要钱吗", "收费：不收费"),
        ("在哪办", "办理地点：青石镇便民服务中心9号窗口（村镇建设办）"),
        ("网上能办吗", "这件事要到窗口办"),
        ("电话多少", "咨询电话：0871-6512 3409"),
    ],
)
async def test_the_part_asked_about_the_item_just_answered(
    chat: Chat, asked: str, part: str
) -> None:
    await chat.say("我家房子墙裂了好宽的缝 下雨漏水 能申请危房改造不")
    reply = await chat.say(asked)
    assert reply.startswith("【农村危房改造申请】") and part in reply, reply
    assert "答不上来" not in reply and "各窗口：" not in reply
    assert "回复“办理”" in reply
    assert "第1步" in await chat.say("办理")  # still that item to register


async def test_asking_whether_family_may_go_instead(chat: Chat) -> None:
    """高龄津贴 lists a proxy's ID among its materials: yes. 丧葬补助金 does not: ask first."""
    await chat.say("高龄津贴怎么领")
    yes = await chat.say("俺在外地 能不能让儿子去办")
    assert yes.startswith("【高龄津贴申领】") and "可以请家人代办" in yes
    await chat.say("老伴去世了 丧葬费怎么领")
    ask = await chat.say("能让女儿代办吗")
    assert ask.startswith("【丧葬补助金申领】") and "请先打电话问一下" in ask
    assert "咨询电话：0871-6512 3402" in ask


async def test_materials_again_are_the_whole_notice(chat: Chat) -> None:
    await chat.say("危房改造")
    reply = await chat.say("要带啥材料")
    assert "【农村危房改造申请】" in reply and "危房改造申请书" in reply


async def test_a_follow_up_naming_another_item_is_a_new_question(chat: Chat) -> None:
    await chat.say("危房改造")
    reply = await chat.say("低保要啥条件")
    assert "【最低生活保障申请】" in reply


async def test_a_menu_of_other_items_is_a_new_question(chat: Chat) -> None:
    """After 医保's notice, 老人补贴要啥条件 gets its own menu (高龄津贴, 养老服务补贴…), not
    医保's conditions; after 高龄津贴's, the same words are its conditions (it is on that menu)."""
    await chat.say("医保怎么交")
    menu = await chat.say("老人补贴要啥条件")
    assert "高龄津贴申领" in menu and "1." in menu and "医疗保险" not in menu
    await chat.say("高龄津贴怎么领")
    conditions = await chat.say("老人补贴要啥条件")
    assert conditions.startswith("【高龄津贴申领】\n办理条件：")


async def test_without_a_notice_before_it_nothing_is_guessed(chat: Chat) -> None:
    reply = await chat.say("需要啥条件")
    assert "【" not in reply


async def test_a_reason_to_want_a_person_in_a_follow_up_is_still_the_follow_up(
    chat: Chat,
) -> None:
    """她不识字 alone asks for a person (the elderly who cannot read are helped by one); after a
    notice, 她不识字，我代办可以吗 asks whether the caller may go instead. Asking for a person
    by name still hands over."""
    await chat.say("高龄津贴怎么领")
    yes = await chat.say("她不识字，我代办可以吗")
    assert yes.startswith("【高龄津贴申领】") and "可以请家人代办" in yes, yes
    family = await chat.say("我替我妈办行不行")
    assert "可以请家人代办" in family, family
    person = await chat.say("我不识字")
    assert "转给工作人员" in person, person


async def test_asking_for_a_person_after_a_notice_hands_over(chat: Chat) -> None:
    await chat.say("高龄津贴怎么领")
    assert "转给工作人员" in await chat.say("转人工 我要代办")


async def test_a_question_about_one_material_gets_its_lines(chat: Chat) -> None:
    """要带死亡证明吗 after 丧葬补助金's notice is about its material (alone, 死亡证明 would name
    死亡注销户口); the lines asked about, under their cases, each case named once."""
    await chat.say("老头子走了丧葬费怎么领")
    proof = await chat.say("要带死亡证明吗")
    assert proof.startswith("【丧葬补助金申领】\n材料清单里是这样写的："), proof
    assert proof.count("1. 死亡证明或户口注销证明") == 2 and "户口簿" not in proof
    ids = await chat.say("身份证要复印吗")
    assert ids.count("◆ 领待遇人员死亡：") == 1 and ids.count("申领人居民身份证") == 2, ids
    missing = await chat.say("火化证明没有咋办")
    assert "火化证明均可" in missing and "手上没有的话" in missing, missing
    assert "【丧葬补助金申领】" in await chat.say("办理")  # still that item to register


@pytest.mark.parametrize("asked", ["死亡证明怎么开", "办死亡注销要带死亡证明吗"])
async def test_a_material_named_as_a_matter_of_its_own_is_a_new_question(
    chat: Chat, asked: str
) -> None:
    """No bring/missing word, or another item named besides the material: that item."""
    await chat.say("老头子走了丧葬费怎么领")
    reply = await chat.say(asked)
    assert reply.startswith("【死亡注销户口】"), reply


async def test_paying_questions_after_the_insurance_notice(chat: Chat) -> None:
    """交多少 is the fee and 微信 the online way: they got a one-item menu and "I don't know"."""
    await chat.say("医保怎么交")
    fee = await chat.say("我家5口人要交多少")
    assert fee.startswith("【城乡居民基本医疗保险参保缴费】\n收费："), fee
    online = await chat.say("能用微信交吗")
    assert "网上也能办：微信或支付宝" in online and "答不上来" not in online, online


async def test_how_to_apply_gets_the_steps(chat: Chat) -> None:
    """咋个领嘛 (Sichuan: how is it claimed) after 高龄津贴's notice: its 办理流程, numbered."""
    await chat.say("屋头老人八十几了有啥子钱领不")
    steps = await chat.say("咋个领嘛")
    assert steps.startswith("【高龄津贴申领】\n办理流程：\n1. 老人或子女到镇便民服务中心申请"), (
        steps
    )
    assert "4. 审核通过后按月发放" in steps
    place = await chat.say("在哪申请")
    assert "办理地点：青石镇便民服务中心3号窗口（民政办）" in place, place


async def test_whether_such_a_person_may_is_a_condition(chat: Chat) -> None:
    """租房子的可以迁吗 alone reads as renting (another office's matter); after 户口迁移's notice
    it asks whether a tenant may move their hukou: the conditions."""
    await chat.say("我想把户口迁到县城去")
    reply = await chat.say("租房子的可以迁吗")
    assert reply.startswith("【户口迁移】\n办理条件："), reply
