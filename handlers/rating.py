"""好差评: the answer to the rating question pushed with 已办结 (1 非常满意 … 5 非常不满意);
for 不满意/非常不满意 the next message is the reason, which opens a callback (回访).
One rating per ticket; nothing is ever rated for a villager who did not answer.

```mermaid
stateDiagram-v2
    [*] --> [*]: 1-3 or its word while a rating is awaited, thanked
    [*] --> reason: 4-5 or its word, asked why
    reason --> [*]: next text is the reason, callback opened (END)
    [*] --> [*]: a rating for a ticket already rated, told it is recorded
```
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from handlers import texts
from handlers.clarify import parse_choice
from handlers.register import PASSIVE
from handlers.tickets_list import clean
from handlers.types import Context, Inbound, Reply

NAME = "rating"
FLOW = "rating"
SCORES = range(1, 6)
WORDS_MAX = 8  # a longer message that merely contains 满意 is not an answer to the question


def parse_rating(text: str) -> tuple[int, bool] | None:
    """(score, given as a digit) for '2', '２', '二', '满意', '很不满意'; else None.
    Words first: 一般 would otherwise read as the digit 一."""
    value = clean(text)
    for word, score in texts.RATING_WORDS:  # longest first, so 不满意 is not 满意
        if value == word or (len(value) <= WORDS_MAX and word in value):
            return score, False
    choice = parse_choice(text)
    if choice is not None and choice in SCORES:
        return choice, True
    return None


async def matches(msg: Inbound, ctx: Context) -> bool:
    """A digit answers the more recent prompt: a pending flow that takes digits (menu,
    form, slot list) keeps it when shown after the rating question was asked, else it
    rates. Rating words are unambiguous and always rate while a rating is awaited."""
    if not msg.text:
        return False
    if ctx.state is not None and ctx.state.flow == FLOW:
        return True
    parsed = parse_rating(msg.text)
    if parsed is None:
        return False
    waiting = ctx.state is not None and ctx.state.flow not in PASSIVE
    ticket = await ctx.repos.tickets.awaiting_rating(msg.openid)
    if ticket is None:
        # Only a plain answer is a second attempt; "我对服务不满意" later is a complaint.
        plain = parsed[1] or clean(msg.text) in dict(texts.RATING_WORDS)
        return plain and not waiting and await _last_rated(ctx, msg.openid) is not None
    by_digit = parsed[1]
    if by_digit and waiting:
        prompt = await _prompt_time(ctx, msg.openid)
        asked = ticket.rating_asked_at
        if prompt is not None and asked is not None and prompt > asked:
            return False
    return True


async def handle(msg: Inbound, ctx: Context) -> Reply:
    if ctx.state is not None and ctx.state.flow == FLOW:
        return await _reason(msg, ctx)
    parsed = parse_rating(msg.text)
    assert parsed is not None
    score = parsed[0]
    ticket = await ctx.repos.tickets.awaiting_rating(msg.openid)
    if ticket is None:
        rated = await _last_rated(ctx, msg.openid)
        return Reply.say(
            texts.RATING_ALREADY.format(
                number=rated.number, item=rated.item_name, rating=texts.RATING_NAMES[rated.rating]
            )
        )
    await ctx.desk.rate(ticket, score)
    name = texts.RATING_NAMES[score]
    if score >= 4:  # 差评: ask why, the answer goes to the department head's callback
        ctx.goto(FLOW, "reason", ticket=ticket.number, at=ctx.clock.now().isoformat())
        return Reply.say(texts.RATING_WHY.format(rating=name))
    return Reply.say(texts.RATING_THANKS.format(rating=name))


async def _reason(msg: Inbound, ctx: Context) -> Reply:
    assert ctx.state is not None
    ticket = await ctx.repos.tickets.by_number(str(ctx.state.data["ticket"]))
    ctx.end()
    if ticket is None or ticket.openid != msg.openid:
        return Reply.nothing()  # cannot happen unless the ticket was deleted
    await ctx.desk.open_callback(ticket, msg.text.strip())
    try:
        department = ctx.catalog.department(ticket.department_id).name
    except KeyError:
        department = ctx.catalog.center.name
    days = ctx.desk.settings.callback_days
    return Reply.say(texts.RATING_CALLBACK.format(department=department, days=days))


async def _last_rated(ctx: Context, openid: str) -> Any:
    """The ticket whose rating was asked last, if the villager already rated it."""
    asked = [
        (t.rating_asked_at, t)
        for t in await ctx.repos.tickets.for_villager(openid)
        if t.status == "done" and t.rating_asked_at is not None
    ]
    if not asked:
        return None
    last = max(asked, key=lambda pair: pair[0])[1]
    return last if last.rating is not None else None


async def _prompt_time(ctx: Context, openid: str) -> dt.datetime | None:
    """When the pending flow last asked something: our flows keep it in their data,
    others (the menu) are known by the saved state's time."""
    assert ctx.state is not None
    at = ctx.state.data.get("at")
    if at:
        return dt.datetime.fromisoformat(str(at))
    return ctx.state_saved_at
