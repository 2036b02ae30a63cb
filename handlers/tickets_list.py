"""查进度: the villager's tickets with state and deadline, or one ticket by its number
(only their own). Also the ticket views and word cleaning the other ticket handlers share."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from handlers import texts
from handlers.types import Context, Inbound, Reply
from knowledge.intents import find_ticket
from knowledge.matcher import items_named
from knowledge.render import fits

NAME = "status"
OPEN = ("accepted", "in_progress", "need_materials")
LIST_MAX = 10
NAMED_DEPARTMENTS_MAX = 2  # of a status question with no ticket: a third would be a guess
CONTENT_MAX = 60  # characters of a complaint's text shown back


def clean(text: str) -> str:
    """What a short answer says, without width, case, spaces or punctuation."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if ch not in texts.PUNCTUATION and not ch.isspace())


def day_text(day: dt.date) -> str:
    return texts.day_text(day.month, day.day, day.weekday())


def slot_text(day: dt.date, half: str) -> str:
    return texts.APPOINT_SLOT.format(day=day_text(day), half=texts.HALF_HOURS[half])


def status_name(status: str) -> str:
    return texts.STATUS_NAMES.get(status, status)


async def own_ticket(ctx: Context, openid: str, number: str) -> Any:
    """The villager's ticket with this number; None for a stranger's (never say whose)."""
    ticket = await ctx.repos.tickets.by_number(number)
    return ticket if ticket is not None and ticket.openid == openid else None


def matches(msg: Inbound, ctx: Context) -> bool:
    return bool(msg.text) and ctx.decide(msg.text).intent == NAME


async def handle(msg: Inbound, ctx: Context) -> Reply:
    number = find_ticket(msg.text)
    if number is not None:
        ticket = await own_ticket(ctx, msg.openid, number)
        if ticket is None:
            return Reply.say(texts.TICKET_NOT_FOUND.format(number=number))
        return Reply.say(await render_ticket(ticket, ctx))
    tickets = await ctx.repos.tickets.listed(msg.openid, limit=LIST_MAX)
    if not tickets:
        return Reply.say(_nothing_registered(msg.text, ctx))
    lines = [texts.LIST_HEAD.format(count=len(tickets))]
    for n, ticket in enumerate(tickets, 1):
        due = ""
        if ticket.status in OPEN:
            due = texts.LIST_DUE.format(date=day_text(ticket.due_at.date()))
        lines.append(
            texts.LIST_LINE.format(
                n=n,
                number=ticket.number,
                item=ticket.item_name,
                status=status_name(ticket.status),
                due=due,
            )
        )
    lines.append(texts.LIST_NEXT.format(number=tickets[0].number))
    return Reply.say("\n".join(lines))


async def render_ticket(
    ticket: Any, ctx: Context, *, head: str = "", tail: str = "", number: bool = True
) -> str:
    """One ticket in full; the materials are left out (with the guide link) if the
    reply would pass WeChat's size limit. `number`: False where `head` says it already."""
    top = [head] if head else []
    bottom = [tail] if tail else []
    body = await describe(ticket, ctx)
    if not number:
        body = body[1:]
    text = "\n".join([*top, *body, *materials(ticket), *bottom])
    if fits(text) or not ticket.item_id:
        return text
    link = texts.DETAIL_MATERIALS_LINK.format(url=f"{ctx.base_url}/guide/{ticket.item_id}")
    return "\n".join([*top, *body, link, *bottom])


async def describe(ticket: Any, ctx: Context) -> list[str]:
    """Number, item and case, state, type, who handles it and where, the deadline."""
    lines = [texts.DETAIL_NUMBER.format(number=ticket.number)]
    lines.append(texts.DETAIL_ITEM.format(item=ticket.item_name))
    if ticket.case_name:
        lines.append(texts.DETAIL_CASE.format(case=ticket.case_name))
    if ticket.content:
        content = ticket.content[:CONTENT_MAX] + ("…" if len(ticket.content) > CONTENT_MAX else "")
        lines.append(texts.DETAIL_CONTENT.format(content=content))
    lines.append(texts.DETAIL_STATUS.format(status=status_name(ticket.status)))
    if ticket.handling and ticket.kind == "service":
        lines.append(texts.DETAIL_KIND.format(kind=ticket.handling))
    try:
        dep = ctx.catalog.department(ticket.department_id)
        lines.append(texts.DETAIL_WHO.format(department=dep.name, window=dep.window))
    except KeyError:
        pass  # a department removed from the catalog: the rest still helps
    item = ctx.catalog.by_id.get(ticket.item_id or "")
    if item is not None and item.place:
        lines.append(texts.DETAIL_PLACE.format(place=item.place))
    lines.append(deadline_line(ticket))
    if ticket.status == "need_materials" and ticket.missing:
        lines.append(texts.DETAIL_MISSING)
        lines.extend(f"{n}. {name}" for n, name in enumerate(ticket.missing, 1))
    appointment = await ctx.repos.appointments.for_ticket(ticket.id)
    if appointment is not None:
        slot = slot_text(appointment.day, appointment.half)
        lines.append(texts.DETAIL_APPOINTMENT.format(slot=slot))
    if ticket.rating is not None:
        lines.append(texts.DETAIL_RATING.format(rating=texts.RATING_NAMES[ticket.rating]))
    return lines


def deadline_line(ticket: Any) -> str:
    if ticket.finished_at is not None:
        return texts.DETAIL_FINISHED.format(date=day_text(ticket.finished_at.date()))
    days = ticket.promised_days + ticket.extended_days
    if days == 0:
        return texts.DETAIL_DUE_NOW
    provisional = texts.DETAIL_PROVISIONAL if ticket.due_provisional else ""
    return texts.DETAIL_DUE.format(
        days=days, date=day_text(ticket.due_at.date()), provisional=provisional
    )


def materials(ticket: Any) -> list[str]:
    """What to bring, for a ticket still open (一次性告知, as registered)."""
    if ticket.status not in OPEN or not ticket.materials:
        return []
    lines = [texts.DETAIL_MATERIALS]
    for n, m in enumerate(ticket.materials, 1):
        later = "" if m.get("required", True) else texts.MATERIAL_LATER
        lines.append(
            texts.MATERIAL_LINE.format(
                n=n, name=m["name"], form=m["form"], copies=m["copies"], later=later
            )
        )
    return lines


def _nothing_registered(text: str, ctx: Context) -> str:
    """No ticket here, but the question names what it is about (我的养老金怎么还没到账, 低保批了
    没有: applied in the village, or a payment): the departments that know, with their phones."""
    departments = []
    for item in items_named(ctx.decide(text), ctx.catalog):
        try:
            dep = ctx.catalog.department(item.department)
        except KeyError:
            continue
        if dep not in departments:
            departments.append(dep)
    if not departments:
        return texts.LIST_EMPTY
    lines = [
        texts.LIST_EMPTY_DEPT.format(name=d.name, window=d.window, phone=d.phone)
        for d in departments[:NAMED_DEPARTMENTS_MAX]
    ]
    return texts.LIST_EMPTY_ASK.format(departments="\n".join(lines))
