"""Tickets, events and messages as the console's JSON. Personal data is masked
here (phone 138****5678); the full phone only comes from the audited reveal
route. Pure functions of rows, "now" and the calendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from bot.console import texts
from bot.console.delivery import status_name
from bot.sla import WorkCalendar, workdays_between
from storage.models import InboundMessage, Staff, Ticket, TicketEvent

CLOSED = ("done", "rejected", "withdrawn")
DUE_SOON_DAYS = 1  # 即将到期: due today or on the next working day


def mask_phone(phone: str | None) -> str | None:
    if not phone:
        return None
    digits = phone.strip()
    if len(digits) < 7:
        return "****"
    return digits[:3] + "****" + digits[-4:]


def mask_openid(openid: str) -> str:
    return openid[:4] + "…" + openid[-4:] if len(openid) > 8 else "…"


def sla(ticket: Ticket, now: dt.datetime, cal: WorkCalendar) -> tuple[str, int | None]:
    """(SLA state, working days left). Overdue tickets have zero or negative days left."""
    if ticket.status in CLOSED:
        return ("met" if ticket.sla_met else "missed"), None
    left = workdays_between(now.date(), ticket.due_at.date(), cal)
    if ticket.paused_since is not None:
        return "paused", left  # 待补正: the clock stands still until the materials arrive
    if now >= ticket.due_at:
        return "overdue", left
    if left <= DUE_SOON_DAYS:
        return "due_soon", left
    return "ok", left


def person(staff_id: int | None, names: Mapping[int, Staff]) -> dict[str, Any] | None:
    if staff_id is None:
        return None
    member = names.get(staff_id)
    return {"id": staff_id, "name": member.display_name if member else str(staff_id)}


def ticket_summary(
    ticket: Ticket, *, now: dt.datetime, cal: WorkCalendar, names: Mapping[int, Staff], departments: Mapping[str, str]
) -> dict[str, Any]:
    state, left = sla(ticket, now, cal)
    return {
        "number": ticket.number,
        "kind": ticket.kind,
        "item": ticket.item_name,
        "item_id": ticket.item_id,
        "case": ticket.case_name,
        "department_id": ticket.department_id,
        "department": departments.get(ticket.department_id, ticket.department_id),
        "status": ticket.status,
        "status_name": status_name(ticket.status),
        "villager": {
            "name": ticket.applicant_name or texts.NO_NAME,
            "phone": mask_phone(ticket.applicant_phone),
            "village": ticket.village,
        },
        "assignee": person(ticket.assignee_id, names),
        "owner": person(ticket.owner_id, names),
        "accepted_at": ticket.accepted_at.isoformat(),
        "due_at": ticket.due_at.isoformat(),
        "due_provisional": ticket.due_provisional,
        "working_days_left": left,
        "sla_state": state,
        "sla_state_name": texts.SLA_STATES[state],
        "rating": ticket.rating,
    }


def event_json(event: TicketEvent, names: Mapping[int, Staff]) -> dict[str, Any]:
    return {
        "id": event.id,
        "at": event.at.isoformat(),
        "kind": event.kind,
        "kind_name": texts.EVENT_NAMES.get(event.kind, event.kind),
        "staff": person(event.staff_id, names),
        "from_status": event.from_status,
        "to_status": event.to_status,
        "note": event.note,
        "internal": event.internal,
        "data": event.data or {},
    }


def inbound_json(msg: InboundMessage) -> list[dict[str, Any]]:
    """A villager's message, and the bot's answer to it when there was one."""
    shown = msg.text or texts.MEDIA.get(msg.msg_type, texts.MEDIA["event"])
    out: list[dict[str, Any]] = [
        {"at": msg.received_at.isoformat(), "from": "villager", "msg_type": msg.msg_type, "text": shown, "push": None}
    ]
    reply = msg.reply or {}
    answer = reply.get("text") or "\n".join(str(a.get("title", "")) for a in reply.get("articles", []))
    if answer:
        at = (msg.handled_at or msg.received_at).isoformat()
        out.append({"at": at, "from": "bot", "msg_type": reply.get("kind", "text"), "text": answer, "push": None})
    return out
