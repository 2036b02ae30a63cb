"""Tickets, their timeline and their numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from storage.models import Ticket, TicketCounter, TicketEvent
from storage.repositories.prepared import Prepared
from storage.repositories.upsert import upsert_text

OPEN = ("accepted", "in_progress", "need_materials")
CLOSED = ("done", "rejected", "withdrawn")
# One statement: create the day's counter or step it, and read the new value.
_COUNTER = upsert_text(
    cast(Table, TicketCounter.__table__),
    values=("day", "last"),
    conflict="day",
    update={"last": "ticket_counters.last + 1"},
    returning=("last",),
)
_NEXT = Prepared(_COUNTER)
_CREATED = Prepared(
    insert(TicketEvent).values(
        ticket_id=bindparam("ticket"),
        at=bindparam("when"),
        kind="created",
        to_status=bindparam("status"),
        note=bindparam("text"),
        internal=False,
        data={},
    )
)
_AWAITING_RATING = Prepared(
    select(Ticket.id)
    .where(
        Ticket.openid == bindparam("openid"),
        Ticket.status == "done",
        Ticket.rating.is_(None),
        Ticket.rating_asked_at.is_not(None),
    )
    .order_by(Ticket.finished_at.desc())
    .limit(1)
)
_LISTED = Prepared(
    select(Ticket.number, Ticket.item_name, Ticket.status, Ticket.due_at)
    .where(Ticket.openid == bindparam("openid"))
    .order_by(Ticket.created_at.desc())
    .limit(bindparam("limit"))
)


@dataclass(frozen=True)
class Listed:
    """A line of the villager's ticket list (查进度): no need to load whole tickets."""

    number: str
    item_name: str
    status: str
    due_at: dt.datetime


# session.info key of a NumberSource (build_runtime sets one on PostgreSQL).
NUMBERS = "ticket_numbers"


class NumberSource:
    """Ticket numbers from their own short transactions, on a small pool of their own.

    The day's counter is one row that every registration updates; in the
    registration's transaction its lock was held until that transaction committed,
    so on PostgreSQL under load registrations queued behind each other for up to a
    second (seen in pg_stat_activity: `Lock:transactionid` on ticket_counters). A
    number taken here and then not used (the registration failed and rolled back)
    leaves a gap in the day's numbers; numbers never repeat. (On SQLite writers are
    serialised anyway and the number stays in the registration's transaction.)"""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def take(self, key: str) -> int:
        async with self.engine.begin() as conn:
            return int(await conn.scalar(_COUNTER, {"day": key, "last": 1}) or 0)


class TicketRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def next_number(self, day: dt.date, prefix: str = "BM") -> str:
        """BM20261121-0007: a per-day sequence, safe against concurrent registrations
        (the upsert takes the row lock on PostgreSQL, the write lock on SQLite)."""
        key = day.strftime("%Y%m%d")
        source = self.session.info.get(NUMBERS)
        if isinstance(source, NumberSource):
            seq = await source.take(key)
        else:
            (seq,) = (await _NEXT.rows(self.session, {"day": key, "last": 1}))[0]
        return f"{prefix}{key}-{int(seq or 0):04d}"

    async def add(self, ticket: Ticket) -> Ticket:
        self.session.add(ticket)
        await self.session.flush()
        return ticket

    async def by_number(self, number: str) -> Ticket | None:
        found: Ticket | None = await self.session.scalar(
            select(Ticket).where(Ticket.number == number.upper())
        )
        return found

    async def by_id(self, ticket_id: int) -> Ticket | None:
        found: Ticket | None = await self.session.get(Ticket, ticket_id)
        return found

    async def for_villager(self, openid: str, limit: int = 10) -> list[Ticket]:
        rows = await self.session.scalars(
            select(Ticket)
            .where(Ticket.openid == openid)
            .order_by(Ticket.created_at.desc())
            .limit(limit)
        )
        return list(rows)

    async def listed(self, openid: str, limit: int = 10) -> list[Listed]:
        """The villager's latest tickets, newest first, as list lines (a prepared read:
        查进度 is among the commonest messages)."""
        rows = await _LISTED.rows(self.session, {"openid": openid, "limit": limit})
        return [Listed(*row) for row in rows]

    async def open_for_villager(self, openid: str) -> list[Ticket]:
        rows = await self.session.scalars(
            select(Ticket)
            .where(Ticket.openid == openid, Ticket.status.in_(OPEN))
            .order_by(Ticket.created_at.desc())
        )
        return list(rows)

    async def awaiting_rating(self, openid: str) -> Ticket | None:
        """The most recent completed ticket whose rating was asked and not given.
        Asked for every digit a villager sends (a menu choice or a rating?), nearly
        always for nothing: a prepared lookup first, the ticket only if there is one."""
        found = await _AWAITING_RATING.rows(self.session, {"openid": openid})
        if not found:
            return None
        return await self.by_id(found[0][0])

    async def add_event(
        self,
        ticket: Ticket,
        *,
        at: dt.datetime,
        kind: str,
        staff_id: int | None = None,
        from_status: str | None = None,
        to_status: str | None = None,
        note: str | None = None,
        internal: bool = False,
        data: dict[str, Any] | None = None,
    ) -> TicketEvent:
        event = TicketEvent(
            ticket_id=ticket.id,
            at=at,
            kind=kind,
            staff_id=staff_id,
            from_status=from_status,
            to_status=to_status,
            note=note,
            internal=internal,
            data=data or {},
        )
        self.session.add(event)
        await self.session.flush()
        return event

    async def add_created(
        self, ticket: Ticket, *, at: dt.datetime, to_status: str, note: str | None
    ) -> None:
        """A new ticket's first event (a prepared insert: every registration makes one,
        and nothing reads the object back)."""
        await _CREATED.rows(
            self.session, {"ticket": ticket.id, "when": at, "status": to_status, "text": note}
        )

    async def events(self, ticket_id: int) -> list[TicketEvent]:
        rows = await self.session.scalars(
            select(TicketEvent)
            .where(TicketEvent.ticket_id == ticket_id)
            .order_by(TicketEvent.at, TicketEvent.id)
        )
        return list(rows)

    async def has_event(self, ticket_id: int, kind: str, key: str) -> bool:
        rows = await self.session.scalars(
            select(TicketEvent).where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind == kind)
        )
        return any(e.data.get("key") == key for e in rows)

    async def listing(
        self,
        *,
        departments: Sequence[str] | None = None,
        kinds: Sequence[str] = ("service",),
        statuses: Sequence[str] | None = None,
        assignee_id: int | None = None,
        owner_or_assignee: int | None = None,
        unclaimed: bool = False,
        due_before: dt.datetime | None = None,
        limit: int = 200,
    ) -> list[Ticket]:
        q = select(Ticket).where(Ticket.kind.in_(kinds))
        if departments is not None:
            q = q.where(Ticket.department_id.in_(departments))
        if statuses is not None:
            q = q.where(Ticket.status.in_(statuses))
        if assignee_id is not None:
            q = q.where(Ticket.assignee_id == assignee_id)
        if owner_or_assignee is not None:
            q = q.where(
                or_(Ticket.assignee_id == owner_or_assignee, Ticket.owner_id == owner_or_assignee)
            )
        if unclaimed:
            q = q.where(Ticket.assignee_id.is_(None))
        if due_before is not None:
            q = q.where(Ticket.due_at <= due_before)
        rows = await self.session.scalars(q.order_by(Ticket.due_at, Ticket.id).limit(limit))
        return list(rows)

    async def open_tickets(self, limit: int = 5000) -> list[Ticket]:
        rows = await self.session.scalars(
            select(Ticket).where(Ticket.status.in_(OPEN)).order_by(Ticket.due_at).limit(limit)
        )
        return list(rows)

    async def count(self) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(Ticket)) or 0)

    async def bad_ratings_without_callback(self, rated_before: dt.datetime) -> list[Ticket]:
        """差评 (4, 5) rated before the given time that have no 回访 task yet."""
        from storage.models import Callback

        rated = (
            select(TicketEvent.ticket_id)
            .where(TicketEvent.kind == "rating", TicketEvent.at <= rated_before)
            .scalar_subquery()
        )
        has_callback = select(Callback.id).where(Callback.ticket_id == Ticket.id).exists()
        rows = await self.session.scalars(
            select(Ticket).where(Ticket.rating.in_((4, 5)), Ticket.id.in_(rated), ~has_callback)
        )
        return list(rows)

    async def last_assigned(self, staff_ids: Sequence[int]) -> dict[int, dt.datetime]:
        """When each of these staff members was last given a ticket (round-robin order)."""
        rows = await self.session.execute(
            select(Ticket.assignee_id, func.max(Ticket.assigned_at))
            .where(Ticket.assignee_id.in_(staff_ids), Ticket.assigned_at.is_not(None))
            .group_by(Ticket.assignee_id)
        )
        # max() keeps the column's Instant type, so values come back aware.
        return {sid: at for sid, at in rows.all()}
