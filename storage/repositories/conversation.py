"""Per-villager conversation state (menus, forms)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ConversationState, Handoff
from storage.repositories.prepared import Prepared
from storage.repositories.upsert import upsert_text
from storage.unit import orm_session


@dataclass(frozen=True)
class Snapshot:
    """What every message needs first: the villager's saved state (live or expired)
    and whether staff have the conversation (a live 转人工)."""

    flow: str | None
    step: str | None
    data: dict[str, Any]
    updated_at: dt.datetime | None
    expires_at: dt.datetime | None
    handoff_live: bool

    def live(self, now: dt.datetime) -> bool:
        return self.flow is not None and self.expires_at is not None and self.expires_at > now


_STATE = ("openid", "flow", "step", "data", "updated_at", "expires_at")
_SAVE = Prepared(
    upsert_text(
        cast(Table, ConversationState.__table__),
        values=_STATE,
        conflict="openid",
        update={c: f"excluded.{c}" for c in _STATE[1:]},
    )
)
_ONE = select(literal(1).label("one")).subquery("one")
_C = cast(Table, ConversationState.__table__).c
# Built once: building a statement per call cost more than SQLite running it.
_SNAPSHOT = Prepared(
    select(
        _C.flow,
        _C.step,
        _C.data,
        _C.updated_at,
        _C.expires_at,
        select(Handoff.id)
        .where(Handoff.openid == bindparam("openid"), Handoff.status != "closed")
        .limit(1)
        .scalar_subquery()
        .label("h"),
    )
    .select_from(_ONE)
    .outerjoin(ConversationState.__table__, _C.openid == bindparam("openid"))
)


class ConversationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def snapshot(self, openid: str) -> Snapshot:
        """The one read of the state: every message needs it, live or expired, with
        the live handoff (it was three statements, and a fourth for a menu's time)."""
        ((flow, step, data, updated_at, expires_at, handoff),) = await _SNAPSHOT.rows(
            self.session, {"openid": openid}
        )
        return Snapshot(flow, step, dict(data or {}), updated_at, expires_at, handoff is not None)

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
        await _SAVE.rows(
            self.session,
            {
                "openid": openid,
                "flow": flow,
                "step": step,
                "data": dict(data),
                "updated_at": now,
                "expires_at": now + ttl,
            },
        )
        orm = orm_session(self.session)
        if orm is None:
            return
        for obj in list(orm.identity_map.values()):
            if isinstance(obj, ConversationState) and obj.openid == openid:
                orm.expire(obj)  # the row changed behind the ORM's back

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
