"""Outside the center's work, or not understood: say so, offer categories and a human. Never guess."""

from __future__ import annotations

from handlers.types import Context, Inbound, Reply
from knowledge.render import render_unknown

NAME = "unknown"


def matches(msg: Inbound, ctx: Context) -> bool:
    return bool(msg.text)


async def handle(msg: Inbound, ctx: Context) -> Reply:
    return Reply.say(render_unknown(ctx.catalog.center))
