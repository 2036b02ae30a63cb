"""Admin: the working-day calendar (holiday and make-up-day overrides, years
marked complete so their deadlines stop being provisional) and the roster of
leaders on duty (带班领导) per day."""

from __future__ import annotations

import datetime as dt

from aiohttp import web

from bot.console import inputs, scope
from bot.console.routing import ADMINS, LEADER, Call, Param, Routes
from bot.console.schemas import BOOL, INT, STR, body, listing, ref
from bot.console.security import fail, json_response
from bot.console.views import person
from bot.sla import library_covers
from knowledge.towns import MAIN

routes = Routes("calendar")
DAY = Param("day", {"type": "string", "format": "date"}, "path", True)
YEAR = Param("year", {"type": "integer", "minimum": 2000, "maximum": 2100}, "path", True)
MAX_SPAN = dt.timedelta(days=366)


def _town(call: Call, wanted: str | None) -> str:
    """The roster's town: the caller's own (another is refused), else for county staff
    the one asked for, else the main town."""
    town = scope.town(call.staff, wanted, call.rt.knowledge.towns) or MAIN
    if town not in call.rt.knowledge.towns:
        fail(400, "bad_request", field="town")
    return town


def _year(raw: str | None, default: int) -> int:
    if raw is None or raw == "":
        return default
    if not raw.isascii() or not raw.isdigit() or not 2000 <= int(raw) <= 2100:
        fail(400, "bad_request", field="year")
    return int(raw)


async def _calendar_json(call: Call, year: int) -> dict[str, object]:
    rows = await call.db.queries.calendar_overrides(dt.date(year, 1, 1), dt.date(year, 12, 31))
    return {
        "year": year,
        "complete": year in await call.repos.calendar.complete_years(),
        "library_covers": library_covers(year),
        "overrides": [
            {"day": r.day.isoformat(), "workday": r.workday, "note": r.note} for r in rows
        ],
    }


@routes.get(
    "/api/v1/admin/calendar",
    roles=ADMINS,
    summary="One year's overrides and whether it is complete",
    params=(Param("year", {"type": "integer", "minimum": 2000, "maximum": 2100}),),
    response=ref("CalendarYear"),
)
async def get_calendar(call: Call) -> web.StreamResponse:
    year = _year(call.request.query.get("year"), call.now().year)
    return json_response(await _calendar_json(call, year))


@routes.put(
    "/api/v1/admin/calendar/days/{day}",
    roles=ADMINS,
    summary="Mark a day as a working (make-up) day or a holiday; null removes the override",
    params=(DAY,),
    body=body(
        {
            "workday": {"type": "boolean", "nullable": True},
            "note": {"type": "string", "maxLength": 128},
        },
        required=("workday",),
    ),
    response=ref("CalendarYear"),
)
async def set_day(call: Call) -> web.StreamResponse:
    day = inputs.path_date(call.request)
    data = await call.body()
    if "workday" not in data:
        fail(400, "bad_request", field="workday")
    workday = inputs.boolean(data, "workday", required=False)
    note = inputs.optional_text(data, "note", max_len=128)
    await call.repos.calendar.set_override(day, workday, note)
    _forget_calendar(call)
    await call.repos.session.flush()
    await call.audit("calendar.day", f"day:{day.isoformat()}", workday=workday, note=note)
    return json_response(await _calendar_json(call, day.year))


@routes.put(
    "/api/v1/admin/calendar/years/{year}",
    roles=ADMINS,
    summary="Declare a year's holidays fully entered (its deadlines become final)",
    params=(YEAR,),
    body=body({"complete": BOOL}, required=("complete",)),
    response=ref("CalendarYear"),
)
async def set_year(call: Call) -> web.StreamResponse:
    year = _year(call.request.match_info["year"], 0)
    complete = bool(inputs.boolean(await call.body(), "complete"))
    await call.repos.calendar.set_year_complete(year, complete)
    _forget_calendar(call)
    await call.repos.session.flush()
    await call.audit("calendar.year", f"year:{year}", complete=complete)
    return json_response(await _calendar_json(call, year))


ROSTER_PARAMS = (
    Param("from", {"type": "string", "format": "date"}, description="default: today"),
    Param("to", {"type": "string", "format": "date"}, description="default: 30 days on"),
    Param("town", {"type": "string", "maxLength": 32}, description="default: the caller's town"),
)


async def roster_json(call: Call) -> dict[str, object]:
    """The leaders on duty in a range of days, for one town the caller may read."""
    today = call.now().date()
    first = inputs.query_date(call.request, "from", today)
    last = inputs.query_date(call.request, "to", first + dt.timedelta(days=30))
    if last < first or last - first > MAX_SPAN:
        fail(400, "bad_request", field="to")
    town = _town(call, inputs.query_text(call.request, "town", max_len=32))
    roster = await call.repos.calendar.roster(first, last, town)
    names = await call.db.queries.staff_by_ids(list(roster.values()))
    items = [{"day": d.isoformat(), "staff": person(s, names)} for d, s in sorted(roster.items())]
    return {"items": items}


@routes.get(
    "/api/v1/admin/roster",
    roles=ADMINS,
    summary="Leaders on duty per day in a range",
    params=ROSTER_PARAMS,
    response=listing("RosterDay"),
)
async def get_roster(call: Call) -> web.StreamResponse:
    return json_response(await roster_json(call))


@routes.put(
    "/api/v1/admin/roster/{day}",
    roles=ADMINS,
    summary="Set the leader on duty for a day",
    params=(DAY,),
    body=body({"staff_id": INT, "town": STR}, required=("staff_id",)),
    response=ref("RosterDay"),
)
async def set_roster(call: Call) -> web.StreamResponse:
    day = inputs.path_date(call.request)
    data = await call.body()
    staff_id = inputs.integer(data, "staff_id", lo=1, hi=inputs.MAX_ID) or 0
    leader = await call.repos.staff.get(staff_id)
    if leader is None or leader.role != LEADER or not leader.active:
        fail(400, "not_leader")
    town = _town(call, inputs.optional_text(data, "town", max_len=32) or leader.town_id)
    if leader.town_id not in (None, town):
        fail(400, "not_leader")  # a town's leader is on duty in that town only
    await call.repos.calendar.set_leader(day, leader.id, town)
    await call.audit(
        "roster.set", f"day:{day.isoformat()}", town_id=town, staff_id=leader.id, town=town
    )
    return json_response(
        {"day": day.isoformat(), "staff": {"id": leader.id, "name": leader.display_name}}
    )


def _forget_calendar(call: Call) -> None:
    """This replica's desks see the edit at once (others within a minute)."""
    if call.rt.calendars is not None:
        call.rt.calendars.invalidate()
