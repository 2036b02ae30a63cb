"""Ticket numbers under concurrency, on SQLite and (--db postgresql) PostgreSQL.
On PostgreSQL the runtime takes them from their own short transactions, so the
day's counter row is not locked for the length of a registration."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from bot.app import build_runtime
from bot.config import Settings
from storage.db import is_postgres
from storage.models import TicketCounter
from storage.repositories import Repos
from storage.repositories.tickets import NUMBERS, NumberSource

DAY = dt.date(2026, 12, 28)


async def test_concurrent_registrations_get_distinct_consecutive_numbers(
    make_settings: Callable[..., Settings],
) -> None:
    rt = build_runtime(make_settings())

    async def take() -> str:
        async with rt.sessionmaker() as session, session.begin():
            number = await Repos.bind(session).tickets.next_number(DAY)
            await asyncio.sleep(0.01)  # the rest of a registration
            return number

    try:
        numbers = await asyncio.gather(*(take() for _ in range(20)))
        assert sorted(numbers) == [f"BM20261228-{n:04d}" for n in range(1, 21)]
        async with rt.sessionmaker() as session:
            source = session.info.get(NUMBERS)
            assert isinstance(source, NumberSource) == is_postgres(rt.engine)
    finally:
        await rt.dispose()


async def test_a_failed_registration_never_reuses_a_number(
    make_settings: Callable[..., Settings],
) -> None:
    rt = build_runtime(make_settings())
    try:
        try:
            async with rt.sessionmaker() as session, session.begin():
                await Repos.bind(session).tickets.next_number(DAY)
                raise RuntimeError("the registration failed")
        except RuntimeError:
            pass
        async with rt.sessionmaker() as session, session.begin():
            number = await Repos.bind(session).tickets.next_number(DAY)
        async with rt.sessionmaker() as session:
            last: Any = await session.scalar(select(TicketCounter.last))
        # PostgreSQL: the failed one's number is gone (a gap, never a repeat);
        # SQLite: it rolled back with the registration.
        expected = 2 if is_postgres(rt.engine) else 1
        assert number == f"BM20261228-{expected:04d}" and last == expected
    finally:
        await rt.dispose()
