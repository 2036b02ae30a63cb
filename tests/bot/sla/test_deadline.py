"""限时办结 deadlines, pauses and outcomes on the real 2026 calendar; no clock anywhere."""

from __future__ import annotations

import datetime as dt
from datetime import date, timedelta

import pytest

from bot.clock import TZ
from bot.sla import (
    Break,
    CountFrom,
    Deadline,
    Outcome,
    WorkCalendar,
    add_workdays,
    add_working_time,
    compute_deadline,
    sla_outcome,
    warning_day,
    working_minutes_between,
)

CAL = WorkCalendar()


def sh(text: str) -> dt.datetime:
    """A Shanghai wall-clock instant, e.g. sh("2026-11-02 09:00")."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


# Mon 2026-11-02 09:00, 10 working days counted from the next day:
# Tue 3 … Fri 6 (4), Mon 9 … Fri 13 (9), Mon 2026-11-16 (10).
ACCEPTED = sh("2026-11-02 09:00")
BASE_DUE = sh("2026-11-16 17:30")


def ten_days(*breaks: Break, as_of: dt.datetime | None = None) -> Deadline:
    return compute_deadline(ACCEPTED, 10, CAL, count_from="next_day", breaks=breaks, as_of=as_of)


def test_base_deadline_without_breaks() -> None:
    assert ten_days() == Deadline(BASE_DUE, provisional=False, paused=False)
    assert ten_days().due_at.tzinfo == TZ


# --- counting: same_day vs next_day --------------------------------------------------


@pytest.mark.parametrize(
    ("accepted", "n", "count_from", "due"),
    [
        # Mon 2026-11-02 10:00 + 3: same_day Mon, Tue, Wed; next_day Tue, Wed, Thu.
        ("2026-11-02 10:00", 3, "same_day", "2026-11-04 17:30"),  # → Wed
        ("2026-11-02 10:00", 3, "next_day", "2026-11-05 17:30"),  # → Thu
        # Mon 2026-11-02 18:00, after the close: same_day starts Tue, so both give Thu.
        ("2026-11-02 18:00", 3, "same_day", "2026-11-05 17:30"),  # → Thu
        ("2026-11-02 18:00", 3, "next_day", "2026-11-05 17:30"),  # → Thu
        # Sat 2026-11-07 (not a working day): day 1 is Mon 2026-11-09 either way.
        ("2026-11-07 10:00", 1, "same_day", "2026-11-09 17:30"),  # → Mon
        ("2026-11-07 10:00", 1, "next_day", "2026-11-09 17:30"),  # → Mon
        # Wed 2026-09-30 + 5 over National Day: Thu 10-08, Fri 10-09, Sat 10-10 (调休), Mon 10-12.
        ("2026-09-30 10:00", 5, "same_day", "2026-10-12 17:30"),  # → Mon
        ("2026-09-30 10:00", 5, "next_day", "2026-10-13 17:30"),  # → Tue
        # Fri 2026-02-13 + 3 over Spring Festival: Sat 02-14 (调休), Tue 02-24, Wed 02-25.
        ("2026-02-13 15:00", 3, "next_day", "2026-02-25 17:30"),  # → Wed
        ("2026-02-13 15:00", 3, "same_day", "2026-02-24 17:30"),  # → Tue
    ],
)
def test_counting(accepted: str, n: int, count_from: CountFrom, due: str) -> None:
    result = compute_deadline(sh(accepted), n, CAL, count_from=count_from)
    assert result == Deadline(sh(due), provisional=False, paused=False)


# --- 即办 (0 working days) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("accepted", "due"),
    [
        ("2026-11-20 18:00", "2026-11-23 17:30"),  # Fri after close → Mon close
        ("2026-11-20 10:00", "2026-11-20 17:30"),  # Fri morning → Fri close
        ("2026-11-20 12:30", "2026-11-20 17:30"),  # Fri lunch → Fri close
        ("2026-11-20 07:00", "2026-11-20 17:30"),  # Fri before opening → Fri close
        ("2026-09-30 18:00", "2026-10-08 17:30"),  # Wed evening → Thu after National Day
        ("2026-02-14 11:00", "2026-02-14 17:30"),  # Sat make-up day counts as a working day
    ],
)
def test_immediate_items(accepted: str, due: str) -> None:
    # 即办 ignores count_from: there is no day to skip.
    modes: tuple[CountFrom, ...] = ("same_day", "next_day")
    for count_from in modes:
        result = compute_deadline(sh(accepted), 0, CAL, count_from=count_from)
        assert result.due_at == sh(due)


# --- late December into an uncovered year -------------------------------------------


def test_deadline_falling_in_2027_is_provisional_with_monday_to_friday_dates() -> None:
    # Mon 2026-12-28 + 20 (next_day) → Mon 2027-01-25, with Fri 2027-01-01 guessed as worked.
    result = compute_deadline(sh("2026-12-28 09:00"), 20, CAL, count_from="next_day")
    assert result == Deadline(sh("2027-01-25 17:30"), provisional=True, paused=False)
    # same_day counts Mon 2026-12-28 itself → Fri 2027-01-22.
    same = compute_deadline(sh("2026-12-28 09:00"), 20, CAL, count_from="same_day")
    assert same.due_at == sh("2027-01-22 17:30")
    assert same.provisional is True


def test_deadline_in_a_completed_2027_is_not_provisional() -> None:
    cal = WorkCalendar(complete_years=frozenset({2027}))
    result = compute_deadline(sh("2026-12-28 09:00"), 20, cal, count_from="next_day")
    assert result == Deadline(sh("2027-01-25 17:30"), provisional=False, paused=False)


def test_a_break_reaching_into_2027_makes_the_deadline_provisional() -> None:
    # Due Mon 2026-11-16 but an open break measured up to Mon 2027-01-04 (guessed days).
    result = ten_days(Break(sh("2026-12-30 09:00")), as_of=sh("2027-01-04 09:00"))
    assert result.provisional is True


# --- breaks: 待补正 and 公示 -------------------------------------------------------------


def test_a_three_working_day_break_pushes_by_exactly_three_working_days() -> None:
    # 待补正 from Wed 2026-11-04 08:30 to Mon 2026-11-09 08:30 = Wed, Thu, Fri.
    result = ten_days(Break(sh("2026-11-04 08:30"), sh("2026-11-09 08:30")))
    # Mon 2026-11-16 + 3 working days = Thu 2026-11-19.
    assert result == Deadline(sh("2026-11-19 17:30"), False, False, timedelta(hours=21))
    assert result.due_at.date() == add_workdays(BASE_DUE.date(), 3, CAL)[0]


def test_a_break_over_a_weekend_counts_only_working_time() -> None:
    # Fri 2026-11-06 16:30 → Mon 2026-11-09 09:30: 60 min Fri + 60 min Mon; Sat/Sun free.
    result = ten_days(Break(sh("2026-11-06 16:30"), sh("2026-11-09 09:30")))
    # Mon 2026-11-16 17:30 + 120 working minutes → Tue 2026-11-17 10:30.
    assert result == Deadline(sh("2026-11-17 10:30"), False, False, timedelta(minutes=120))


def test_a_break_over_national_day_counts_only_working_time() -> None:
    # 公示 Wed 2026-09-30 16:00 → Thu 2026-10-08 10:00: 90 + 90 minutes.
    accepted = sh("2026-09-28 09:00")  # Mon 2026-09-28; +3 next_day → Thu 2026-10-08
    brk = Break(sh("2026-09-30 16:00"), sh("2026-10-08 10:00"))
    result = compute_deadline(accepted, 3, CAL, count_from="next_day", breaks=[brk])
    # Thu 2026-10-08 17:30 + 180 min → Fri 2026-10-09 11:30.
    assert result.due_at == sh("2026-10-09 11:30")
    assert result.extended_by == timedelta(minutes=180)


def test_an_open_break_is_measured_up_to_as_of() -> None:
    # 待补正 since Tue 2026-11-10 14:00, still open on Wed 2026-11-11 10:00:
    # 210 min Tue afternoon + 90 min Wed morning = 300 min.
    result = ten_days(Break(sh("2026-11-10 14:00")), as_of=sh("2026-11-11 10:00"))
    # Mon 2026-11-16 17:30 + 300 → Tue 2026-11-17 morning 210 + afternoon 90 = 15:30.
    assert result == Deadline(sh("2026-11-17 15:30"), False, True, timedelta(minutes=300))


def test_an_open_break_needs_as_of() -> None:
    with pytest.raises(ValueError, match="as_of"):
        ten_days(Break(sh("2026-11-10 14:00")))  # Tue 2026-11-10


def test_an_open_break_with_as_of_before_its_start_adds_nothing_but_is_paused() -> None:
    # Break opens Tue 2026-11-10 14:00, asked about on Tue 2026-11-10 09:00.
    result = ten_days(Break(sh("2026-11-10 14:00")), as_of=sh("2026-11-10 09:00"))
    assert result == Deadline(BASE_DUE, provisional=False, paused=True)


def test_overlapping_breaks_count_once() -> None:
    # Wed 2026-11-04: 公示 08:30–12:00 and 待补正 10:00–17:30 overlap → one full day, 420 min.
    result = ten_days(
        Break(sh("2026-11-04 08:30"), sh("2026-11-04 12:00")),
        Break(sh("2026-11-04 10:00"), sh("2026-11-04 17:30")),
    )
    assert result.due_at == sh("2026-11-17 17:30")  # Tue: one working day later
    assert result.extended_by == timedelta(minutes=420)


def test_break_time_before_acceptance_is_ignored() -> None:
    # Sun 2026-11-01 → Mon 2026-11-02 12:00, but accepted Mon 09:00: only 09:00–12:00 counts.
    result = ten_days(Break(sh("2026-11-01 10:00"), sh("2026-11-02 12:00")))
    assert result.due_at == sh("2026-11-17 11:30")  # Tue 2026-11-17 08:30 + 180 min


def test_invalid_input_is_refused() -> None:
    with pytest.raises(ValueError, match="ends before"):
        Break(sh("2026-11-04 10:00"), sh("2026-11-04 09:00"))  # Wed 2026-11-04
    with pytest.raises(ValueError, match="naive"):
        Break(dt.datetime(2026, 11, 4, 10, 0))  # noqa: DTZ001  Wed 2026-11-04
    with pytest.raises(ValueError, match="workdays"):
        compute_deadline(ACCEPTED, -1, CAL, count_from="next_day")
    with pytest.raises(ValueError, match="count_from"):
        compute_deadline(ACCEPTED, 1, CAL, count_from="tomorrow")  # type: ignore[arg-type]


def test_other_zones_are_converted_to_shanghai() -> None:
    # 01:00 UTC = 09:00 Shanghai on Mon 2026-11-02.
    utc = dt.datetime(2026, 11, 2, 1, 0, tzinfo=dt.UTC)
    result = compute_deadline(utc, 10, CAL, count_from="next_day")
    assert result.due_at == BASE_DUE
    assert result.due_at.utcoffset() == timedelta(hours=8)


# --- working time ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "minutes"),
    [
        ("2026-11-02 11:00", "2026-11-02 15:00", 120),  # Mon: lunch 12:00–14:00 excluded
        ("2026-11-02 08:00", "2026-11-02 18:00", 420),  # Mon: a whole working day
        ("2026-11-06 17:00", "2026-11-09 09:00", 60),  # Fri → Mon: weekend excluded
        ("2026-09-30 17:00", "2026-10-08 09:00", 60),  # Wed → Thu over National Day
        ("2026-10-09 17:00", "2026-10-10 09:00", 60),  # Fri → Sat 调休 make-up day
        ("2026-11-09 09:00", "2026-11-06 17:00", -60),  # Mon → Fri, reversed: negative
        ("2026-11-02 10:00", "2026-11-02 10:00:59", 0),  # Mon: under a minute truncates
    ],
)
def test_working_minutes_between(a: str, b: str, minutes: int) -> None:
    assert working_minutes_between(sh(a), sh(b), CAL) == minutes


@pytest.mark.parametrize(
    ("at", "minutes", "expected"),
    [
        ("2026-11-02 17:30", 420, "2026-11-03 17:30"),  # Mon close + 1 day → Tue close
        ("2026-11-02 11:00", 120, "2026-11-02 15:00"),  # Mon: over lunch
        ("2026-11-02 11:00", 0, "2026-11-02 11:00"),  # Mon: nothing to add
        ("2026-02-13 17:30", 1, "2026-02-14 08:31"),  # Fri → Sat 调休 make-up day
        ("2026-09-30 17:00", 60, "2026-10-08 09:00"),  # Wed → Thu over National Day
    ],
)
def test_add_working_time(at: str, minutes: int, expected: str) -> None:
    assert add_working_time(sh(at), timedelta(minutes=minutes), CAL) == sh(expected)


def test_add_working_time_refuses_negative() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_time(ACCEPTED, timedelta(minutes=-1), CAL)


# --- outcomes -------------------------------------------------------------------------


def test_outcome_early() -> None:
    # Due Mon 2026-11-16 17:30, done Fri 2026-11-13 17:00: Fri 30 min + Mon 420 min early.
    assert sla_outcome(BASE_DUE, sh("2026-11-13 17:00"), CAL) == Outcome(
        met=True, wall_delta=-timedelta(days=3, minutes=30), working_delta_minutes=-450
    )


def test_outcome_late_next_morning_excludes_the_night() -> None:
    # Due Mon 2026-11-16 17:30, done Tue 2026-11-17 09:00: 15.5 h by the wall, 30 working min.
    assert sla_outcome(BASE_DUE, sh("2026-11-17 09:00"), CAL) == Outcome(
        met=False, wall_delta=timedelta(hours=15, minutes=30), working_delta_minutes=30
    )


def test_outcome_late_over_a_weekend_and_over_a_holiday() -> None:
    # Due Fri 2026-11-20 17:30, done Mon 2026-11-23 09:30: 2 d 16 h wall, 60 working min.
    assert sla_outcome(sh("2026-11-20 17:30"), sh("2026-11-23 09:30"), CAL) == Outcome(
        met=False, wall_delta=timedelta(days=2, hours=16), working_delta_minutes=60
    )
    # Due Wed 2026-09-30 17:30, done Thu 2026-10-08 10:30: 7 d 17 h wall, 120 working min.
    assert sla_outcome(sh("2026-09-30 17:30"), sh("2026-10-08 10:30"), CAL) == Outcome(
        met=False, wall_delta=timedelta(days=7, hours=17), working_delta_minutes=120
    )


def test_outcome_exactly_on_time_is_met() -> None:
    assert sla_outcome(BASE_DUE, BASE_DUE, CAL) == Outcome(True, timedelta(0), 0)


# --- warning ladder -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "days_before", "expected"),
    [
        ("2026-10-09 17:30", 0, date(2026, 10, 9)),  # Fri 2026-10-09 itself
        ("2026-10-09 17:30", 1, date(2026, 10, 8)),  # → Thu 2026-10-08
        ("2026-10-09 17:30", 2, date(2026, 9, 30)),  # → Wed 2026-09-30, over National Day
        ("2026-10-09 17:30", 3, date(2026, 9, 29)),  # → Tue 2026-09-29
        ("2026-02-25 17:30", 2, date(2026, 2, 14)),  # Wed → Sat 2026-02-14 (调休 make-up day)
        ("2026-11-23 17:30", 1, date(2026, 11, 20)),  # Mon → Fri 2026-11-20, over a weekend
    ],
)
def test_warning_day(due: str, days_before: int, expected: date) -> None:
    assert warning_day(sh(due), days_before, CAL) == expected


def test_warning_day_refuses_negative() -> None:
    with pytest.raises(ValueError, match="days_before"):
        warning_day(BASE_DUE, -1, CAL)
