"""Admin: the audit log (who did what to which record, when, from which IP),
newest first, filtered and paged. An admin bound to a town reads only the
entries about that town (its tickets, staff accounts, conversations and roster,
and what its staff did: AuditLog.town_id); asking for another town is refused.
County admins read everything and may pick one town."""

from __future__ import annotations

from aiohttp import web

from bot.console import inputs, scope
from bot.console.routing import ADMINS, Call, Param, Routes
from bot.console.schemas import listing
from bot.console.security import json_response
from bot.console.views import person

routes = Routes("admin")


@routes.get(
    "/api/v1/admin/audit",
    roles=ADMINS,
    summary="The audit log, newest first (page with before); a town's admin: their town's",
    params=(
        Param("staff_id", {"type": "integer", "minimum": 1, "maximum": inputs.MAX_ID}),
        Param("action", {"type": "string", "maxLength": 48}),
        Param("target", {"type": "string", "maxLength": 128}),
        Param("town", {"type": "string", "maxLength": 32}, description="county admins only"),
        Param("before", {"type": "integer", "minimum": 1, "maximum": inputs.MAX_ID}),
        Param("limit", {"type": "integer", "minimum": 1, "maximum": 500, "default": 100}),
    ),
    response=listing("AuditEntry"),
)
async def audit_log(call: Call) -> web.StreamResponse:
    q = call.request
    town = scope.town(call.staff, inputs.query_text(q, "town", max_len=32), call.rt.knowledge.towns)
    rows = await call.db.audit.listing(
        staff_id=inputs.query_int(q, "staff_id", lo=1, hi=inputs.MAX_ID, default=None),
        action=inputs.query_text(q, "action", max_len=48),
        target=inputs.query_text(q, "target", max_len=128),
        town_id=town,
        before_id=inputs.query_int(q, "before", lo=1, hi=inputs.MAX_ID, default=None),
        limit=inputs.query_int(q, "limit", lo=1, hi=500, default=100) or 100,
    )
    names = await call.db.queries.staff_by_ids([r.staff_id for r in rows])
    items = [
        {
            "id": r.id,
            "at": r.at.isoformat(),
            "staff": person(r.staff_id, names),
            "username": r.username,
            "action": r.action,
            "target": r.target,
            "ip": r.ip,
            "detail": r.detail or {},
            "town_id": r.town_id,
        }
        for r in rows
    ]
    return json_response({"items": items})
