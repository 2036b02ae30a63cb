"""The router: one ordered tuple of intent modules; the first whose `matches`
accepts the message handles it. Order is priority: events, then an active
multi-turn flow, then non-text media, then the matcher's intents."""

from __future__ import annotations

from types import ModuleType

from handlers import (
    center_info,
    clarify,
    complaint,
    events,
    greeting,
    guide,
    human,
    media,
    status,
    unknown,
)
from handlers.types import Context, Inbound, Reply

ROUTES: tuple[ModuleType, ...] = (
    events,
    clarify,  # a pending menu takes a digit before anything else
    media,
    human,
    status,
    complaint,
    center_info,
    greeting,
    guide,
    unknown,  # last: any text nobody else took
)


async def route(msg: Inbound, ctx: Context) -> Reply:
    for module in ROUTES:
        if module.matches(msg, ctx):
            ctx.intent = module.NAME
            reply: Reply = await module.handle(msg, ctx)
            return reply
    return Reply.nothing()
