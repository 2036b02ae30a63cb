"""A villager chatting with the real app: signed XML POSTed to /wechat on a real
server, a migrated SQLite database and a FixedClock; plus direct database access
for setting the scene (staff, finished tickets) and for checking rows."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
import xmltodict
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from bot.app import make_app
from bot.clock import FixedClock
from bot.config import Settings
from bot.knowledge_service import KnowledgeService
from bot.tickets.calendar import load_calendar
from bot.tickets.desk import TicketDesk
from storage.models import ConversationState, Ticket
from storage.repositories import Repos
from tests import helpers
from tests.conftest import runtime

OPENID = "oVillagerHandlers00000000001"
OTHER = "oVillagerHandlers00000000002"


class Chat:
    """One villager's side of the conversation, plus the database behind it."""

    def __init__(
        self, client: TestClient[Any, Any], clock: FixedClock, openid: str = OPENID
    ) -> None:
        self.client = client
        self.clock = clock
        self.openid = openid
        self.rt = runtime(client)

    def as_(self, openid: str) -> Chat:
        return Chat(self.client, self.clock, openid)

    async def _post(self, body: str) -> str:
        ts = int(self.clock.now().timestamp())
        resp = await self.client.post(helpers.query(ts), data=body)
        assert resp.status == 200
        text = await resp.text()
        if text == "success":
            return ""
        return str(xmltodict.parse(text)["xml"]["Content"])

    async def say(self, content: str) -> str:
        """Send a text message; the bot's reply text ('' for `success`)."""
        ts = int(self.clock.now().timestamp())
        return await self._post(helpers.text_xml(self.openid, content, ts))

    async def image(self, media_id: str) -> str:
        ts = int(self.clock.now().timestamp())
        body = helpers.xml(
            self.openid,
            ts,
            "image",
            PicUrl="http://x/p.jpg",
            MediaId=media_id,
            MsgId=helpers.next_msg_id(),
        )
        return await self._post(body)

    @asynccontextmanager
    async def repos(self) -> AsyncIterator[Repos]:
        async with self.rt.sessionmaker() as session, session.begin():
            yield Repos.bind(session)

    @asynccontextmanager
    async def desk(self) -> AsyncIterator[TicketDesk]:
        """The staff side: the same desk the console uses, in its own transaction."""
        async with self.repos() as repos:
            yield TicketDesk(
                repos=repos,
                clock=self.clock,
                settings=self.rt.settings,
                catalog=self.rt.knowledge.current,
                calendar=await load_calendar(repos),
            )

    async def add_staff(self, username: str, role: str, department: str | None = None) -> int:
        async with self.repos() as repos:
            departments = self.rt.knowledge.current.center.departments
            await repos.staff.sync_departments(
                (d.id, d.name, d.window, d.phone) for d in departments
            )
            staff = await repos.staff.add(
                username=username,
                display_name=username,
                role=role,
                department_id=department,
                password_hash="-",
                now=self.clock.now(),
            )
            return staff.id

    async def rows(self, model: Any, *where: Any) -> list[Any]:
        async with self.rt.sessionmaker() as session:
            return list(await session.scalars(select(model).where(*where)))

    async def tickets(self) -> list[Ticket]:
        return await self.rows(Ticket, Ticket.openid == self.openid)

    async def state(self) -> ConversationState | None:
        rows = await self.rows(ConversationState, ConversationState.openid == self.openid)
        return rows[0] if rows else None

    async def register(self, question: str = "低保要带什么", *answers: str) -> Ticket:
        """A full registration; returns the new ticket."""
        before = {t.number for t in await self.tickets()}
        assert "最低生活保障" in await self.say(question) or answers
        for answer in ("办理", *answers):
            await self.say(answer)
        (ticket,) = [t for t in await self.tickets() if t.number not in before]
        return ticket


@pytest.fixture
async def make_chat(
    make_settings: Callable[..., Settings], clock: FixedClock, knowledge: KnowledgeService
) -> AsyncIterator[Callable[..., Any]]:
    """Start the app with some settings overridden (e.g. form_idle_minutes=10)."""
    clients: list[TestClient[Any, Any]] = []

    async def start(**overrides: Any) -> Chat:
        app = make_app(make_settings(**overrides), clock=clock, knowledge=knowledge)
        client: TestClient[Any, Any] = TestClient(TestServer(app))
        await client.start_server()
        clients.append(client)
        return Chat(client, clock)

    yield start
    for client in clients:
        await client.close()


@pytest.fixture
async def chat(make_chat: Callable[..., Any]) -> Chat:
    chat: Chat = await make_chat()
    return chat
