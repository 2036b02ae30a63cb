"""SQLite for the webhook's hot path, run in the event loop's own thread.

aiosqlite runs each statement in a worker thread; the hand-off (queue, wake the
thread, wake the loop) cost more than the statement: half of the server's time
under load went to it (bench/README.md), while an indexed statement takes ~10 µs
in SQLite itself. This module gives SQLAlchemy's aiosqlite dialect a connection
with aiosqlite's interface that runs sqlite3 directly instead.

Running in the loop's thread means SQLite must never block: the connection has no
busy timeout and takes the write lock when its transaction begins (BEGIN
IMMEDIATE). If another connection holds it, beginning is retried after a short
asyncio sleep, so the holder (another task or process) can finish meanwhile;
once begun, no statement of the transaction can meet a lock. Only the hot path
uses it (storage.db.make_hot_engine); long reports stay on aiosqlite's threads.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

_BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
# Statements that run outside a transaction or control it themselves.
_OUTSIDE = ("PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "END", "VACUUM")


class InlineCursor:
    def __init__(self, conn: InlineConnection) -> None:
        self._owner = conn
        self._cursor = conn._conn.cursor()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> InlineCursor:
        await self._owner._begin_for(sql)
        if parameters is None:
            self._cursor.execute(sql)
        else:
            self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> InlineCursor:
        await self._owner._begin_for(sql)
        self._cursor.executemany(sql, seq)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()


class InlineConnection:
    """The subset of aiosqlite.Connection that SQLAlchemy's dialect uses."""

    def __init__(self, conn: sqlite3.Connection, lock_timeout: float) -> None:
        self._conn_: sqlite3.Connection | None = conn
        self._lock_timeout = lock_timeout

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._conn_ is None:
            raise ValueError("no active connection")
        return self._conn_

    @property
    def closed(self) -> bool:
        return self._conn_ is None

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    async def _begin_for(self, sql: str) -> None:
        """Begin the transaction before its first statement (PRAGMAs run outside one)."""
        conn = self._conn
        if conn.in_transaction or sql.lstrip()[:8].upper().startswith(_OUTSIDE):
            return
        deadline = time.monotonic() + self._lock_timeout
        delay = 0.0005
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if exc.sqlite_errorcode not in _BUSY or time.monotonic() > deadline:
                    raise
            await asyncio.sleep(delay)
            delay = min(delay * 2, 0.01)

    async def cursor(self) -> InlineCursor:
        return InlineCursor(self)

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> InlineCursor:
        cursor = InlineCursor(self)
        return await cursor.execute(sql, parameters)

    async def rows(self, sql: str, parameters: Sequence[Any]) -> list[Any]:
        """Run one statement in the transaction and fetch its rows (storage.repositories.prepared)."""
        await self._begin_for(sql)
        return self._conn.execute(sql, parameters).fetchall()

    async def commit(self) -> None:
        if self._conn.in_transaction:
            self._conn.execute("COMMIT")

    async def rollback(self) -> None:
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    async def create_function(self, *args: Any, **kw: Any) -> None:
        self._conn.create_function(*args, **kw)

    async def close(self) -> None:
        if self._conn_ is not None:
            self._conn_.close()
            self._conn_ = None

    def stop(self) -> None:
        if self._conn_ is not None:
            self._conn_.close()
            self._conn_ = None


def connector(path: str, *, lock_timeout: float = 30.0) -> Callable[[], Any]:
    """An `async_creator` for create_async_engine."""

    async def connect() -> InlineConnection:
        conn = sqlite3.connect(
            path,
            isolation_level=None,  # we begin transactions ourselves (above)
            check_same_thread=False,
        )
        conn.execute("PRAGMA busy_timeout=0")  # never block the event loop
        # As storage.db sets on every SQLite connection.
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        return InlineConnection(conn, lock_timeout)

    return connect
