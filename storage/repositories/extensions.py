"""延期申请: extension requests waiting for a head's or the leader's decision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ExtensionRequest, Ticket


class ExtensionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(
        self, *, ticket_id: int, days: int, reason: str, staff_id: int, now: dt.datetime
    ) -> ExtensionRequest:
        row = ExtensionRequest(
            ticket_id=ticket_id,
            days=days,
            reason=reason,
            status="pending",
            requested_by=staff_id,
            requested_at=now,
        )
        self.session.add(row)
        await self.session.flush()
        return row

    async def get(self, request_id: int) -> ExtensionRequest | None:
        found: ExtensionRequest | None = await self.session.get(ExtensionRequest, request_id)
        return found

    async def for_ticket(self, ticket_id: int) -> list[ExtensionRequest]:
        rows = await self.session.scalars(
            select(ExtensionRequest)
            .where(ExtensionRequest.ticket_id == ticket_id)
            .order_by(ExtensionRequest.id)
        )
        return list(rows)

    async def pending_for_ticket(self, ticket_id: int) -> ExtensionRequest | None:
        row: ExtensionRequest | None = await self.session.scalar(
            select(ExtensionRequest).where(
                ExtensionRequest.ticket_id == ticket_id, ExtensionRequest.status == "pending"
            )
        )
        return row

    async def listing(
        self, *, departments: Sequence[str] | None, status: str | None, limit: int = 200
    ) -> list[tuple[ExtensionRequest, Ticket]]:
        q = select(ExtensionRequest, Ticket).join(Ticket, Ticket.id == ExtensionRequest.ticket_id)
        if departments is not None:
            q = q.where(Ticket.department_id.in_(departments))
        if status is not None:
            q = q.where(ExtensionRequest.status == status)
        rows = await self.session.execute(q.order_by(ExtensionRequest.id.desc()).limit(limit))
        return [(r[0], r[1]) for r in rows.all()]

    @staticmethod
    def decide(
        row: ExtensionRequest, *, approved: bool, staff_id: int, note: str | None, now: dt.datetime
    ) -> None:
        row.status = "approved" if approved else "denied"
        row.decided_by, row.decided_at, row.decision_note = staff_id, now, note
