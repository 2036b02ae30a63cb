"""The console's audit log: append-only, listed newest first. Each entry carries
the town it is about (see AuditLog.town_id), so a town's admin reads only theirs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditLog, Handoff, Staff, Ticket


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
        town_id: str | None = None,
    ) -> AuditLog:
        row = AuditLog(
            at=at,
            action=action,
            staff_id=staff_id,
            username=username,
            target=target[:128] if target else None,
            ip=ip[:64] if ip else None,
            detail=detail or {},
            town_id=town_id,
        )
        self.session.add(row)
        await self.session.flush()
        return row

    async def town_of(self, target: str | None) -> str | None:
        """The town of the ticket, staff account or conversation a target names
        ("ticket:BM20261123-0001", "staff:7", "handoff:3"); None for anything else."""
        kind, _, key = (target or "").partition(":")
        if kind == "ticket" and key:
            town: str | None = await self.session.scalar(
                select(Ticket.town_id).where(Ticket.number == key)
            )
            return town
        if not (key.isascii() and key.isdigit() and int(key) < 2**31):
            return None
        if kind == "staff":
            member = await self.session.get(Staff, int(key))
            return member.town_id if member is not None else None
        if kind == "handoff":
            handoff = await self.session.get(Handoff, int(key))
            return handoff.town_id if handoff is not None else None
        return None

    async def listing(
        self,
        *,
        staff_id: int | None = None,
        action: str | None = None,
        target: str | None = None,
        town_id: str | None = None,
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
        if town_id is not None:
            q = q.where(AuditLog.town_id == town_id)
        if since is not None:
            q = q.where(AuditLog.at >= since)
        if until is not None:
            q = q.where(AuditLog.at < until)
        if before_id is not None:
            q = q.where(AuditLog.id < before_id)
        return list(await self.session.scalars(q.order_by(AuditLog.id.desc()).limit(limit)))
