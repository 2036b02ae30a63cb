"""撤回: the villager withdraws an open ticket of theirs, after confirming."""

from __future__ import annotations

from storage.models import Appointment, TicketEvent
from tests.handlers.conftest import OTHER, Chat


async def _status(chat: Chat, number: str) -> str:
    async with chat.repos() as repos:
        ticket = await repos.tickets.by_number(number)
        assert ticket is not None
        return ticket.status


async def test_withdraw_the_only_open_ticket_after_confirming(chat: Chat) -> None:
    ticket = await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    await chat.say("预约")
    await chat.say("1")
    (appointment,) = await chat.rows(Appointment)
    ask = await chat.say("撤回")
    assert ticket.number in ask and "确定" in ask
    assert await _status(chat, ticket.number) == "accepted"  # nothing happens before the yes
    done = await chat.say("是")
    assert "已撤回" in done and ticket.number in done
    assert await _status(chat, ticket.number) == "withdrawn"
    events = await chat.rows(
        TicketEvent, TicketEvent.ticket_id == ticket.id, TicketEvent.kind == "status"
    )
    assert [e.to_status for e in events] == ["withdrawn"]
    (appointment,) = await chat.rows(Appointment)
    assert appointment.cancelled_at is not None  # the slot is given back
    assert "没有正在办理" in await chat.say("撤回")


async def test_saying_no_keeps_the_ticket(chat: Chat) -> None:
    ticket = await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    await chat.say(f"撤回 {ticket.number}")
    assert "不撤回" in await chat.say("否")
    assert await _status(chat, ticket.number) == "accepted"


async def test_pick_one_of_several(chat: Chat) -> None:
    first = await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    second = await chat.register("高龄津贴", "是", "1", "确认")
    menu = await chat.say("撤回")
    assert "2件" in menu and first.number in menu and second.number in menu
    (line,) = [line for line in menu.splitlines() if first.number in line]
    confirm = await chat.say(line.split(".")[0])
    assert first.number in confirm
    await chat.say("是")
    assert await _status(chat, first.number) == "withdrawn"
    assert await _status(chat, second.number) == "accepted"


async def test_number_of_someone_else_is_refused(chat: Chat) -> None:
    ticket = await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    reply = await chat.as_(OTHER).say(f"撤回{ticket.number}")
    assert "没有查到" in reply
    assert await _status(chat, ticket.number) == "accepted"


async def test_a_closed_ticket_cannot_be_withdrawn(chat: Chat) -> None:
    ticket = await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    async with chat.desk() as desk:
        row = await desk.repos.tickets.by_number(ticket.number)
        assert row is not None
        await desk.change_status(row, "done", staff=None)
    reply = await chat.say(f"撤回 {ticket.number}")
    assert "已办结" in reply and "不能撤回" in reply
