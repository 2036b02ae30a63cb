"""Greetings and thanks."""

from __future__ import annotations

from handlers import texts
from handlers.types import Context, Inbound, Reply

NAME = "greeting"


def matches(msg: Inbound, ctx: Context) -> bool:
    return bool(msg.text) and ctx.decide(msg.text).intent == NAME


async def handle(msg: Inbound, ctx: Context) -> Reply:
    if any(word in msg.text for word in texts.THANKS_WORDS):
        return Reply.say(texts.THANKS)
    return Reply.say(texts.GREETING.format(center=ctx.catalog.center.name))
