"""The center's KPIs over a cohort of tickets (those received in the range):
received, completed, 办结率, 按时办结率, overdue now, average working days to
complete, 满意率, 差评回访率, and the first response time of human conversations
(placed by town, staff, week or month; conversations have no department or item).
Pure: rows in, numbers out; "now" and the calendar are passed in."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.sla import DEFAULT_HOURS, WorkCalendar, working_minutes_between
from storage.repositories.tickets import OPEN

GROUPS = ("none", "town", "department", "item", "staff", "week", "month")
SATISFIED = (1, 2, 3)  # 非常满意, 满意, 基本满意; 4 and 5 are 差评


@dataclass(frozen=True)
class Fact:
    """What the KPIs need of one ticket."""

    department_id: str
    item: str
    staff_id: int | None  # the assignee, else the owner (首问)
    accepted_at: dt.datetime
    status: str
    finished_at: dt.datetime | None
    sla_met: bool | None
    rating: int | None
    due_at: dt.datetime
    paused: bool
    callback: bool | None  # None: no callback owed; False: open; True: done
    town_id: str = "main"


@dataclass(frozen=True)
class Response:
    """One human conversation (转人工): when it opened and when a person first answered."""

    opened_at: dt.datetime
    first_response_at: dt.datetime | None
    staff_id: int | None
    town_id: str = "main"


def week_of(at: dt.datetime) -> str:
    year, week, _ = at.isocalendar()
    return f"{year}-W{week:02d}"


def _key(
    group: str,
    at: dt.datetime,
    department: str = "",
    item: str = "",
    staff: int | None = None,
    town: str = "",
) -> str:
    return {
        "none": "total",
        "town": town,
        "department": department,
        "item": item,
        "staff": str(staff) if staff is not None else "",
        "week": week_of(at),
        "month": at.strftime("%Y-%m"),
    }[group]


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def row(
    key: str,
    label: str,
    facts: Sequence[Fact],
    responses: Sequence[Response] | None,
    *,
    now: dt.datetime,
    cal: WorkCalendar,
) -> dict[str, Any]:
    done = [f for f in facts if f.status == "done"]
    rated = [f.rating for f in facts if f.rating is not None]
    owed = [f.callback for f in facts if f.callback is not None]
    day = DEFAULT_HOURS.minutes_per_day
    workdays = [
        working_minutes_between(f.accepted_at, f.finished_at, cal) / day
        for f in done
        if f.finished_at
    ]
    waits = [
        (r.first_response_at - r.opened_at).total_seconds() / 60
        for r in responses or ()
        if r.first_response_at is not None
    ]
    return {
        "key": key,
        "label": label,
        "received": len(facts),
        "completed": len(done),
        "completion_rate": _rate(len(done), len(facts)),
        "on_time_rate": _rate(sum(1 for f in done if f.sla_met), len(done)),
        "overdue_now": sum(
            1 for f in facts if f.status in OPEN and not f.paused and now >= f.due_at
        ),
        "avg_workdays": _mean(workdays),
        "satisfaction_rate": _rate(sum(1 for r in rated if r in SATISFIED), len(rated)),
        "callback_rate": _rate(sum(1 for c in owed if c), len(owed)),
        # Conversations have no department or item; they count only where they can be placed.
        "first_response_minutes": _mean(waits) if responses is not None else None,
    }


def compute(
    facts: Iterable[Fact],
    responses: Iterable[Response],
    *,
    group: str,
    now: dt.datetime,
    cal: WorkCalendar,
    label: Callable[[str], str],
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """(one row per group key, the totals row)."""
    facts, responses = list(facts), list(responses)
    by_key: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        by_key[_key(group, f.accepted_at, f.department_id, f.item, f.staff_id, f.town_id)].append(f)
    waits: dict[str, list[Response]] = defaultdict(list)
    placeable = group in ("none", "town", "staff", "week", "month")
    if placeable:
        for r in responses:
            waits[_key(group, r.opened_at, staff=r.staff_id, town=r.town_id)].append(r)
    keys = sorted(set(by_key) | set(waits))
    rows = [
        row(
            k,
            label(k),
            by_key.get(k, []),
            waits.get(k, []) if placeable else None,
            now=now,
            cal=cal,
        )
        for k in keys
    ]
    totals = row("total", label("total"), facts, responses, now=now, cal=cal)
    return rows, totals
