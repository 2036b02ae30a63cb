"""Working days against the real 2026 calendar shipped in chinesecalendar, plus overrides."""

from __future__ import annotations

import datetime as dt
import re
from datetime import date
from pathlib import Path

import chinese_calendar  # type: ignore[import-untyped]
import pytest

from bot.clock import TZ
from bot.sla import workdays as wd
from bot.sla.workdays import (
    WorkCalendar,
    WorkHours,
    add_workdays,
    is_working_time,
    library_covers,
    next_working_time,
    workdays_between,
)

CAL = WorkCalendar()
SLA_DIR = Path(__file__).resolve().parents[3] / "bot" / "sla"


def sh(text: str) -> dt.datetime:
    """A Shanghai wall-clock instant, e.g. sh("2026-11-02 09:00")."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


# --- the package's own coverage, asked not hard-coded -------------------------------


def test_library_coverage_is_probed_from_the_package() -> None:
    # Precondition for every 2027 test here: if this fails, chinesecalendar was updated
    # with 2027 data; move the "uncovered year" tests on to the next year.
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(date(2027, 1, 4))  # Mon 2027-01-04
    assert library_covers(2026) is True
    assert library_covers(2027) is False
    assert library_covers(2003) is False  # before the package's first year (2004)


# --- real 2026 holidays and 调休 days --------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 9, 20), True),  # Sun 2026-09-20: 调休 make-up day for National Day
        (date(2026, 9, 25), False),  # Fri 2026-09-25: Mid-Autumn holiday
        (date(2026, 9, 28), True),  # Mon 2026-09-28: ordinary working day
        (date(2026, 9, 30), True),  # Wed 2026-09-30: last working day before the break
        (date(2026, 10, 1), False),  # Thu 2026-10-01: National Day
        (date(2026, 10, 7), False),  # Wed 2026-10-07: National Day (in lieu)
        (date(2026, 10, 8), True),  # Thu 2026-10-08: first working day after
        (date(2026, 10, 9), True),  # Fri 2026-10-09: ordinary working day, not make-up
        (date(2026, 10, 10), True),  # Sat 2026-10-10: 调休 make-up day
        (date(2026, 10, 11), False),  # Sun 2026-10-11: ordinary Sunday
    ],
)
def test_national_day_and_mid_autumn_2026(day: date, expected: bool) -> None:
    assert CAL.is_workday(day) is expected
    assert CAL.is_provisional(day) is False


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 2, 13), True),  # Fri 2026-02-13: ordinary working day
        (date(2026, 2, 14), True),  # Sat 2026-02-14: 调休 make-up day for Spring Festival
        (date(2026, 2, 15), False),  # Sun 2026-02-15: Spring Festival
        (date(2026, 2, 16), False),  # Mon 2026-02-16: Spring Festival
        (date(2026, 2, 23), False),  # Mon 2026-02-23: Spring Festival (in lieu)
        (date(2026, 2, 24), True),  # Tue 2026-02-24: first working day after
        (date(2026, 2, 28), True),  # Sat 2026-02-28: 调休 make-up day
        (date(2026, 3, 1), False),  # Sun 2026-03-01: ordinary Sunday
        (date(2026, 1, 2), False),  # Fri 2026-01-02: New Year (in lieu)
        (date(2026, 1, 4), True),  # Sun 2026-01-04: New Year make-up day
    ],
)
def test_spring_festival_and_new_year_2026(day: date, expected: bool) -> None:
    assert CAL.is_workday(day) is expected


# --- admin overrides -----------------------------------------------------------------


def test_override_turns_a_monday_into_a_holiday_and_a_sunday_into_a_working_day() -> None:
    monday = date(2026, 6, 1)  # Mon 2026-06-01: ordinary working day in the package
    sunday = date(2026, 6, 7)  # Sun 2026-06-07: ordinary Sunday in the package
    assert (CAL.is_workday(monday), CAL.is_workday(sunday)) == (True, False)
    cal = WorkCalendar({monday: False, sunday: True})
    assert (cal.is_workday(monday), cal.is_workday(sunday)) == (False, True)
    # Fri 2026-05-29 + 1 skips the overridden Mon 2026-06-01 to Tue 2026-06-02.
    assert add_workdays(date(2026, 5, 29), 1, cal) == (date(2026, 6, 2), False)
    # Fri 2026-06-05 + 1 lands on the overridden Sun 2026-06-07.
    assert add_workdays(date(2026, 6, 5), 1, cal) == (date(2026, 6, 7), False)


def test_override_wins_over_the_package_holiday() -> None:
    # Thu 2026-10-01 is National Day; a center on duty that day can declare it worked.
    cal = WorkCalendar({date(2026, 10, 1): True})
    assert cal.is_workday(date(2026, 10, 1)) is True
    # Wed 2026-09-30 + 1 → Thu 2026-10-01 instead of Thu 2026-10-08.
    assert add_workdays(date(2026, 9, 30), 1, cal)[0] == date(2026, 10, 1)


def test_calendar_copies_overrides_so_later_edits_do_not_leak_into_the_cache() -> None:
    edits = {date(2026, 6, 1): False}  # Mon 2026-06-01
    cal = WorkCalendar(edits)
    edits[date(2026, 6, 1)] = True
    assert cal.is_workday(date(2026, 6, 1)) is False


# --- years without data: Mon–Fri fallback, provisional -------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2027, 1, 1), True),  # Fri 2027-01-01: surely New Year, but unknown: Mon–Fri guess
        (date(2027, 1, 2), False),  # Sat 2027-01-02
        (date(2027, 1, 3), False),  # Sun 2027-01-03
        (date(2027, 1, 4), True),  # Mon 2027-01-04
    ],
)
def test_uncovered_year_falls_back_to_monday_to_friday(day: date, expected: bool) -> None:
    assert CAL.is_workday(day) is expected
    assert CAL.is_provisional(day) is True


def test_complete_year_is_not_provisional_and_uses_admin_overrides() -> None:
    cal = WorkCalendar({date(2027, 1, 1): False}, complete_years=frozenset({2027}))
    assert cal.is_provisional(date(2027, 1, 4)) is False  # Mon 2027-01-04
    assert cal.is_workday(date(2027, 1, 1)) is False  # Fri 2027-01-01, entered by the admin
    assert cal.is_provisional(date(2028, 1, 3)) is True  # Mon 2028-01-03: not declared
    assert CAL.is_provisional(date(2026, 12, 31)) is False  # Thu 2026-12-31: package data


def test_add_20_workdays_from_late_december_2026_is_provisional() -> None:
    # Mon 2026-12-28 + 20: Tue 29, Wed 30, Thu 31 (3), Fri 2027-01-01 (4, guessed),
    # Jan 4–8 (9), Jan 11–15 (14), Jan 18–22 (19), Mon 2027-01-25 (20).
    assert add_workdays(date(2026, 12, 28), 20, CAL) == (date(2027, 1, 25), True)


def test_add_20_workdays_into_a_completed_2027_is_final() -> None:
    complete = WorkCalendar(complete_years=frozenset({2027}))
    assert add_workdays(date(2026, 12, 28), 20, complete) == (date(2027, 1, 25), False)
    # Once the admin enters Fri 2027-01-01 as a holiday the count moves to Tue 2027-01-26.
    entered = WorkCalendar({date(2027, 1, 1): False}, complete_years=frozenset({2027}))
    assert add_workdays(date(2026, 12, 28), 20, entered) == (date(2027, 1, 26), False)


# --- add_workdays / workdays_between --------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 11, 2), 5, date(2026, 11, 9)),  # Mon 2026-11-02 + 5 → Mon 2026-11-09
        (date(2026, 9, 30), 1, date(2026, 10, 8)),  # Wed → Thu 2026-10-08 over National Day
        (date(2026, 9, 30), 3, date(2026, 10, 10)),  # Wed → Sat 2026-10-10 (make-up day)
        (date(2026, 9, 30), 4, date(2026, 10, 12)),  # Wed → Mon 2026-10-12
        (date(2026, 2, 13), 1, date(2026, 2, 14)),  # Fri → Sat 2026-02-14 (make-up day)
        (date(2026, 2, 13), 2, date(2026, 2, 24)),  # Fri → Tue 2026-02-24 over Spring Festival
        (date(2026, 2, 24), 4, date(2026, 2, 28)),  # Tue → Sat 2026-02-28 (make-up day)
        (date(2026, 10, 3), 0, date(2026, 10, 8)),  # Sat 2026-10-03 (holiday) rolls to Thu 10-08
        (date(2026, 11, 2), 0, date(2026, 11, 2)),  # Mon 2026-11-02 is itself a working day
        (date(2026, 10, 8), -1, date(2026, 9, 30)),  # Thu 2026-10-08 − 1 → Wed 2026-09-30
        (date(2026, 2, 24), -1, date(2026, 2, 14)),  # Tue 2026-02-24 − 1 → Sat 2026-02-14
    ],
)
def test_add_workdays(start: date, n: int, expected: date) -> None:
    assert add_workdays(start, n, CAL) == (expected, False)


def test_workdays_between_counts_the_half_open_span() -> None:
    wed, mon = date(2026, 9, 30), date(2026, 10, 12)  # Wed 2026-09-30, Mon 2026-10-12
    # Thu 10-08, Fri 10-09, Sat 10-10 (make-up), Mon 10-12.
    assert workdays_between(wed, mon, CAL) == 4
    assert workdays_between(mon, wed, CAL) == -4
    assert workdays_between(wed, wed, CAL) == 0
    assert add_workdays(wed, workdays_between(wed, mon, CAL), CAL)[0] == mon
    # Fri 2026-02-13 → Wed 2026-02-25: Sat 02-14, Tue 02-24, Wed 02-25.
    assert workdays_between(date(2026, 2, 13), date(2026, 2, 25), CAL) == 3


# --- working hours --------------------------------------------------------------------


def test_default_hours_and_validation() -> None:
    hours = WorkHours()
    assert (hours.opens, hours.closes, hours.minutes_per_day) == (
        dt.time(8, 30),
        dt.time(17, 30),
        420,
    )
    summer = WorkHours(afternoon=(dt.time(14, 30), dt.time(18, 0)))
    assert (summer.closes, summer.minutes_per_day) == (dt.time(18, 0), 420)
    with pytest.raises(ValueError, match="out of order"):
        WorkHours(morning=(dt.time(8, 30), dt.time(14, 30)))
    with pytest.raises(ValueError, match="tzinfo"):
        WorkHours(morning=(dt.time(8, 30, tzinfo=TZ), dt.time(12, 0)))


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        ("2026-11-02 08:29", False),  # Mon: before opening
        ("2026-11-02 08:30", True),  # Mon: opening
        ("2026-11-02 11:59", True),  # Mon
        ("2026-11-02 12:00", False),  # Mon: lunch starts
        ("2026-11-02 14:00", True),  # Mon: afternoon opens
        ("2026-11-02 17:30", False),  # Mon: closed
        ("2026-10-01 10:00", False),  # Thu: National Day
        ("2026-10-10 10:00", True),  # Sat: make-up working day
    ],
)
def test_is_working_time(at: str, expected: bool) -> None:
    assert is_working_time(sh(at), CAL) is expected


def test_is_working_time_converts_other_zones_and_refuses_naive() -> None:
    # 02:00 UTC = 10:00 in Shanghai on Mon 2026-11-02.
    assert is_working_time(dt.datetime(2026, 11, 2, 2, 0, tzinfo=dt.UTC), CAL) is True
    with pytest.raises(ValueError, match="naive"):
        is_working_time(dt.datetime(2026, 11, 2, 10, 0), CAL)  # noqa: DTZ001


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        ("2026-11-20 23:00", "2026-11-23 08:30"),  # Fri night → Mon opening
        ("2026-11-23 12:30", "2026-11-23 14:00"),  # Mon lunch → Mon afternoon
        ("2026-11-23 10:15", "2026-11-23 10:15"),  # Mon within hours: unchanged
        ("2026-11-23 06:00", "2026-11-23 08:30"),  # Mon early morning
        ("2026-09-30 17:30", "2026-10-08 08:30"),  # Wed close → Thu after National Day
        ("2026-02-14 07:00", "2026-02-14 08:30"),  # Sat make-up day opens as usual
        ("2026-02-14 18:00", "2026-02-24 08:30"),  # Sat make-up evening → Tue after Spring Fest.
    ],
)
def test_next_working_time(at: str, expected: str) -> None:
    result = next_working_time(sh(at), CAL)
    assert result == sh(expected)
    assert result.tzinfo == TZ


def test_next_working_time_with_custom_hours() -> None:
    summer = WorkHours(afternoon=(dt.time(14, 30), dt.time(18, 0)))
    # Mon 2026-11-23 14:10 is lunch in summer hours; Mon 17:45 is still open.
    assert next_working_time(sh("2026-11-23 14:10"), CAL, summer) == sh("2026-11-23 14:30")
    assert next_working_time(sh("2026-11-23 17:45"), CAL, summer) == sh("2026-11-23 17:45")


def test_a_calendar_without_working_days_fails_instead_of_looping() -> None:
    start = date(2026, 11, 2)  # Mon 2026-11-02
    all_off = {start + dt.timedelta(days=i): False for i in range(wd.MAX_SCAN_DAYS + 5)}
    with pytest.raises(ValueError, match="no working day"):
        next_working_time(sh("2026-11-02 09:00"), WorkCalendar(all_off))


def test_per_date_results_are_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    assert library_covers(2026)  # warm the per-year probe so it is not counted below
    calls: list[date] = []
    real = chinese_calendar.is_workday

    def counting(day: date) -> bool:
        calls.append(day)
        return bool(real(day))

    monkeypatch.setattr(chinese_calendar, "is_workday", counting)
    cal = WorkCalendar()
    for _ in range(5):
        assert cal.is_workday(date(2026, 10, 10)) is True  # Sat 2026-10-10: make-up day
    assert calls == [date(2026, 10, 10)]


# --- purity ---------------------------------------------------------------------------


def test_sla_modules_never_read_the_clock() -> None:
    forbidden = re.compile(r"\.now\(|\.today\(|\.utcnow\(|time\.time\(|time\.monotonic\(")
    sources = sorted(SLA_DIR.glob("*.py"))
    assert {"deadline.py", "workdays.py"} <= {p.name for p in sources}
    offenders = [
        f"{p.name}:{i}: {line.strip()}"
        for p in sources
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if forbidden.search(line)
    ]
    assert offenders == []
