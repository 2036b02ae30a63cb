"""限时办结: working-day calendar, working hours and deadline maths. Pure functions.

No I/O and no clock: callers pass every instant in (see bot/clock.py).
"""

from bot.sla.deadline import (
    Break,
    CountFrom,
    Deadline,
    Outcome,
    add_working_time,
    compute_deadline,
    sla_outcome,
    warning_day,
    working_minutes_between,
)
from bot.sla.workdays import (
    DEFAULT_HOURS,
    WorkCalendar,
    WorkHours,
    add_workdays,
    closing_time,
    is_working_time,
    library_covers,
    next_working_time,
    workdays_between,
    working_periods,
)

__all__ = [
    "DEFAULT_HOURS",
    "Break",
    "CountFrom",
    "Deadline",
    "Outcome",
    "WorkCalendar",
    "WorkHours",
    "add_working_time",
    "add_workdays",
    "closing_time",
    "compute_deadline",
    "is_working_time",
    "library_covers",
    "next_working_time",
    "sla_outcome",
    "warning_day",
    "workdays_between",
    "working_minutes_between",
    "working_periods",
]
