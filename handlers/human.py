"""转人工: the conversation joins the staff queue (a Handoff row) and the bot stays
quiet until staff close it. The row is read on every message, so closing it in the
console hands the villager back to the bot at once.

```mermaid
stateDiagram-v2
    [*] --> waiting: rengong, told a person will answer (after hours, when)
    waiting --> waiting: any message, stored by the gateway, unread + 1, no reply
    waiting --> open: a staff member answers (console)
    open --> open: any message, unread + 1, no reply
    waiting --> [*]: staff close it (console)
    open --> [*]: staff close it (console), back to the bot
```
"""

from __future__ import annotations

import datetime as dt

from handlers import followup, texts
from handlers.tickets_list import day_text
from handlers.types import Context, Inbound, Reply

NAME = "human"


async def matches(msg: Inbound, ctx: Context) -> bool:
    if ctx.handoff_live:
        return True
    if not msg.text or ctx.decide(msg.text).intent != NAME:
        return False
    # 她不识字，我代办可以吗 right after a notice asks about that item, not for a person
    return not followup.matches(msg, ctx)


async def handle(msg: Inbound, ctx: Context) -> Reply:
    now = ctx.clock.now()
    handoff, created = await ctx.repos.handoffs.open(msg.openid, now)
    if not created:
        # Quiet: staff read the message in the console (the gateway stored it);
        # the count tells them how many wait.
        handoff.unread += 1
        return Reply.nothing()
    await ctx.desk.chat.announce_handoff(handoff)
    if ctx.desk.chat.working_now():
        return Reply.say(texts.HANDOFF_OPENED)
    when = when_text(ctx.desk.chat.next_opening(), now)
    phone = ctx.catalog.center.phones.consult or ""
    return Reply.say(texts.HANDOFF_AFTER_HOURS.format(when=when, phone=phone))


def when_text(at: dt.datetime, now: dt.datetime) -> str:
    """'今天下午2:00', '明天上午8:30', '11月30日（周一）上午8:30'."""
    if at.date() == now.date():
        day = texts.TODAY
    elif at.date() == now.date() + dt.timedelta(days=1):
        day = texts.TOMORROW
    else:
        day = day_text(at.date())
    return texts.WHEN.format(day=day, time=texts.clock_text(at.hour, at.minute))
