"""Dashboard and reports for heads (their department), the leader and the admin:
KPIs over the tickets received in a date range, grouped (also by town for county
staff), as JSON, CSV or Excel. Staff bound to a town get their town only: asking
for another is refused (403), as is a department outside a head's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aiohttp import web

from bot.clock import TZ
from bot.console import export, inputs, kpi, scope, texts, towns
from bot.console.api_tickets import department_names
from bot.console.routing import SUPERVISORS, Call, Param, Routes
from bot.console.schemas import ref
from bot.console.security import fail, json_response
from bot.tickets.calendar import load_calendar
from storage.models import Ticket

routes = Routes("reports")
MAX_SPAN = dt.timedelta(days=731)
FORMATS = {
    "csv": ("text/csv", "csv", export.to_csv),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        export.to_xlsx,
    ),
}
PARAMS = (
    Param(
        "from",
        {"type": "string", "format": "date"},
        description="first day (default: the 1st of this month)",
    ),
    Param(
        "to",
        {"type": "string", "format": "date"},
        description="last day, inclusive (default: today)",
    ),
    Param("group", {"type": "string", "enum": list(kpi.GROUPS), "default": "department"}),
    Param("department", {"type": "string", "maxLength": 32}),
    Param(
        "town",
        {"type": "string", "maxLength": 32},
        description="one town (county staff; town staff always get their own)",
    ),
)


async def build(call: Call) -> dict[str, Any]:
    request, now = call.request, call.now()
    first = inputs.query_date(request, "from", now.date().replace(day=1))
    last = inputs.query_date(request, "to", now.date())
    group = inputs.query_choice(request, "group", kpi.GROUPS, "department")
    if last < first or last - first > MAX_SPAN:
        fail(400, "bad_request", field="to")
    departments = scope.departments(call.staff)
    wanted = inputs.query_text(request, "department", max_len=32)
    if wanted is not None:
        scope.refuse_unless(departments is None or wanted in departments)
        departments = [wanted]
    knowledge = call.rt.knowledge
    town = scope.town(call.staff, inputs.query_text(request, "town", max_len=32), knowledge.towns)
    start = dt.datetime.combine(first, dt.time(), tzinfo=TZ)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=TZ)
    tickets = [
        t
        for t in await call.db.queries.received_between(start, end, departments, town)
        if scope.can_read(call.staff, t)
    ]
    callbacks = {
        c.ticket_id: c.done_at is not None
        for c in await call.db.queries.callbacks_for([t.id for t in tickets])
    }
    facts = [_fact(t, callbacks.get(t.id)) for t in tickets]
    # Conversations count for a department through the staff member who first answered.
    handoffs = await call.db.queries.handoffs_between(start, end, departments, town)
    responses = [
        kpi.Response(h.opened_at, h.first_response_at, h.staff_id, h.town_id) for h in handoffs
    ]
    labels = await _labels(
        call, group, [*(f.staff_id for f in facts), *(h.staff_id for h in handoffs)]
    )
    rows, totals = kpi.compute(
        facts,
        responses,
        group=group,
        now=now,
        cal=await load_calendar(call.repos),
        label=lambda key: labels.get(key, key),
    )
    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "group": group,
        "group_name": texts.REPORT_GROUPS[group],
        "town": town,
        "town_name": _scope_name(call, town),
        "columns": texts.REPORT_COLUMNS,
        "rows": rows,
        "totals": totals,
    }


def _fact(t: Ticket, callback: bool | None) -> kpi.Fact:
    return kpi.Fact(
        department_id=t.department_id,
        item=t.item_name,
        staff_id=t.assignee_id or t.owner_id,
        accepted_at=t.accepted_at,
        status=t.status,
        finished_at=t.finished_at,
        sla_met=t.sla_met,
        rating=t.rating,
        due_at=t.due_at,
        paused=t.paused_since is not None,
        callback=callback,
        town_id=t.town_id,
    )


def _scope_name(call: Call, town: str | None) -> str:
    """The towns a report covers, in words: one town's name, or all of them."""
    knowledge = call.rt.knowledge
    if town is None and len(knowledge.towns) == 1:
        town = next(iter(knowledge.towns))
    return towns.name(knowledge, town) if town is not None else texts.REPORT_ALL_TOWNS


async def _labels(call: Call, group: str, staff_ids: list[int | None]) -> dict[str, str]:
    labels = {"total": texts.REPORT_TOTAL, "": texts.UNASSIGNED}
    if group == "department":
        labels |= department_names(call)
    elif group == "town":
        labels |= towns.names(call.rt.knowledge)
    elif group == "staff":
        names = await call.db.queries.staff_by_ids(staff_ids)
        labels |= {str(i): s.display_name for i, s in names.items()}
    return labels


@routes.get(
    "/api/v1/reports/summary",
    roles=SUPERVISORS,
    summary="KPIs over tickets received in a date range",
    params=PARAMS,
    response=ref("Report"),
)
async def summary(call: Call) -> web.StreamResponse:
    return json_response(await build(call))


@routes.get(
    "/api/v1/reports/export",
    roles=SUPERVISORS,
    summary="The same report as a CSV or Excel file",
    params=(*PARAMS, Param("format", {"type": "string", "enum": list(FORMATS), "default": "csv"})),
    media=(FORMATS["csv"][0], FORMATS["xlsx"][0]),
)
async def export_report(call: Call) -> web.StreamResponse:
    media, suffix, render = FORMATS[
        inputs.query_choice(call.request, "format", tuple(FORMATS), "csv")
    ]
    report = await build(call)
    town = f"-{report['town']}" if report["town"] else ""
    name = f"report-{report['from']}-{report['to']}-{report['group']}{town}.{suffix}"
    return web.Response(
        body=render(report),
        content_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
