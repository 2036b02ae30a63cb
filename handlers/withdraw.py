"""撤回: the villager withdraws one of their own open tickets, after confirming.

```mermaid
stateDiagram-v2
    [*] --> confirm: chehui BM..., or chehui with one open ticket
    [*] --> pick: chehui with several open tickets
    pick --> confirm: a digit
    confirm --> [*]: yes, withdrawn and its appointment freed (END)
    confirm --> [*]: no, kept (END)
    pick --> [*]: anything else, routed as a new message
    confirm --> [*]: anything else, routed as a new message
```
"""

from __future__ import annotations

from typing import Any

from handlers import texts
from handlers.clarify import parse_choice
from handlers.tickets_list import OPEN, clean, own_ticket, status_name
from handlers.types import Context, Inbound, Reply
from knowledge.intents import find_ticket

NAME = "withdraw"
FLOW = "withdraw"
ASK_MAX = 30  # longer messages that mention 撤回 are questions, not requests


def _asks(text: str) -> bool:
    value = clean(text)
    return len(value) <= ASK_MAX and any(word in value for word in texts.WITHDRAW_WORDS)


def _answers(msg: Inbound, ctx: Context) -> bool:
    assert ctx.state is not None
    choice = parse_choice(msg.text)
    if ctx.state.step == "pick":
        return choice is not None or clean(msg.text) in texts.CANCEL_WORDS
    value = clean(msg.text)
    words = texts.YES_WORDS + texts.NO_WORDS + texts.CANCEL_WORDS
    return value in words or choice in (1, 2)


def matches(msg: Inbound, ctx: Context) -> bool:
    if not msg.text:
        return False
    if ctx.state is not None and ctx.state.flow == FLOW:
        if not _asks(msg.text) and _answers(msg, ctx):
            return True
        ctx.end()  # the question only holds for the very next message
    return _asks(msg.text)


async def handle(msg: Inbound, ctx: Context) -> Reply:
    state = ctx.state
    if state is None or state.flow != FLOW:
        return await _start(msg, ctx)
    value = clean(msg.text)
    choice = parse_choice(msg.text)
    if state.step == "pick":
        numbers = list(state.data["tickets"])
        if value in texts.CANCEL_WORDS:
            ctx.end()
            return Reply.say(texts.WITHDRAW_NOTHING)
        if choice is None or not 1 <= choice <= len(numbers):
            return await _pick(msg, ctx)
        ticket = await own_ticket(ctx, msg.openid, numbers[choice - 1])
        if ticket is None or ticket.status not in OPEN:
            ctx.end()
            return Reply.say(texts.WITHDRAW_NONE)
        return _confirm(ticket, ctx)
    ticket = await own_ticket(ctx, msg.openid, str(state.data["ticket"]))
    ctx.end()
    if ticket is None:
        return Reply.say(texts.WITHDRAW_NONE)
    if not (value in texts.YES_WORDS or choice == 1):
        return Reply.say(texts.WITHDRAW_KEPT.format(number=ticket.number))
    if ticket.status not in OPEN:
        return Reply.say(
            texts.WITHDRAW_CLOSED.format(number=ticket.number, status=status_name(ticket.status))
        )
    await ctx.desk.chat.withdraw(ticket)
    return Reply.say(texts.WITHDRAW_DONE.format(number=ticket.number, item=ticket.item_name))


async def _start(msg: Inbound, ctx: Context) -> Reply:
    number = find_ticket(msg.text)
    if number is not None:
        ticket = await own_ticket(ctx, msg.openid, number)
        if ticket is None:
            return Reply.say(texts.TICKET_NOT_FOUND.format(number=number))
        if ticket.status not in OPEN:
            return Reply.say(
                texts.WITHDRAW_CLOSED.format(
                    number=ticket.number, status=status_name(ticket.status)
                )
            )
        return _confirm(ticket, ctx)
    tickets = await ctx.repos.tickets.open_for_villager(msg.openid)
    if not tickets:
        return Reply.say(texts.WITHDRAW_NONE)
    if len(tickets) == 1:
        return _confirm(tickets[0], ctx)
    ctx.goto(FLOW, "pick", tickets=[t.number for t in tickets], at=ctx.clock.now().isoformat())
    return await _pick(msg, ctx)


async def _pick(msg: Inbound, ctx: Context) -> Reply:
    assert ctx.state is not None
    lines = []
    for n, number in enumerate(ctx.state.data["tickets"], 1):
        ticket = await own_ticket(ctx, msg.openid, number)
        item = ticket.item_name if ticket is not None else ""
        lines.append(texts.WITHDRAW_PICK_LINE.format(n=n, number=number, item=item))
    count = len(lines)
    return Reply.say(texts.WITHDRAW_PICK.format(count=count, lines="\n".join(lines)))


def _confirm(ticket: Any, ctx: Context) -> Reply:
    ctx.goto(FLOW, "confirm", ticket=ticket.number, at=ctx.clock.now().isoformat())
    return Reply.say(texts.WITHDRAW_CONFIRM.format(number=ticket.number, item=ticket.item_name))
