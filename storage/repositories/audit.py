"""The console's audit log: append-only, listed newest first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditLog


class AuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(
        self,
        *,
        at: dt.datetime,
        action: str,
        staff_id: int | None,
        username: str | None,
        target: str | None,
        ip: str | None,
        detail: dict[str, Any] | None = None,
    ) -> AuditLog:
        row = AuditLog(
            at=at,
            action=action,
            staff_id=staff_id,
            username=username,
            target=target[:128] if target else None,
            ip=ip[:64] if ip else None,
            detail=detail or {},
        )
        self.session.add(row)
        await self.session.flush()
        return row

    async def listing(
        self,
        *,
        staff_id: int | None = None,
        action: str | None = None,
        target: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        before_id: int | None = None,
        limit: int = 100,
    ) -> list[AuditLog]:
        q = select(AuditLog)
        if staff_id is not None:
            q = q.where(AuditLog.staff_id == staff_id)
        if action is not None:
            q = q.where(AuditLog.action == action)
        if target is not None:
            q = q.where(AuditLog.target == target)
        if since is not None:
            q = q.where(AuditLog.at >= since)
        if until is not None:
            q = q.where(AuditLog.at < until)
        if before_id is not None:
            q = q.where(AuditLog.id < before_id)
        return list(await self.session.scalars(q.order_by(AuditLog.id.desc()).limit(limit)))
