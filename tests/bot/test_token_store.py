"""bot/token_store.py: one refresher across processes, refresh before expiry, and the
stale-token rule after 40001. Each "process" is its own store (and, for the database,
its own engine) on the same SQLite file, PostgreSQL database or Redis; tokens come
from the fake WeChat over HTTP, so the fake's request log counts the fetches."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import FixedClock
from bot.fake_wechat import FakeWeChat
from bot.token_store import DatabaseTokenStore, RedisTokenStore, TokenStore, TokenUnavailable
from storage.db import make_engine, make_sessionmaker
from storage.repositories.tokens import TokenRepository
from tests import helpers

Fake = tuple[FakeWeChat, TestServer]
APPID = helpers.APPID


def fetcher(
    http: aiohttp.ClientSession, server: TestServer, *, force: bool = False
) -> Callable[[], Awaitable[tuple[str, int]]]:
    async def fetch() -> tuple[str, int]:
        body = {
            "grant_type": "client_credential",
            "appid": APPID,
            "secret": helpers.SECRET,
            "force_refresh": force,
        }
        async with http.post(server.make_url("/cgi-bin/stable_token"), json=body) as resp:
            data = await resp.json()
        return data["access_token"], data["expires_in"]

    return fetch


def fetches(fake: FakeWeChat) -> int:
    return sum(1 for r in fake.requests if r.api == "stable_token")


class Processes:
    """Makes token stores that share one back end, as separate replicas would."""

    def __init__(self, kind: str, clock: FixedClock, url: str | None, redis: Any) -> None:
        self.kind, self.clock, self.url, self.redis = kind, clock, url, redis
        self.engines: list[AsyncEngine] = []

    def store(self, **options: Any) -> TokenStore:
        if self.kind == "redis":
            return RedisTokenStore(self.redis, self.clock, prefix=self.redis.prefix, **options)
        assert self.url is not None
        engine = make_engine(self.url)
        self.engines.append(engine)
        return DatabaseTokenStore(make_sessionmaker(engine), self.clock, **options)

    async def close(self) -> None:
        for engine in self.engines:
            await engine.dispose()


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgres", marks=pytest.mark.postgres),
        pytest.param("redis", marks=pytest.mark.redis),
    ]
)
def backend(request: pytest.FixtureRequest) -> tuple[str, Any]:
    """The shared back end: a SQLite file, a PostgreSQL database or Redis (the last two
    skipped with a reason when unreachable)."""
    fixture = {"sqlite": "db_url", "postgres": "pg_url", "redis": "redis_client"}[request.param]
    return request.param, request.getfixturevalue(fixture)


@pytest.fixture
async def processes(backend: tuple[str, Any], clock: FixedClock) -> Any:
    kind, value = backend
    procs = Processes(
        kind, clock, None if kind == "redis" else value, value if kind == "redis" else None
    )
    yield procs
    await procs.close()


async def test_first_call_fetches_once_and_others_reuse(
    processes: Processes, fake_wechat: Fake, http: aiohttp.ClientSession
) -> None:
    fake, server = fake_wechat
    a, b = processes.store(), processes.store()
    token = await a.get_token(APPID, fetcher(http, server))
    assert await a.get_token(APPID, fetcher(http, server)) == token
    assert await b.get_token(APPID, fetcher(http, server)) == token  # read from the shared store
    assert fetches(fake) == 1


async def test_concurrent_refreshers_fetch_exactly_once(
    processes: Processes, fake_wechat: Fake, http: aiohttp.ClientSession
) -> None:
    fake, server = fake_wechat
    fake.delay("stable_token", 0.3)  # the winner is slow, so the others must wait for it
    stores = [processes.store(poll_interval=0.02) for _ in range(3)]
    # force=True in the fetch: every fetch would issue a new token and kill the last.
    fetch = fetcher(http, server, force=True)
    tokens = await asyncio.gather(*(s.get_token(APPID, fetch) for s in stores for _ in range(3)))
    assert len(set(tokens)) == 1
    assert fetches(fake) == 1 and fake.issued == 1


async def test_refreshes_about_five_minutes_before_expiry(
    processes: Processes, fake_wechat: Fake, http: aiohttp.ClientSession, clock: FixedClock
) -> None:
    fake, server = fake_wechat
    store = processes.store()
    first = await store.get_token(APPID, fetcher(http, server))
    clock.advance(seconds=7200 - 241)  # 241 s left: not yet
    assert await store.get_token(APPID, fetcher(http, server)) == first
    assert fetches(fake) == 1
    clock.advance(seconds=2)  # 239 s left: refresh; WeChat issues a new one in its last 5 minutes
    second = await store.get_token(APPID, fetcher(http, server))
    assert second != first and fetches(fake) == 2
    assert fake.check_token(first) == 0  # the old one still works during the handover


async def test_stale_token_refreshes_only_if_still_stored(
    processes: Processes, fake_wechat: Fake, http: aiohttp.ClientSession
) -> None:
    fake, server = fake_wechat
    a, b = processes.store(), processes.store()
    old = await a.get_token(APPID, fetcher(http, server))
    assert await b.get_token(APPID, fetcher(http, server)) == old
    # Process A got 40001 with `old`: it refreshes (forcing, as WeChat still hands out `old`).
    new = await a.get_token(APPID, fetcher(http, server, force=True), force=True, stale_token=old)
    assert new != old and fetches(fake) == 2
    # Process B got 40001 with `old` too, a moment later: it must not fetch again,
    # which would invalidate A's fresh token.
    assert (
        await b.get_token(APPID, fetcher(http, server, force=True), force=True, stale_token=old)
        == new
    )
    assert fetches(fake) == 2 and fake.check_token(new) == 0
    # force without stale_token treats the stored token as stale.
    newest = await b.get_token(APPID, fetcher(http, server, force=True), force=True)
    assert newest not in (old, new) and fetches(fake) == 3


async def test_failed_fetch_releases_the_lease(
    processes: Processes, fake_wechat: Fake, http: aiohttp.ClientSession
) -> None:
    fake, server = fake_wechat
    store = processes.store()

    async def broken() -> tuple[str, int]:
        raise ConnectionError("WeChat unreachable")

    with pytest.raises(ConnectionError):
        await store.get_token(APPID, broken)
    other = processes.store(max_wait=0.2)  # would time out if the lease were still held
    assert await other.get_token(APPID, fetcher(http, server))


async def test_unexpired_token_is_served_while_another_process_refreshes(
    processes: Processes, fake_wechat: Fake, http: aiohttp.ClientSession, clock: FixedClock
) -> None:
    fake, server = fake_wechat
    a, b = processes.store(), processes.store(poll_interval=0.01)
    first = await a.get_token(APPID, fetcher(http, server))
    fake.delay("stable_token", 0.3)
    clock.advance(seconds=7200 - 120)  # inside the margin, not expired
    refreshing = asyncio.create_task(a.get_token(APPID, fetcher(http, server)))
    await asyncio.sleep(0.1)
    assert await b.get_token(APPID, fetcher(http, server)) == first  # no waiting, no fetch
    assert await refreshing != first
    assert fetches(fake) == 2


async def test_database_lease_held_elsewhere_times_out_then_expires(
    db_url: str, fake_wechat: Fake, http: aiohttp.ClientSession, clock: FixedClock
) -> None:
    fake, server = fake_wechat
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    try:
        async with sessions() as session, session.begin():  # a process that died mid-refresh
            assert await TokenRepository(session).try_lease(APPID, clock.now(), 30)
        store = DatabaseTokenStore(
            sessions, clock, poll_interval=0.01, max_wait=0.1, lease_seconds=30
        )
        with pytest.raises(TokenUnavailable):
            await store.get_token(APPID, fetcher(http, server))
        assert fetches(fake) == 0
        clock.advance(seconds=31)  # the dead process's lease runs out
        assert await store.get_token(APPID, fetcher(http, server))
        assert fetches(fake) == 1
    finally:
        await engine.dispose()


async def test_repository_lease_is_exclusive_until_saved(sessions: Any, clock: FixedClock) -> None:
    now = clock.now()
    async with sessions() as session, session.begin():
        repo = TokenRepository(session)
        assert await repo.get(APPID) is None
        assert await repo.try_lease(APPID, now, 30) is True
        assert await repo.try_lease(APPID, now, 30) is False
        await repo.save(APPID, "T1", now.replace(hour=12), now)
        row = await repo.get(APPID)
        assert row is not None and row.token == "T1" and row.refreshing_until is None
        assert row.expires_at == now.replace(hour=12)
        assert await repo.try_lease(APPID, now, 30) is True
