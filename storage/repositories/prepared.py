"""The webhook's fixed statements, run on the session's own SQLite connection.

Measured on the hot path (bench/README.md): a statement through the AsyncSession
costs 0.07-0.4 ms of CPU (greenlet hop, cache key, parameter and result
processing), SQLite itself 0.003-0.03 ms, and every message runs five of them. A
`Prepared` statement is compiled once per dialect; on the in-loop SQLite connection
(storage/sqlite_inline.py) it runs there directly with SQLAlchemy's own type
processors, so values are stored exactly as the ORM stores them. Anywhere else
(PostgreSQL, aiosqlite) it is an ordinary `session.execute`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy.engine import Dialect, Result
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.sql.expression import Executable

from storage.sqlite_inline import InlineConnection
from storage.unit import LazySession

_DRIVER = "prepared.driver"
Processor = Callable[[Any], Any] | None


class _Compiled:
    def __init__(self, clause: Executable, dialect: Dialect) -> None:
        compiled: Any = cast(ClauseElement, clause).compile(dialect=dialect)
        self.sql: str = compiled.string
        binds = compiled.binds
        # (name, processor, fixed value): names the caller gives, or values built in.
        self.params: list[tuple[str, Processor, Any]] = [
            (
                n,
                binds[n].type.dialect_impl(dialect).bind_processor(dialect),
                binds[n].effective_value,
            )
            for n in compiled.positiontup or []
        ]
        # SELECT, or text().columns(...) for RETURNING; none: no rows come back.
        columns = getattr(clause, "selected_columns", None) or []
        self.results: list[Processor] = [
            c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns
        ]

    def values(self, params: Mapping[str, Any]) -> list[Any]:
        out = []
        for name, process, fixed in self.params:
            value = params[name] if name in params else fixed
            out.append(process(value) if process else value)
        return out


class Prepared:
    def __init__(self, clause: Executable) -> None:
        self.clause = clause
        # SELECT, or text().columns(...) for RETURNING; else no rows come back.
        self.returns_rows = bool(getattr(clause, "selected_columns", None))
        self._by_dialect: dict[str, _Compiled] = {}

    def _for(self, dialect: Dialect) -> _Compiled:
        found = self._by_dialect.get(dialect.name)
        if found is None:
            found = self._by_dialect[dialect.name] = _Compiled(self.clause, dialect)
        return found

    async def rows(self, session: AsyncSession, params: Mapping[str, Any]) -> list[Sequence[Any]]:
        """The statement's rows as tuples (empty for a statement that returns none)."""
        lazy = session if isinstance(session, LazySession) else None
        if lazy is not None and lazy.real is None:  # a unit with no ORM session (yet)
            if lazy.driver is not None:
                return await self._run(lazy.driver, self._for(lazy.dialect), params)
            assert lazy.connection is not None
            return self._tuples(await lazy.connection.execute(self.clause, dict(params)))
        if lazy is not None:
            session = lazy.real
        driver = await _driver(session)
        if driver is None:
            return self._tuples(await session.execute(self.clause, dict(params)))
        if session.new or session.dirty or session.deleted:
            await session.flush()  # what the session's autoflush would have done
        return await self._run(driver, self._for(session.get_bind().dialect), params)

    def _tuples(self, result: Result[Any]) -> list[Sequence[Any]]:
        return [tuple(r) for r in result] if self.returns_rows else []

    @staticmethod
    async def _run(
        driver: InlineConnection, c: _Compiled, params: Mapping[str, Any]
    ) -> list[Sequence[Any]]:
        values = c.values(params)
        try:
            raw = await driver.rows(c.sql, values)
        except sqlite3.Error as exc:  # as SQLAlchemy would raise it (IntegrityError, ...)
            raise DBAPIError.instance(c.sql, values, exc, sqlite3.Error) from exc
        if not c.results:
            return raw
        return [tuple(p(v) if p else v for p, v in zip(c.results, row, strict=True)) for row in raw]


async def _driver(session: AsyncSession) -> InlineConnection | None:
    """The session's in-loop SQLite connection in this transaction, or None."""
    tx = session.sync_session.get_transaction()
    cached = session.info.get(_DRIVER)
    if cached is not None and cached[0] is tx:
        found: InlineConnection | None = cached[1]
        return found
    driver = None
    if session.get_bind().dialect.name == "sqlite":
        conn = await session.connection()
        raw = (await conn.get_raw_connection()).driver_connection
        driver = raw if isinstance(raw, InlineConnection) else None
    session.info[_DRIVER] = (session.sync_session.get_transaction(), driver)
    return driver
