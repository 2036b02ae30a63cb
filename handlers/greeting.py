"""Greetings and thanks."""

from __future__ import annotations

from handlers import texts
from handlers.tickets_list import clean
from handlers.types import Context, Inbound, Reply
from knowledge.normalize import compact

NAME = "greeting"


def matches(msg: Inbound, ctx: Context) -> bool:
    return bool(msg.text) and ctx.decide(msg.text).intent == NAME


async def handle(msg: Inbound, ctx: Context) -> Reply:
    """Thanks, goodbye and "got it" are answered in a line; only a hello introduces the bot.
    Words written win over stickers: 您好[合十] is a polite hello, [合十] alone thanks."""
    written = clean(msg.text)
    # as the matcher reads it: 👍 and [强] are 好的, 🙏 and [抱拳] 谢谢, 👋 再见
    said = compact(msg.text)
    if any(word in written for word in texts.THANKS_WORDS):
        return Reply.say(texts.THANKS)
    if not any(word in written for word in texts.HELLO_WORDS):
        if any(word in said for word in texts.THANKS_WORDS):
            return Reply.say(texts.THANKS)
        if any(word in said for word in texts.BYE_WORDS):
            return Reply.say(texts.BYE)
        if said in texts.ACK_ALONE or any(word in said for word in texts.ACK_WORDS):
            return Reply.say(texts.ACK)
    return Reply.say(texts.GREETING.format(center=ctx.catalog.center.name))
