"""Alembic environment: runs migrations on the async engine given in the config."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import text
from sqlalchemy.engine import Connection

from storage.db import make_engine
from storage.models import Base

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


# Replicas started together all run `upgrade`; on PostgreSQL an advisory lock
# makes them take turns (the second finds nothing left to do).
_LOCK_ID = 7_242_651_001


async def _main() -> None:
    engine = make_engine(context.config.get_main_option("sqlalchemy.url") or "")
    async with engine.connect() as conn:
        postgres = conn.dialect.name == "postgresql"
        if postgres:
            await conn.execute(text("SELECT pg_advisory_lock(:id)"), {"id": _LOCK_ID})
            await conn.commit()
        try:
            await conn.run_sync(_run)
            await conn.commit()
        finally:
            if postgres:
                await conn.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": _LOCK_ID})
                await conn.commit()
    await engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `bianmin db upgrade`")

try:
    asyncio.get_running_loop()
except RuntimeError:
    asyncio.run(_main())
else:  # pragma: no cover - called from inside a running loop: run in a worker thread
    import threading

    errors: list[BaseException] = []

    def _thread() -> None:
        try:
            asyncio.run(_main())
        except BaseException as exc:
            errors.append(exc)

    t = threading.Thread(target=_thread)
    t.start()
    t.join()
    if errors:
        raise errors[0]
