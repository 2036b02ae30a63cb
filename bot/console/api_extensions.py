"""延期: the assignee asks for more working days; the department head or the
leader approves (the desk moves the deadline and tells the villager) or denies."""

from __future__ import annotations

from aiohttp import web

from bot.console import inputs, scope, texts
from bot.console.api_tickets import ID, NUMBER, find_ticket, ticket_detail
from bot.console.routing import HEAD, LEADER, SUPERVISORS, WORKERS, Call, Param, Routes
from bot.console.schemas import body, listing, ref
from bot.console.security import fail, json_response
from bot.console.views import extension_json
from bot.tickets import texts as ticket_texts
from bot.tickets.desk import TicketError
from bot.tickets.notify import due_text
from storage.models import ExtensionRequest, Ticket
from storage.repositories.tickets import OPEN

routes = Routes("extensions")
MAX_DAYS = 60  # 低保 may go from 30 to 45 working days; more than 60 is a typo


@routes.post(
    "/api/v1/tickets/{number}/extension",
    roles=WORKERS,
    summary="Ask for an extension (assignee only)",
    params=(NUMBER,),
    body=body(
        {
            "days": {"type": "integer", "minimum": 1, "maximum": MAX_DAYS},
            "reason": {"type": "string", "minLength": 1, "maxLength": 1000},
        },
        required=("days", "reason"),
    ),
    response=ref("TicketDetail"),
)
async def request_extension(call: Call) -> web.StreamResponse:
    ticket = await find_ticket(call, inputs.path_number(call.request), act=True)
    if ticket.assignee_id != call.staff.id:
        fail(403, "not_assignee")
    data = await call.body()
    days = inputs.integer(data, "days", lo=1, hi=MAX_DAYS) or 1
    reason = inputs.text(data, "reason", max_len=1000)
    if ticket.status not in OPEN:
        fail(409, "invalid_transition")
    if await call.db.extensions.pending_for_ticket(ticket.id) is not None:
        fail(409, "pending_exists")
    now = call.now()
    row = await call.db.extensions.add(
        ticket_id=ticket.id, days=days, reason=reason, staff_id=call.staff.id, now=now
    )
    await call.repos.tickets.add_event(
        ticket,
        at=now,
        kind="extension_requested",
        staff_id=call.staff.id,
        note=reason,
        internal=True,
        data={"days": days, "request": row.id},
    )
    desk = await call.desk(ticket.town_id)
    text = ticket_texts.NOTICE_EXTENSION.format(
        number=ticket.number, item=ticket.item_name, days=days, note=reason
    )
    key = f"extension:{row.id}"
    await desk.notify.heads(
        ticket.department_id, key=key, kind="extension", text=text, ticket=ticket
    )
    await desk.notify.leaders(key=key, kind="extension", text=text, ticket=ticket)
    await call.audit("extension.request", f"ticket:{ticket.number}", days=days, request=row.id)
    return json_response(await ticket_detail(call, ticket))


@routes.get(
    "/api/v1/extensions",
    roles=SUPERVISORS,
    summary="Extension requests (heads: their department)",
    params=(
        Param(
            "status",
            {
                "type": "string",
                "enum": ["pending", "approved", "denied", "all"],
                "default": "pending",
            },
        ),
    ),
    response=listing("Extension"),
)
async def list_extensions(call: Call) -> web.StreamResponse:
    status = inputs.query_choice(
        call.request, "status", ("pending", "approved", "denied", "all"), "pending"
    )
    rows = await call.db.extensions.listing(
        departments=scope.departments(call.staff), status=None if status == "all" else status
    )
    rows = [(x, t) for x, t in rows if scope.can_read(call.staff, t)]
    names = await call.db.queries.staff_by_ids(
        [p for x, _ in rows for p in (x.requested_by, x.decided_by)]
    )
    return json_response({"items": [extension_json(x, t, names) for x, t in rows]})


async def _decidable(call: Call) -> tuple[ExtensionRequest, Ticket]:
    row = await call.db.extensions.get(inputs.path_id(call.request))
    ticket = await call.repos.tickets.by_id(row.ticket_id) if row else None
    if row is None or ticket is None:
        scope.missing(call.staff)
    scope.refuse_unless(scope.can_decide_extension(call.staff, ticket))
    if row.status != "pending":
        fail(409, "already_decided")
    return row, ticket


DECIDERS = frozenset({HEAD, LEADER})
NOTE_BODY = body({"note": {"type": "string", "maxLength": 1000}})


@routes.post(
    "/api/v1/extensions/{id}/approve",
    roles=DECIDERS,
    summary="Approve: the deadline moves, villager told",
    params=(ID,),
    body=NOTE_BODY,
    response=ref("TicketDetail"),
)
async def approve(call: Call) -> web.StreamResponse:
    row, ticket = await _decidable(call)
    note = inputs.text(await call.body(), "note", max_len=1000, required=False)
    now = call.now()
    desk = await call.desk(ticket.town_id)
    try:
        await desk.extend(ticket, row.days, staff=call.staff, note=note or row.reason)
    except TicketError as exc:
        fail(409, "invalid_transition", detail=str(exc))
    call.db.extensions.decide(
        row, approved=True, staff_id=call.staff.id, note=note or None, now=now
    )
    text = texts.NOTICE_EXTENSION_APPROVED.format(number=ticket.number, days=row.days) + due_text(
        ticket
    )
    await desk.notify.staff(
        row.requested_by,
        key=f"extension-decided:{row.id}",
        kind="extension",
        text=text,
        ticket=ticket,
    )
    await call.audit("extension.approve", f"ticket:{ticket.number}", request=row.id, days=row.days)
    return json_response(await ticket_detail(call, ticket))


@routes.post(
    "/api/v1/extensions/{id}/deny",
    roles=DECIDERS,
    summary="Deny an extension request",
    params=(ID,),
    body=NOTE_BODY,
    response=ref("TicketDetail"),
)
async def deny(call: Call) -> web.StreamResponse:
    row, ticket = await _decidable(call)
    note = inputs.text(await call.body(), "note", max_len=1000, required=False)
    now = call.now()
    call.db.extensions.decide(
        row, approved=False, staff_id=call.staff.id, note=note or None, now=now
    )
    await call.repos.tickets.add_event(
        ticket,
        at=now,
        kind="extension_denied",
        staff_id=call.staff.id,
        note=note or None,
        internal=True,
        data={"request": row.id},
    )
    desk = await call.desk(ticket.town_id)
    text = texts.NOTICE_EXTENSION_DENIED.format(number=ticket.number, note=note)
    await desk.notify.staff(
        row.requested_by,
        key=f"extension-decided:{row.id}",
        kind="extension",
        text=text,
        ticket=ticket,
    )
    await call.audit("extension.deny", f"ticket:{ticket.number}", request=row.id)
    return json_response(await ticket_detail(call, ticket))
