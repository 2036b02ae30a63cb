"""回访 tasks after a bad rating."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Callback


class CallbackRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def for_ticket(self, ticket_id: int) -> Callback | None:
        found: Callback | None = await self.session.scalar(
            select(Callback).where(Callback.ticket_id == ticket_id)
        )
        return found

    async def add(self, callback: Callback) -> Callback:
        self.session.add(callback)
        await self.session.flush()
        return callback

    async def get(self, callback_id: int) -> Callback | None:
        found: Callback | None = await self.session.get(Callback, callback_id)
        return found

    async def listing(
        self, departments: Sequence[str] | None = None, *, open_only: bool = False
    ) -> list[Callback]:
        q = select(Callback)
        if departments is not None:
            q = q.where(Callback.department_id.in_(departments))
        if open_only:
            q = q.where(Callback.done_at.is_(None))
        return list(await self.session.scalars(q.order_by(Callback.due_at)))

    async def finish(
        self, callback: Callback, *, staff_id: int, result: str, now: dt.datetime
    ) -> None:
        callback.done_at, callback.done_by, callback.result = now, staff_id, result
