"""The push outbox: enqueue once, claim with a lease, mark `sending` just before
the HTTP call, finish. A row claimed by a process that died before sending is
claimed again after the lease (nothing lost). A row that died *during* its HTTP
call may or may not have reached WeChat, which offers no way to ask; it becomes
`in_doubt` and is shown to staff to check by phone instead of being re-sent
blindly (nothing doubled)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, cast

from sqlalchemy import Table, and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import OutboxMessage
from storage.repositories.upsert import rowcount, upsert_text

_ENQUEUE = upsert_text(
    cast(Table, OutboxMessage.__table__),
    values=(
        "key",
        "openid",
        "kind",
        "body",
        "status",
        "attempts",
        "next_attempt_at",
        "created_at",
        "ticket_id",
    ),
    conflict="key",
    returning=("id",),
)


class OutboxRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def enqueue(
        self,
        *,
        key: str,
        openid: str,
        kind: str,
        body: dict[str, Any],
        now: dt.datetime,
        not_before: dt.datetime | None = None,
        ticket_id: int | None = None,
    ) -> bool:
        """Queue a push; False when a push with this key already exists."""
        row_id = await self.session.scalar(
            _ENQUEUE,
            {
                "key": key,
                "openid": openid,
                "kind": kind,
                "body": body,
                "status": "pending",
                "attempts": 0,
                "next_attempt_at": not_before or now,
                "created_at": now,
                "ticket_id": ticket_id,
            },
        )
        return row_id is not None

    async def claim_due(
        self, *, now: dt.datetime, worker: str, limit: int, lease: dt.timedelta
    ) -> list[OutboxMessage]:
        """Take up to `limit` due pushes for this worker. On PostgreSQL rows are
        locked with SKIP LOCKED so replicas never take the same row."""
        await self.flag_in_doubt(now=now, lease=lease)
        due = or_(
            and_(OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now),
            and_(OutboxMessage.status == "claimed", OutboxMessage.claimed_at <= now - lease),
        )
        pick = (
            select(OutboxMessage.id).where(due).order_by(OutboxMessage.next_attempt_at).limit(limit)
        )
        if self.session.bind is not None and self.session.bind.dialect.name == "postgresql":
            pick = pick.with_for_update(skip_locked=True)
        ids = list(await self.session.scalars(pick))
        if not ids:
            return []
        # Each claim gets its own token: two drains of one process (same worker
        # name, same clock reading) must still not take each other's rows.
        token = f"{worker}:{uuid.uuid4().hex[:12]}"
        # The WHERE repeats `due` so that on SQLite, where a concurrent claimer
        # may have committed in between, a row is still only taken once.
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids), due)
            .values(status="claimed", claimed_by=token, claimed_at=now)
        )
        rows = await self.session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.id.in_(ids),
                OutboxMessage.claimed_by == token,
                OutboxMessage.status == "claimed",
            )
        )
        return list(rows)

    async def mark_sending(self, row_id: int, claimed_by: str, now: dt.datetime) -> bool:
        """Commit to one HTTP attempt. False if the claim was lost (lease ran out)."""
        done = await self.session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id == row_id,
                OutboxMessage.claimed_by == claimed_by,
                OutboxMessage.status == "claimed",
            )
            .values(status="sending", claimed_at=now)
        )
        return rowcount(done) == 1

    async def flag_in_doubt(self, *, now: dt.datetime, lease: dt.timedelta) -> int:
        """Rows whose sender died mid-call: WeChat may have them. Staff decide."""
        done = await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.status == "sending", OutboxMessage.claimed_at <= now - lease)
            .values(
                status="in_doubt", last_error="the sender stopped during the call; delivery unknown"
            )
        )
        return rowcount(done)

    async def mark_sent(
        self, row_id: int, now: dt.datetime, wechat_msgid: str | None = None
    ) -> None:
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id)
            .values(
                status="sent",
                sent_at=now,
                wechat_msgid=wechat_msgid,
                attempts=OutboxMessage.attempts + 1,
            )
        )

    async def mark_retry(
        self, row_id: int, next_at: dt.datetime, error: str, *, kind: str | None = None
    ) -> None:
        values: dict[str, Any] = {
            "status": "pending",
            "next_attempt_at": next_at,
            "last_error": error,
            "attempts": OutboxMessage.attempts + 1,
            "claimed_by": None,
            "claimed_at": None,
        }
        if kind is not None:
            values["kind"] = kind
        await self.session.execute(
            update(OutboxMessage).where(OutboxMessage.id == row_id).values(**values)
        )

    async def mark_failed(self, row_id: int, error: str) -> None:
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id)
            .values(status="failed", last_error=error, attempts=OutboxMessage.attempts + 1)
        )

    async def record_delivery(self, wechat_msgid: str, status: str) -> bool:
        """TEMPLATESENDJOBFINISH: WeChat's report of whether a template message arrived."""
        done = await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.wechat_msgid == wechat_msgid)
            .values(delivery=status)
        )
        return rowcount(done) > 0

    async def queued_at(self, key: str) -> dt.datetime | None:
        """When the push with this key was queued, or None if it never was."""
        found: dt.datetime | None = await self.session.scalar(
            select(OutboxMessage.created_at).where(OutboxMessage.key == key)
        )
        return found

    async def for_openid(self, openid: str, limit: int = 50) -> list[OutboxMessage]:
        rows = await self.session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.openid == openid)
            .order_by(OutboxMessage.id.desc())
            .limit(limit)
        )
        return list(reversed(list(rows)))

    async def counts(self) -> dict[str, int]:
        from sqlalchemy import func

        rows = await self.session.execute(
            select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
        )
        return {status: n for status, n in rows.all()}
