"""Pictures attached to tickets, downloaded from WeChat by the tick."""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Attachment
from storage.repositories.upsert import upsert_text

_ADD = upsert_text(
    cast(Table, Attachment.__table__),
    values=("ticket_id", "media_id", "status", "attempts", "created_at"),
    conflict="media_id",
    returning=("id",),
)


class AttachmentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, *, ticket_id: int, media_id: str, now: dt.datetime) -> bool:
        row_id = await self.session.scalar(
            _ADD,
            {
                "ticket_id": ticket_id,
                "media_id": media_id,
                "status": "pending",
                "attempts": 0,
                "created_at": now,
            },
        )
        return row_id is not None

    async def pending(self, limit: int = 20) -> list[Attachment]:
        rows = await self.session.scalars(
            select(Attachment)
            .where(Attachment.status == "pending")
            .order_by(Attachment.id)
            .limit(limit)
        )
        return list(rows)

    async def for_ticket(self, ticket_id: int) -> list[Attachment]:
        rows = await self.session.scalars(
            select(Attachment).where(Attachment.ticket_id == ticket_id).order_by(Attachment.id)
        )
        return list(rows)

    async def get(self, attachment_id: int) -> Attachment | None:
        found: Attachment | None = await self.session.get(Attachment, attachment_id)
        return found
