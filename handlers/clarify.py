"""Close candidates → a numbered menu; a digit in the next message picks one.

```mermaid
stateDiagram-v2
    [*] --> menu: several close items
    menu --> guide: digit 1..n (or "是" when it asked about one item)
    menu --> [*]: anything else (routed as a new question)
    menu --> [*]: idle timeout
```
"""

from __future__ import annotations

import unicodedata

from handlers import guide, texts
from handlers.types import Context, Inbound, Reply
from knowledge.render import render_menu

NAME = "clarify"
FLOW = "clarify"


def parse_choice(text: str) -> int | None:
    """ "2", "２", "二", "2号", "第2个" → 2; anything else → None."""
    cleaned = unicodedata.normalize("NFKC", text).strip().strip("。.！!，, ")
    digits = [c for c in cleaned if c.isdigit()]
    if len(digits) == 1 and len(cleaned) <= 4:
        return int(digits[0])
    if len(cleaned) <= 4:
        found = [texts.CHINESE_DIGITS.index(c) for c in cleaned if c in texts.CHINESE_DIGITS]
        if len(found) == 1:
            return found[0]
    return None


def _yes(text: str) -> bool:
    return unicodedata.normalize("NFKC", text).strip().strip("。.！!，, ~～") in texts.MENU_YES


def _choice(text: str, ids: list[str]) -> int | None:
    """The menu's answer: a number, or "yes" when the menu asked about one item."""
    choice = parse_choice(text)
    if choice is None and len(ids) == 1 and _yes(text):
        return 1
    return choice


def matches(msg: Inbound, ctx: Context) -> bool:
    if ctx.state is not None and ctx.state.flow == FLOW and msg.text:
        if _choice(msg.text, list(ctx.state.data.get("items", []))) is not None:
            return True
        ctx.end()  # the menu only answers the very next message
        return False
    return bool(msg.text) and ctx.decide(msg.text).intent == NAME


async def handle(msg: Inbound, ctx: Context) -> Reply:
    if ctx.state is not None and ctx.state.flow == FLOW:
        ids: list[str] = list(ctx.state.data.get("items", []))
        choice = _choice(msg.text, ids)
        if (
            choice is None
            or not 1 <= choice <= len(ids)
            or ids[choice - 1] not in ctx.catalog.by_id
        ):
            return Reply.say(texts.MENU_BAD_CHOICE.format(n=len(ids)))
        return guide.answer_item(ctx.catalog.by_id[ids[choice - 1]], ctx)
    candidates = ctx.decide(msg.text).candidates[:5]
    ctx.goto(FLOW, "menu", items=[item.id for item in candidates])
    return Reply.say(render_menu(candidates))
