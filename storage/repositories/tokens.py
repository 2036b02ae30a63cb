"""The shared access_token row per appid. WeChat invalidates the old token when a
new one is fetched, so every replica reads the token here and exactly one holds the
refresh lease at a time. Only SQL; no network, no clock (callers pass `now`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AccessToken
from storage.repositories.upsert import insert_for, rowcount

# A row created only to hold the lease before any token exists: already expired,
# so nobody mistakes the empty token for a usable one.
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class TokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, appid: str) -> AccessToken | None:
        result = await self._session.execute(select(AccessToken).where(AccessToken.appid == appid))
        return result.scalar_one_or_none()

    async def try_lease(self, appid: str, now: dt.datetime, lease_seconds: float) -> bool:
        """Take the refresh lease if nobody holds an unexpired one. The check and the
        write are one conditional statement, so on SQLite (the write lock) and on
        PostgreSQL (the row lock; READ COMMITTED re-evaluates the WHERE after waiting)
        exactly one concurrent caller gets rowcount 1. The caller commits."""
        until = now + dt.timedelta(seconds=lease_seconds)
        result: Any = await self._session.execute(
            update(AccessToken)
            .where(AccessToken.appid == appid)
            .where((AccessToken.refreshing_until.is_(None)) | (AccessToken.refreshing_until <= now))
            .values(refreshing_until=until)
            .execution_options(synchronize_session=False)
        )
        if rowcount(result) == 1:
            return True
        # No row yet (first start) or the lease is held. INSERT ... ON CONFLICT DO
        # NOTHING settles a race between two first-starters without an error that
        # would abort a PostgreSQL transaction.
        inserted: Any = await self._session.execute(
            insert_for(self._session, AccessToken)
            .values(
                appid=appid, token="", expires_at=_EPOCH, refreshing_until=until, updated_at=now
            )
            .on_conflict_do_nothing(index_elements=["appid"])
        )
        return bool(inserted.rowcount == 1)

    async def release_lease(self, appid: str, lease_until: dt.datetime | None = None) -> None:
        """Give the lease up early (the refresh failed) so another replica may try.
        With `lease_until` (the end try_lease set), only if the lease is still ours."""
        stmt = update(AccessToken).where(AccessToken.appid == appid)
        if lease_until is not None:
            stmt = stmt.where(AccessToken.refreshing_until == lease_until)
        await self._session.execute(
            stmt.values(refreshing_until=None).execution_options(synchronize_session=False)
        )

    async def save(self, appid: str, token: str, expires_at: dt.datetime, now: dt.datetime) -> None:
        """Store a freshly fetched token and release the lease. The caller commits."""
        stmt = insert_for(self._session, AccessToken).values(
            appid=appid, token=token, expires_at=expires_at, refreshing_until=None, updated_at=now
        )
        await self._session.execute(
            stmt.on_conflict_do_update(
                index_elements=["appid"],
                set_={
                    "token": stmt.excluded.token,
                    "expires_at": stmt.excluded.expires_at,
                    "refreshing_until": None,
                    "updated_at": stmt.excluded.updated_at,
                },
            )
        )
