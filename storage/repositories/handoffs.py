"""Live conversations handed to a person (转人工)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Handoff


class HandoffRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def active(self, openid: str) -> Handoff | None:
        found: Handoff | None = await self.session.scalar(
            select(Handoff)
            .where(Handoff.openid == openid, Handoff.status != "closed")
            .order_by(Handoff.id.desc())
        )
        return found

    async def open(self, openid: str, now: dt.datetime) -> tuple[Handoff, bool]:
        """The villager's live handoff, created if none; True when newly created."""
        existing = await self.active(openid)
        if existing is not None:
            return existing, False
        handoff = Handoff(openid=openid, status="waiting", opened_at=now, unread=1)
        self.session.add(handoff)
        await self.session.flush()
        return handoff, True

    async def get(self, handoff_id: int) -> Handoff | None:
        found: Handoff | None = await self.session.get(Handoff, handoff_id)
        return found

    async def live(self) -> list[Handoff]:
        rows = await self.session.scalars(
            select(Handoff).where(Handoff.status != "closed").order_by(Handoff.opened_at)
        )
        return list(rows)

    async def all_between(self, start: dt.datetime, end: dt.datetime) -> list[Handoff]:
        rows = await self.session.scalars(
            select(Handoff).where(Handoff.opened_at >= start, Handoff.opened_at < end)
        )
        return list(rows)
