"""Inbound messages: the conversation log and WeChat retry de-duplication."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import InboundMessage
from storage.repositories.prepared import Prepared
from storage.repositories.upsert import upsert_text

_FIELDS = ("openid", "msg_type", "event", "msg_id", "text", "payload", "wechat_time")
_FINISH = Prepared(
    update(InboundMessage)
    .where(InboundMessage.id == bindparam("message_id"))
    .values(
        state=bindparam("state"),
        reply=bindparam("reply"),
        intent=bindparam("intent"),
        handled_at=bindparam("handled_at"),
    )
    .execution_options(synchronize_session=False)
)
_CLAIM = Prepared(
    upsert_text(
        cast(Table, InboundMessage.__table__),
        values=("dedup_key", "received_at", "state", "retries", *_FIELDS),
        conflict="dedup_key",
        returning=("id",),
    )
)


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
        assert set(fields) <= set(_FIELDS), set(fields) - set(_FIELDS)
        """Record a message once. The unique dedup_key makes a concurrent retry,
        on this process or another replica, see the first one's row."""
        rows = await _CLAIM.rows(
            self.session,
            {
                "dedup_key": dedup_key,
                "received_at": received_at,
                "state": "processing",
                "retries": 0,
            }
            | {c: fields.get(c) for c in _FIELDS},
        )
        if rows:
            return Claim(rows[0][0], True, "processing", None)
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

    async def count_retry(self, dedup_key: str) -> None:
        """A WeChat retry answered from the first delivery (kept for the record)."""
        await self.session.execute(
            update(InboundMessage)
            .where(InboundMessage.dedup_key == dedup_key)
            .values(retries=InboundMessage.retries + 1)
        )

    async def status(self, dedup_key: str) -> tuple[str, dict[str, Any] | None]:
        """A message's state and reply by its dedup key ('processing' while it is
        being handled, also when it is not recorded yet)."""
        row = (
            await self.session.execute(
                select(InboundMessage.state, InboundMessage.reply).where(
                    InboundMessage.dedup_key == dedup_key
                )
            )
        ).one_or_none()
        return (row.state, row.reply) if row else ("processing", None)

    async def finish(
        self,
        message_id: int,
        *,
        reply: dict[str, Any],
        intent: str | None,
        now: dt.datetime,
        deferred: bool = False,
    ) -> None:
        """Store the reply: `replied` (it went out in the webhook's answer) or
        `deferred` (the webhook gave up waiting; the reply is pushed)."""
        await _FINISH.rows(
            self.session,
            {
                "message_id": message_id,
                "state": "deferred" if deferred else "replied",
                "reply": reply,
                "intent": intent,
                "handled_at": now,
            },
        )

    async def history(self, openid: str, limit: int = 50) -> list[InboundMessage]:
        rows = await self.session.scalars(
            select(InboundMessage)
            .where(InboundMessage.openid == openid)
            .order_by(InboundMessage.received_at.desc(), InboundMessage.id.desc())
            .limit(limit)
        )
        return list(reversed(list(rows)))
