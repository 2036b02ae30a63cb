"""Tickets, events and messages as the console's JSON. Personal data is masked
here (phone 138****5678); the full phone only comes from the audited reveal
route. Pure functions of rows, "now" and the calendar."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from bot.console import texts
from bot.console.delivery import push_json, status_name
from bot.sla import WorkCalendar, workdays_between
from storage.models import (
    Attachment,
    Callback,
    ExtensionRequest,
    InboundMessage,
    OutboxMessage,
    Staff,
    Ticket,
    TicketEvent,
)
from storage.repositories.tickets import CLOSED

DUE_SOON_DAYS = 1  # 即将到期: due today or on the next working day


def mask_phone(phone: str | None) -> str | None:
    if not phone:
        return None
    digits = phone.strip()
    if len(digits) < 7:
        return "****"
    return digits[:3] + "****" + digits[-4:]


# A resident ID number (18 characters) a villager typed into a message: staff see the
# region code and the last four, as on the 一次性告知 forms, never the birth date.
_ID_NUMBER = re.compile(r"(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])")


def mask_ids(text: str) -> str:
    return _ID_NUMBER.sub(r"\1********\2", text)


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
    ticket: Ticket,
    *,
    now: dt.datetime,
    cal: WorkCalendar,
    names: Mapping[int, Staff],
    departments: Mapping[str, str],
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
        "town_id": ticket.town_id,
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
        "note": mask_ids(event.note) if event.note else None,
        "internal": event.internal,
        "data": event.data or {},
    }


def inbound_json(msg: InboundMessage) -> list[dict[str, Any]]:
    """A villager's message, and the bot's answer to it when there was one."""
    shown = mask_ids(msg.text) if msg.text else texts.MEDIA.get(msg.msg_type, texts.MEDIA["event"])
    out: list[dict[str, Any]] = [
        {
            "at": msg.received_at.isoformat(),
            "from": "villager",
            "msg_type": msg.msg_type,
            "text": shown,
            "push": None,
        }
    ]
    reply = msg.reply or {}
    answer = reply.get("text") or "\n".join(
        str(a.get("title", "")) for a in reply.get("articles", [])
    )
    if answer:
        at = (msg.handled_at or msg.received_at).isoformat()
        out.append(
            {
                "at": at,
                "from": "bot",
                "msg_type": reply.get("kind", "text"),
                "text": answer,
                "push": None,
            }
        )
    return out


def _sender(row: OutboxMessage) -> str:
    """Who a push speaks for, read from its outbox key (see TicketDesk and api_handoffs)."""
    if row.key.startswith(("reply:", "handoff:")):
        return "staff"
    return "bot" if row.key.startswith("late-reply:") else "notice"


def conversation(
    messages: Sequence[InboundMessage], pushes: Sequence[OutboxMessage]
) -> list[dict[str, Any]]:
    """Messages, the bot's answers and pushes with their delivery state, oldest first."""
    entries = [entry for msg in messages for entry in inbound_json(msg)]
    for row in pushes:
        push = push_json(row)
        entries.append(
            {
                "at": push["at"],
                "from": _sender(row),
                "msg_type": row.kind,
                "text": push["text"],
                "push": push,
            }
        )
    entries.sort(key=lambda e: str(e["at"]))
    return entries


def material_json(m: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "name": str(m.get("name", "")),
        "form": m.get("form"),
        "copies": m.get("copies"),
        "required": bool(m.get("required", True)),
        "received": bool(m.get("received", False)),
    }


def attachment_json(a: Attachment) -> dict[str, Any]:
    return {
        "id": a.id,
        "status": a.status,
        "content_type": a.content_type,
        "size": a.size,
        "created_at": a.created_at.isoformat(),
        "url": f"/api/v1/attachments/{a.id}",
    }


def extension_json(
    x: ExtensionRequest, ticket: Ticket, names: Mapping[int, Staff]
) -> dict[str, Any]:
    return {
        "id": x.id,
        "ticket": ticket.number,
        "item": ticket.item_name,
        "days": x.days,
        "reason": x.reason,
        "status": x.status,
        "requested_by": person(x.requested_by, names),
        "requested_at": x.requested_at.isoformat(),
        "decided_by": person(x.decided_by, names),
        "decided_at": x.decided_at.isoformat() if x.decided_at else None,
        "decision_note": x.decision_note,
    }


def callback_json(c: Callback, ticket: Ticket, names: Mapping[int, Staff]) -> dict[str, Any]:
    return {
        "id": c.id,
        "ticket": ticket.number,
        "item": ticket.item_name,
        "department_id": c.department_id,
        "rating": ticket.rating,
        "reason": c.reason,
        "due_at": c.due_at.isoformat(),
        "done_at": c.done_at.isoformat() if c.done_at else None,
        "done_by": person(c.done_by, names),
        "result": c.result,
    }
