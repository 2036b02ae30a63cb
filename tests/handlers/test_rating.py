"""好差评: answering the rating question, 差评 reasons and callbacks, never inventing one."""

from __future__ import annotations

import datetime as dt

from bot.clock import FixedClock
from storage.models import Callback, StaffNotice, Ticket, TicketEvent
from tests.handlers.conftest import Chat


async def _done(chat: Chat) -> Ticket:
    """A registered ticket the staff just completed: the push asked for a rating."""
    ticket = await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    async with chat.desk() as desk:
        row = await desk.repos.tickets.by_number(ticket.number)
        assert row is not None
        await desk.change_status(row, "done", staff=None)
    return ticket


async def _ticket(chat: Chat, number: str) -> Ticket:
    (row,) = await chat.rows(Ticket, Ticket.number == number)
    return row


async def test_a_digit_rates(chat: Chat) -> None:
    ticket = await _done(chat)
    reply = await chat.say("2")
    assert "谢谢您的评价（满意）" in reply
    assert (await _ticket(chat, ticket.number)).rating == 2
    events = await chat.rows(
        TicketEvent, TicketEvent.ticket_id == ticket.id, TicketEvent.kind == "rating"
    )
    assert [e.data for e in events] == [{"score": 2}]


async def test_words_rate_and_bu_manyi_is_not_manyi(chat: Chat) -> None:
    ticket = await _done(chat)
    reply = await chat.say("不满意")
    assert "不满意" in reply and "哪里做得不好" in reply
    row = await _ticket(chat, ticket.number)
    assert row.rating == 4  # not 2 (满意), and not a complaint either
    assert [t.kind for t in await chat.tickets()] == ["service"]


async def test_very_satisfied_by_words(chat: Chat) -> None:
    ticket = await _done(chat)
    assert "非常满意" in await chat.say("非常满意！")
    assert (await _ticket(chat, ticket.number)).rating == 1


async def test_bad_rating_reason_opens_a_callback(chat: Chat) -> None:
    head = await chat.add_staff("minzheng_head", "head", "minzheng")
    ticket = await _done(chat)
    await chat.say("5")
    reply = await chat.say("跑了三趟才办好，窗口还让我回去开证明")
    assert "回电话" in reply and "民政办" in reply and "5个工作日" in reply
    (callback,) = await chat.rows(Callback)
    assert callback.ticket_id == ticket.id and callback.department_id == "minzheng"
    assert callback.reason == "跑了三趟才办好，窗口还让我回去开证明"
    assert callback.due_at.date() == dt.date(2026, 11, 30)  # 5 working days after Mon 23 Nov
    row = await _ticket(chat, ticket.number)
    assert row.rating == 5 and row.rating_comment == callback.reason
    notices = await chat.rows(StaffNotice, StaffNotice.kind == "callback")
    assert [n.staff_id for n in notices] == [head]
    assert await chat.state() is None


async def test_one_rating_per_ticket(chat: Chat) -> None:
    ticket = await _done(chat)
    await chat.say("1")
    again = await chat.say("3")
    assert "已经评价过了" in again and "非常满意" in again
    assert (await _ticket(chat, ticket.number)).rating == 1
    events = await chat.rows(
        TicketEvent, TicketEvent.ticket_id == ticket.id, TicketEvent.kind == "rating"
    )
    assert len(events) == 1


async def test_no_rating_is_invented(chat: Chat) -> None:
    ticket = await _done(chat)
    assert "医疗保险" in await chat.say("医保怎么交")
    assert "最低生活保障" in await chat.say("低保要带什么")
    assert (await _ticket(chat, ticket.number)).rating is None
    assert await chat.rows(TicketEvent, TicketEvent.kind == "rating") == []


async def test_nothing_to_rate_before_completion(chat: Chat) -> None:
    ticket = await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    await chat.say("满意")
    assert (await _ticket(chat, ticket.number)).rating is None


async def test_a_menu_shown_after_the_question_takes_the_digit(
    chat: Chat, clock: FixedClock
) -> None:
    ticket = await _done(chat)
    clock.advance(minutes=1)
    menu = await chat.say("救助")  # a numbered menu, newer than the rating question
    assert "1." in menu
    assert "临时救助" in await chat.say("1")
    assert (await _ticket(chat, ticket.number)).rating is None
    # The menu is answered; now a digit answers the rating question again.
    assert "非常满意" in await chat.say("1")
    assert (await _ticket(chat, ticket.number)).rating == 1


async def test_a_question_newer_than_the_menu_takes_the_digit(
    chat: Chat, clock: FixedClock
) -> None:
    ticket = await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    await chat.say("救助")
    clock.advance(minutes=1)
    async with chat.desk() as desk:
        row = await desk.repos.tickets.by_number(ticket.number)
        assert row is not None
        await desk.change_status(row, "done", staff=None)
    assert "评价" in await chat.say("3")
    assert (await _ticket(chat, ticket.number)).rating == 3
