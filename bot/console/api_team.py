"""The caller's team: the staff of a department who work in a town (a head sees
their own department's, to give a ticket to a colleague: 分派), the towns the
caller may read, and the duty roster, which heads and leaders read and only the
admin edits (api_calendar)."""

from __future__ import annotations

from aiohttp import web

from bot.console import inputs, scope, towns
from bot.console.api_calendar import ROSTER_PARAMS, roster_json
from bot.console.routing import EVERYONE, SUPERVISORS, Call, Param, Routes
from bot.console.schemas import listing
from bot.console.security import fail, json_response

routes = Routes("team")


@routes.get(
    "/api/v1/staff",
    roles=SUPERVISORS,
    summary="Active clerks and heads of a department who work in a town (assign targets); "
    "heads: their own department, town staff: their own town",
    params=(
        Param(
            "department",
            {"type": "string", "maxLength": 32},
            description="default: the caller's department",
        ),
        Param(
            "town",
            {"type": "string", "maxLength": 32},
            description="its own staff and county staff; default: the caller's town, else all",
        ),
    ),
    response=listing("Colleague"),
)
async def colleagues(call: Call) -> web.StreamResponse:
    department = inputs.query_text(call.request, "department", max_len=32)
    department = department or call.staff.department_id
    if not department:
        fail(400, "bad_request", field="department")
    scope.refuse_unless(scope.can_supervise(call.staff, department))
    wanted = inputs.query_text(call.request, "town", max_len=32)
    town = scope.town(call.staff, wanted, call.rt.knowledge.towns)
    members = await call.repos.staff.serving(department, town)
    load = await call.db.queries.open_load([m.id for m in members])
    items = [
        {
            "id": m.id,
            "name": m.display_name,
            "role": m.role,
            "department_id": m.department_id,
            "town_id": m.town_id,
            "on_duty": m.on_duty,
            "open_tickets": load.get(m.id, 0),
        }
        for m in members
    ]
    return json_response({"items": items})


@routes.get(
    "/api/v1/towns",
    roles=EVERYONE,
    summary="The towns the caller may read (county staff: all of them)",
    response=listing("Town"),
)
async def list_towns(call: Call) -> web.StreamResponse:
    visible = towns.visible(call.rt.knowledge, call.staff)
    return json_response({"items": [{"id": i, "name": n} for i, n in visible.items()]})


@routes.get(
    "/api/v1/roster",
    roles=SUPERVISORS,
    summary="Leaders on duty per day (read only; town staff: their town)",
    params=ROSTER_PARAMS,
    response=listing("RosterDay"),
)
async def read_roster(call: Call) -> web.StreamResponse:
    return json_response(await roster_json(call))
