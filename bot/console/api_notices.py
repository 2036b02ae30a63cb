"""The caller's notices (warnings, escalations, assignments), the escalation
list (督办), and 回访 tasks after a bad rating with their results."""

from __future__ import annotations

from aiohttp import web

from bot.console import inputs, scope
from bot.console.api_tickets import ID, summaries
from bot.console.routing import EVERYONE, HEAD, LEADER, SUPERVISORS, Call, Param, Routes
from bot.console.schemas import BOOL, arr, body, listing, ref
from bot.console.security import fail, json_response
from bot.console.views import callback_json
from bot.tickets.calendar import load_calendar

routes = Routes("notices")


@routes.get(
    "/api/v1/notices",
    roles=EVERYONE,
    summary="The caller's notices, newest first, with the unread count",
    params=(Param("unread", {"type": "boolean", "default": False}),),
    response=ref("NoticeList"),
)
async def list_notices(call: Call) -> web.StreamResponse:
    unread_only = inputs.query_bool(call.request, "unread", False)
    notices = await call.repos.notices.for_staff(call.staff.id, unread_only=unread_only)
    numbers = {}
    for n in notices:
        if n.ticket_id is not None and n.ticket_id not in numbers:
            ticket = await call.repos.tickets.by_id(n.ticket_id)
            numbers[n.ticket_id] = ticket.number if ticket else None
    items = [
        {
            "id": n.id,
            "kind": n.kind,
            "text": n.text,
            "ticket": numbers.get(n.ticket_id) if n.ticket_id else None,
            "created_at": n.created_at.isoformat(),
            "read_at": n.read_at.isoformat() if n.read_at else None,
        }
        for n in notices
    ]
    return json_response(
        {"unread": await call.repos.notices.unread_count(call.staff.id), "items": items}
    )


@routes.post(
    "/api/v1/notices/read",
    roles=EVERYONE,
    summary="Mark notices read (some ids, or all)",
    body=body(
        {"ids": arr({"type": "integer", "minimum": 1, "maximum": inputs.MAX_ID}), "all": BOOL}
    ),
    response=ref("NoticeList"),
)
async def read_notices(call: Call) -> web.StreamResponse:
    data = await call.body()
    ids = inputs.id_list(data, "ids")
    if inputs.boolean(data, "all", required=False):
        ids = [
            n.id
            for n in await call.repos.notices.for_staff(
                call.staff.id, unread_only=True, limit=10_000
            )
        ]
    if ids:
        await call.repos.notices.mark_read(call.staff.id, ids, call.now())
    await call.audit("notices.read", None, count=len(ids))
    return await list_notices(call)


@routes.get(
    "/api/v1/escalations",
    roles=SUPERVISORS,
    summary="Open tickets escalated after their deadline",
    response=listing("Escalation"),
)
async def escalations(call: Call) -> web.StreamResponse:
    rows = await call.db.queries.escalated(scope.departments(call.staff), scope.kinds(call.staff))
    rows = [r for r in rows if scope.can_read(call.staff, r[0])]
    cal = await load_calendar(call.repos)
    tickets = await summaries(call, [t for t, _, _ in rows], cal)
    items = [
        {"ticket": s, "last_escalated_at": at.isoformat(), "times": times}
        for s, (_, at, times) in zip(tickets, rows, strict=True)
    ]
    return json_response({"items": items})


@routes.get(
    "/api/v1/callbacks",
    roles=SUPERVISORS,
    summary="Callback tasks after bad ratings (heads: their department)",
    params=(Param("open", {"type": "boolean", "default": True}),),
    response=listing("Callback"),
)
async def list_callbacks(call: Call) -> web.StreamResponse:
    open_only = inputs.query_bool(call.request, "open", True)
    rows = await call.repos.callbacks.listing(scope.departments(call.staff), open_only=open_only)
    names = await call.db.queries.staff_by_ids([c.done_by for c in rows])
    items = []
    for c in rows:
        ticket = await call.repos.tickets.by_id(c.ticket_id)
        if ticket is not None and scope.can_read(call.staff, ticket):
            items.append(callback_json(c, ticket, names))
    return json_response({"items": items})


@routes.post(
    "/api/v1/callbacks/{id}/done",
    roles=frozenset({HEAD, LEADER}),
    summary="Record the callback's result",
    params=(ID,),
    body=body(
        {"result": {"type": "string", "minLength": 1, "maxLength": 2000}}, required=("result",)
    ),
    response=ref("Callback"),
)
async def callback_done(call: Call) -> web.StreamResponse:
    callback = await call.repos.callbacks.get(inputs.path_id(call.request))
    ticket = await call.repos.tickets.by_id(callback.ticket_id) if callback else None
    if callback is None or ticket is None:
        scope.missing(call.staff)
    scope.refuse_unless(
        scope.can_supervise(call.staff, callback.department_id)
        and scope.can_read(call.staff, ticket)
    )
    if callback.done_at is not None:
        fail(409, "already_decided")
    result = inputs.text(await call.body(), "result")
    now = call.now()
    await call.repos.callbacks.finish(callback, staff_id=call.staff.id, result=result, now=now)
    await call.repos.tickets.add_event(
        ticket, at=now, kind="callback_done", staff_id=call.staff.id, note=result, internal=True
    )
    await call.audit("callback.done", f"ticket:{ticket.number}", callback=callback.id)
    names = await call.db.queries.staff_by_ids([callback.done_by])
    return json_response(callback_json(callback, ticket, names))
