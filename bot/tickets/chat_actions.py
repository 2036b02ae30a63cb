"""What the villager conversation asks of the desk beyond ticket states: half-day
appointment slots (预约), the center's working hours and the staff notice for a
handoff, and withdrawal that frees the ticket's appointment. Reached as `ctx.desk.chat`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.sla import add_workdays, is_working_time, next_working_time
from bot.tickets import texts
from storage.models import Appointment, Handoff, Ticket
from storage.repositories.tickets import OPEN

if TYPE_CHECKING:
    from bot.tickets.desk import TicketDesk

# One window serves about ten booked villagers per half day besides walk-ins; a
# constant until a center asks to change it (then it becomes a Settings field).
SLOT_CAPACITY = 10
SLOT_DAYS = 5  # working days offered, starting the next working day
HALVES = ("am", "pm")


@dataclass(frozen=True)
class Slot:
    day: dt.date
    half: str  # am | pm
    free: int


class SlotError(ValueError):
    """The slot cannot be booked: full, not offered, or the ticket already has one."""


class ChatActions:
    def __init__(self, desk: TicketDesk) -> None:
        self.desk = desk
        self.repos = desk.repos

    # -- working hours --------------------------------------------------------

    def working_now(self) -> bool:
        return is_working_time(self.desk.clock.now(), self.desk.calendar)

    def next_opening(self) -> dt.datetime:
        """When a person is next at the desk (now, if within working hours)."""
        return next_working_time(self.desk.clock.now(), self.desk.calendar)

    async def announce_handoff(self, handoff: Handoff) -> list[int]:
        """File a new handoff under this desk's town and tell that town's clerks on duty
        (and county clerks), as Notifier does for leaders and heads: a console notice,
        and WeChat for those who bound it, in working hours only."""
        handoff.town_id = self.desk.town
        clerks = [
            s
            for s in await self.repos.staff.with_role("clerk")
            if s.on_duty and s.town_id in (None, self.desk.town)
        ]
        for clerk in clerks:
            key = f"handoff:{handoff.id}:{clerk.id}"
            await self.desk.notify.staff(
                clerk.id, key=key, kind="handoff", text=texts.NOTICE_HANDOFF
            )
        return [c.id for c in clerks]

    # -- appointments ---------------------------------------------------------

    def slot_days(self) -> list[dt.date]:
        """The next SLOT_DAYS working days after today: never a weekend or holiday."""
        today = self.desk.clock.now().date()
        return [add_workdays(today, n, self.desk.calendar)[0] for n in range(1, SLOT_DAYS + 1)]

    async def open_slots(self, department_id: str, capacity: int = SLOT_CAPACITY) -> list[Slot]:
        """Half-day slots of the department's window that still have room, soonest first."""
        slots = []
        for day in self.slot_days():
            for half in HALVES:
                taken = await self.repos.appointments.booked(department_id, day, half)
                if taken < capacity:
                    slots.append(Slot(day, half, capacity - taken))
        return slots

    async def book(
        self, ticket: Ticket, day: dt.date, half: str, capacity: int = SLOT_CAPACITY
    ) -> Appointment:
        """One appointment per ticket, only in an offered slot that is not full
        (checked again here: someone may have taken the last place meanwhile)."""
        if ticket.status not in OPEN:
            raise SlotError("ticket is closed")
        if await self.repos.appointments.for_ticket(ticket.id) is not None:
            raise SlotError("ticket already has an appointment")
        if day not in self.slot_days() or half not in HALVES:
            raise SlotError("slot not offered")
        if await self.repos.appointments.booked(ticket.department_id, day, half) >= capacity:
            raise SlotError("slot full")
        now = self.desk.clock.now()
        appointment = await self.repos.appointments.add(
            Appointment(
                ticket_id=ticket.id,
                department_id=ticket.department_id,
                day=day,
                half=half,
                created_at=now,
            )
        )
        ticket.updated_at = now
        await self.repos.tickets.add_event(
            ticket, at=now, kind="appointment", data={"day": day.isoformat(), "half": half}
        )
        return appointment

    async def reschedule(
        self, ticket: Ticket, day: dt.date, half: str, capacity: int = SLOT_CAPACITY
    ) -> Appointment:
        """Move the ticket's appointment to another offered slot that is not full (the
        row moves: one appointment per ticket). The event keeps where it was."""
        if ticket.status not in OPEN:
            raise SlotError("ticket is closed")
        appointment = await self.repos.appointments.for_ticket(ticket.id)
        if appointment is None:
            raise SlotError("no appointment to move")
        if (appointment.day, appointment.half) == (day, half):
            return appointment
        if day not in self.slot_days() or half not in HALVES:
            raise SlotError("slot not offered")
        if await self.repos.appointments.booked(ticket.department_id, day, half) >= capacity:
            raise SlotError("slot full")
        now = self.desk.clock.now()
        moved_from = {"day": appointment.day.isoformat(), "half": appointment.half}
        appointment.day, appointment.half = day, half
        ticket.updated_at = now
        await self.repos.tickets.add_event(
            ticket,
            at=now,
            kind="appointment",
            data={"day": day.isoformat(), "half": half, "moved_from": moved_from},
        )
        return appointment

    # -- withdrawal -----------------------------------------------------------

    async def withdraw(self, ticket: Ticket) -> None:
        """The villager withdraws: the ticket closes and its slot is given back."""
        await self.desk.withdraw(ticket, notify=False)  # the chat reply says it already
        appointment = await self.repos.appointments.for_ticket(ticket.id)
        if appointment is not None:
            appointment.cancelled_at = self.desk.clock.now()
