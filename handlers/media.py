"""Non-text messages: voice without recognition, images, location, links, video, unknown types."""

from __future__ import annotations

from handlers import texts
from handlers.types import Context, Inbound, Reply

NAME = "media"


def matches(msg: Inbound, ctx: Context) -> bool:
    if msg.kind == "voice":
        return not msg.text  # a recognised voice message is treated as text
    return msg.kind not in ("text", "event")


async def handle(msg: Inbound, ctx: Context) -> Reply:
    center = ctx.catalog.center
    if msg.kind == "voice":
        return Reply.say(texts.VOICE_UNCLEAR)
    if msg.kind == "image":
        return Reply.say(texts.IMAGE_RECEIVED)
    if msg.kind == "location":
        return Reply.say(texts.LOCATION_REPLY.format(address=center.address, hours=center.hours))
    if msg.kind == "link":
        return Reply.say(texts.LINK_RECEIVED)
    if msg.kind in ("video", "shortvideo"):
        return Reply.say(texts.VIDEO_RECEIVED)
    # Unknown message types (new WeChat features) get `success`: an answer we
    # cannot tailor is worse than none, and the message is stored for staff.
    return Reply.nothing()
