"""Shared fixtures: a fixed clock, a migrated SQLite (or PostgreSQL) database,
the fake WeChat API on a real port, and the app on a real test server."""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import datetime as dt
import os
import secrets
from collections.abc import AsyncIterator, Callable, Iterator
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
PG_ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeService:
    """The real catalog, loaded once per session (building the matcher takes a moment)."""
    return KnowledgeService(
        PROJECT_ROOT / "knowledge" / "catalog", cache_dir=PROJECT_ROOT / "data" / "cache"
    )


# The example towns 白沙镇 (baisha) and 和平乡 (heping) beside 青石镇 (main).
TOWNS_DIR = PROJECT_ROOT / "knowledge" / "towns_example"


@pytest.fixture(scope="session")
def county_knowledge() -> KnowledgeService:
    """The real catalog with the example towns, loaded once per session."""
    return KnowledgeService(
        PROJECT_ROOT / "knowledge" / "catalog",
        cache_dir=PROJECT_ROOT / "data" / "cache",
        towns_dir=TOWNS_DIR,
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db",
        choices=("sqlite", "postgresql"),
        default=os.environ.get("BIANMIN_TEST_DB", "sqlite"),
        help="database the suite runs on (make test runs both)",
    )


def _pg(*statements: str) -> None:
    """Run admin statements on the local PostgreSQL (in a thread: no event loop here)."""
    import asyncpg

    async def run() -> None:
        conn = await asyncpg.connect(PG_ADMIN_DSN, timeout=3)
        try:
            for statement in statements:
                await conn.execute(statement)
        finally:
            await conn.close()

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, run()).result()


@pytest.fixture(scope="session")
def pg_template(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """On --db postgresql: one migrated database that every test copies (fast)."""
    if request.config.getoption("--db") != "postgresql":
        yield None
        return
    name = f"bianmin_tmpl_{os.getpid()}"
    try:
        _pg(f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
    except Exception as exc:  # no server, refused, auth: the run cannot use PostgreSQL
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 is unreachable ({exc!r}); run on SQLite instead")
    upgrade(f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}")
    yield name
    _pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def db_url(tmp_path: Path, pg_template: str | None) -> Iterator[str]:
    """A migrated database: a SQLite file, or (--db postgresql) a copy of the template."""
    if pg_template is None:
        url = f"sqlite+aiosqlite:///{tmp_path / 'bianmin.db'}"
        upgrade(url)
        yield url
        return
    name = f"bianmin_t_{secrets.token_hex(5)}"
    _pg(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    yield f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    _pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
async def fake_wechat(clock: FixedClock) -> AsyncIterator[tuple[FakeWeChat, TestServer]]:
    fake = FakeWeChat(appid=helpers.APPID, secret=helpers.SECRET, clock=clock)
    server = TestServer(make_fake_app(fake))
    await server.start_server()
    yield fake, server
    await server.close()


@pytest.fixture
def make_settings(
    db_url: str, fake_wechat: tuple[FakeWeChat, TestServer]
) -> Callable[..., Settings]:
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
        settings = Settings.from_env(env)
        if "reply_budget" not in overrides:
            # Tests not about the 5-second rule must not flake on a busy machine:
            # a generous budget (beyond what validation allows in production).
            settings = dataclasses.replace(settings, reply_budget=60.0)
        return settings

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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The PostgreSQL pass runs only the tests that touch a database; the rest
    already ran in the SQLite pass."""
    if config.getoption("--db") != "postgresql":
        return
    keep = [
        item
        for item in items
        if "db_url" in getattr(item, "fixturenames", ())
        and item.get_closest_marker("browser") is None  # the UI is the same on both
    ]
    config.hook.pytest_deselected(items=[item for item in items if item not in keep])
    items[:] = keep
