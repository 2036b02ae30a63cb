"""办理: after a guide answer, a short form (name, mobile, village, case, confirm)
registers a numbered ticket. A paused form survives unrelated questions (the router
keeps it) and expires after Settings.form_idle_minutes of silence.

```mermaid
stateDiagram-v2
    [*] --> reuse: banli after a guide answer, details on file
    [*] --> name: banli after a guide answer, first time
    reuse --> case: yes, item has several cases
    reuse --> confirm: yes, one case
    reuse --> name: no (or 2)
    name --> name: no words (a digit, letters), asked again with an example
    name --> phone
    phone --> phone: not a mobile number, asked again; no mobile, told a relative's will do
    phone --> village
    village --> case: item has several cases
    village --> confirm: one case
    case --> confirm
    confirm --> edit: xiugai (also before the summary)
    edit --> name: 1-4 picks the field, then the first field still missing, else confirm
    confirm --> [*]: queren, ticket registered (END)
    confirm --> [*]: quxiao, at every step (END)
    confirm --> [*]: TIMEOUT form_idle_minutes, told kindly
```
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from handlers import texts
from handlers.clarify import parse_choice
from handlers.tickets_list import clean, render_ticket
from handlers.types import Context, Inbound, Reply, State
from knowledge.catalog import Item

NAME = "register"
FLOW = "register"
GUIDED = "guided"  # set by handlers/guide.py: {"item": id}
TICKET = "ticket"  # set here after registering: {"ticket": number}, for 预约 and pictures
PASSIVE = (GUIDED, TICKET)  # states that wait for nothing in particular
STASH = "form"  # a paused form rides in another flow's state data under this key
FIELDS = ("name", "phone", "village")
PHONE = re.compile(r"1[3-9]\d{9}")
DIGIT_RUN = re.compile(r"\d[\d\s\-\u2010-\u2015()]*")  # digits with the separators people type
BAD = "bad"  # form-shaped but wrong: ask again instead of treating it as a new question
NO_PHONE = "no_phone"  # the villager has no mobile: say what will do, then ask again
COMMANDS = frozenset(
    texts.FORM_START_WORDS
    + texts.YES_WORDS
    + texts.NO_WORDS
    + texts.CANCEL_WORDS
    + texts.FORM_EDIT_WORDS
    + texts.WITHDRAW_WORDS
    + texts.APPOINT_WORDS
)


def _is_cjk(ch: str) -> bool:
    return 0x4E00 <= ord(ch) <= 0x9FFF or 0x3400 <= ord(ch) <= 0x4DBF or ch == "\u00b7"


def mask_name(name: str) -> str:
    """张*明, 李*: enough for the villager to recognise, not for a stranger to read."""
    if len(name) <= 2:
        return name[:1] + "*" * (len(name) - 1)
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 8 else phone


def parse_phone(text: str) -> str | None:
    """A mobile number from '138 1234 5678', '138-1234-5678', full-width digits or +86."""
    folded = unicodedata.normalize("NFKC", text)
    runs = ["".join(c for c in run if c.isdigit()) for run in DIGIT_RUN.findall(folded)]
    digits = max(runs, key=len, default="")
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return digits if PHONE.fullmatch(digits) else None


def _strip_prefix(value: str, prefixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        if value.startswith(prefix) and len(value) - len(prefix) >= 2:
            return value[len(prefix) :]
    return value


def _plain_answer(text: str, ctx: Context) -> bool:
    """Not a command and not a question the matcher recognises."""
    return clean(text) not in COMMANDS and ctx.decide(text).intent == "unknown"


def _not_words(value: str, text: str, ctx: Context) -> bool:
    """A short reply with no Chinese in it (1, ok, ?, a phone number) that is no question the
    matcher knows: a wrong answer to a question asking for a name, not something else asked."""
    return (
        not any(map(_is_cjk, value))
        and len(value) <= 20
        and value not in COMMANDS
        and ctx.decide(text).intent == "unknown"
    )


def parse(step: str, text: str, item: Item, ctx: Context) -> tuple[str, Any] | str | None:
    """(field, value) for an answer to `step`; BAD for a wrong answer of the right
    shape; None when the message is not an answer at all (an interruption)."""
    value = clean(text)
    choice = parse_choice(text)
    if value in texts.FORM_EDIT_WORDS and step not in ("confirm", "edit", "reuse"):
        return ("confirm", "edit")  # mid-form: an earlier answer was wrong (村 after 情形)
    if step == "reuse":
        # the question numbers its answers: 1 keeps the details, 2 fills them in anew
        if value in texts.YES_WORDS or choice == 1:
            return ("reuse", True)
        if value in texts.NO_WORDS or choice == 2:
            return ("reuse", False)
        return BAD if choice is not None else None
    if step == "name":
        name = _strip_prefix(value, texts.FORM_NAME_PREFIXES)
        if 2 <= len(name) <= 6 and all(map(_is_cjk, name)) and _plain_answer(text, ctx):
            return ("name", name)
        return BAD if _not_words(value, text, ctx) else None
    if step == "phone":
        if value in texts.FORM_NO_PHONE_WORDS:
            return NO_PHONE
        if not any(c.isdigit() for c in unicodedata.normalize("NFKC", text)):
            return None
        phone = parse_phone(text)
        return ("phone", phone) if phone else BAD
    if step == "village":
        village = _strip_prefix(value, texts.FORM_VILLAGE_PREFIXES)
        if not (2 <= len(village) <= 20 and any(map(_is_cjk, village))) or village in COMMANDS:
            return BAD if _not_words(value, text, ctx) else None
        place_like = len(village) <= 10 and village.endswith(texts.FORM_VILLAGE_SUFFIXES)
        if place_like or _plain_answer(text, ctx):
            return ("village", village)
        return None
    if step == "case":
        if choice is not None:
            return ("case", item.cases[choice - 1].name) if 1 <= choice <= len(item.cases) else BAD
        for case in item.cases:
            if len(value) >= 2 and (value in clean(case.name) or clean(case.name) in value):
                return ("case", case.name)
        return None
    if step == "confirm":
        if value in texts.YES_WORDS or choice == 1:
            return ("confirm", "ok")
        if value in texts.FORM_EDIT_WORDS or choice == 2:
            return ("confirm", "edit")
        return ("confirm", "cancel") if choice == 3 else None
    fields = _fields(item)  # step == "edit"
    if choice is not None:
        return ("edit", fields[choice - 1]) if 1 <= choice <= len(fields) else BAD
    for field in fields:
        if any(word in value for word in texts.FORM_FIELD_WORDS[field]):
            return ("edit", field)
    return None


def _fields(item: Item) -> tuple[str, ...]:
    return FIELDS + (("case",) if len(item.cases) > 1 else ())


def _next_step(data: dict[str, Any], item: Item) -> str:
    return next((f for f in _fields(item) if not data.get(f)), "confirm")


# -- the form's place in the conversation (used by the router too) -------------


def paused_form(state: State | None) -> State | None:
    """The form, whether it is the current flow or rides paused in another one."""
    if state is None:
        return None
    if state.flow == FLOW:
        return state
    saved = state.data.get(STASH)
    if isinstance(saved, dict):
        return State(FLOW, str(saved["step"]), dict(saved["data"]))
    return None


def guided_item(ctx: Context) -> Item | None:
    """The item whose notice was the last answer (the GUIDED state), if still in the catalog."""
    state = ctx.state
    if state is None or state.flow != GUIDED:
        return None
    return ctx.catalog.by_id.get(str(state.data.get("item")))


def live_form(ctx: Context, text: str) -> State | None:
    """The form the message may answer: the current flow, or a paused one when nothing
    else waits for this message (a passive state, or a menu and no digit)."""
    state = ctx.state
    if state is None or state.flow == FLOW:
        return state
    if state.flow in PASSIVE or (state.flow == "clarify" and parse_choice(text) is None):
        return paused_form(state)
    return None


# -- the flow --------------------------------------------------------------------


def matches(msg: Inbound, ctx: Context) -> bool:
    if not msg.text:
        return False
    value = clean(msg.text)
    if value in texts.FORM_START_WORDS:
        return True
    form = live_form(ctx, msg.text)
    if form is None or str(form.data.get("item")) not in ctx.catalog.by_id:
        return False
    if value in texts.CANCEL_WORDS:
        return True
    return parse(form.step, msg.text, ctx.catalog.by_id[str(form.data["item"])], ctx) is not None


async def handle(msg: Inbound, ctx: Context) -> Reply:
    value = clean(msg.text)
    form = live_form(ctx, msg.text)
    if value in texts.FORM_START_WORDS:
        guided = guided_item(ctx)
        if guided is not None:
            return await _start(guided, msg, ctx)
        item = ctx.catalog.by_id.get(str(form.data["item"])) if form is not None else None
        if form is not None and item is not None:  # mid-form: ask the waiting question again
            return await _ask(form.step, dict(form.data), item, msg, ctx)
        return Reply.say(texts.FORM_NEED_ITEM)
    assert form is not None
    item = ctx.catalog.by_id[str(form.data["item"])]
    data = dict(form.data)
    # matches() made sure the message is 取消 or an answer (right or wrong) to this step
    result = None if value in texts.CANCEL_WORDS else parse(form.step, msg.text, item, ctx)
    if result is None or result == ("confirm", "cancel"):
        ctx.goto(GUIDED, "offered", item=item.id)
        return Reply.say(texts.FORM_CANCELLED)
    if result == NO_PHONE:
        return await _ask(form.step, data, item, msg, ctx, intro=texts.FORM_NO_PHONE)
    if isinstance(result, str):  # BAD
        return await _ask(form.step, data, item, msg, ctx, bad=True)
    field, answer = result
    if field == "confirm" and answer == "ok":
        return await _register(data, item, msg, ctx)
    if field == "confirm":
        return await _ask("edit", data, item, msg, ctx)
    if field == "edit":
        data.pop(answer, None)
        return await _ask(answer, data, item, msg, ctx)
    if field == "reuse" and answer:
        known = await ctx.repos.villagers.applicant(msg.openid)
        if known is not None:
            data.update(name=known.name, phone=known.phone, village=known.village)
    elif field != "reuse":
        data[field] = answer
    # the first field still missing, else the summary (also after an edit, asked on the
    # summary or mid-form)
    data.pop("editing", None)  # a flag of forms saved by an earlier version
    return await _ask(_next_step(data, item), data, item, msg, ctx)


async def _start(item: Item, msg: Inbound, ctx: Context) -> Reply:
    """A new form for the item just explained; a paused older form is dropped."""
    intro = texts.FORM_INTRO.format(item=item.name, steps=len(_fields(item)) + 1)
    known = await ctx.repos.villagers.applicant(msg.openid)
    step = "reuse" if known is not None else _next_step({}, item)
    return await _ask(step, {"item": item.id}, item, msg, ctx, intro=intro)


async def _ask(
    step: str,
    data: dict[str, Any],
    item: Item,
    msg: Inbound,
    ctx: Context,
    *,
    intro: str = "",
    bad: bool = False,
) -> Reply:
    """Move to `step` and ask its question (again, after a wrong answer)."""
    data["at"] = ctx.clock.now().isoformat()
    ctx.goto(FLOW, step, **data)
    fields = _fields(item)
    if step == "reuse":
        known = await ctx.repos.villagers.applicant(msg.openid)
        assert known is not None
        question = texts.FORM_REUSE.format(
            name=mask_name(known.name), phone=mask_phone(known.phone), village=known.village
        )
    elif step == "confirm":
        case = texts.FORM_SUMMARY_CASE.format(case=data["case"]) if data.get("case") else ""
        answers = {field: data[field] for field in FIELDS}
        question = texts.FORM_SUMMARY.format(item=item.name, case=case, **answers)
    elif step == "edit":
        lines = "\n".join(f"{n}. {texts.FORM_FIELDS[f]}" for n, f in enumerate(fields, 1))
        question = (texts.FORM_BAD_EDIT.format(n=len(fields)) + "\n") if bad else ""
        question += texts.FORM_EDIT_ASK.format(fields=lines)
    else:
        cases = "\n".join(f"{n}. {c.name}" for n, c in enumerate(item.cases, 1))
        question = texts.FORM_ASK[step].format(n=fields.index(step) + 1, cases=cases)
        if bad:
            question = _BAD[step].format(n=len(item.cases)) + "\n" + question
    if step == "reuse" and bad:
        question = texts.FORM_BAD_REUSE + "\n" + question
    return Reply.say("\n".join(part for part in (intro, question) if part))


_BAD = {
    "name": texts.FORM_BAD_NAME,
    "phone": texts.FORM_BAD_PHONE,
    "village": texts.FORM_BAD_VILLAGE,
    "case": texts.FORM_BAD_CASE,
}


async def _register(data: dict[str, Any], item: Item, msg: Inbound, ctx: Context) -> Reply:
    case = next((c for c in item.cases if c.name == data.get("case")), None)
    fields = {field: data[field] for field in FIELDS}
    ticket = await ctx.desk.register(openid=msg.openid, item=item, case=case, **fields)
    ctx.goto(TICKET, "offered", ticket=ticket.number)
    head = texts.REGISTERED.format(number=ticket.number)
    reply = await render_ticket(ticket, ctx, head=head, tail=texts.REGISTERED_NEXT, number=False)
    return Reply.say(reply)
