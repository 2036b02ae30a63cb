"""Outside the center's work, or not understood: say so, offer categories and a human. Never guess."""

from __future__ import annotations

from handlers import texts
from handlers.clarify import parse_choice
from handlers.register import guided_item
from handlers.types import Context, Inbound, Reply
from knowledge.render import render_unknown

NAME = "unknown"


def matches(msg: Inbound, ctx: Context) -> bool:
    return bool(msg.text)


async def handle(msg: Inbound, ctx: Context) -> Reply:
    if parse_choice(msg.text) is not None:
        # a lone digit with no list waiting (after a guide answer: its ◆ 1. 2. of cases) is
        # no question; the center's whole list of departments would only bury the way on
        item = guided_item(ctx)
        if item is not None:
            return Reply.say(texts.DIGIT_AFTER_GUIDE.format(item=item.name))
        return Reply.say(texts.DIGIT_NO_MENU)
    return Reply.say(render_unknown(ctx.catalog.center))
