"""A short follow-up about the item just answered (需要啥条件, 多久能办好, 在哪办, 要钱吗): the
part of its notice asked about. Alone these name no item, and would get "I don't know" or the
center's card; after a notice, they are about that item."""

from __future__ import annotations

from handlers.register import guided_item
from handlers.tickets_list import clean
from handlers.types import Context, Inbound, Reply
from knowledge.decision import weak_human
from knowledge.render import followup_aspect, render_followup

NAME = "followup"
FOLLOWUP_MAX = 16  # characters: a longer message is a question of its own
# what the matcher makes of a follow-up alone; another item answered or offered is a new question
_ALONE = ("unknown", "center_info")


def matches(msg: Inbound, ctx: Context) -> bool:
    item = guided_item(ctx)  # first: most messages come with no notice just answered
    if item is None or not msg.text or len(clean(msg.text)) > FOLLOWUP_MAX:
        return False
    if followup_aspect(msg.text) is None:
        return False
    decision = ctx.decide(msg.text)
    if decision.intent == "guide":
        return decision.item is not None and decision.item.id == item.id
    if decision.intent == "clarify":  # a menu: only if the item just answered is on it
        return any(c.id == item.id for c in decision.candidates)
    if decision.intent == "human":  # only a reason to want a person (我不识字), not a request
        return weak_human(str(decision.explain.get("why", "")))
    return decision.intent in _ALONE


async def handle(msg: Inbound, ctx: Context) -> Reply:
    item = guided_item(ctx)
    aspect = followup_aspect(msg.text)
    assert item is not None and aspect is not None
    url = f"{ctx.base_url}/guide/{item.id}"
    # the state stays: 办理 next still registers this item
    return Reply.say(render_followup(item, ctx.catalog.center, aspect, guide_url=url))
