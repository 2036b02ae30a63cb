"""一次性告知: one confident item → the complete notice of what to bring."""

from __future__ import annotations

from handlers.types import Context, Inbound, Reply
from knowledge.catalog import Item
from knowledge.render import render_guide

NAME = "guide"


def matches(msg: Inbound, ctx: Context) -> bool:
    return bool(msg.text) and ctx.decide(msg.text).intent == NAME


async def handle(msg: Inbound, ctx: Context) -> Reply:
    item = ctx.decide(msg.text).item
    assert item is not None
    return answer_item(item, ctx)


def answer_item(item: Item, ctx: Context) -> Reply:
    """The notice for one item; remembers it so "办理" next can register it."""
    ctx.goto("guided", "offered", item=item.id)
    url = f"{ctx.base_url}/guide/{item.id}"
    return Reply.say(render_guide(item, ctx.catalog.center, guide_url=url))
