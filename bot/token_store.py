"""Where every process gets the access_token. WeChat invalidates the old token when a
new one is fetched, so the token lives in one shared place (the database, or Redis
for several replicas) and one refresher at a time holds a lease; the others use the
current token or wait for the new one. No HTTP here: the caller passes `fetch`."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from storage.repositories.tokens import TokenRepository

log = logging.getLogger(__name__)

Fetch = Callable[[], Awaitable[tuple[str, int]]]
"""Fetches a new token from WeChat: returns (access_token, expires_in seconds)."""


class TokenUnavailable(RuntimeError):
    """Another process holds the refresh lease and no new token appeared in time."""


class TokenStore(Protocol):
    async def get_token(
        self, appid: str, fetch: Fetch, *, force: bool = False, stale_token: str | None = None
    ) -> str:
        """A usable token. `force` (after errcode 40001/42001) refreshes only if the
        stored token is still `stale_token` (default: the token stored now), because
        another process may already have replaced it."""
        ...


@dataclass(frozen=True)
class StoredToken:
    token: str
    expires_at: dt.datetime


class _LeasedStore:
    """The refresh algorithm, shared by both back ends; they supply read/lease/save."""

    def __init__(
        self,
        clock: Clock,
        *,
        refresh_margin: float = 240.0,
        lease_seconds: float = 30.0,
        poll_interval: float = 0.05,
        max_wait: float = 15.0,
    ) -> None:
        # stable_token hands out a new token only in the last 300 s of the old one's
        # life (WeChat 获取稳定版接口调用凭据: "平台会提前5分钟更新"); refreshing at 240 s
        # left guarantees we get the new one rather than the same token again, while
        # the old stays valid through the 5-minute handover.
        self._clock = clock
        self._margin = dt.timedelta(seconds=refresh_margin)
        self._lease_seconds = lease_seconds
        self._poll = poll_interval
        self._polls = max(1, int(max_wait / poll_interval))
        self._memo: dict[str, StoredToken] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def get_token(
        self, appid: str, fetch: Fetch, *, force: bool = False, stale_token: str | None = None
    ) -> str:
        memo = self._memo.get(appid)
        if not force and memo is not None and self._fresh(memo):
            return memo.token
        # One coroutine per process talks to the shared store; the rest queue here
        # and then find the token it stored.
        lock = self._locks.setdefault(appid, asyncio.Lock())
        async with lock:
            current = await self._read(appid)
            if force and stale_token is None:
                stale_token = current.token if current else None
            for _ in range(self._polls):
                if self._usable(current, force, stale_token):
                    assert current is not None
                    return self._remember(appid, current)
                now = self._clock.now()
                lease = await self._lease(appid, now)
                if lease is not None:
                    return await self._refresh(appid, fetch, lease, force, stale_token)
                # Someone else is refreshing. A token that has not expired (we are
                # only inside the refresh margin) stays valid during the handover, so
                # use it instead of waiting; a stale or expired one is useless.
                if current and current.token and current.token != stale_token:
                    if current.expires_at > now:
                        return current.token
                await asyncio.sleep(self._poll)
                current = await self._read(appid)
        raise TokenUnavailable(f"access_token for {appid}: another process is refreshing it")

    async def _refresh(
        self, appid: str, fetch: Fetch, lease: str, force: bool, stale_token: str | None
    ) -> str:
        saved = False
        try:
            # Re-read under the lease: another process may have saved a new token
            # between our read and our lease.
            current = await self._read(appid)
            if self._usable(current, force, stale_token):
                assert current is not None
                return self._remember(appid, current)
            fetched_at = self._clock.now()
            try:
                token, expires_in = await fetch()
            except Exception:
                # A token still inside its life is better than none (e.g. the
                # refresh margin was reached while WeChat is unreachable).
                if current and current.token != stale_token and current.expires_at > fetched_at:
                    log.warning(
                        "access_token refresh failed; using the current token", exc_info=True
                    )
                    return current.token
                raise
            fresh = StoredToken(token, fetched_at + dt.timedelta(seconds=expires_in))
            await self._save(appid, fresh, lease)  # also gives the lease up
            saved = True
            log.info("access_token refreshed for %s (expires_in=%s)", appid, expires_in)
            return self._remember(appid, fresh)
        finally:
            if not saved:
                await self._release(appid, lease)

    def _fresh(self, stored: StoredToken) -> bool:
        return bool(stored.token) and stored.expires_at - self._margin > self._clock.now()

    def _usable(self, stored: StoredToken | None, force: bool, stale_token: str | None) -> bool:
        if stored is None or not self._fresh(stored):
            return False
        return not (force and stored.token == stale_token)

    def _remember(self, appid: str, stored: StoredToken) -> str:
        self._memo[appid] = stored
        return stored.token

    async def _read(self, appid: str) -> StoredToken | None:
        raise NotImplementedError

    async def _lease(self, appid: str, now: dt.datetime) -> str | None:
        """A lease handle, or None when another process holds the lease."""
        raise NotImplementedError

    async def _save(self, appid: str, stored: StoredToken, lease: str) -> None:
        """Store the token and give the lease up."""
        raise NotImplementedError

    async def _release(self, appid: str, lease: str) -> None:
        raise NotImplementedError


class DatabaseTokenStore(_LeasedStore):
    """The token row in the database (storage.repositories.tokens); works for one or
    several processes sharing one SQLite file or one PostgreSQL database."""

    def __init__(
        self, sessionmaker: async_sessionmaker[AsyncSession], clock: Clock, **options: Any
    ) -> None:
        super().__init__(clock, **options)
        self._sessionmaker = sessionmaker

    async def _read(self, appid: str) -> StoredToken | None:
        async with self._sessionmaker() as session:
            row = await TokenRepository(session).get(appid)
        return StoredToken(row.token, row.expires_at) if row else None

    async def _lease(self, appid: str, now: dt.datetime) -> str | None:
        async with self._sessionmaker() as session, session.begin():
            won = await TokenRepository(session).try_lease(appid, now, self._lease_seconds)
        # The handle is the lease's end, so a release clears only our own lease.
        return (now + dt.timedelta(seconds=self._lease_seconds)).isoformat() if won else None

    async def _save(self, appid: str, stored: StoredToken, lease: str) -> None:
        async with self._sessionmaker() as session, session.begin():
            await TokenRepository(session).save(
                appid, stored.token, stored.expires_at, self._clock.now()
            )

    async def _release(self, appid: str, lease: str) -> None:
        async with self._sessionmaker() as session, session.begin():
            await TokenRepository(session).release_lease(appid, dt.datetime.fromisoformat(lease))


# Delete the lock only if it is still ours: a lease that outlived lease_seconds may
# already belong to another process.
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""


class RedisTokenStore(_LeasedStore):
    """The token cached in Redis, the lease a `SET NX PX` lock: for several replicas
    that share a Redis (BIANMIN_REDIS_URL)."""

    def __init__(
        self, redis: Any, clock: Clock, *, prefix: str = "bianmin:", **options: Any
    ) -> None:
        super().__init__(clock, **options)
        self._redis = redis
        self._prefix = prefix

    def _key(self, appid: str, kind: str) -> str:
        return f"{self._prefix}wechat:{kind}:{appid}"

    async def _read(self, appid: str) -> StoredToken | None:
        raw = await self._redis.get(self._key(appid, "access_token"))
        if raw is None:
            return None
        data = json.loads(raw)
        return StoredToken(data["token"], dt.datetime.fromisoformat(data["expires_at"]))

    async def _lease(self, appid: str, now: dt.datetime) -> str | None:
        handle = secrets.token_hex(16)
        px = int(self._lease_seconds * 1000)
        won = await self._redis.set(self._key(appid, "access_token_lock"), handle, nx=True, px=px)
        return handle if won else None

    async def _save(self, appid: str, stored: StoredToken, lease: str) -> None:
        value = json.dumps({"token": stored.token, "expires_at": stored.expires_at.isoformat()})
        # Redis expiry is only housekeeping; validity is judged by the injected clock.
        ttl = max(1, int((stored.expires_at - self._clock.now()).total_seconds()))
        await self._redis.set(self._key(appid, "access_token"), value, ex=ttl)
        await self._release(appid, lease)

    async def _release(self, appid: str, lease: str) -> None:
        await self._redis.eval(_RELEASE, 1, self._key(appid, "access_token_lock"), lease)
