"""投诉/举报/信访/反映问题."""

from __future__ import annotations

from handlers import texts
from handlers.types import Context, Inbound, Reply

NAME = "complaint"


def matches(msg: Inbound, ctx: Context) -> bool:
    return bool(msg.text) and ctx.decide(msg.text).intent == NAME


async def handle(msg: Inbound, ctx: Context) -> Reply:
    center = ctx.catalog.center
    return Reply.say(
        texts.COMPLAINT_BY_PHONE.format(complaint=center.phones.complaint, address=center.address)
    )
