"""The admin-edited holiday calendar and the duty roster."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import CalendarOverride, CalendarYear, DutyRoster


class CalendarRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def overrides(self) -> dict[dt.date, bool]:
        rows = await self.session.scalars(select(CalendarOverride))
        return {r.day: r.workday for r in rows}

    async def complete_years(self) -> frozenset[int]:
        return frozenset(await self.session.scalars(select(CalendarYear.year)))

    async def set_override(
        self, day: dt.date, workday: bool | None, note: str | None = None
    ) -> None:
        """workday None removes the override (the package's calendar applies again)."""
        row = await self.session.get(CalendarOverride, day)
        if workday is None:
            if row is not None:
                await self.session.delete(row)
            return
        if row is None:
            self.session.add(CalendarOverride(day=day, workday=workday, note=note))
        else:
            row.workday, row.note = workday, note

    async def set_year_complete(self, year: int, complete: bool) -> None:
        if complete:
            if await self.session.get(CalendarYear, year) is None:
                self.session.add(CalendarYear(year=year))
        else:
            await self.session.execute(delete(CalendarYear).where(CalendarYear.year == year))

    async def leader_on(self, day: dt.date, town: str = "main") -> int | None:
        row = await self.session.get(DutyRoster, (day, town))
        return row.staff_id if row else None

    async def set_leader(self, day: dt.date, staff_id: int, town: str = "main") -> None:
        row = await self.session.get(DutyRoster, (day, town))
        if row is None:
            self.session.add(DutyRoster(day=day, town_id=town, staff_id=staff_id))
        else:
            row.staff_id = staff_id

    async def roster(self, start: dt.date, end: dt.date, town: str = "main") -> dict[dt.date, int]:
        rows = await self.session.scalars(
            select(DutyRoster).where(
                DutyRoster.day >= start, DutyRoster.day <= end, DutyRoster.town_id == town
            )
        )
        return {r.day: r.staff_id for r in rows}
