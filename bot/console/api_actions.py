"""Acting on a ticket. Every change goes through the TicketDesk, so the villager
is pushed and the timeline written exactly as when the bot does it; every route
writes the audit log in the same unit of work."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.console import inputs, scope
from bot.console.api_tickets import NUMBER, find_ticket, ticket_detail
from bot.console.delivery import push_json
from bot.console.routing import EVERYONE, HEAD, LEADER, WORKERS, Call, Routes
from bot.console.schemas import BOOL, INT, STR, body, obj, ref
from bot.console.security import fail, json_response
from bot.tickets.desk import TRANSITIONS, TicketError
from storage.models import Ticket
from storage.repositories.tickets import CLOSED

routes = Routes("ticket actions")
TARGETS = sorted({s for targets in TRANSITIONS.values() for s in targets})
NOTE = {"type": "string", "maxLength": 2000}
DETAIL = ref("TicketDetail")


async def _done(call: Call, ticket: Ticket, action: str, **detail: object) -> web.StreamResponse:
    await call.audit(action, f"ticket:{ticket.number}", town_id=ticket.town_id, **detail)
    return json_response(await ticket_detail(call, ticket))


def _refused(exc: TicketError) -> None:
    fail(409, "invalid_transition", detail=str(exc))


@routes.post(
    "/api/v1/tickets/{number}/claim",
    roles=WORKERS,
    summary="Take the ticket (the first taker becomes its named owner)",
    params=(NUMBER,),
    response=DETAIL,
)
async def claim(call: Call) -> web.StreamResponse:
    ticket = await find_ticket(call, inputs.path_number(call.request), act=True)
    try:
        await (await call.desk(ticket.town_id)).claim(ticket, call.staff)
    except TicketError as exc:
        _refused(exc)
    return await _done(call, ticket, "ticket.claim")


@routes.post(
    "/api/v1/tickets/{number}/assign",
    roles=frozenset({HEAD, LEADER}),
    summary="Give an open ticket to a clerk or head of its department and town (assign): "
    "its department's head, or the leader",
    params=(NUMBER,),
    body=body({"staff_id": INT}, required=("staff_id",)),
    response=DETAIL,
)
async def assign(call: Call) -> web.StreamResponse:
    ticket = await find_ticket(call, inputs.path_number(call.request), act=True)
    scope.refuse_unless(scope.can_supervise(call.staff, ticket.department_id))
    if ticket.status in CLOSED:
        fail(409, "invalid_transition")
    staff_id = inputs.integer(await call.body(), "staff_id", lo=1, hi=inputs.MAX_ID)
    target = await call.repos.staff.get(staff_id or 0)
    if target is None or not scope.can_assign_to(target, ticket):
        fail(400, "bad_request", field="staff_id")
    await (await call.desk(ticket.town_id)).assign(ticket, target, by=call.staff)
    return await _done(call, ticket, "ticket.assign", assignee=target.id)


@routes.post(
    "/api/v1/tickets/{number}/status",
    roles=WORKERS,
    summary="Change the state; pushes the villager",
    params=(NUMBER,),
    body=body(
        {
            "status": {"type": "string", "enum": TARGETS},
            "note": NOTE,
            "missing": {"type": "array", "items": STR, "maxItems": 50},
        },
        required=("status",),
    ),
    response=DETAIL,
)
async def change_status(call: Call) -> web.StreamResponse:
    ticket = await find_ticket(call, inputs.path_number(call.request), act=True)
    data = await call.body()
    to = inputs.choice(data, "status", TARGETS) or ""
    note = inputs.text(data, "note", required=False)
    missing = inputs.text_list(data, "missing")
    try:
        await (await call.desk(ticket.town_id)).change_status(
            ticket, to, staff=call.staff, note=note, missing=missing
        )
    except TicketError as exc:
        _refused(exc)
    return await _done(call, ticket, "ticket.status", status=to)


@routes.post(
    "/api/v1/tickets/{number}/transfer",
    roles=WORKERS,
    summary="Transfer to another department",
    params=(NUMBER,),
    body=body({"department_id": STR, "note": NOTE}, required=("department_id",)),
    response=DETAIL,
)
async def transfer(call: Call) -> web.StreamResponse:
    ticket = await find_ticket(call, inputs.path_number(call.request), act=True)
    data = await call.body()
    department = inputs.text(data, "department_id", max_len=32)
    note = inputs.text(data, "note", required=False)
    desk = await call.desk(ticket.town_id)
    if department not in {d.id for d in desk.catalog.center.departments}:
        fail(400, "unknown_department")
    try:
        await desk.transfer(ticket, department, staff=call.staff, note=note)
    except TicketError as exc:
        _refused(exc)
    return await _done(call, ticket, "ticket.transfer", to=department)


@routes.post(
    "/api/v1/tickets/{number}/publicity",
    roles=WORKERS,
    summary="Start the item's public-notice period; the deadline pauses during it",
    params=(NUMBER,),
    body=body({"note": NOTE}),
    response=DETAIL,
)
async def publicity(call: Call) -> web.StreamResponse:
    return await _noted(
        call, "ticket.publicity", lambda d, t, n: d.start_publicity(t, staff=call.staff, note=n)
    )


@routes.post(
    "/api/v1/tickets/{number}/withdraw",
    roles=WORKERS,
    summary="Withdraw on the villager's behalf",
    params=(NUMBER,),
    body=body({"note": NOTE}),
    response=DETAIL,
)
async def withdraw(call: Call) -> web.StreamResponse:
    return await _noted(
        call, "ticket.withdraw", lambda d, t, n: d.withdraw(t, staff=call.staff, note=n)
    )


async def _noted(
    call: Call, audit: str, step: Callable[[Any, Any, str | None], Awaitable[Any]]
) -> web.StreamResponse:
    """An action whose only input is an optional note: find the ticket, take the
    desk's step, refuse what the desk refuses, audit it."""
    ticket = await find_ticket(call, inputs.path_number(call.request), act=True)
    note = inputs.text(await call.body(), "note", required=False)
    try:
        await step(await call.desk(ticket.town_id), ticket, note)
    except TicketError as exc:
        _refused(exc)
    return await _done(call, ticket, audit)


@routes.post(
    "/api/v1/tickets/{number}/reply",
    roles=WORKERS,
    summary="Message the villager; returns the push",
    params=(NUMBER,),
    body=body({"text": {"type": "string", "minLength": 1, "maxLength": 600}}, required=("text",)),
    response=ref("PushResult"),
)
async def reply(call: Call) -> web.StreamResponse:
    ticket = await find_ticket(call, inputs.path_number(call.request), act=True)
    text = inputs.text(await call.body(), "text", max_len=600)
    await (await call.desk(ticket.town_id)).reply(ticket, text, staff=call.staff)
    event = await call.db.queries.latest_event(ticket.id, "reply")
    row = (
        await call.db.queries.outbox_by_key(f"reply:{ticket.number}:{event.id}") if event else None
    )
    await call.audit("ticket.reply", f"ticket:{ticket.number}", push=row.id if row else None)
    return json_response({"ok": True, "push": push_json(row) if row else None})


@routes.post(
    "/api/v1/tickets/{number}/notes",
    roles=WORKERS,
    summary="Internal note (never shown to the villager)",
    params=(NUMBER,),
    body=body({"text": {"type": "string", "minLength": 1, "maxLength": 2000}}, required=("text",)),
    response=DETAIL,
)
async def note(call: Call) -> web.StreamResponse:
    ticket = await find_ticket(call, inputs.path_number(call.request), act=True)
    text = inputs.text(await call.body(), "text")
    await (await call.desk(ticket.town_id)).note(ticket, text, staff=call.staff)
    return await _done(call, ticket, "ticket.note")


@routes.post(
    "/api/v1/tickets/{number}/materials",
    roles=WORKERS,
    summary="Tick a material as received (or not)",
    params=(NUMBER,),
    body=body({"name": STR, "received": BOOL}, required=("name", "received")),
    response=DETAIL,
)
async def materials(call: Call) -> web.StreamResponse:
    ticket = await find_ticket(call, inputs.path_number(call.request), act=True)
    data = await call.body()
    name = inputs.text(data, "name", max_len=200)
    received = bool(inputs.boolean(data, "received"))
    listed = [dict(m) for m in ticket.materials or []]
    match = [m for m in listed if m.get("name") == name]
    if not match:
        fail(400, "no_material")
    for m in match:
        m["received"] = received
    ticket.materials = listed  # a new list, so the JSON column is seen as changed
    now = call.now()
    ticket.last_staff_action_at = ticket.updated_at = now
    await call.repos.tickets.add_event(
        ticket,
        at=now,
        kind="materials",
        staff_id=call.staff.id,
        internal=True,
        data={"name": name, "received": received},
    )
    return await _done(call, ticket, "ticket.materials", name=name, received=received)


@routes.post(
    "/api/v1/tickets/{number}/reveal-phone",
    roles=EVERYONE,
    summary="The villager's full phone number (written to the audit log)",
    params=(NUMBER,),
    response=obj({"phone": STR}),
)
async def reveal_phone(call: Call) -> web.StreamResponse:
    ticket = await find_ticket(call, inputs.path_number(call.request))
    if not ticket.applicant_phone:
        fail(404, "no_phone")
    await call.audit("ticket.reveal_phone", f"ticket:{ticket.number}")
    return json_response({"phone": ticket.applicant_phone})
