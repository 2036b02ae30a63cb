"""The router: one ordered tuple of intent modules; the first whose `matches` accepts
the message handles it. Order is priority. A half-filled registration form survives
other handlers (kept paused, with a reminder) and its expiry is noticed here."""

from __future__ import annotations

import datetime as dt
import inspect
from types import ModuleType

from handlers import (
    appointment,
    attach,
    center_info,
    clarify,
    complaint,
    events,
    followup,
    greeting,
    guide,
    human,
    media,
    rating,
    register,
    texts,
    tickets_list,
    town,
    unknown,
    withdraw,
)
from handlers.types import Context, Inbound, Reply, State

# Digits: a pending flow (menu, form, slot list) takes a digit unless the rating
# question is more recent (handlers/rating.py); rating words always rate while a
# rating is awaited, because 不满意 would otherwise read as a complaint.
ROUTES: tuple[ModuleType, ...] = (
    events,
    town,  # several towns: a villager whose town is unknown chooses it once
    human,  # a live handoff keeps the bot quiet; checked in the database every message
    rating,  # an awaited 好差评 answer, or the reason for a bad one
    register,  # 办理 and the registration form
    withdraw,  # 撤回: before the status intent, which also sees the ticket number
    appointment,  # 预约 and its slot list
    complaint,  # a pending description, or the complaint intent
    followup,  # 需要啥条件 right after a notice: that item's conditions, not a menu or the card
    clarify,  # a pending menu takes a digit; a new question may get a menu below
    attach,  # a picture while a ticket is open
    media,
    tickets_list,  # 我的工单 / 进度 / a ticket number
    center_info,
    greeting,
    guide,
    unknown,  # last: any text nobody else took
)
# An expired form older than this is forgotten silently: after a day the villager
# has moved on, and "your form timed out" would only puzzle them.
FORGET_AFTER = dt.timedelta(days=1)
DEFAULT_IDLE_MINUTES = 30  # Settings.form_idle_minutes, when no desk is at hand


async def route(msg: Inbound, ctx: Context) -> Reply:
    if msg.is_event:  # a menu CLICK comes back here as a text message
        return (await _dispatch(msg, ctx))[1]
    expired = await _notice_expiry(msg, ctx)
    form = register.paused_form(ctx.state)
    module, reply = await _dispatch(msg, ctx)
    if module is register:
        return reply
    if form is not None:
        _keep(ctx, form)
    if reply.kind != "text":
        return reply
    waiting = ctx.state is not None and ctx.state.flow in (register.FLOW, *register.PASSIVE)
    if form is not None and module is not human and waiting:
        # Remind only when nothing else waits for an answer (a menu, a slot list). Mid-form
        # a message nobody understood (确认 before the last step) gets one line, not the
        # center's whole list of departments.
        text = texts.FORM_NOT_UNDERSTOOD if module is unknown and not expired else reply.text
        reply = Reply.say(text + _waiting_note(form, ctx))
    if expired:
        # A late answer nobody understood was meant for the form: say only why.
        text = texts.FORM_EXPIRED if module is unknown else reply.text + "\n\n" + texts.FORM_EXPIRED
        reply = Reply.say(text)
    return reply


async def _dispatch(msg: Inbound, ctx: Context) -> tuple[ModuleType | None, Reply]:
    for module in ROUTES:
        accepted = module.matches(msg, ctx)
        if inspect.isawaitable(accepted):  # some need the database to decide
            accepted = await accepted
        if accepted:
            ctx.intent = module.NAME
            reply: Reply = await module.handle(msg, ctx)
            return module, reply
    return None, Reply.nothing()


async def _notice_expiry(msg: Inbound, ctx: Context) -> bool:
    """Revive a form the dispatcher's shorter state TTL dropped but form_idle_minutes
    still allows; drop a form idle for longer. True when the villager should be told."""
    now = ctx.clock.now()
    if ctx.state is None:
        state = ctx.expired_state
        if state is None:
            return False
        form = register.paused_form(state)
        if form is None:
            return False
        if not _is_stale(form, now, ctx):
            ctx.state, ctx.state_changed = state, True
            return False
    else:
        form = register.paused_form(ctx.state)
        if form is None or not _is_stale(form, now, ctx):
            return False
    _drop(ctx, form)
    return now - _idle_since(form) <= FORGET_AFTER


def _keep(ctx: Context, form: State) -> None:
    """After another handler ran: the form survives whatever state that handler left,
    as the current flow again, or paused inside the new one (register.STASH)."""
    if ctx.state is None:
        ctx.goto(register.FLOW, form.step, **form.data)
    elif ctx.state.flow != register.FLOW and register.STASH not in ctx.state.data:
        ctx.state.data[register.STASH] = {"step": form.step, "data": form.data}
        ctx.state_changed = True


def _waiting_note(form: State, ctx: Context) -> str:
    item = ctx.catalog.by_id.get(str(form.data.get("item")))
    name = item.name if item is not None else ""
    return texts.FORM_WAITING.format(item=name, next=texts.FORM_NEXT[form.step])


def _idle_since(form: State) -> dt.datetime:
    return dt.datetime.fromisoformat(str(form.data["at"]))


def _is_stale(form: State, now: dt.datetime, ctx: Context) -> bool:
    settings = getattr(ctx.desk, "settings", None)
    minutes = getattr(settings, "form_idle_minutes", DEFAULT_IDLE_MINUTES)
    return now - _idle_since(form) > dt.timedelta(minutes=minutes)


def _drop(ctx: Context, form: State) -> None:
    """Forget an expired form; "banli" next starts the same item again."""
    if ctx.state is not None and ctx.state.flow != register.FLOW:
        ctx.state.data.pop(register.STASH, None)
        ctx.state_changed = True
    else:
        ctx.goto(register.GUIDED, "offered", item=form.data["item"])
