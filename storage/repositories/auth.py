"""Console login guard and two-factor state: login attempts (for throttling),
per-role 2FA policy, and the last accepted TOTP step (replay guard)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import LoginAttempt, RolePolicy, Staff, TotpState


class AuthRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record_attempt(
        self, *, username: str, ip: str, ok: bool, reason: str | None, now: dt.datetime
    ) -> None:
        self.session.add(
            LoginAttempt(at=now, username=username[:64], ip=ip[:64], ok=ok, reason=reason)
        )
        await self.session.flush()

    async def failures_since(
        self,
        since: dt.datetime,
        *,
        reasons: tuple[str, ...],
        username: str | None = None,
        ip: str | None = None,
    ) -> int:
        q = select(func.count()).where(
            LoginAttempt.at >= since, LoginAttempt.ok.is_(False), LoginAttempt.reason.in_(reasons)
        )
        if username is not None:
            q = q.where(LoginAttempt.username == username[:64])
        if ip is not None:
            q = q.where(LoginAttempt.ip == ip[:64])
        return int(await self.session.scalar(q) or 0)

    async def count_failure(
        self, staff_id: int, *, now: dt.datetime, limit: int, lock_for: dt.timedelta
    ) -> bool:
        """One more failed login; at `limit` the account locks for `lock_for` and the
        count starts again. Atomic, so parallel guesses cannot slip past the limit.
        True when this failure locked the account."""
        failures = await self.session.scalar(
            update(Staff)
            .where(Staff.id == staff_id)
            .values(failed_logins=Staff.failed_logins + 1)
            .returning(Staff.failed_logins)
        )
        if int(failures or 0) < limit:
            return False
        await self.session.execute(
            update(Staff)
            .where(Staff.id == staff_id)
            .values(failed_logins=0, locked_until=now + lock_for)
        )
        return True

    async def clear_failures(self, staff_id: int) -> None:
        await self.session.execute(
            update(Staff).where(Staff.id == staff_id).values(failed_logins=0, locked_until=None)
        )

    async def policies(self) -> dict[str, bool]:
        rows = await self.session.scalars(select(RolePolicy))
        return {r.role: r.require_totp for r in rows}

    async def requires_totp(self, role: str) -> bool:
        row = await self.session.get(RolePolicy, role)
        return bool(row and row.require_totp)

    async def set_policy(
        self, role: str, *, require_totp: bool, now: dt.datetime, by: int | None
    ) -> None:
        row = await self.session.get(RolePolicy, role)
        if row is None:
            self.session.add(
                RolePolicy(role=role, require_totp=require_totp, updated_at=now, updated_by=by)
            )
        else:
            row.require_totp, row.updated_at, row.updated_by = require_totp, now, by
        await self.session.flush()

    async def last_totp_step(self, staff_id: int) -> int:
        row = await self.session.get(TotpState, staff_id)
        return row.last_step if row else 0

    async def use_totp_step(
        self, staff_id: int, step: int, now: dt.datetime, *, enrolled: bool = False
    ) -> None:
        row = await self.session.get(TotpState, staff_id)
        if row is None:
            row = TotpState(
                staff_id=staff_id, last_step=step, enrolled_at=now if enrolled else None
            )
            self.session.add(row)
        else:
            row.last_step = max(row.last_step, step)
            if enrolled:
                row.enrolled_at = now
        await self.session.flush()

    async def forget_totp(self, staff_id: int) -> None:
        row = await self.session.get(TotpState, staff_id)
        if row is not None:
            await self.session.delete(row)
            await self.session.flush()
