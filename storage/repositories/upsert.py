"""Dialect-appropriate INSERT ... ON CONFLICT for SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, TextClause, bindparam, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession


def insert_for(session: AsyncSession, table: Any) -> Any:
    bind = session.bind
    if bind is not None and bind.dialect.name == "postgresql":
        return pg_insert(table)
    return sqlite_insert(table)


def rowcount(result: Any) -> int:
    """Rows an UPDATE/DELETE touched (typed helper: Result hides CursorResult.rowcount)."""
    return int(getattr(result, "rowcount", 0))


def upsert_text(
    table: Table,
    *,
    values: Sequence[str],
    conflict: str,
    update: Mapping[str, str] | None = None,
    returning: Sequence[str] = (),
) -> TextClause:
    """INSERT ... ON CONFLICT as a text statement that SQLAlchemy caches.

    SQLAlchemy never caches its dialect upserts (their `Insert` sets
    `inherit_cache = False`), so each one was compiled afresh, about 0.5 ms: more
    than running it. The webhook runs two or three per message. The syntax is the
    same on SQLite (>= 3.35) and PostgreSQL; binds keep the columns' types (Instant,
    JSON). `update` maps a column to an SQL expression (`excluded.x` is the new row)."""
    sql = (
        f"INSERT INTO {table.name} ({', '.join(values)}) "
        f"VALUES ({', '.join(':' + c for c in values)}) ON CONFLICT ({conflict}) "
    )
    if update:
        sql += "DO UPDATE SET " + ", ".join(f"{c} = {e}" for c, e in update.items())
    else:
        sql += "DO NOTHING"
    if returning:
        sql += " RETURNING " + ", ".join(returning)
    stmt = text(sql).bindparams(*(bindparam(c, type_=table.c[c].type) for c in values))
    if returning:
        return stmt.columns(*(table.c[c] for c in returning))  # type: ignore[return-value]
    return stmt
