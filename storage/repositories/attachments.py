"""Pictures attached to tickets, downloaded from WeChat by the tick."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Attachment
from storage.repositories.upsert import insert_for


class AttachmentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, *, ticket_id: int, media_id: str, now: dt.datetime) -> bool:
        row_id = await self.session.scalar(
            insert_for(self.session, Attachment)
            .values(
                ticket_id=ticket_id, media_id=media_id, status="pending", attempts=0, created_at=now
            )
            .on_conflict_do_nothing(index_elements=["media_id"])
            .returning(Attachment.id)
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
