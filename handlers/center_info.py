"""Where the center is, when it opens, its phones."""

from __future__ import annotations

from handlers.types import Context, Inbound, Reply
from knowledge.render import render_center_info

NAME = "center_info"


def matches(msg: Inbound, ctx: Context) -> bool:
    return bool(msg.text) and ctx.decide(msg.text).intent == NAME


async def handle(msg: Inbound, ctx: Context) -> Reply:
    return Reply.say(render_center_info(ctx.catalog.center, msg.text or ""))
