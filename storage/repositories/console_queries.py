"""Read queries behind the staff console that no other repository answers: push
rows by key, change markers for live updates, report cohorts, escalations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    CalendarOverride,
    Callback,
    Handoff,
    InboundMessage,
    OutboxMessage,
    Staff,
    StaffNotice,
    Ticket,
    TicketEvent,
)
from storage.repositories.tickets import OPEN


@dataclass(frozen=True)
class Marks:
    """The newest row ids the live-updates stream compares between polls."""

    inbound: int
    ticket_event: int
    handoff: int
    notice: int


class ConsoleQueries:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # -- pushes ---------------------------------------------------------------

    async def outbox_by_key(self, key: str) -> OutboxMessage | None:
        row: OutboxMessage | None = await self.session.scalar(
            select(OutboxMessage).where(OutboxMessage.key == key)
        )
        return row

    async def outbox_get(self, row_id: int) -> OutboxMessage | None:
        found: OutboxMessage | None = await self.session.get(OutboxMessage, row_id)
        return found

    async def latest_event(self, ticket_id: int, kind: str) -> TicketEvent | None:
        row: TicketEvent | None = await self.session.scalar(
            select(TicketEvent)
            .where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind == kind)
            .order_by(TicketEvent.id.desc())
            .limit(1)
        )
        return row

    # -- live updates -----------------------------------------------------------

    async def marks(self, staff_id: int) -> Marks:
        """Four MAX(id) lookups on primary keys: cheap enough to run every second."""
        inbound = await self.session.scalar(select(func.max(InboundMessage.id)))
        event = await self.session.scalar(select(func.max(TicketEvent.id)))
        handoff = await self.session.scalar(select(func.max(Handoff.id)))
        notice = await self.session.scalar(
            select(func.max(StaffNotice.id)).where(StaffNotice.staff_id == staff_id)
        )
        return Marks(int(inbound or 0), int(event or 0), int(handoff or 0), int(notice or 0))

    async def inbound_openids_after(self, after_id: int, limit: int = 200) -> list[str]:
        rows = await self.session.scalars(
            select(InboundMessage.openid)
            .where(InboundMessage.id > after_id)
            .order_by(InboundMessage.id)
            .limit(limit)
        )
        return list(dict.fromkeys(rows))

    async def tickets_changed_after(self, after_id: int, limit: int = 200) -> list[Ticket]:
        ids = select(TicketEvent.ticket_id).where(TicketEvent.id > after_id).limit(limit)
        return list(await self.session.scalars(select(Ticket).where(Ticket.id.in_(ids))))

    async def open_tickets_of(self, openids: Sequence[str]) -> list[Ticket]:
        if not openids:
            return []
        rows = await self.session.scalars(
            select(Ticket).where(Ticket.openid.in_(openids), Ticket.status.in_(OPEN))
        )
        return list(rows)

    async def live_handoffs_of(self, openids: Sequence[str]) -> list[Handoff]:
        if not openids:
            return []
        rows = await self.session.scalars(
            select(Handoff).where(Handoff.openid.in_(openids), Handoff.status != "closed")
        )
        return list(rows)

    async def last_inbound(self, openid: str) -> InboundMessage | None:
        row: InboundMessage | None = await self.session.scalar(
            select(InboundMessage)
            .where(InboundMessage.openid == openid, InboundMessage.msg_type != "event")
            .order_by(InboundMessage.id.desc())
            .limit(1)
        )
        return row

    # -- staff --------------------------------------------------------------------

    async def staff_by_ids(self, ids: Sequence[int | None]) -> dict[int, Staff]:
        wanted = {i for i in ids if i is not None}
        if not wanted:
            return {}
        return {
            s.id: s for s in await self.session.scalars(select(Staff).where(Staff.id.in_(wanted)))
        }

    async def open_load(self, staff_ids: Sequence[int]) -> dict[int, int]:
        """How many open tickets each of these staff members is assigned."""
        if not staff_ids:
            return {}
        rows = await self.session.execute(
            select(Ticket.assignee_id, func.count())
            .where(Ticket.assignee_id.in_(list(staff_ids)), Ticket.status.in_(OPEN))
            .group_by(Ticket.assignee_id)
        )
        return {int(r[0]): int(r[1]) for r in rows.all()}

    # -- reports ------------------------------------------------------------------

    async def received_between(
        self,
        start: dt.datetime,
        end: dt.datetime,
        departments: Sequence[str] | None,
        town: str | None = None,
        limit: int = 50_000,
    ) -> list[Ticket]:
        """Tickets accepted in [start, end): of some departments (None: all), of one town
        (None: every town)."""
        q = select(Ticket).where(Ticket.accepted_at >= start, Ticket.accepted_at < end)
        if departments is not None:
            q = q.where(Ticket.department_id.in_(departments))
        if town is not None:
            q = q.where(Ticket.town_id == town)
        return list(await self.session.scalars(q.order_by(Ticket.id).limit(limit)))

    async def handoffs_between(
        self,
        start: dt.datetime,
        end: dt.datetime,
        departments: Sequence[str] | None,
        town: str | None = None,
    ) -> list[Handoff]:
        """Conversations opened in [start, end). A conversation belongs to no department
        until a person answers it: with departments given, only those first answered
        by staff of those departments count."""
        q = select(Handoff).where(Handoff.opened_at >= start, Handoff.opened_at < end)
        if town is not None:
            q = q.where(Handoff.town_id == town)
        if departments is not None:
            q = q.join(Staff, Staff.id == Handoff.staff_id).where(
                Staff.department_id.in_(departments)
            )
        return list(await self.session.scalars(q.order_by(Handoff.id)))

    async def callbacks_for(self, ticket_ids: Sequence[int]) -> list[Callback]:
        out: list[Callback] = []
        ids = list(ticket_ids)
        for i in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
            out += await self.session.scalars(
                select(Callback).where(Callback.ticket_id.in_(ids[i : i + 500]))
            )
        return out

    # -- escalations --------------------------------------------------------------

    async def escalated(
        self, departments: Sequence[str] | None, kinds: Sequence[str], limit: int = 200
    ) -> list[tuple[Ticket, dt.datetime, int]]:
        """Open tickets escalated to the leader (督办), with the last escalation and how many."""
        esc = (
            select(
                TicketEvent.ticket_id.label("ticket_id"),
                func.max(TicketEvent.id).label("last_id"),
                func.count().label("times"),
            )
            .where(TicketEvent.kind == "escalation")
            .group_by(TicketEvent.ticket_id)
            .subquery()
        )
        q = (
            select(Ticket, TicketEvent.at, esc.c.times)
            .join(esc, esc.c.ticket_id == Ticket.id)
            .join(TicketEvent, TicketEvent.id == esc.c.last_id)
            .where(Ticket.status.in_(OPEN), Ticket.kind.in_(kinds))
        )
        if departments is not None:
            q = q.where(Ticket.department_id.in_(departments))
        rows = await self.session.execute(q.order_by(Ticket.due_at).limit(limit))
        return [(r[0], r[1], int(r[2])) for r in rows.all()]

    # -- calendar -----------------------------------------------------------------

    async def calendar_overrides(self, start: dt.date, end: dt.date) -> list[CalendarOverride]:
        rows = await self.session.scalars(
            select(CalendarOverride)
            .where(CalendarOverride.day >= start, CalendarOverride.day <= end)
            .order_by(CalendarOverride.day)
        )
        return list(rows)
