"""The hot path's SQLite connection (storage/sqlite_inline.py) runs in the event
loop's thread, so it must never block it: tried here with the write lock held by
another connection (another process or aiosqlite thread), a lock held too long,
a rollback, and the same repositories as on aiosqlite."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import create_async_engine

from storage.db import make_hot_engine, make_sessionmaker, upgrade, write_gate
from storage.models import Villager
from storage.repositories import Repos
from storage.sqlite_inline import connector

NOW = dt.datetime(2026, 12, 28, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "inline.db")
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


async def test_waits_for_another_writer_without_blocking_the_loop(db: str) -> None:
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process is writing
    engine = create_async_engine(f"sqlite+aiosqlite:///{db}", async_creator=connector(db))
    sessionmaker = make_sessionmaker(engine)
    ticks = 0

    async def heartbeat() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.005)

    async def write() -> str | None:
        async with sessionmaker() as session, session.begin():
            return await Repos.bind(session).villagers.arrive("oInline", NOW, opens_window=True)

    beat = asyncio.create_task(heartbeat())
    writer = asyncio.create_task(write())
    await asyncio.sleep(0.2)
    assert not writer.done()  # waiting for the lock...
    assert ticks >= 10  # ...while the loop kept running
    other.execute("COMMIT")
    assert await asyncio.wait_for(writer, 2) is None
    beat.cancel()
    async with sessionmaker() as session:
        assert await session.scalar(select(Villager.openid)) == "oInline"
    other.close()
    await engine.dispose()


async def test_a_lock_held_too_long_is_a_clear_error_and_writes_nothing(db: str) -> None:
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    engine = create_async_engine(
        f"sqlite+aiosqlite:///{db}", async_creator=connector(db, lock_timeout=0.1)
    )
    sessionmaker = make_sessionmaker(engine)
    with pytest.raises(OperationalError, match="locked"):
        async with sessionmaker() as session, session.begin():
            await Repos.bind(session).villagers.arrive("oLate", NOW, opens_window=True)
    other.execute("ROLLBACK")
    async with sessionmaker() as session:
        assert await session.scalar(select(Villager.openid)) is None
    other.close()
    await engine.dispose()


async def test_rollback_undoes_and_other_connections_see_commits(db: str) -> None:
    url = f"sqlite+aiosqlite:///{db}"
    plain = create_async_engine(url)
    hot = make_hot_engine(url, plain)
    assert hot is not plain  # a SQLite file: the inline driver
    hot_sessions, plain_sessions = make_sessionmaker(hot), make_sessionmaker(plain)
    with pytest.raises(RuntimeError):
        async with hot_sessions() as session, session.begin():
            await Repos.bind(session).villagers.arrive("oGone", NOW, opens_window=True)
            raise RuntimeError("handler failed")
    async with write_gate(hot_sessions), hot_sessions() as session, session.begin():
        await Repos.bind(session).villagers.arrive("oKept", NOW, opens_window=False)
    async with plain_sessions() as session:
        names = list(await session.scalars(select(Villager.openid)))
        mode = await session.scalar(text("PRAGMA journal_mode"))
    assert names == ["oKept"] and mode == "wal"
    await hot.dispose()
    await plain.dispose()


async def test_postgres_and_memory_keep_the_one_engine() -> None:
    memory = create_async_engine("sqlite+aiosqlite:///:memory:")
    assert make_hot_engine("sqlite+aiosqlite:///:memory:", memory) is memory
    await memory.dispose()


async def test_pragmas_and_explicit_transactions_pass_through(db: str) -> None:
    connect = connector(db)
    conn = await connect()
    cursor = await conn.execute("PRAGMA journal_mode")
    assert (await cursor.fetchone())[0] == "wal"
    await conn.execute("BEGIN")  # a caller's own BEGIN is not doubled
    await conn.execute("INSERT INTO ticket_counters (day, last) VALUES ('20261228', 1)")
    await conn.rollback()
    cursor = await conn.execute("SELECT count(*) FROM ticket_counters")
    assert (await cursor.fetchone())[0] == 0
    await conn.close()
