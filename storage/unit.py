"""The webhook's unit of work: one transaction, and an ORM session only if needed.

Most messages (a question, a form step, a greeting) run only `Prepared` statements
(storage/repositories/prepared.py), yet opening, beginning, committing and closing
an AsyncSession cost about a quarter of the CPU such a message takes. A unit
therefore begins on one connection and makes the session on first ORM use, bound to
that same connection, so everything stays one transaction: on a SQLite file the
in-loop connection of its own (storage/sqlite_inline.py), on PostgreSQL a pooled
connection whose statements go through SQLAlchemy Core. In an in-memory database
(tests) a unit is an ordinary session with `begin()`.

The webhook holds the write gate (storage.db.write_gate) around a unit, so the one
SQLite connection is never used by two units at once.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, cast

from sqlalchemy.engine import Dialect
from sqlalchemy.engine.url import make_url
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import StaticPool

from storage.sqlite_inline import InlineConnection, connector


class LazySession:
    """Stands in for the AsyncSession the repositories are given. `Prepared`
    statements run on `driver` directly (SQLite) or on `connection` (elsewhere); any
    other use of the session makes the real one (on the same connection and
    transaction) and goes to it."""

    def __init__(
        self,
        driver: InlineConnection | None,
        dialect: Dialect,
        make: Callable[[], AsyncSession],
        connection: AsyncConnection | None = None,
    ) -> None:
        self.driver = driver
        self.connection = connection
        self.dialect = dialect
        self.real: AsyncSession | None = None
        self._make = make

    def __getattr__(self, name: str) -> Any:
        # Only reached for what this class does not define: the ORM is wanted.
        if self.real is None:
            self.real = self._make()
        return getattr(self.real, name)

    def __repr__(self) -> str:
        return f"<LazySession real={self.real!r}>"

    async def finish(self, commit: bool) -> None:
        """Commit or roll back everything the unit did, ORM and prepared alike."""
        real, self.real = self.real, None
        committed = False
        try:
            if real is not None:
                try:
                    if commit:
                        await real.commit()
                finally:
                    await real.close()  # without a commit: rolls back
            if commit:
                # Statements run before the session existed, or a session that never
                # touched the connection: the connection's transaction ends here.
                await self._end(commit=True)
                committed = True
        finally:
            if not committed:  # all or nothing, also when a commit failed half-way
                await self._end(commit=False)

    async def _end(self, commit: bool) -> None:
        if self.driver is not None:
            await (self.driver.commit() if commit else self.driver.rollback())
        elif self.connection is not None:
            await (self.connection.commit() if commit else self.connection.rollback())


def orm_session(session: AsyncSession) -> AsyncSession | None:
    """The ORM session behind `session` if there is one yet (None: nothing to sync)."""
    if isinstance(session, LazySession):
        return session.real
    return session


@asynccontextmanager
async def _finishing(lazy: LazySession) -> AsyncIterator[AsyncSession]:
    """A lazy unit's end: everything committed, or everything rolled back on any error."""
    try:
        yield cast(AsyncSession, lazy)
    except BaseException:
        await lazy.finish(commit=False)
        raise
    await lazy.finish(commit=True)


class Units:
    """Opens units of work on one database: `async with units() as session`."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self.sessionmaker = sessionmaker
        engine = cast(AsyncEngine, sessionmaker.kw["bind"])
        url = make_url(engine.url)
        database = url.database or ""
        sqlite = url.get_backend_name() == "sqlite"
        self._inline = sqlite and database not in ("", ":memory:")
        self._pooled = not sqlite  # PostgreSQL: a lazy session on a pooled connection
        self._pool_engine = engine
        self._url = url
        self._engine: AsyncEngine | None = None
        self._driver: InlineConnection | None = None
        self._lazy_maker: async_sessionmaker[AsyncSession] | None = None

    @asynccontextmanager
    async def __call__(self) -> AsyncIterator[AsyncSession]:
        if self._pooled:
            async with self._pool_engine.connect() as conn:
                await conn.begin()
                async with _finishing(self._on(conn)) as session:
                    yield session
            return
        if not self._inline:
            async with self.sessionmaker() as session, session.begin():
                yield session
            return
        async with _finishing(LazySession(*await self._connection())) as session:
            yield session

    def _on(self, conn: AsyncConnection) -> LazySession:
        def make() -> AsyncSession:
            # The session joins the unit's transaction: its commit flushes only, the
            # unit commits; its rollback (an error) rolls the whole unit back.
            return self.sessionmaker(bind=conn, join_transaction_mode="rollback_only")

        return LazySession(None, conn.dialect, make, connection=conn)

    async def _connection(
        self,
    ) -> tuple[InlineConnection, Dialect, Callable[[], AsyncSession]]:
        driver = self._driver
        if driver is None or driver.closed:  # first use, or closed after an error
            if self._engine is not None:
                await self._engine.dispose()  # its one connection is gone
            # One connection (StaticPool): the unit's statements and its session's
            # share it, so they are one transaction.
            self._engine = create_async_engine(
                self._url,
                async_creator=connector(self._url.database or ""),
                poolclass=StaticPool,
            )
            self._lazy_maker = async_sessionmaker(
                self._engine,
                expire_on_commit=False,
                info=dict(self.sessionmaker.kw.get("info") or {}),
            )
            async with self._engine.connect() as conn:
                raw = (await conn.get_raw_connection()).driver_connection
            assert isinstance(raw, InlineConnection)
            driver = self._driver = raw
        assert self._engine is not None and self._lazy_maker is not None
        return driver, self._engine.dialect, self._lazy_maker

    async def dispose(self) -> None:
        if self._engine is not None:
            await self._engine.dispose()
            self._engine = self._driver = None
