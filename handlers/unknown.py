"""Outside the center's work, or not understood: say so, offer categories and a human. Never guess."""

from __future__ import annotations

from handlers import texts
from handlers.clarify import parse_choice
from handlers.followup import FOLLOWUP_MAX
from handlers.register import guided_item
from handlers.tickets_list import clean
from handlers.types import Context, Inbound, Reply
from knowledge.decision import is_out_of_scope
from knowledge.render import render_unknown, render_unknown_about

NAME = "unknown"


def matches(msg: Inbound, ctx: Context) -> bool:
    return bool(msg.text)


async def handle(msg: Inbound, ctx: Context) -> Reply:
    item = guided_item(ctx)
    if parse_choice(msg.text) is not None:
        # a lone digit with no list waiting (after a guide answer: its ◆ 1. 2. of cases) is
        # no question; the center's whole list of departments would only bury the way on
        if item is not None:
            return Reply.say(texts.DIGIT_AFTER_GUIDE.format(item=item.name))
        return Reply.say(texts.DIGIT_NO_MENU)
    if item is not None and len(clean(msg.text)) <= FOLLOWUP_MAX and not _elsewhere(msg, ctx):
        # right after a notice a short question is most likely a detail of that item
        return Reply.say(render_unknown_about(item, ctx.catalog.center))
    return Reply.say(render_unknown(ctx.catalog.center))


def _elsewhere(msg: Inbound, ctx: Context) -> bool:
    """Plainly about something else (天气, 化肥, 火车票)."""
    intents = ctx.decide(msg.text).explain.get("intents")
    return isinstance(intents, dict) and is_out_of_scope(intents)
