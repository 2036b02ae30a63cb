"""预约: a half-day slot at the ticket's window within the next working days (never a
weekend or holiday, never a full slot), picked by digit; one appointment per ticket, which
改时间 moves to another slot.

```mermaid
stateDiagram-v2
    [*] --> pick: yuyue, an open ticket without an appointment
    [*] --> pick: gaishijian, an open ticket with one (move)
    [*] --> [*]: yuyue, no open ticket, already booked or all full, told so
    [*] --> [*]: gaishijian, nothing booked, told so
    pick --> [*]: a digit, booked or moved (END)
    pick --> pick: the slot filled meanwhile, offered again
    pick --> [*]: quxiao, nothing changes (END)
    pick --> [*]: anything else, routed as a new message
```
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from handlers import texts
from handlers.clarify import parse_choice
from handlers.register import TICKET
from handlers.tickets_list import OPEN, clean, own_ticket, slot_text, status_name
from handlers.types import Context, Inbound, Reply
from knowledge.intents import find_ticket

NAME = "appointment"
FLOW = "appointment"
ASK_MAX = 12  # a longer message mentioning 预约 is a question for the matcher


def _asks(text: str) -> bool:
    value = clean(text)
    if not any(word in value for word in (*texts.APPOINT_WORDS, *texts.APPOINT_CHANGE_WORDS)):
        return False
    return len(value) <= ASK_MAX or find_ticket(text) is not None


def _changes(text: str) -> bool:
    """改个时间 / 重新预约: the booked time is to move."""
    return any(word in clean(text) for word in texts.APPOINT_CHANGE_WORDS)


def matches(msg: Inbound, ctx: Context) -> bool:
    if not msg.text:
        return False
    if ctx.state is not None and ctx.state.flow == FLOW:
        if parse_choice(msg.text) is not None or clean(msg.text) in texts.CANCEL_WORDS:
            return True
        ctx.end()  # the slot list only answers the very next message
    return _asks(msg.text)


async def handle(msg: Inbound, ctx: Context) -> Reply:
    state = ctx.state
    if state is None or state.flow != FLOW:
        return await _start(msg, ctx)
    moving = bool(state.data.get("move"))
    if clean(msg.text) in texts.CANCEL_WORDS:
        ctx.end()
        return Reply.say(texts.APPOINT_MOVE_CANCELLED if moving else texts.APPOINT_CANCELLED)
    slots = [(dt.date.fromisoformat(day), half) for day, half in state.data["slots"]]
    choice = parse_choice(msg.text)
    if choice is None or not 1 <= choice <= len(slots):
        return Reply.say(texts.APPOINT_BAD.format(n=len(slots)))
    ticket = await own_ticket(ctx, msg.openid, str(state.data["ticket"]))
    ctx.end()
    if ticket is None or ticket.status not in OPEN:
        return Reply.say(texts.APPOINT_NO_TICKET)
    day, half = slots[choice - 1]
    chat = ctx.desk.chat
    try:
        await (chat.reschedule if moving else chat.book)(ticket, day, half)
    except ValueError:  # chat_actions.SlotError: taken meanwhile, or no longer offered
        return await _offer(ticket, ctx, prefix=texts.APPOINT_TAKEN, moving=moving)
    return Reply.say(
        (texts.APPOINT_MOVED if moving else texts.APPOINT_DONE).format(
            slot=slot_text(day, half),
            place=ctx.desk.place_for(ticket),
            item=ticket.item_name,
            number=ticket.number,
        )
    )


async def _start(msg: Inbound, ctx: Context) -> Reply:
    change = _changes(msg.text)
    number = find_ticket(msg.text)
    if number is not None:
        ticket = await own_ticket(ctx, msg.openid, number)
        if ticket is None:
            return Reply.say(texts.TICKET_NOT_FOUND.format(number=number))
    else:
        ticket = await _default_ticket(msg, ctx, booked=change)
        if ticket is None:
            return Reply.say(texts.APPOINT_NO_TICKET)
    if ticket.status not in OPEN or ticket.kind != "service":
        status = status_name(ticket.status)
        return Reply.say(texts.APPOINT_CLOSED.format(number=ticket.number, status=status))
    booked = await ctx.repos.appointments.for_ticket(ticket.id)
    if booked is not None and change:
        return await _offer(ticket, ctx, moving=True)
    if booked is None and change and not _asks_booking(msg.text):
        return Reply.say(texts.APPOINT_NONE_TO_CHANGE)
    if booked is not None:
        return Reply.say(
            texts.APPOINT_ALREADY.format(
                number=ticket.number,
                item=ticket.item_name,
                slot=slot_text(booked.day, booked.half),
                place=ctx.desk.place_for(ticket),
            )
        )
    return await _offer(ticket, ctx)


def _asks_booking(text: str) -> bool:
    return any(word in clean(text) for word in texts.APPOINT_WORDS)


async def _default_ticket(msg: Inbound, ctx: Context, *, booked: bool = False) -> Any:
    """The ticket just registered, else the newest open one still without a slot (`booked`:
    with one, to move it)."""
    state = ctx.state
    if state is not None and state.flow == TICKET:
        ticket = await own_ticket(ctx, msg.openid, str(state.data["ticket"]))
        if ticket is not None:
            return ticket
    tickets = [
        t for t in await ctx.repos.tickets.open_for_villager(msg.openid) if t.kind == "service"
    ]
    for ticket in tickets:
        if (await ctx.repos.appointments.for_ticket(ticket.id) is not None) == booked:
            return ticket
    return tickets[0] if tickets else None


async def _offer(ticket: Any, ctx: Context, *, prefix: str = "", moving: bool = False) -> Reply:
    chat = ctx.desk.chat
    slots = await chat.open_slots(ticket.department_id)
    place = ctx.desk.place_for(ticket)
    if not slots:
        ctx.end()
        try:
            phone = ctx.catalog.department(ticket.department_id).phone
        except KeyError:
            phone = ctx.catalog.center.phones.consult or ""
        days = len(chat.slot_days())
        return Reply.say(prefix + texts.APPOINT_FULL.format(days=days, place=place, phone=phone))
    lines = [
        texts.APPOINT_LINE.format(n=n, slot=slot_text(s.day, s.half), free=s.free)
        for n, s in enumerate(slots, 1)
    ]
    ctx.goto(
        FLOW,
        "pick",
        ticket=ticket.number,
        slots=[[s.day.isoformat(), s.half] for s in slots],
        at=ctx.clock.now().isoformat(),
        move=moving,
    )
    if moving:
        booked = await ctx.repos.appointments.for_ticket(ticket.id)
        text = texts.APPOINT_MOVE_OFFER.format(
            number=ticket.number,
            item=ticket.item_name,
            slot=slot_text(booked.day, booked.half) if booked else "",
            lines="\n".join(lines),
        )
    else:
        text = texts.APPOINT_OFFER.format(
            number=ticket.number, item=ticket.item_name, place=place, lines="\n".join(lines)
        )
    return Reply.say(prefix + text)
