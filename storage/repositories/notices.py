"""Staff notices: warnings, escalations, alerts. One per key, never repeated."""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import StaffNotice
from storage.repositories.upsert import upsert_text

_ADD = upsert_text(
    cast(Table, StaffNotice.__table__),
    values=("key", "staff_id", "kind", "text", "created_at", "ticket_id"),
    conflict="key",
    returning=("id",),
)


class NoticeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(
        self,
        *,
        key: str,
        staff_id: int,
        kind: str,
        text: str,
        now: dt.datetime,
        ticket_id: int | None = None,
    ) -> bool:
        """False when a notice with this key was already given."""
        row_id = await self.session.scalar(
            _ADD,
            {
                "key": key,
                "staff_id": staff_id,
                "kind": kind,
                "text": text,
                "created_at": now,
                "ticket_id": ticket_id,
            },
        )
        return row_id is not None

    async def for_staff(
        self, staff_id: int, *, unread_only: bool = False, limit: int = 100
    ) -> list[StaffNotice]:
        q = select(StaffNotice).where(StaffNotice.staff_id == staff_id)
        if unread_only:
            q = q.where(StaffNotice.read_at.is_(None))
        return list(await self.session.scalars(q.order_by(StaffNotice.id.desc()).limit(limit)))

    async def for_ticket(self, ticket_id: int) -> list[StaffNotice]:
        rows = await self.session.scalars(
            select(StaffNotice).where(StaffNotice.ticket_id == ticket_id).order_by(StaffNotice.id)
        )
        return list(rows)

    async def unread_count(self, staff_id: int) -> int:
        return int(
            await self.session.scalar(
                select(func.count()).where(
                    StaffNotice.staff_id == staff_id, StaffNotice.read_at.is_(None)
                )
            )
            or 0
        )

    async def mark_read(self, staff_id: int, notice_ids: list[int], now: dt.datetime) -> None:
        await self.session.execute(
            update(StaffNotice)
            .where(StaffNotice.staff_id == staff_id, StaffNotice.id.in_(notice_ids))
            .values(read_at=now)
        )

    async def all_of_kind(self, kind: str) -> list[StaffNotice]:
        return list(await self.session.scalars(select(StaffNotice).where(StaffNotice.kind == kind)))
