"""Per-villager conversation state (menus, forms)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ConversationState
from storage.repositories.upsert import insert_for


class ConversationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def load(self, openid: str, now: dt.datetime) -> ConversationState | None:
        """The live state, or None; an expired state reads as none (the flow timed out)."""
        row = await self.session.get(ConversationState, openid)
        if row is None or row.expires_at <= now:
            return None
        return row

    async def load_expired(self, openid: str, now: dt.datetime) -> ConversationState | None:
        row = await self.session.get(ConversationState, openid)
        return row if row is not None and row.expires_at <= now else None

    async def save(
        self,
        openid: str,
        flow: str,
        step: str,
        data: dict[str, Any],
        now: dt.datetime,
        ttl: dt.timedelta,
    ) -> None:
        """An upsert: two messages of one villager handled at once must not collide."""
        values = {
            "flow": flow,
            "step": step,
            "data": dict(data),
            "updated_at": now,
            "expires_at": now + ttl,
        }
        await self.session.execute(
            insert_for(self.session, ConversationState)
            .values(openid=openid, **values)
            .on_conflict_do_update(index_elements=["openid"], set_=values)
        )
        for obj in list(self.session.identity_map.values()):
            if isinstance(obj, ConversationState) and obj.openid == openid:
                self.session.expire(obj)  # the row changed behind the ORM's back

    async def clear(self, openid: str) -> None:
        await self.session.execute(
            delete(ConversationState).where(ConversationState.openid == openid)
        )

    async def all_for(self, flow: str) -> list[ConversationState]:
        return list(
            await self.session.scalars(
                select(ConversationState).where(ConversationState.flow == flow)
            )
        )
