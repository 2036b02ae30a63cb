"""Shared fixtures: a fixed clock, a migrated SQLite (or PostgreSQL) database,
the fake WeChat API on a real port, and the app on a real test server."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import make_app
from bot.clock import TZ, FixedClock
from bot.config import PROJECT_ROOT, Settings
from bot.fake_wechat.api import FakeWeChat, make_fake_app
from bot.knowledge_service import KnowledgeService
from bot.runtime import RUNTIME, Runtime
from storage.db import upgrade
from tests import helpers

# Mon 2026-11-23 10:00, a working morning.
START = dt.datetime(2026, 11, 23, 10, 0, tzinfo=TZ)
PG_URL = os.environ.get("BIANMIN_TEST_PG", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeService:
    """The real catalog, loaded once per session (building the matcher takes a moment)."""
    return KnowledgeService(PROJECT_ROOT / "knowledge" / "catalog", cache_dir=PROJECT_ROOT / "data" / "cache")


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bianmin.db'}"
    upgrade(url)
    return url


@pytest.fixture
async def fake_wechat(clock: FixedClock) -> AsyncIterator[tuple[FakeWeChat, TestServer]]:
    fake = FakeWeChat(appid=helpers.APPID, secret=helpers.SECRET, clock=clock)
    server = TestServer(make_fake_app(fake))
    await server.start_server()
    yield fake, server
    await server.close()


@pytest.fixture
def make_settings(db_url: str, fake_wechat: tuple[FakeWeChat, TestServer]) -> Callable[..., Settings]:
    def build(**overrides: Any) -> Settings:
        env = {
            "BIANMIN_DATABASE_URL": db_url,
            "BIANMIN_WECHAT_TOKEN": helpers.TOKEN,
            "BIANMIN_WECHAT_APPID": helpers.APPID,
            "BIANMIN_WECHAT_SECRET": helpers.SECRET,
            "BIANMIN_WECHAT_API_BASE": str(fake_wechat[1].make_url("/")).rstrip("/"),
            "BIANMIN_PUBLIC_URL": "https://bm.example.gov.cn",
        }
        env.update({f"BIANMIN_{k.upper()}": str(v) for k, v in overrides.items()})
        return Settings.from_env(env)

    return build


@pytest.fixture
async def app_client(
    make_settings: Callable[..., Settings], clock: FixedClock, knowledge: KnowledgeService
) -> AsyncIterator[TestClient[Any, Any]]:
    app = make_app(make_settings(), clock=clock, knowledge=knowledge)
    client: TestClient[Any, Any] = TestClient(TestServer(app))
    await client.start_server()
    yield client
    await client.close()


def runtime(client: TestClient[Any, Any]) -> Runtime:
    return client.server.app[RUNTIME]  # type: ignore[union-attr]
