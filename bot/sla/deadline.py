"""限时办结 deadline maths: due instants, pauses (待补正, 公示) as data, met/missed outcomes.

No I/O, and no reading of the clock: "now" arrives as the `as_of` argument.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.sla.workdays import (
    DEFAULT_HOURS,
    WorkCalendar,
    WorkHours,
    add_workdays,
    closing_time,
    iter_days,
    next_working_time,
    to_local,
    working_periods,
)

CountFrom = Literal["same_day", "next_day"]
_MINUTE = dt.timedelta(minutes=1)


@dataclass(frozen=True)
class Break:
    """A span during which the SLA clock stops (Administrative Licensing Law §45).

    :param start: when the ticket entered 待补正 or 公示.
    :param end: when it left; ``None`` while it is still paused.
    """

    start: dt.datetime
    end: dt.datetime | None = None

    def __post_init__(self) -> None:
        to_local(self.start)  # refuses naive datetimes early, where the bug is
        if self.end is not None and to_local(self.end) < to_local(self.start):
            raise ValueError(f"break ends before it starts: {self.start} > {self.end}")


@dataclass(frozen=True)
class Deadline:
    """When a ticket falls due.

    :param due_at: an aware datetime in Asia/Shanghai, normally a working day's close.
    :param provisional: the count crossed a year whose holidays are not entered yet
        (Mon–Fri guess); show it as such and recompute once the admin adds the year.
    :param paused: a break is still open, so `due_at` only holds if it ends at `as_of`.
    :param extended_by: working time added for the breaks (shown as 期限顺延).
    """

    due_at: dt.datetime
    provisional: bool
    paused: bool
    extended_by: dt.timedelta = dt.timedelta(0)


@dataclass(frozen=True)
class Outcome:
    """How a finished ticket did against its deadline; stored with the ticket for KPIs.

    :param wall_delta: finished - due; negative = early.
    :param working_delta_minutes: the same in working minutes (nights, weekends and
        holidays excluded); negative = early.
    """

    met: bool
    wall_delta: dt.timedelta
    working_delta_minutes: int


def _working_time(
    a: dt.datetime, b: dt.datetime, cal: WorkCalendar, hours: WorkHours
) -> dt.timedelta:
    """Working time in [a, b] for a <= b, both already local."""
    total = dt.timedelta(0)
    day = a.date()
    while day <= b.date():
        for start, end in working_periods(day, cal, hours):
            lo, hi = max(start, a), min(end, b)
            if lo < hi:
                total += hi - lo
        day += dt.timedelta(days=1)
    return total


def working_minutes_between(
    a: dt.datetime, b: dt.datetime, cal: WorkCalendar, hours: WorkHours = DEFAULT_HOURS
) -> int:
    """Whole working minutes from a to b; negative if b is before a (truncated toward 0)."""
    la, lb = to_local(a), to_local(b)
    if lb < la:
        return -working_minutes_between(b, a, cal, hours)
    return _working_time(la, lb, cal, hours) // _MINUTE


def add_working_time(
    at: dt.datetime, delta: dt.timedelta, cal: WorkCalendar, hours: WorkHours = DEFAULT_HOURS
) -> dt.datetime:
    """The instant `delta` of working time after `at`.

    Landing exactly on a period's end returns that end (17:30), not the next opening,
    so a deadline pushed by whole working days stays on a day's close.
    """
    if delta < dt.timedelta(0):
        raise ValueError(f"negative working time {delta}")
    cursor, remaining = to_local(at), delta
    if not remaining:
        return cursor
    for day in iter_days(cursor.date()):
        for start, end in working_periods(day, cal, hours):
            if cursor >= end:
                continue
            lo = max(cursor, start)
            if remaining <= end - lo:
                return lo + remaining
            remaining -= end - lo
            cursor = end
    raise AssertionError("unreachable: iter_days raises when exhausted")


def _merged_spans(
    breaks: Sequence[Break], not_before: dt.datetime, as_of: dt.datetime | None
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Breaks as closed local spans, clipped to acceptance, overlaps merged.

    Merging matters: 公示 and 待补正 can overlap, and one stopped clock must not be
    credited twice.
    """
    spans: list[tuple[dt.datetime, dt.datetime]] = []
    for brk in breaks:
        if brk.end is None:
            if as_of is None:
                raise ValueError(
                    "an open break needs as_of (the caller's current time from its Clock)"
                )
            end = to_local(as_of)
        else:
            end = to_local(brk.end)
        start = max(to_local(brk.start), not_before)
        if start < end:
            spans.append((start, end))
    spans.sort()
    merged: list[tuple[dt.datetime, dt.datetime]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _base_due_day(
    accepted: dt.datetime, workdays: int, cal: WorkCalendar, count_from: CountFrom, hours: WorkHours
) -> dt.date:
    if workdays == 0 or count_from == "same_day":
        # A request taken after the close or on a holiday is really started on the next
        # working morning; that day is day 1 (即办: due at its close).
        first = next_working_time(accepted, cal, hours).date()
        return add_workdays(first, max(workdays - 1, 0), cal)[0]
    # "next_day": the acceptance day is never counted, whatever the hour
    # (期间开始的当日不计入), so day 1 is the first working day after it.
    return add_workdays(accepted.date(), workdays, cal)[0]


def compute_deadline(
    accepted_at: dt.datetime,
    workdays: int,
    cal: WorkCalendar,
    *,
    count_from: CountFrom,
    breaks: Sequence[Break] = (),
    hours: WorkHours = DEFAULT_HOURS,
    as_of: dt.datetime | None = None,
) -> Deadline:
    """The due instant of a ticket promised in `workdays` working days (0 = 即办).

    :param count_from: "same_day" counts the acceptance day as day 1 when it is a
        working day and acceptance is before its close; "next_day" starts counting on
        the following working day.
    :param breaks: 待补正 / 公示 spans; each pushes the due instant by the working time
        it covered (after acceptance; overlapping breaks count once).
    :param as_of: where an open break is taken to end: the caller's current time;
        required if a break is open.
    """
    if workdays < 0:
        raise ValueError(f"workdays must be >= 0, got {workdays}")
    if count_from not in ("same_day", "next_day"):
        raise ValueError(f"count_from must be 'same_day' or 'next_day', got {count_from!r}")
    accepted = to_local(accepted_at)
    base_due = closing_time(_base_due_day(accepted, workdays, cal, count_from, hours), hours)
    spans = _merged_spans(breaks, accepted, as_of)
    extension = sum((_working_time(s, e, cal, hours) for s, e in spans), dt.timedelta(0))
    due_at = add_working_time(base_due, extension, cal, hours)
    last = max([due_at, *(e for _, e in spans)])
    return Deadline(
        due_at=due_at,
        provisional=cal.any_provisional(accepted.date(), last.date()),
        paused=any(b.end is None for b in breaks),
        extended_by=extension,
    )


def sla_outcome(
    due_at: dt.datetime,
    finished_at: dt.datetime,
    cal: WorkCalendar,
    hours: WorkHours = DEFAULT_HOURS,
) -> Outcome:
    """Met (finished at or before due) or missed, and by how much in both clocks."""
    due, finished = to_local(due_at), to_local(finished_at)
    return Outcome(
        met=finished <= due,
        wall_delta=finished - due,
        working_delta_minutes=working_minutes_between(due, finished, cal, hours),
    )


def warning_day(due_at: dt.datetime, days_before: int, cal: WorkCalendar) -> dt.date:
    """The working day `days_before` working days before the due day (0 = the due day).

    For the escalation ladder: warn the owner N working days ahead, never on a holiday.
    """
    if days_before < 0:
        raise ValueError(f"days_before must be >= 0, got {days_before}")
    due_day = to_local(due_at).date()
    return add_workdays(due_day, -days_before, cal)[0]
