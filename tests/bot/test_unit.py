"""The webhook's unit of work (storage/unit.py): one transaction per message, with
an ORM session made only when a repository needs one. What was tried: a unit of
prepared statements only (committed, no session made), prepared statements then
ORM work (one transaction: both kept, or both gone on an error), ORM work then a
prepared statement (the pending object is flushed first), an error before any ORM
use (rolled back), and the unit's connection closed under it (a new one is made).
On PostgreSQL (`--db postgresql`) the unit is the same on a pooled connection (the
session joins its transaction); in memory it is an ordinary session."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.db import make_engine, make_hot_engine, make_sessionmaker
from storage.models import InboundMessage, Villager
from storage.repositories import Repos
from storage.types import TZ
from storage.unit import LazySession, Units, orm_session

NOW = dt.datetime(2027, 12, 30, 17, 45, tzinfo=TZ)


class Boom(Exception):
    pass


@pytest.fixture
async def hot(db_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    plain = make_engine(db_url)
    engine = make_hot_engine(db_url, plain)
    yield make_sessionmaker(engine)
    if engine is not plain:
        await engine.dispose()
    await plain.dispose()


@pytest.fixture
async def units(hot: async_sessionmaker[AsyncSession]) -> AsyncIterator[Units]:
    made = Units(hot)
    yield made
    await made.dispose()


def _lazy(db_url: str) -> bool:
    """A SQLite file or PostgreSQL: a unit makes its ORM session only when needed."""
    return ":memory:" not in db_url


async def _count(sessions: async_sessionmaker[AsyncSession], model: type) -> int:
    async with sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def _claim(repos: Repos, key: str) -> int:
    claim = await repos.messages.claim(
        dedup_key=key,
        received_at=NOW,
        openid="oUnit",
        msg_type="text",
        text="低保",
        payload={},
        wechat_time=NOW,
    )
    return claim.id


async def _orm_work(session: AsyncSession, openid: str) -> None:
    session.add(Villager(openid=openid, first_seen_at=NOW))
    await session.flush()
    assert await session.scalar(select(Villager.openid).where(Villager.openid == openid))


async def test_prepared_statements_alone_commit_without_an_orm_session(
    units: Units, hot: async_sessionmaker[AsyncSession], db_url: str
) -> None:
    async with units() as session:
        repos = Repos.bind(session)
        await repos.villagers.arrive("oUnit", NOW, opens_window=True)
        await repos.conversation.save("oUnit", "register", "name", {"a": 1}, NOW, dt.timedelta(1))
        if _lazy(db_url):
            assert isinstance(session, LazySession) and session.real is None
            assert orm_session(session) is None
    assert await _count(hot, Villager) == 1
    async with units() as session:
        snap = await Repos.bind(session).conversation.snapshot("oUnit")
    assert (snap.flow, snap.step, snap.data) == ("register", "name", {"a": 1})


async def test_orm_work_after_prepared_statements_is_one_transaction(
    units: Units, hot: async_sessionmaker[AsyncSession], db_url: str
) -> None:
    async with units() as session:
        repos = Repos.bind(session)
        await repos.villagers.arrive("oUnit", NOW, opens_window=True)
        await _claim(repos, "m:1")
        await _orm_work(session, "oOrm1")
        if _lazy(db_url):
            assert orm_session(session) is not None
    assert await _count(hot, Villager) == 2 and await _count(hot, InboundMessage) == 1

    with pytest.raises(Boom):
        async with units() as session:
            repos = Repos.bind(session)
            await _claim(repos, "m:2")
            await _orm_work(session, "oOrm2")
            raise Boom
    # Neither the second claim nor the ORM's row: WeChat's retry starts afresh.
    assert await _count(hot, Villager) == 2 and await _count(hot, InboundMessage) == 1


async def test_an_error_before_any_orm_use_rolls_back(
    units: Units, hot: async_sessionmaker[AsyncSession]
) -> None:
    with pytest.raises(Boom):
        async with units() as session:
            await _claim(Repos.bind(session), "m:3")
            raise Boom
    assert await _count(hot, InboundMessage) == 0
    async with units() as session:  # the connection is usable again
        await _claim(Repos.bind(session), "m:3")
    assert await _count(hot, InboundMessage) == 1


async def test_a_prepared_statement_sees_pending_orm_objects(units: Units) -> None:
    async with units() as session:
        repos = Repos.bind(session)
        session.add(
            Villager(openid="oPending", first_seen_at=NOW, name="李四", phone="1", village="东村")
        )
        known = await repos.villagers.applicant("oPending")
    assert known is not None and (known.name, known.village) == ("李四", "东村")


async def test_a_closed_connection_is_replaced(units: Units, db_url: str) -> None:
    if not (_lazy(db_url) and db_url.startswith("sqlite")):
        pytest.skip("only a SQLite file has the unit's own connection")
    async with units() as session:
        await _claim(Repos.bind(session), "m:4")
    assert units._driver is not None
    await units._driver.close()
    async with units() as session:
        await _claim(Repos.bind(session), "m:5")
    async with units() as session:
        assert (await Repos.bind(session).messages.status("m:5"))[0] == "processing"


async def test_a_failed_orm_commit_takes_the_prepared_statements_with_it(
    units: Units, hot: async_sessionmaker[AsyncSession]
) -> None:
    async with units() as session:
        await Repos.bind(session).villagers.arrive("oTwice", NOW, opens_window=False)
    with pytest.raises(IntegrityError):
        async with units() as session:
            await _claim(Repos.bind(session), "m:6")
            session.add(Villager(openid="oTwice", first_seen_at=NOW))  # flushed at commit
    assert await _count(hot, InboundMessage) == 0 and await _count(hot, Villager) == 1


async def test_remembered_details_reach_a_villager_the_session_already_holds(
    units: Units, hot: async_sessionmaker[AsyncSession]
) -> None:
    """remember_applicant is a prepared UPDATE: a Villager loaded earlier in the unit
    must see the new details (as after the ORM's own UPDATE) without a reload, and
    nothing else of it changes."""
    async with units() as session:
        repos = Repos.bind(session)
        await repos.villagers.arrive("oKnown", NOW, opens_window=True)
        loaded = await repos.villagers.get("oKnown")
        assert loaded is not None and loaded.name is None
        await repos.villagers.remember_applicant(
            "oKnown", name="王五", phone="13800000000", village="西村"
        )
        assert (loaded.name, loaded.phone, loaded.village) == ("王五", "13800000000", "西村")
        assert loaded not in session.dirty  # not written a second time at commit
        first = await repos.tickets.next_number(NOW.date())
        second = await repos.tickets.next_number(NOW.date())
    assert (first, second) == ("BM20271230-0001", "BM20271230-0002")
    async with hot() as session:
        stored = await session.scalar(select(Villager).where(Villager.openid == "oKnown"))
        assert stored is not None and (stored.name, stored.village) == ("王五", "西村")
        assert stored.last_inbound_at is not None
