"""Working days and working hours of the center: holidays, 调休 make-up days, opening hours.

No I/O, and no reading of the clock: every instant is passed in by the caller.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache

import chinese_calendar

from bot.clock import TZ

# A run of non-working days longer than this means the calendar is broken (for
# example an admin marked a whole year as holidays); failing beats looping forever.
MAX_SCAN_DAYS = 2 * 366


@cache
def library_covers(year: int) -> bool:
    """Whether the installed chinesecalendar has holiday data for `year`.

    Asked of the package instead of hard-coded, because the package gains a year each
    December and the answer must change with `pip install -U chinesecalendar` alone.
    """
    try:
        chinese_calendar.is_workday(dt.date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


class WorkCalendar:
    """Which days are working days.

    :param overrides: the admin's edits, ``True`` = working day (调休上班),
        ``False`` = holiday. They win over the package and over the Mon–Fri fallback.
    :param complete_years: years the admin declared fully entered, so deadlines that
        fall in them are final even though chinesecalendar has no data for them.

    Immutable: when the admin edits the calendar, build a new one (the caches below
    would otherwise keep stale answers).
    """

    def __init__(
        self,
        overrides: Mapping[dt.date, bool] | None = None,
        complete_years: frozenset[int] = frozenset(),
    ) -> None:
        self._overrides: dict[dt.date, bool] = dict(overrides or {})
        self._complete_years = frozenset(complete_years)
        # The scheduler asks about the same few weeks on every tick; a plain dict is
        # enough because the set of dates asked about is small (a few years at most).
        self._workday_cache: dict[dt.date, bool] = {}

    @property
    def overrides(self) -> Mapping[dt.date, bool]:
        return dict(self._overrides)

    @property
    def complete_years(self) -> frozenset[int]:
        return self._complete_years

    def is_workday(self, day: dt.date) -> bool:
        cached = self._workday_cache.get(day)
        if cached is None:
            cached = self._compute_is_workday(day)
            self._workday_cache[day] = cached
        return cached

    def _compute_is_workday(self, day: dt.date) -> bool:
        override = self._overrides.get(day)
        if override is not None:
            return override
        if library_covers(day.year):
            return bool(chinese_calendar.is_workday(day))
        # No official data yet (domain.md "Working days"): Mon–Fri, marked provisional.
        return day.weekday() < 5

    def is_provisional(self, day: dt.date) -> bool:
        """True when `day`'s year has neither package data nor the admin's sign-off."""
        return not library_covers(day.year) and day.year not in self._complete_years

    def any_provisional(self, first: dt.date, last: dt.date) -> bool:
        """Whether any day from `first` to `last` (inclusive, either order) is provisional."""
        low, high = min(first, last), max(first, last)
        # Provisional-ness is per year, so checking each year once is enough.
        return any(self.is_provisional(dt.date(y, 1, 1)) for y in range(low.year, high.year + 1))

    def __repr__(self) -> str:
        return (
            f"WorkCalendar(overrides={len(self._overrides)} days, "
            f"complete_years={sorted(self._complete_years)})"
        )


def _default_morning() -> tuple[dt.time, dt.time]:
    return (dt.time(8, 30), dt.time(12, 0))


def _default_afternoon() -> tuple[dt.time, dt.time]:
    return (dt.time(14, 0), dt.time(17, 30))


@dataclass(frozen=True)
class WorkHours:
    """The center's opening hours on a working day, in Asia/Shanghai time.

    :param morning: (start, end), default 08:30–12:00.
    :param afternoon: (start, end), default 14:00–17:30; its end is the daily close
        that deadlines fall on.

    Periods are half-open: 12:00 is already lunch and 17:30 is already closed.
    """

    morning: tuple[dt.time, dt.time] = field(default_factory=_default_morning)
    afternoon: tuple[dt.time, dt.time] = field(default_factory=_default_afternoon)

    def __post_init__(self) -> None:
        times = [*self.morning, *self.afternoon]
        if any(t.tzinfo is not None for t in times):
            raise ValueError("working hours are local wall-clock times; drop the tzinfo")
        m_start, m_end = self.morning
        a_start, a_end = self.afternoon
        if not (m_start < m_end <= a_start < a_end):
            raise ValueError(f"working hours out of order: {self.morning} {self.afternoon}")

    @property
    def periods(self) -> tuple[tuple[dt.time, dt.time], ...]:
        return (self.morning, self.afternoon)

    @property
    def opens(self) -> dt.time:
        return self.morning[0]

    @property
    def closes(self) -> dt.time:
        return self.afternoon[1]

    @property
    def minutes_per_day(self) -> int:
        total = 0
        for start, end in self.periods:
            total += _minutes_of(end) - _minutes_of(start)
        return total


DEFAULT_HOURS = WorkHours()


def _minutes_of(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def to_local(at: dt.datetime) -> dt.datetime:
    """`at` in the center's zone. Naive values are refused: their zone is a guess."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"naive datetime {at!r}: pass an aware datetime (see bot.clock)")
    return at.astimezone(TZ)


def closing_time(day: dt.date, hours: WorkHours = DEFAULT_HOURS) -> dt.datetime:
    """The afternoon close of `day`: the instant a deadline on that day falls due."""
    return dt.datetime.combine(day, hours.closes, tzinfo=TZ)


def working_periods(
    day: dt.date, cal: WorkCalendar, hours: WorkHours = DEFAULT_HOURS
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The [start, end) working spans of `day`; empty on a non-working day."""
    if not cal.is_workday(day):
        return []
    return [
        (dt.datetime.combine(day, start, tzinfo=TZ), dt.datetime.combine(day, end, tzinfo=TZ))
        for start, end in hours.periods
    ]


def iter_days(first: dt.date, step: int = 1) -> Iterator[dt.date]:
    """Days from `first` on (step 1) or back (step -1), bounded by MAX_SCAN_DAYS."""
    day = first
    for _ in range(MAX_SCAN_DAYS):
        yield day
        day += dt.timedelta(days=step)
    raise ValueError(f"no working day within {MAX_SCAN_DAYS} days of {first}: check the calendar")


def is_working_time(at: dt.datetime, cal: WorkCalendar, hours: WorkHours = DEFAULT_HOURS) -> bool:
    local = to_local(at)
    return any(start <= local < end for start, end in working_periods(local.date(), cal, hours))


def next_working_time(
    at: dt.datetime, cal: WorkCalendar, hours: WorkHours = DEFAULT_HOURS
) -> dt.datetime:
    """`at` itself if within working hours, else the start of the next working period.

    Reminders go through this so nobody is pushed at midnight or on a holiday.
    """
    local = to_local(at)
    for day in iter_days(local.date()):
        for start, end in working_periods(day, cal, hours):
            if local < end:
                return max(local, start)
    raise AssertionError("unreachable: iter_days raises when exhausted")


def add_workdays(start_day: dt.date, n: int, cal: WorkCalendar) -> tuple[dt.date, bool]:
    """The n-th working day after `start_day` (before it if n < 0), and whether provisional.

    `start_day` itself is not counted: Mon + 1 = Tue, Fri + 1 = the next working day.
    n = 0 gives `start_day` if it is a working day, else the next working day.
    The flag is True if any day walked over lies in a provisional year (Mon–Fri guess).
    """
    if n == 0:
        day = next(d for d in iter_days(start_day) if cal.is_workday(d))
        return day, cal.any_provisional(start_day, day)
    step = 1 if n > 0 else -1
    day, remaining = start_day, abs(n)
    while remaining:
        # Bound each gap between working days, not the whole walk: n may be large.
        day = next(d for d in iter_days(day + dt.timedelta(days=step), step) if cal.is_workday(d))
        remaining -= 1
    return day, cal.any_provisional(start_day, day)


def workdays_between(a: dt.date, b: dt.date, cal: WorkCalendar) -> int:
    """Working days in (a, b], negative if b < a; the inverse of add_workdays.

    For working days a and b, ``add_workdays(a, workdays_between(a, b, cal), cal)[0] == b``.
    """
    if b < a:
        return -workdays_between(b, a, cal)
    count = 0
    day = a + dt.timedelta(days=1)
    while day <= b:
        count += cal.is_workday(day)
        day += dt.timedelta(days=1)
    return count
