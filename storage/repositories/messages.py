"""Inbound messages: the conversation log and WeChat retry de-duplication."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import InboundMessage
from storage.repositories.upsert import insert_for, rowcount


@dataclass(frozen=True)
class Claim:
    id: int
    new: bool  # False: a WeChat retry of a message already seen
    state: str
    reply: dict[str, Any] | None


class MessageRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def claim(self, *, dedup_key: str, received_at: dt.datetime, **fields: Any) -> Claim:
        """Record a message once. The unique dedup_key makes a concurrent retry,
        on this process or another replica, see the first one's row."""
        row_id = await self.session.scalar(
            insert_for(self.session, InboundMessage)
            .values(
                dedup_key=dedup_key,
                received_at=received_at,
                state="processing",
                retries=0,
                **fields,
            )
            .on_conflict_do_nothing(index_elements=["dedup_key"])
            .returning(InboundMessage.id)
        )
        if row_id is not None:
            return Claim(row_id, True, "processing", None)
        await self.session.execute(
            update(InboundMessage)
            .where(InboundMessage.dedup_key == dedup_key)
            .values(retries=InboundMessage.retries + 1)
        )
        row = await self.session.scalar(
            select(InboundMessage).where(InboundMessage.dedup_key == dedup_key)
        )
        assert row is not None
        return Claim(row.id, False, row.state, row.reply)

    async def status(self, message_id: int) -> tuple[str, dict[str, Any] | None]:
        row = (
            await self.session.execute(
                select(InboundMessage.state, InboundMessage.reply).where(
                    InboundMessage.id == message_id
                )
            )
        ).one()
        return row.state, row.reply

    async def finish(
        self, message_id: int, *, reply: dict[str, Any], intent: str | None, now: dt.datetime
    ) -> str:
        """Store the reply. Returns 'replied' if the webhook is still waiting for it,
        or 'deferred' if the webhook already gave up (the reply must be pushed)."""
        done = await self.session.execute(
            update(InboundMessage)
            .where(InboundMessage.id == message_id, InboundMessage.state == "processing")
            .values(state="replied", reply=reply, intent=intent, handled_at=now)
        )
        if rowcount(done) == 1:
            return "replied"
        await self.session.execute(
            update(InboundMessage)
            .where(InboundMessage.id == message_id)
            .values(reply=reply, intent=intent, handled_at=now)
        )
        return "deferred"

    async def defer(self, message_id: int) -> bool:
        """The webhook's budget ran out: hand the reply over to a push. False if
        the reply arrived first (the caller then returns it after all)."""
        done = await self.session.execute(
            update(InboundMessage)
            .where(InboundMessage.id == message_id, InboundMessage.state == "processing")
            .values(state="deferred")
        )
        return rowcount(done) == 1

    async def fail(self, message_id: int, now: dt.datetime) -> None:
        await self.session.execute(
            update(InboundMessage)
            .where(InboundMessage.id == message_id, InboundMessage.state == "processing")
            .values(state="failed", handled_at=now)
        )

    async def history(self, openid: str, limit: int = 50) -> list[InboundMessage]:
        rows = await self.session.scalars(
            select(InboundMessage)
            .where(InboundMessage.openid == openid)
            .order_by(InboundMessage.received_at.desc(), InboundMessage.id.desc())
            .limit(limit)
        )
        return list(reversed(list(rows)))
