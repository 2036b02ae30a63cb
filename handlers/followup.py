"""A short follow-up about the item just answered (需要啥条件, 多久能办好, 在哪办, 要钱吗, 要带死亡证明吗):
the part of its notice asked about. Alone these name no item, or another one, and would get
"I don't know", the center's card or another notice; after a notice, they are about that item."""

from __future__ import annotations

from handlers.register import guided_item
from handlers.tickets_list import clean
from handlers.types import Context, Inbound, Reply
from knowledge.catalog import Item
from knowledge.decision import weak_human
from knowledge.normalize import compact
from knowledge.render import (
    MaterialsAsked,
    followup_aspect,
    materials_asked,
    render_followup,
    render_materials_asked,
)

NAME = "followup"
FOLLOWUP_MAX = 16  # characters: a longer message is a question of its own
# what the matcher makes of a follow-up alone; another item answered or offered is a new question
_ALONE = ("unknown", "center_info")


def matches(msg: Inbound, ctx: Context) -> bool:
    item = guided_item(ctx)  # first: most messages come with no notice just answered
    if item is None or not msg.text or len(clean(msg.text)) > FOLLOWUP_MAX:
        return False
    if _material_asked(item, msg.text, ctx) is not None:
        return True
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


def _material_asked(item: Item, text: str, ctx: Context) -> MaterialsAsked | None:
    """要带死亡证明吗 after 丧葬补助金's notice is about its material, though 死亡证明 alone would
    name 死亡注销户口; 办死亡注销要带啥 names that item outside the material's words: new question."""
    asked = materials_asked(item, text)
    if asked is None:
        return None
    rest = compact(text).replace(asked.shared, "")
    decision = ctx.decide(text)
    for other in (decision.item, *decision.candidates):
        if other is not None and other.id != item.id and _named(other, rest):
            return None
    return asked


def _named(item: Item, text: str) -> bool:
    return any(compact(n) in text for n in (item.name, *item.aliases))


async def handle(msg: Inbound, ctx: Context) -> Reply:
    item = guided_item(ctx)
    assert item is not None
    url = f"{ctx.base_url}/guide/{item.id}"
    asked = _material_asked(item, msg.text, ctx)
    if asked is not None:
        return Reply.say(render_materials_asked(item, ctx.catalog.center, asked, guide_url=url))
    aspect = followup_aspect(msg.text)
    assert aspect is not None
    # the state stays: 办理 next still registers this item
    return Reply.say(render_followup(item, ctx.catalog.center, aspect, guide_url=url))
