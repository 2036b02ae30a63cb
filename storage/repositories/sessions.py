"""Console sessions (server-side, shared by replicas). Only the SHA-256 of a
session token is stored; callers hash before asking."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Staff, StaffSession


class SessionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create(
        self,
        *,
        session_id: str,
        staff_id: int,
        csrf_token: str,
        now: dt.datetime,
        expires_at: dt.datetime,
        ip: str | None,
        user_agent: str | None,
        enrol_only: bool,
    ) -> StaffSession:
        row = StaffSession(
            id=session_id,
            staff_id=staff_id,
            csrf_token=csrf_token,
            created_at=now,
            last_seen_at=now,
            expires_at=expires_at,
            ip=ip,
            user_agent=user_agent,
            enrol_only=enrol_only,
        )
        self.session.add(row)
        await self.session.flush()
        return row

    async def live(self, session_id: str, now: dt.datetime) -> tuple[StaffSession, Staff] | None:
        """The session and its staff member, if neither revoked, expired nor deactivated."""
        row = (
            await self.session.execute(
                select(StaffSession, Staff)
                .join(Staff, Staff.id == StaffSession.staff_id)
                .where(
                    StaffSession.id == session_id,
                    StaffSession.revoked_at.is_(None),
                    StaffSession.expires_at > now,
                    Staff.active.is_(True),
                )
            )
        ).first()
        return (row[0], row[1]) if row is not None else None

    async def revoke(self, session_id: str, now: dt.datetime) -> None:
        await self.session.execute(
            update(StaffSession)
            .where(StaffSession.id == session_id, StaffSession.revoked_at.is_(None))
            .values(revoked_at=now)
        )

    async def revoke_all(self, staff_id: int, now: dt.datetime, *, keep: str | None = None) -> None:
        """End every session of a staff member (password reset, deactivation), except `keep`."""
        q = update(StaffSession).where(
            StaffSession.staff_id == staff_id, StaffSession.revoked_at.is_(None)
        )
        if keep is not None:
            q = q.where(StaffSession.id != keep)
        await self.session.execute(q.values(revoked_at=now))
