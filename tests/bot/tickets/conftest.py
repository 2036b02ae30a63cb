"""A ticket desk on a real migrated database, with staff, for desk and sweep tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import FixedClock
from bot.config import Settings
from bot.knowledge_service import KnowledgeService
from bot.passwords import hash_password
from bot.tickets.calendar import load_calendar
from bot.tickets.desk import TicketDesk
from bot.tickets.sweep import SweepReport, sweep
from storage.db import make_engine, make_sessionmaker
from storage.repositories import Repos
from tests import helpers

VILLAGER = "oDeskVillager00000000000001"
PASSWORD_HASH = hash_password("x" * 12)  # hashed once: argon2 is slow on purpose


@dataclass
class World:
    sessions: async_sessionmaker[AsyncSession]
    clock: FixedClock
    settings: Settings
    knowledge: KnowledgeService
    staff: dict[str, int]

    @asynccontextmanager
    async def desk(self) -> AsyncIterator[TicketDesk]:
        async with self.sessions() as session, session.begin():
            repos = Repos.bind(session)
            yield TicketDesk(
                repos=repos,
                clock=self.clock,
                settings=self.settings,
                catalog=self.knowledge.current,
                calendar=await load_calendar(repos),
            )

    async def sweep(self) -> SweepReport:
        async with self.sessions() as session, session.begin():
            return await sweep(
                Repos.bind(session),
                clock=self.clock,
                settings=self.settings,
                catalog_for=self.knowledge.catalog_for,
            )

    async def register(self, item_id: str = "dibao") -> str:
        async with self.desk() as desk:
            await desk.repos.villagers.ensure(VILLAGER, self.clock.now())
            item = desk.catalog.by_id[item_id]
            ticket = await desk.register(
                openid=VILLAGER,
                item=item,
                case=None,
                name="张三明",
                phone="13812345678",
                village="石门村",
            )
            return ticket.number

    async def run(self, fn: Callable[[TicketDesk], Awaitable[Any]]) -> Any:
        async with self.desk() as desk:
            return await fn(desk)


@pytest.fixture
async def world(
    db_url: str, clock: FixedClock, knowledge: KnowledgeService
) -> AsyncIterator[World]:
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    settings = Settings.from_env(
        {"BIANMIN_DATABASE_URL": db_url, "BIANMIN_WECHAT_TOKEN": helpers.TOKEN}
    )
    staff: dict[str, int] = {}
    async with sessions() as session, session.begin():
        repos = Repos.bind(session)
        await repos.staff.sync_departments(
            (d.id, d.name, d.window, d.phone) for d in knowledge.current.center.departments
        )
        for username, role, dep in (
            ("clerk_a", "clerk", "minzheng"),
            ("clerk_b", "clerk", "minzheng"),
            ("head", "head", "minzheng"),
            ("leader", "leader", None),
            ("zz_head", "head", "zongzhi"),
        ):
            member = await repos.staff.add(
                username=username,
                display_name=username,
                role=role,
                department_id=dep,
                password_hash=PASSWORD_HASH,
                now=clock.now(),
            )
            staff[username] = member.id
    yield World(sessions, clock, settings, knowledge, staff)
    await engine.dispose()
