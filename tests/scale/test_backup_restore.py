"""docs/deploy.md's backup and restore, done for real: pg_dump a live database,
restore it into a new one, start the bot on the copy, and it carries on where
the original left off. (issue #6)"""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

import pytest
import xmltodict
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from bot.app import make_app
from bot.clock import FixedClock
from bot.knowledge_service import KnowledgeService
from storage.models import InboundMessage, Ticket
from storage.repositories import Repos
from tests import helpers
from tests.conftest import _pg, runtime

pytestmark = pytest.mark.postgres
OPENID = "oBackupVillager000000000001"


def libpq(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def ask(client: TestClient[Any, Any], clock: FixedClock, text: str) -> str:
    ts = int(clock.now().timestamp())
    resp = await client.post(helpers.query(ts), data=helpers.text_xml(OPENID, text, ts))
    assert resp.status == 200
    body = await resp.text()
    return "" if body == "success" else str(xmltodict.parse(body)["xml"]["Content"])


async def test_dump_restore_and_resume(
    db_url: str, make_settings: Any, clock: FixedClock, knowledge: KnowledgeService, tmp_path: Any
) -> None:
    if not db_url.startswith("postgresql") or not shutil.which("pg_dump"):
        pytest.skip("needs PostgreSQL and pg_dump (run with --db postgresql; make test does)")
    app = make_app(make_settings(), clock=clock, knowledge=knowledge)
    client: TestClient[Any, Any] = TestClient(TestServer(app))
    await client.start_server()
    try:
        assert "最低生活保障" in await ask(client, clock, "低保要带什么")
        async with runtime(client).sessionmaker() as session, session.begin():
            desk_repos = Repos.bind(session)
            from bot.tickets.calendar import load_calendar
            from bot.tickets.desk import TicketDesk

            desk = TicketDesk(
                repos=desk_repos,
                clock=clock,
                settings=runtime(client).settings,
                catalog=knowledge.current,
                calendar=await load_calendar(desk_repos),
            )
            ticket = await desk.register(
                openid=OPENID,
                item=knowledge.current.by_id["dibao"],
                case=None,
                name="李四",
                phone="13912345678",
                village="石门村",
            )
            number = ticket.number
    finally:
        await client.close()

    dump = tmp_path / "bianmin.dump"
    subprocess.run(
        ["pg_dump", "--format=custom", f"--file={dump}", libpq(db_url)], check=True, timeout=120
    )
    restored = db_url.rsplit("/", 1)[0] + "/" + db_url.rsplit("/", 1)[1] + "_restored"
    name = restored.rsplit("/", 1)[1]
    _pg(f'CREATE DATABASE "{name}"')
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={libpq(restored)}", str(dump)],
            check=True,
            timeout=120,
        )
        clock.advance(minutes=5)
        app = make_app(make_settings(database_url=restored), clock=clock, knowledge=knowledge)
        client = TestClient(TestServer(app))
        await client.start_server()
        try:
            async with runtime(client).sessionmaker() as session:
                tickets = list(await session.scalars(select(Ticket)))
                messages = list(await session.scalars(select(InboundMessage)))
            assert [t.number for t in tickets] == [number]
            assert len(messages) == 1
            # The bot resumes: it answers, remembers the villager, and numbers go on.
            assert "医疗保险" in await ask(client, clock, "医保怎么交")
            async with runtime(client).sessionmaker() as session, session.begin():
                nxt = await Repos.bind(session).tickets.next_number(clock.now().date())
            assert nxt.endswith("-0002")
        finally:
            await client.close()
    finally:
        _pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
