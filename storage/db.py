"""Engine and session factory; migrations applied through Alembic."""

from __future__ import annotations

import asyncio
from contextlib import AbstractAsyncContextManager, nullcontext
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import event
from sqlalchemy.engine.url import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str) -> AsyncEngine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            # WAL lets the console read while the webhook writes; busy_timeout
            # makes concurrent writers wait instead of failing.
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    return create_async_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)


def make_hot_engine(url: str, engine: AsyncEngine) -> AsyncEngine:
    """The engine for the webhook and the pushes: on a SQLite file, statements run
    in the event loop's thread (storage/sqlite_inline.py); otherwise `engine` itself."""
    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return engine
    from storage.sqlite_inline import connector

    return create_async_engine(url, async_creator=connector(database))


def make_sessionmaker(
    engine: AsyncEngine, info: dict[str, Any] | None = None
) -> async_sessionmaker[AsyncSession]:
    """`info` reaches every session's `session.info` (e.g. the ticket NumberSource)."""
    return async_sessionmaker(engine, expire_on_commit=False, info=info)


def make_side_engine(engine: AsyncEngine, size: int = 2) -> AsyncEngine:
    """A small pool of its own on the same database, for short transactions taken
    while a unit of work holds a connection of the main pool (no pool deadlock)."""
    url = engine.url.render_as_string(hide_password=False)
    return create_async_engine(url, pool_size=size, max_overflow=size, pool_pre_ping=True)


_GATES: WeakKeyDictionary[Any, asyncio.Lock] = WeakKeyDictionary()


def write_gate(sessionmaker: async_sessionmaker[AsyncSession]) -> AbstractAsyncContextManager[Any]:
    """Hold around a write transaction on the hot paths (webhook, pushes).

    SQLite has one writer at a time, and a writer that finds the database locked
    sleeps in SQLite's busy handler in growing steps (up to 100 ms), so under load
    replies waited behind one another for seconds (p99 2 s at p50 160 ms). Writers
    queue here instead, first come first served, each woken the moment the previous
    one commits. PostgreSQL locks rows, so there is no gate."""
    engine = sessionmaker.kw.get("bind")
    if engine is None or engine.dialect.name != "sqlite":
        return nullcontext()
    gate = _GATES.get(engine.sync_engine)
    if gate is None:
        gate = _GATES[engine.sync_engine] = asyncio.Lock()
    return gate


def is_postgres(engine: AsyncEngine) -> bool:
    return engine.dialect.name == "postgresql"


def upgrade(url: str, revision: str = "head") -> None:
    """Apply migrations (synchronously; Alembic's env.py runs them on the async engine)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url)
    command.upgrade(cfg, revision)
