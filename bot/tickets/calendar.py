"""The working-day calendar as the admin left it: chinesecalendar + overrides."""

from __future__ import annotations

from bot.clock import Clock
from bot.sla import WorkCalendar
from storage.repositories import Repos


async def load_calendar(repos: Repos) -> WorkCalendar:
    return WorkCalendar(await repos.calendar.overrides(), await repos.calendar.complete_years())


class CalendarCache:
    """The calendar for the per-message ticket desk, re-read at most every `ttl`
    seconds: it changes a few times a year, and reading it on every villager
    message was a measurable share of the webhook's time (bench/README.md).
    An edit on another replica is seen within `ttl`."""

    def __init__(self, clock: Clock, ttl: float = 60.0) -> None:
        self.clock = clock
        self.ttl = ttl
        self._calendar: WorkCalendar | None = None
        self._read_at = 0.0

    async def get(self, repos: Repos) -> WorkCalendar:
        now = self.clock.monotonic()
        if self._calendar is None or now - self._read_at >= self.ttl:
            self._calendar, self._read_at = await load_calendar(repos), now
        return self._calendar

    def invalidate(self) -> None:
        self._calendar = None
