"""投诉/举报/信访/矛盾纠纷/意见建议: the matter, in the villager's own words, becomes a
ticket for the 综治中心 (信访办); the desk tells the leader on duty at once.

```mermaid
stateDiagram-v2
    [*] --> [*]: complaint intent that already describes the matter, registered (END)
    [*] --> describe: complaint intent, nothing described yet
    describe --> describe: too short, asked again
    describe --> [*]: the next text message, registered (END)
    describe --> [*]: quxiao (END)
```
"""

from __future__ import annotations

from handlers import texts
from handlers.tickets_list import clean, day_text
from handlers.types import Context, Inbound, Reply

NAME = "complaint"
FLOW = "complaint"
DESCRIBED_MIN = 6  # characters left once the complaint words are taken out
SHORT_MIN = 4  # a description shorter than this cannot be acted on
_NOISE = sorted(
    {w for _, words in texts.COMPLAINT_CATEGORIES for w in words} | set(texts.COMPLAINT_FILLERS),
    key=len,
    reverse=True,
)


def category_of(text: str) -> str:
    """投诉/举报/信访/矛盾纠纷/意见建议 guessed from keywords; 投诉 when nothing fits."""
    value = clean(text)
    for category, words in texts.COMPLAINT_CATEGORIES:
        if any(word in value for word in words):
            return category
    return texts.COMPLAINT_DEFAULT


def described(text: str) -> bool:
    """Whether the message says what happened, beyond "I want to complain"."""
    value = clean(text)
    for word in _NOISE:
        value = value.replace(word, "")
    return len(value) >= DESCRIBED_MIN


def matches(msg: Inbound, ctx: Context) -> bool:
    if not msg.text:
        return False
    if ctx.state is not None and ctx.state.flow == FLOW:
        return True
    return ctx.decide(msg.text).intent == NAME


async def handle(msg: Inbound, ctx: Context) -> Reply:
    state = ctx.state
    if state is None or state.flow != FLOW:
        if described(msg.text):
            return await _register(msg, ctx, msg.text.strip(), category_of(msg.text))
        ctx.goto(FLOW, "describe", first=msg.text, at=ctx.clock.now().isoformat())
        return Reply.say(texts.COMPLAINT_ASK)
    value = clean(msg.text)
    if value in texts.CANCEL_WORDS:
        ctx.end()
        return Reply.say(texts.COMPLAINT_CANCELLED)
    if len(value) < SHORT_MIN:
        return Reply.say(texts.COMPLAINT_TOO_SHORT)
    first = str(state.data.get("first", ""))
    ctx.end()
    return await _register(msg, ctx, msg.text.strip(), category_of(first + msg.text))


async def _register(msg: Inbound, ctx: Context, text: str, category: str) -> Reply:
    ticket = await ctx.desk.register_complaint(openid=msg.openid, text=text, category=category)
    center = ctx.catalog.center
    try:
        dep = ctx.catalog.department(ticket.department_id)
        department, phone = dep.name, dep.phone
    except KeyError:
        department, phone = center.name, center.phones.complaint or ""
    return Reply.say(
        texts.COMPLAINT_DONE.format(
            number=ticket.number,
            category=category,
            department=department,
            days=ticket.promised_days,
            date=day_text(ticket.due_at.date()),
            phone=phone,
        )
    )
