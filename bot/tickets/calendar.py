"""The working-day calendar as the admin left it: chinesecalendar + overrides."""

from __future__ import annotations

from bot.sla import WorkCalendar
from storage.repositories import Repos


async def load_calendar(repos: Repos) -> WorkCalendar:
    return WorkCalendar(await repos.calendar.overrides(), await repos.calendar.complete_years())
