"""Prepared statements (storage/repositories/prepared.py): on the in-loop SQLite
connection they bypass SQLAlchemy's execution; what they store and read must be
exactly what the ORM stores and reads, errors must look the same, and pending ORM
changes must be flushed first. The same tests run through the ordinary path
(aiosqlite, and PostgreSQL in the `--db postgresql` pass)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.db import make_engine, make_hot_engine, make_sessionmaker
from storage.models import ConversationState, Handoff, InboundMessage, Villager
from storage.repositories import Repos
from storage.repositories.prepared import _driver
from storage.types import TZ

NOW = dt.datetime(2027, 12, 30, 17, 45, 12, 345678, tzinfo=TZ)


@pytest.fixture(params=["hot", "plain"])
async def sessions(
    request: pytest.FixtureRequest, db_url: str
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """`hot`: the webhook's engine (in-loop SQLite on a file; the same engine on
    PostgreSQL); `plain`: the ordinary engine."""
    plain = make_engine(db_url)
    engine = make_hot_engine(db_url, plain) if request.param == "hot" else plain
    yield make_sessionmaker(engine)
    if engine is not plain:
        await engine.dispose()
    await plain.dispose()


async def test_the_fast_path_is_taken_only_on_the_inline_connection(db_url: str) -> None:
    plain = make_engine(db_url)
    hot = make_hot_engine(db_url, plain)
    found = {}
    for name, engine in (("hot", hot), ("plain", plain)):
        async with make_sessionmaker(engine)() as session, session.begin():
            found[name] = type(await _driver(session)).__name__
    expected_hot = "InlineConnection" if db_url.startswith("sqlite") else "NoneType"
    assert found == {"hot": expected_hot, "plain": "NoneType"}
    if hot is not plain:
        await hot.dispose()
    await plain.dispose()


async def test_state_written_by_prepared_statements_reads_back_through_the_orm(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    data = {"item": "dibao", "name": "张三𠀀", "n": 3, "nested": {"ok": True}}
    async with sessions() as session, session.begin():
        repos = Repos.bind(session)
        assert await repos.villagers.arrive("oPrep", NOW, opens_window=True) is None
        await repos.conversation.save("oPrep", "register", "name", data, NOW, dt.timedelta(30))
        snap = await repos.conversation.snapshot("oPrep")
    assert (snap.flow, snap.step, snap.data) == ("register", "name", data)
    assert snap.updated_at == NOW and snap.expires_at == NOW + dt.timedelta(30)
    assert snap.updated_at.tzinfo is not None and not snap.handoff_live
    async with sessions() as session:
        state = await session.scalar(select(ConversationState))
        villager = await session.scalar(select(Villager))
    assert state is not None and villager is not None
    assert state.data == data and state.updated_at == NOW
    assert villager.last_inbound_at == NOW and villager.first_seen_at == NOW


async def test_a_message_claimed_and_finished_reads_back_through_the_orm(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session, session.begin():
        repos = Repos.bind(session)
        await repos.villagers.arrive("oPrep", NOW, opens_window=False)
        message = {"openid": "oPrep", "msg_type": "text", "text": "低保", "wechat_time": NOW}
        claim = await repos.messages.claim(dedup_key="m1", received_at=NOW, **message)
        again = await repos.messages.claim(dedup_key="m1", received_at=NOW, **message)
        await repos.messages.finish(claim.id, reply={"text": "好的"}, intent="guide", now=NOW)
    assert claim.new and not again.new and again.id == claim.id
    async with sessions() as session:
        msg = await session.scalar(select(InboundMessage))
        assert await Repos.bind(session).messages.status("m1") == ("replied", {"text": "好的"})
    assert msg is not None and msg.retries == 1 and msg.handled_at == NOW


async def test_pending_orm_changes_are_flushed_before_a_prepared_statement(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session, session.begin():
        session.add(Villager(openid="oPrep", first_seen_at=NOW, subscribed=True))
        session.add(Handoff(openid="oPrep", status="waiting", opened_at=NOW))
        snap = await Repos.bind(session).conversation.snapshot("oPrep")
    assert snap.handoff_live and snap.flow is None


async def test_a_database_error_is_sqlalchemys_and_rolls_back(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    with pytest.raises(IntegrityError):
        async with sessions() as session, session.begin():
            repos = Repos.bind(session)
            await repos.villagers.arrive("oPrep", NOW, opens_window=True)
            await repos.messages.claim(  # msg_type may not be NULL
                dedup_key="m2", received_at=NOW, openid="oPrep", msg_type=None, wechat_time=NOW
            )
    async with sessions() as session:
        assert await session.scalar(select(Villager)) is None  # the whole unit undone


async def test_one_session_several_transactions(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """The driver found for one transaction is not reused by the next."""
    async with sessions() as session:
        for n in range(3):
            async with session.begin():
                await Repos.bind(session).villagers.arrive(f"o{n}", NOW, opens_window=False)
        names = list(await session.scalars(select(Villager.openid).order_by(Villager.openid)))
    assert names == ["o0", "o1", "o2"]


def test_instants_bind_on_sqlite_to_the_same_text_as_sqlalchemys_own_path() -> None:
    """Instant's one-step SQLite bind (storage/types.py) against the two-step one it
    replaces: the same stored text, so old rows and new rows compare in SQL."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.types import TypeDecorator

    from storage.types import Instant

    dialect = sqlite.dialect()
    impl = Instant().dialect_impl(dialect)
    fast, reference = impl.bind_processor(dialect), TypeDecorator.bind_processor(impl, dialect)
    assert fast is not None and reference is not None
    zones = (TZ, dt.UTC, dt.timezone(dt.timedelta(hours=-9, minutes=-30)))
    values = [
        dt.datetime(y, m, d, h, mi, s, us, tzinfo=z)
        for y, m, d, h, mi, s, us in [
            (2027, 12, 31, 23, 59, 59, 999999),
            (2026, 1, 1, 0, 0, 0, 0),
            (5, 1, 2, 3, 4, 5, 6),
            (2028, 2, 29, 7, 30, 0, 1),
        ]
        for z in zones
    ]
    for value in [*values, None]:
        assert fast(value) == reference(value)
    with pytest.raises(ValueError):
        fast(dt.datetime(2027, 1, 1, tzinfo=TZ).replace(tzinfo=None))  # naive: refused
