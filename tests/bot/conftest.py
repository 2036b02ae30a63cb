"""Fixtures for the WeChat client, token stores and fake platform tests. The clock,
the migrated SQLite `db_url` and `fake_wechat` (FakeWeChat, TestServer) come from
tests/conftest.py; these add sessions, an HTTP session, a client factory, Redis and a
throw-away PostgreSQL database (each skipped with a reason when unreachable)."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import FixedClock
from bot.fake_wechat import FakeWeChat
from bot.token_store import DatabaseTokenStore, TokenStore
from bot.wechat_client import WeChatClient
from storage.db import make_engine, make_sessionmaker, upgrade
from tests import helpers

REDIS_URL = "redis://127.0.0.1:6379/0"
PG_ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture
async def sessions(db_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(db_url)
    yield make_sessionmaker(engine)
    await engine.dispose()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


MakeClient = Callable[..., WeChatClient]


@pytest.fixture
def make_client(
    fake_wechat: tuple[FakeWeChat, TestServer],
    http: aiohttp.ClientSession,
    clock: FixedClock,
    sessions: async_sessionmaker[AsyncSession],
) -> MakeClient:
    """WeChatClient against the fake, with a database token store unless given one."""

    def build(*, token_store: TokenStore | None = None, **overrides: Any) -> WeChatClient:
        options: dict[str, Any] = {
            "base_url": str(fake_wechat[1].make_url("/")),
            "appid": helpers.APPID,
            "secret": helpers.SECRET,
            "http": http,
            "clock": clock,
            "token_store": token_store or DatabaseTokenStore(sessions, clock),
            "timeout": 2.0,
        }
        options.update(overrides)
        return WeChatClient(**options)

    return build


@pytest.fixture
async def redis_client() -> AsyncIterator[Any]:
    """A Redis connection with a unique key prefix (as `.prefix`), cleaned up after."""
    import redis.asyncio as aioredis

    client = aioredis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        await client.ping()
    except (OSError, aioredis.RedisError) as exc:
        await client.aclose()
        pytest.skip(f"Redis at 127.0.0.1:6379 is unreachable ({exc}); RedisTokenStore not tested")
    client.prefix = f"bianmin-test-{secrets.token_hex(4)}:"
    yield client
    async for key in client.scan_iter(match=client.prefix + "*"):
        await client.delete(key)
    await client.aclose()


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    """A fresh, migrated PostgreSQL database, dropped afterwards."""
    import asyncpg

    try:
        admin = await asyncpg.connect(PG_ADMIN_DSN, timeout=2)
    except (TimeoutError, OSError, asyncpg.PostgresError) as exc:
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432/test is unreachable ({exc})")
    name = f"bianmin_tokens_{secrets.token_hex(4)}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    try:
        await asyncio.to_thread(upgrade, url)
        yield url
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()
