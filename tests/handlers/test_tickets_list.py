"""我的工单 / 进度 and ticket numbers: the villager's own tickets only."""

from __future__ import annotations

from bot.tickets import texts as ticket_texts
from handlers import texts
from storage.models import Ticket
from tests.handlers.conftest import OTHER, Chat


async def test_status_names_match_the_desk() -> None:
    assert texts.STATUS_NAMES == ticket_texts.STATUS_NAMES
    assert texts.RATING_NAMES == ticket_texts.RATING_NAMES


async def test_no_tickets_yet(chat: Chat) -> None:
    reply = await chat.say("我的工单")
    assert "还没有登记过办件" in reply and "办理" in reply


async def test_list_shows_state_and_deadline(chat: Chat) -> None:
    first = await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    second = await chat.register("高龄津贴", "是", "1", "确认")
    async with chat.desk() as desk:
        ticket = await desk.repos.tickets.by_number(first.number)
        assert ticket is not None
        await desk.change_status(ticket, "need_materials", staff=None, missing=["户口簿"])
    reply = await chat.say("进度")
    assert "最近2件" in reply
    lines = [line for line in reply.splitlines() if line[:1].isdigit()]
    (line1,) = [line for line in lines if first.number in line]
    (line2,) = [line for line in lines if second.number in line]
    assert "最低生活保障申请" in line1 and "待补正" in line1
    assert "高龄津贴申领" in line2 and "已受理" in line2
    due = second.due_at
    assert f"{due.month}月{due.day}日" in line2


async def test_one_ticket_by_number_in_a_sentence(chat: Chat) -> None:
    ticket = await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    async with chat.desk() as desk:
        row = await desk.repos.tickets.by_number(ticket.number)
        assert row is not None
        await desk.change_status(row, "need_materials", staff=None, missing=["户口簿原件"])
    reply = await chat.say(f"请问{ticket.number.lower()}办到哪了")
    for part in (
        ticket.number,
        "最低生活保障申请",
        "待补正",
        "户口簿原件",
        "民政办（3号窗口）",
        "20个工作日",
    ):
        assert part in reply, part


async def test_someone_elses_number_is_not_found(chat: Chat) -> None:
    ticket = await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    stranger = chat.as_(OTHER)
    reply = await stranger.say(f"查一下 {ticket.number}")
    assert "没有查到" in reply and ticket.number in reply
    assert "最低生活保障" not in reply and "张建明" not in reply
    assert await stranger.rows(Ticket, Ticket.openid == OTHER) == []


async def test_unknown_number_is_not_found(chat: Chat) -> None:
    reply = await chat.say("BM20260101-0099")
    assert "没有查到编号为 BM20260101-0099" in reply


async def test_no_ticket_but_a_named_matter_gets_the_department_that_knows(chat: Chat) -> None:
    """低保批了没有 from a villager who applied through the village, not here: the 民政办's
    window and phone, not only "you have registered nothing"."""
    reply = await chat.say("低保批了没有")
    assert "还没有在这里登记过" in reply
    assert "· 民政办（3号窗口）0871-6512 3403" in reply and "人工" in reply
    pension = await chat.say("我的养老金怎么还没到账")
    assert "社会保障所(人社)（2号窗口）0871-6512 3402" in pension
    assert pension.count("· ") <= 2
    plain = await chat.say("进度")  # nothing named: the plain answer
    assert "还没有登记过办件" in plain and "· " not in plain
