"""Reading tickets: the list views, one ticket with everything the window needs
(timeline, conversation with delivery states, materials, attachments), a push's
delivery state, and an attachment's file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.console import inputs, scope, views
from bot.console.delivery import push_json
from bot.console.routing import EVERYONE, Call, Param, Routes
from bot.console.schemas import ref
from bot.console.security import fail, json_response
from bot.sla import WorkCalendar, add_workdays, closing_time
from bot.tick import attachments_dir
from bot.tickets.calendar import load_calendar
from storage.models import Ticket
from storage.repositories.tickets import CLOSED, OPEN

routes = Routes("tickets")

VIEWS = ("mine", "department", "unclaimed", "due_soon", "overdue", "complaints")
STATUSES = {"open": OPEN, "closed": CLOSED, "all": None}
NUMBER = Param(
    "number", {"type": "string", "pattern": r"^[A-Za-z]{1,4}\d{8}-\d{1,6}$"}, "path", True
)
ID = Param("id", {"type": "integer", "minimum": 1, "maximum": inputs.MAX_ID}, "path", True)


async def find_ticket(call: Call, number: str, *, act: bool = False) -> Ticket:
    """The ticket if the caller may see it (and act on it when `act`); else 403/404."""
    ticket = await call.repos.tickets.by_number(number)
    if ticket is None:
        scope.missing(call.staff)
    scope.refuse_unless(scope.can_read(call.staff, ticket))
    if act:
        scope.refuse_unless(scope.can_act(call.staff, ticket))
    return ticket


def department_names(call: Call) -> dict[str, str]:
    return {
        d.id: d.name for d in call.rt.knowledge.catalog_for(call.staff.town_id).center.departments
    }


async def summaries(
    call: Call, tickets: list[Ticket], cal: WorkCalendar | None = None
) -> list[dict[str, Any]]:
    cal = cal or await load_calendar(call.repos)
    names = await call.db.queries.staff_by_ids(
        [i for t in tickets for i in (t.assignee_id, t.owner_id)]
    )
    deps, now = department_names(call), call.now()
    return [
        views.ticket_summary(t, now=now, cal=cal, names=names, departments=deps) for t in tickets
    ]


@routes.get(
    "/api/v1/tickets",
    roles=EVERYONE,
    summary="Tickets of one view, scoped to the caller",
    params=(
        Param("view", {"type": "string", "enum": list(VIEWS), "default": "department"}),
        Param("status", {"type": "string", "enum": list(STATUSES), "default": "open"}),
        Param("department", {"type": "string", "maxLength": 32}),
        Param("limit", {"type": "integer", "minimum": 1, "maximum": 500, "default": 200}),
    ),
    response=ref("TicketList"),
)
async def list_tickets(call: Call) -> web.StreamResponse:
    request, staff = call.request, call.staff
    view = inputs.query_choice(request, "view", VIEWS, "department")
    statuses = STATUSES[inputs.query_choice(request, "status", tuple(STATUSES), "open")]
    limit = inputs.query_int(request, "limit", lo=1, hi=500, default=200) or 200
    departments = scope.departments(staff)
    wanted = inputs.query_text(request, "department", max_len=32)
    if wanted is not None:
        scope.refuse_unless(departments is None or wanted in departments)
        departments = [wanted]
    kinds = scope.kinds(staff)
    if view == "complaints":
        scope.refuse_unless(scope.sees_complaints(staff))
        kinds = ("complaint",)
    cal = await load_calendar(call.repos)
    now = call.now()
    options: dict[str, Any] = {
        "departments": departments,
        "kinds": kinds,
        "statuses": statuses,
        "limit": limit,
    }
    if view == "mine":
        # 首问责任: my tickets follow me across transfers, so no department filter.
        options.update(departments=None, owner_or_assignee=staff.id)
    elif view == "unclaimed":
        options.update(unclaimed=True, statuses=OPEN)
    elif view == "due_soon":
        next_day = add_workdays(now.date(), views.DUE_SOON_DAYS, cal)[0]
        options.update(statuses=OPEN, due_before=closing_time(next_day))
    elif view == "overdue":
        options.update(statuses=OPEN, due_before=now)
    tickets = [t for t in await call.repos.tickets.listing(**options) if scope.can_read(staff, t)]
    rows = await summaries(call, tickets, cal)
    if view in ("due_soon", "overdue"):
        rows = [r for r in rows if r["sla_state"] == view]
    return json_response({"view": view, "count": len(rows), "tickets": rows})


@routes.get(
    "/api/v1/tickets/{number}",
    roles=EVERYONE,
    summary="One ticket with timeline and conversation",
    params=(NUMBER,),
    response=ref("TicketDetail"),
)
async def get_ticket(call: Call) -> web.StreamResponse:
    ticket = await find_ticket(call, inputs.path_number(call.request))
    return json_response(await ticket_detail(call, ticket))


async def ticket_detail(call: Call, ticket: Ticket) -> dict[str, Any]:
    cal = await load_calendar(call.repos)
    events = await call.repos.tickets.events(ticket.id)
    extensions = await call.db.extensions.for_ticket(ticket.id)
    callback = await call.repos.callbacks.for_ticket(ticket.id)
    people = [ticket.assignee_id, ticket.owner_id, *(e.staff_id for e in events)]
    people += [p for x in extensions for p in (x.requested_by, x.decided_by)]
    people += [callback.done_by] if callback else []
    names = await call.db.queries.staff_by_ids(people)
    detail = views.ticket_summary(
        ticket, now=call.now(), cal=cal, names=names, departments=department_names(call)
    )
    detail.update(
        content=views.mask_ids(ticket.content) if ticket.content else None,
        materials=[views.material_json(m) for m in ticket.materials or []],
        missing=list(ticket.missing or []),
        handling=ticket.handling,
        promised_days=ticket.promised_days,
        extended_days=ticket.extended_days,
        finished_at=ticket.finished_at.isoformat() if ticket.finished_at else None,
        timeline=[views.event_json(e, names) for e in events],
        conversation=await conversation(call, ticket.openid),
        attachments=[
            views.attachment_json(a) for a in await call.repos.attachments.for_ticket(ticket.id)
        ],
        extensions=[views.extension_json(x, ticket, names) for x in extensions],
        callback=views.callback_json(callback, ticket, names) if callback else None,
        can_act=scope.can_act(call.staff, ticket),
    )
    return detail


async def conversation(
    call: Call, openid: str, *, since: dt.datetime | None = None
) -> list[dict[str, Any]]:
    """The villager's messages, the bot's answers and every push with its delivery state."""
    messages = [
        m
        for m in await call.repos.messages.history(openid, limit=100)
        if since is None or m.received_at >= since
    ]
    pushes = [
        p
        for p in await call.repos.outbox.for_openid(openid, limit=100)
        if since is None or p.created_at >= since
    ]
    return views.conversation(messages, pushes)


@routes.get(
    "/api/v1/pushes/{id}",
    roles=EVERYONE,
    summary="Delivery state of one push (sent / pending / failed)",
    params=(ID,),
    response=ref("Push"),
)
async def get_push(call: Call) -> web.StreamResponse:
    row = await call.db.queries.outbox_get(inputs.path_id(call.request))
    if row is None:
        scope.missing(call.staff)
    if row.ticket_id is not None:
        ticket = await call.repos.tickets.by_id(row.ticket_id)
        scope.refuse_unless(ticket is not None and scope.can_read(call.staff, ticket))
    return json_response(push_json(row))


@routes.get(
    "/api/v1/attachments/{id}",
    roles=EVERYONE,
    summary="The file of one attachment (picture)",
    params=(ID,),
    media=("application/octet-stream",),
)
async def get_attachment(call: Call) -> web.StreamResponse:
    row = await call.repos.attachments.get(inputs.path_id(call.request))
    ticket = await call.repos.tickets.by_id(row.ticket_id) if row else None
    if row is None or ticket is None:
        scope.missing(call.staff)
    scope.refuse_unless(scope.can_read(call.staff, ticket))
    root = attachments_dir(call.rt.settings).resolve()
    path = Path(row.path).resolve() if row.path else None
    if (
        row.status != "stored"
        or path is None
        or not path.is_relative_to(root)
        or not path.is_file()
    ):
        fail(404, "file_missing")
    kind = (
        row.content_type
        if (row.content_type or "").startswith("image/")
        else "application/octet-stream"
    )
    headers = {"Content-Disposition": f'inline; filename="{row.id}{path.suffix}"'}
    return web.Response(body=path.read_bytes(), content_type=kind, headers=headers)
