"""预约: half-day slots at the ticket's window, working days only, full slots hidden."""

from __future__ import annotations

import datetime as dt

from bot.clock import FixedClock
from bot.tickets.chat_actions import SLOT_CAPACITY
from storage.models import Appointment, TicketEvent
from tests.handlers.conftest import Chat


async def _fill(chat: Chat, day: dt.date, half: str, count: int = SLOT_CAPACITY) -> None:
    """Other villagers book `count` places of the 民政办 window's slot."""
    async with chat.desk() as desk:
        item = desk.catalog.by_id["dibao"]
        for n in range(count):
            ticket = await desk.register(
                openid=f"oNeighbour{n:018d}",
                item=item,
                case=None,
                name="邻居",
                phone="13800000000",
                village="青石村",
            )
            await desk.chat.book(ticket, day, half)


async def test_slots_skip_full_slots_holidays_and_overrides(chat: Chat, clock: FixedClock) -> None:
    clock.set("2026-09-29T10:00")  # Tuesday before the National Day week
    ticket = await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    await _fill(chat, dt.date(2026, 9, 30), "am")
    async with chat.repos() as repos:  # the admin closes Fri 9 Oct too
        await repos.calendar.set_override(dt.date(2026, 10, 9), False, "test")
    clock.advance(seconds=61)  # written straight to the database: seen within a minute

    offer = await chat.say("预约")
    assert ticket.number in offer
    assert "9月30日（周三）上午" not in offer  # full
    assert "1. 9月30日（周三）下午" in offer
    for day in range(1, 10):  # 1–7 October: holiday; the 9th: the admin's override
        if day != 8:
            assert f"10月{day}日" not in offer, day
    assert "10月8日（周四）上午" in offer
    assert "10月10日（周六）" in offer  # a make-up working Saturday (调休) is a working day
    assert "10月13日（周二）下午" in offer and "10月14日" not in offer  # five working days

    done = await chat.say("1")
    assert "预约好了" in done and "9月30日（周三）下午" in done and "民政办" in done
    (row,) = await chat.rows(Appointment, Appointment.ticket_id == ticket.id)
    assert (row.day, row.half, row.department_id) == (dt.date(2026, 9, 30), "pm", "minzheng")
    events = await chat.rows(
        TicketEvent, TicketEvent.ticket_id == ticket.id, TicketEvent.kind == "appointment"
    )
    assert [e.data for e in events] == [{"day": "2026-09-30", "half": "pm"}]

    again = await chat.say("预约")  # one appointment per ticket
    assert "已经预约了" in again and "9月30日（周三）下午" in again
    assert len(await chat.rows(Appointment, Appointment.ticket_id == ticket.id)) == 1
    detail = await chat.say(ticket.number)  # the ticket shown in chat names its slot
    assert "预约：9月30日（周三）下午" in detail


async def test_weekend_is_never_offered(chat: Chat, clock: FixedClock) -> None:
    clock.set("2026-11-27T10:00")  # Friday
    await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    offer = await chat.say("预约")
    assert "1. 11月30日（周一）上午" in offer
    assert "11月28日" not in offer and "11月29日" not in offer and "11月27日" not in offer


async def test_slot_taken_meanwhile_is_offered_again(chat: Chat) -> None:
    await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    offer = await chat.say("预约")
    assert "1. 11月24日（周二）上午" in offer
    await _fill(chat, dt.date(2026, 11, 24), "am")
    again = await chat.say("1")
    assert "刚刚约满" in again and "1. 11月24日（周二）下午" in again
    assert "11月24日（周二）上午" not in again
    assert "预约好了" in await chat.say("1")


async def test_appointment_needs_a_ticket(chat: Chat) -> None:
    reply = await chat.say("预约")
    assert "先登记" in reply and "办理" in reply
    assert await chat.rows(Appointment) == []


async def test_cancel_the_slot_list(chat: Chat) -> None:
    await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    await chat.say("预约")
    assert "不预约" in await chat.say("取消")
    assert await chat.rows(Appointment) == []


async def test_a_booked_time_can_be_moved(chat: Chat) -> None:
    """改个时间 after booking: the slots again, the row moves (one appointment per ticket), the
    old slot is freed, the event says where it was; 取消 keeps the time; nothing booked: told."""
    ticket = await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    assert "还没有预约" in await chat.say("我想改个时间")
    await chat.say("预约")
    assert "预约好了" in await chat.say("1")  # 11月24日（周二）上午
    assert "要换时间，请回复“改时间”" in await chat.say("预约")
    offer = await chat.say("我想改个时间")
    assert "现在约的是11月24日（周二）上午" in offer and "3. 11月25日（周三）上午" in offer
    assert "不改了，还是原来约的时间" in await chat.say("取消")
    (row,) = await chat.rows(Appointment, Appointment.ticket_id == ticket.id)
    assert (row.day, row.half) == (dt.date(2026, 11, 24), "am")
    await chat.say("换一天")
    moved = await chat.say("3")
    assert "改好了" in moved and "11月25日（周三）上午" in moved and ticket.number in moved, moved
    (row,) = await chat.rows(Appointment, Appointment.ticket_id == ticket.id)
    assert (row.day, row.half) == (dt.date(2026, 11, 25), "am")
    events = await chat.rows(
        TicketEvent, TicketEvent.ticket_id == ticket.id, TicketEvent.kind == "appointment"
    )
    assert events[-1].data == {
        "day": "2026-11-25",
        "half": "am",
        "moved_from": {"day": "2026-11-24", "half": "am"},
    }
    assert "预约：11月25日（周三）上午" in await chat.say(ticket.number)


async def test_a_move_into_a_slot_filled_meanwhile_is_offered_again(chat: Chat) -> None:
    await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    await chat.say("预约")
    await chat.say("1")
    await chat.say("改时间")
    await _fill(chat, dt.date(2026, 11, 24), "pm")
    again = await chat.say("2")  # 11月24日（周二）下午, full now
    assert "刚刚约满" in again and "现在约的是11月24日（周二）上午" in again, again
