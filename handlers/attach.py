"""Pictures for a ticket: an image sent while the villager has an open ticket is
attached to it (the scheduler tick downloads it from WeChat) and the reply names the
ticket. Without an open ticket the media handler answers instead."""

from __future__ import annotations

from typing import Any

from handlers import texts
from handlers.register import TICKET
from handlers.tickets_list import OPEN, own_ticket
from handlers.types import Context, Inbound, Reply

NAME = "attach"


async def matches(msg: Inbound, ctx: Context) -> bool:
    return msg.kind == "image" and bool(msg.media_id) and await _target(msg, ctx) is not None


async def handle(msg: Inbound, ctx: Context) -> Reply:
    ticket = await _target(msg, ctx)
    assert ticket is not None and msg.media_id is not None
    # A WeChat retry carries the same MediaId: the repository keeps one row.
    await ctx.repos.attachments.add(ticket_id=ticket.id, media_id=msg.media_id, now=ctx.clock.now())
    return Reply.say(texts.ATTACHED.format(number=ticket.number, item=ticket.item_name))


async def _target(msg: Inbound, ctx: Context) -> Any:
    """The ticket just talked about, else the newest open one."""
    state = ctx.state
    if state is not None and state.flow == TICKET:
        ticket = await own_ticket(ctx, msg.openid, str(state.data["ticket"]))
        if ticket is not None and ticket.status in OPEN:
            return ticket
    tickets = await ctx.repos.tickets.open_for_villager(msg.openid)
    return tickets[0] if tickets else None
