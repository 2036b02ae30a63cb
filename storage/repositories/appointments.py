"""预约 half-day slots."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Appointment
from storage.repositories.prepared import Prepared

_BOOKED_FOR = Prepared(
    select(Appointment.id)
    .where(Appointment.ticket_id == bindparam("ticket"), Appointment.cancelled_at.is_(None))
    .limit(1)
)


class AppointmentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def booked(self, department_id: str, day: dt.date, half: str) -> int:
        return int(
            await self.session.scalar(
                select(func.count()).where(
                    Appointment.department_id == department_id,
                    Appointment.day == day,
                    Appointment.half == half,
                    Appointment.cancelled_at.is_(None),
                )
            )
            or 0
        )

    async def for_ticket(self, ticket_id: int) -> Appointment | None:
        """The ticket's live appointment. Asked whenever a ticket is shown in chat (a
        new registration included), nearly always for nothing: a prepared lookup first."""
        booked = await _BOOKED_FOR.rows(self.session, {"ticket": ticket_id})
        if not booked:
            return None
        found: Appointment | None = await self.session.get(Appointment, booked[0][0])
        return found

    async def add(self, appointment: Appointment) -> Appointment:
        self.session.add(appointment)
        await self.session.flush()
        return appointment

    async def on_day(self, day: dt.date) -> list[Appointment]:
        rows = await self.session.scalars(
            select(Appointment).where(Appointment.day == day, Appointment.cancelled_at.is_(None))
        )
        return list(rows)
