"""查进度: the villager asks how their request is going."""

from __future__ import annotations

from handlers import texts
from handlers.types import Context, Inbound, Reply

NAME = "status"


def matches(msg: Inbound, ctx: Context) -> bool:
    return bool(msg.text) and ctx.decide(msg.text).intent == NAME


async def handle(msg: Inbound, ctx: Context) -> Reply:
    return Reply.say(texts.STATUS_BY_PHONE.format(phone=ctx.catalog.center.phones.consult))
