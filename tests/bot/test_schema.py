"""The migrations build exactly the tables, columns and indexes storage/models.py declares:
a model changed without a migration (or the reverse) fails here, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from storage.db import make_engine
from storage.models import Base


async def test_migrations_match_the_models(db_url: str) -> None:
    engine = make_engine(db_url)

    def compare(connection: Any) -> list[Any]:
        return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))

    try:
        async with engine.connect() as connection:
            drift = await connection.run_sync(compare)
    finally:
        await engine.dispose()
    assert drift == []
