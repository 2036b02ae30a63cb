"""Dialect-appropriate INSERT ... ON CONFLICT for SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

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
