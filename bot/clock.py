"""The only place that reads the wall clock. Everything else is handed a Clock."""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Shanghai")


class Clock(Protocol):
    def now(self) -> dt.datetime: ...

    def monotonic(self) -> float: ...


class SystemClock:
    """Real time, in the center's time zone."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(TZ)

    def monotonic(self) -> float:
        return time.monotonic()


class FixedClock:
    """A clock that only moves when told to: for tests and `bianmin tick --now`."""

    def __init__(self, at: dt.datetime | str) -> None:
        self._now = parse_instant(at) if isinstance(at, str) else at.astimezone(TZ)
        self._mono = 0.0

    def now(self) -> dt.datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, **delta: float) -> dt.datetime:
        step = dt.timedelta(**delta)
        self._now += step
        self._mono += step.total_seconds()
        return self._now

    def set(self, at: dt.datetime | str) -> None:
        new = parse_instant(at) if isinstance(at, str) else at.astimezone(TZ)
        self._mono += max(0.0, (new - self._now).total_seconds())
        self._now = new


def parse_instant(text: str) -> dt.datetime:
    """ISO 8601; a naive value is taken as center-local time."""
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=TZ)
    return value.astimezone(TZ)


def from_timestamp(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, TZ)
