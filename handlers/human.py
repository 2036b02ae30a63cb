"""转人工: the villager wants a person."""

from __future__ import annotations

from handlers import texts
from handlers.types import Context, Inbound, Reply

NAME = "human"


def matches(msg: Inbound, ctx: Context) -> bool:
    return bool(msg.text) and ctx.decide(msg.text).intent == NAME


async def handle(msg: Inbound, ctx: Context) -> Reply:
    center = ctx.catalog.center
    return Reply.say(
        texts.HUMAN_BY_PHONE.format(phone=center.phones.consult, hours=center.hours, address=center.address)
    )
