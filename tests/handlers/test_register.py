"""办理: the registration form through the real app, end to end."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.clock import FixedClock
from storage.models import Ticket, TicketEvent, Villager
from tests.handlers.conftest import Chat


async def test_full_registration_with_a_multi_case_item(chat: Chat) -> None:
    await chat.say("低保要带什么")
    start = await chat.say("办理")
    assert "最低生活保障申请" in start and "第1步" in start and "姓名" in start
    assert "第2步" in await chat.say("张建明")
    assert "第3步" in await chat.say("138 1234 5678")
    cases = await chat.say("青石村")
    assert "1. 以家庭为单位申请" in cases and "2. 重病重残人员单独申请" in cases
    summary = await chat.say("2")
    for part in ("张建明", "13812345678", "青石村", "重病重残人员单独申请", "确认", "修改", "取消"):
        assert part in summary
    reply = await chat.say("确认")

    (ticket,) = await chat.tickets()
    assert ticket.number == "BM20261123-0001"
    assert (ticket.item_id, ticket.department_id, ticket.case_name) == (
        "dibao",
        "minzheng",
        "重病重残人员单独申请",
    )
    assert (ticket.applicant_name, ticket.applicant_phone, ticket.village) == (
        "张建明",
        "13812345678",
        "青石村",
    )
    assert (
        ticket.handling == "承诺件" and ticket.promised_days == 20 and ticket.status == "accepted"
    )
    # The second case's checklist, not the first's.
    assert [m["name"] for m in ticket.materials] == [
        "低保申请书",
        "居民身份证和户口簿",
        "残疾人证或重病诊断证明",
        "家庭经济状况核对授权书",
    ]
    # Mon 23 Nov + 20 working days, counted from the next day: Mon 21 Dec.
    assert ticket.due_at.date() == dt.date(2026, 12, 21) and not ticket.due_provisional

    # The reply tells all of it: number, who and where, type, deadline, what to bring, next steps.
    for part in (
        "BM20261123-0001",
        "民政办（3号窗口）",
        "承诺件",
        "20个工作日",
        "12月21日（周一）",
        "残疾人证或重病诊断证明 原件和复印件1份",
        "回复“预约”",
    ):
        assert part in reply, part
    assert reply.count("BM20261123-0001") == 1  # said once, in the first line
    assert "节假日还没公布" not in reply  # not provisional
    assert "以家庭为单位申请" not in reply

    events = await chat.rows(TicketEvent, TicketEvent.ticket_id == ticket.id)
    assert [e.kind for e in events] == ["created"]
    (created,) = events  # written by a prepared insert: the same row the ORM would write
    assert (created.to_status, created.from_status, created.note) == ("accepted", None, None)
    assert (created.internal, created.data, created.staff_id) == (False, {}, None)
    assert created.at == ticket.accepted_at == ticket.created_at
    (villager,) = await chat.rows(Villager, Villager.openid == chat.openid)
    assert (villager.name, villager.phone, villager.village) == ("张建明", "13812345678", "青石村")
    state = await chat.state()
    assert state is not None and (state.flow, state.data["ticket"]) == ("ticket", ticket.number)


async def test_provisional_deadline_is_said(chat: Chat, clock: FixedClock) -> None:
    # Accepted in late December 2026: the deadline falls in 2027, which has no holiday data.
    clock.set("2026-12-21T10:00")
    await chat.say("低保要带什么")
    for answer in ("办理", "张建明", "13812345678", "青石村", "1"):
        await chat.say(answer)
    reply = await chat.say("确认")
    (ticket,) = await chat.tickets()
    assert ticket.due_provisional
    assert "节假日还没公布" in reply
    assert "节假日还没公布" in await chat.say(ticket.number)


async def test_a_village_that_sounds_like_an_item_is_a_village(chat: Chat) -> None:
    await chat.say("高龄津贴")
    for answer in ("办理", "王秀英", "13812345678"):
        await chat.say(answer)
    reply = await chat.say("五保村")  # the matcher alone would answer the 特困 guide
    assert "特困" not in reply
    state = await chat.state()
    assert state is not None and state.data["village"] == "五保村"


async def test_invalid_phone_is_asked_again(chat: Chat) -> None:
    await chat.say("高龄津贴")
    await chat.say("办理")
    await chat.say("王秀英")
    for wrong in ("12345", "1381234567", "12812345678", "138123456789"):
        reply = await chat.say(wrong)
        assert "手机号好像不对" in reply and "11位" in reply, wrong
        state = await chat.state()
        assert state is not None and state.step == "phone"
    # Full-width digits and dashes are fine.
    assert "第3步" in await chat.say("１３８－１２３４－５６７８")
    state = await chat.state()
    assert state is not None and state.data["phone"] == "13812345678"
    assert await chat.tickets() == []


async def test_cancel_at_any_step(chat: Chat) -> None:
    await chat.say("低保要带什么")
    await chat.say("办理")
    await chat.say("张建明")
    await chat.say("13812345678")
    reply = await chat.say("取消")
    assert "已取消" in reply and "办理" in reply
    assert await chat.tickets() == []
    state = await chat.state()
    assert state is not None and (state.flow, state.data["item"]) == ("guided", "dibao")
    # "办理" starts the same item again, from the beginning.
    assert "第1步" in await chat.say("办理")


async def test_edit_on_the_summary(chat: Chat) -> None:
    await chat.say("高龄津贴")
    for answer in ("办理", "王秀英", "13812345678", "青石村"):
        await chat.say(answer)
    state = await chat.state()
    assert state is not None and state.step in ("case", "confirm")
    if state.step == "case":
        await chat.say("1")
    menu = await chat.say("修改")
    assert "1. 姓名" in menu and "2. 手机号" in menu and "3. 村（社区）" in menu
    assert "手机号" in await chat.say("2")
    summary = await chat.say("13900001111")
    assert "13900001111" in summary and "核对" in summary  # straight back to the summary
    await chat.say("确认")
    (ticket,) = await chat.tickets()
    assert ticket.applicant_phone == "13900001111" and ticket.applicant_name == "王秀英"


async def test_interruption_is_answered_and_the_form_resumes(chat: Chat) -> None:
    await chat.say("低保要带什么")
    await chat.say("办理")
    await chat.say("张建明")
    # An unrelated question mid-form: answered, with a reminder of the waiting form.
    reply = await chat.say("医保怎么交")
    assert "医疗保险" in reply
    assert "【最低生活保障申请】登记还没填完" in reply and "手机号" in reply
    # A status question leaves the form where it was, too.
    assert "登记还没填完" in await chat.say("进度")
    # The next form-shaped answer continues the form where it stopped.
    assert "第3步" in await chat.say("13812345678")
    await chat.say("青石村")
    await chat.say("1")
    await chat.say("确认")
    (ticket,) = await chat.tickets()
    assert ticket.item_id == "dibao" and ticket.applicant_phone == "13812345678"


async def test_menu_mid_form_keeps_the_form(chat: Chat) -> None:
    await chat.say("低保要带什么")
    await chat.say("办理")
    menu = await chat.say("救助")  # a numbered menu: the digit belongs to it
    assert "1." in menu and "登记还没填完" not in menu
    picked = await chat.say("1")
    assert "临时救助" in picked and "登记还没填完" in picked
    assert "第2步" in await chat.say("张建明")


async def test_idle_form_expires_kindly(make_chat: Any, clock: FixedClock) -> None:
    chat: Chat = await make_chat(form_idle_minutes=10)
    await chat.say("低保要带什么")
    await chat.say("办理")
    await chat.say("张建明")
    clock.advance(minutes=11)
    reply = await chat.say("13812345678")
    assert "超时" in reply and "办理" in reply
    assert "第3步" not in reply
    assert await chat.tickets() == []
    # "办理" starts over, for the same item.
    assert "第1步" in await chat.say("办理")


async def test_expiry_note_follows_an_answer(make_chat: Any, clock: FixedClock) -> None:
    chat: Chat = await make_chat(form_idle_minutes=10)
    await chat.say("低保要带什么")
    await chat.say("办理")
    clock.advance(minutes=20)
    reply = await chat.say("医保怎么交")
    assert "医疗保险" in reply and "超时" in reply
    assert "超时" not in await chat.say("医保怎么交")  # told once


async def test_form_idle_longer_than_state_ttl_still_resumes(
    make_chat: Any, clock: FixedClock
) -> None:
    chat: Chat = await make_chat(form_idle_minutes=90)
    await chat.say("低保要带什么")
    await chat.say("办理")
    await chat.say("张建明")
    clock.advance(minutes=45)  # past the dispatcher's 30-minute state TTL, within 90
    assert "第3步" in await chat.say("13812345678")


async def test_returning_villager_gets_masked_details(chat: Chat) -> None:
    await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    await chat.say("高龄津贴")
    offer = await chat.say("办理")
    assert "张*明" in offer and "138****5678" in offer and "青石村" in offer
    assert "张建明" not in offer and "13812345678" not in offer
    reply = await chat.say("用")
    if "情况" in reply:  # several cases: pick one
        reply = await chat.say("1")
    assert "核对" in reply and "张建明" in reply
    await chat.say("确认")
    tickets = await chat.rows(Ticket, Ticket.item_id == "gaoling_jintie")
    assert [(t.applicant_name, t.applicant_phone, t.village) for t in tickets] == [
        ("张建明", "13812345678", "青石村")
    ]


async def test_returning_villager_may_refuse_the_saved_details(chat: Chat) -> None:
    await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    await chat.say("高龄津贴")
    await chat.say("办理")
    assert "第1步" in await chat.say("否")


async def test_returning_villager_answers_the_numbered_choice_with_a_digit(chat: Chat) -> None:
    """The question numbers its answers (1. still these details, 2. fill in anew): an elderly
    villager replies with the digit. 3 is no choice: asked again, not taken for a question."""
    await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    await chat.say("高龄津贴")
    await chat.say("办理")
    again = await chat.say("3")
    assert "请回复“是”" in again and "张*明" in again and "答不上来" not in again
    reply = await chat.say("1")
    if "情况" in reply:
        reply = await chat.say("1")
    assert "核对" in reply and "张建明" in reply and "13812345678" in reply
    await chat.say("高龄津贴")
    await chat.say("办理")
    assert "第1步" in await chat.say("2")


async def test_a_name_or_village_that_is_no_words_is_asked_again(chat: Chat) -> None:
    """What was tried at the name step: a digit, Latin letters, a lone question mark and a
    phone number given too early; at the village step a bare number. Each is asked for
    again with an example, never answered with the long "I don't know" list."""
    await chat.say("高龄津贴")
    await chat.say("办理")
    for wrong in ("1", "zhang", "？", "13812345678"):
        reply = await chat.say(wrong)
        assert "请用汉字回复办事人的姓名" in reply and "第1步" in reply, wrong
        assert "答不上来" not in reply
        state = await chat.state()
        assert state is not None and (state.flow, state.step) == ("register", "name")
    assert "第2步" in await chat.say("王秀英")
    assert "第3步" in await chat.say("13812345678")
    reply = await chat.say("3")
    assert "村（社区）的名字" in reply and "第3步" in reply
    state = await chat.state()
    assert state is not None and state.step == "village"
    reply = await chat.say("青石村")
    assert "第4步" in reply and "情况" in reply  # 高龄津贴 has two cases


async def test_no_mobile_of_one_s_own_is_answered_kindly(chat: Chat) -> None:
    await chat.say("高龄津贴")
    await chat.say("办理")
    await chat.say("王秀英")
    reply = await chat.say("没有手机")
    assert "家里人的手机号" in reply and "人工" in reply and "第2步" in reply
    state = await chat.state()
    assert state is not None and state.step == "phone"
    assert "第3步" in await chat.say("13912345678")  # a daughter's number


async def test_a_question_at_the_name_step_is_still_answered(chat: Chat) -> None:
    """A message in Chinese that is a question, not a name, is answered and the form waits."""
    await chat.say("高龄津贴")
    await chat.say("办理")
    reply = await chat.say("低保要带什么")
    assert "最低生活保障申请" in reply and "登记还没填完" in reply


async def test_an_earlier_answer_is_corrected_mid_form(chat: Chat) -> None:
    """修改 before the summary (the village was wrong, noticed at the 情形 step) opens the
    list of fields; after the fix the form goes on where it was, the 情形 still to choose."""
    await chat.say("老年证怎么办")
    await chat.say("办理")
    await chat.say("李秀珍")
    await chat.say("13912345678")
    assert "情况" in await chat.say("下河村")
    fields = await chat.say("修改")
    assert "要改哪一项" in fields and "3. 村（社区）" in fields
    assert "第3步" in await chat.say("3")
    cases = await chat.say("上河村")
    assert "第4步" in cases and "1. 首次办理" in cases  # not the summary yet
    summary = await chat.say("1")
    assert "核对" in summary and "上河村" in summary and "首次办理" in summary
    await chat.say("确认")
    (ticket,) = await chat.tickets()
    assert (ticket.village, ticket.case_name) == ("上河村", "首次办理")


async def test_a_word_nobody_understood_mid_form_gets_one_line(chat: Chat) -> None:
    """确认 at the 情形 step, or a stray word: one line and what the form waits for, not
    the center's list of departments."""
    await chat.say("老年证怎么办")
    await chat.say("办理")
    await chat.say("李秀珍")
    await chat.say("13912345678")
    await chat.say("下河村")
    for stray in ("确认", "xyz"):
        reply = await chat.say(stray)
        assert reply.startswith("抱歉，这句我没看懂") and "人工" in reply, stray
        assert "登记还没填完" in reply and "数字选择您的情况" in reply, stray
        assert "民政办：" not in reply, stray
    state = await chat.state()
    assert state is not None and (state.flow, state.step) == ("register", "case")


async def test_banli_without_an_item_asks_what(chat: Chat) -> None:
    reply = await chat.say("办理")
    assert "要办什么事" in reply
    assert await chat.state() is None
