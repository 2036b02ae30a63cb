"""Console fixtures: the real app (tests/conftest.py's app_client) with the
catalog's departments and one account per role, logged-in sessions that carry
their own cookie and CSRF token, and villagers who write through /wechat.
`county` is the same on a three-town deployment (knowledge/towns_example) with
town-bound accounts besides the county ones."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer
from argon2 import PasswordHasher

from bot.app import make_app
from bot.clock import FixedClock
from bot.config import Settings
from bot.demo import sync_departments
from bot.fake_wechat.api import FakeWeChat
from bot.knowledge_service import KnowledgeService
from bot.runtime import Runtime
from bot.tickets.desk import TicketDesk
from storage.repositories import Repos
from tests import helpers
from tests.conftest import TOWNS_DIR, runtime

PASSWORD = "correct-horse-42"
# username -> (role, department)
ACCOUNTS = {
    "admin": ("admin", None),
    "leader": ("leader", None),
    "mz_head": ("head", "minzheng"),
    "mz_clerk": ("clerk", "minzheng"),
    "mz_clerk2": ("clerk", "minzheng"),
    "sb_head": ("head", "shebao"),
    "sb_clerk": ("clerk", "shebao"),
    "zz_clerk": ("clerk", "zongzhi"),
}
# username -> (role, department, town): staff bound to one town of the county
TOWN_ACCOUNTS = {
    "bs_admin": ("admin", None, "baisha"),
    "bs_leader": ("leader", None, "baisha"),
    "bs_mz_head": ("head", "minzheng", "baisha"),
    "bs_mz_clerk": ("clerk", "minzheng", "baisha"),
    "bs_sb_clerk": ("clerk", "shebao", "baisha"),
    "hp_mz_head": ("head", "minzheng", "heping"),
    "hp_mz_clerk": ("clerk", "minzheng", "heping"),
}


@pytest.fixture(scope="session")
def password_hash() -> str:
    # Cheap argon2 parameters: verification reads them from the hash, so logins in
    # tests take milliseconds instead of the production half second.
    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSWORD)


@dataclass
class Login:
    """One staff member's browser: their session cookie and CSRF token."""

    client: TestClient[Any, Any]
    cookie: str
    csrf: str
    me: dict[str, Any]

    def headers(self, *, csrf: bool = True) -> dict[str, str]:
        headers = {"Cookie": f"bm_session={self.cookie}"}
        if csrf:
            headers["X-CSRF-Token"] = self.csrf
        return headers

    async def request(
        self, method: str, path: str, *, csrf: bool = True, **kw: Any
    ) -> ClientResponse:
        headers = {**self.headers(csrf=csrf), **kw.pop("headers", {})}
        return await self.client.request(method, path, headers=headers, **kw)

    async def call(self, method: str, path: str, status: int = 200, **kw: Any) -> Any:
        resp = await self.request(method, path, **kw)
        text = await resp.text()
        assert resp.status == status, f"{method} {path}: {resp.status} {text}"
        return await resp.json() if resp.content_type == "application/json" else text

    async def get(self, path: str, status: int = 200, **kw: Any) -> Any:
        return await self.call("GET", path, status, **kw)

    async def post(self, path: str, body: Any = None, status: int = 200, **kw: Any) -> Any:
        return await self.call("POST", path, status, json=body, **kw)


@dataclass
class Console:
    client: TestClient[Any, Any]
    fake: FakeWeChat
    clock: FixedClock
    ids: dict[str, int] = field(default_factory=dict)

    @property
    def rt(self) -> Runtime:
        return runtime(self.client)

    async def attempt(
        self, username: str, password: str = PASSWORD, otp: str | None = None
    ) -> ClientResponse:
        body = {"username": username, "password": password} | ({"otp": otp} if otp else {})
        resp = await self.client.post("/api/v1/login", json=body)
        self.client.session.cookie_jar.clear()  # each Login sends its own cookie explicitly
        return resp

    async def login(self, username: str, password: str = PASSWORD, otp: str | None = None) -> Login:
        resp = await self.attempt(username, password, otp)
        data = await resp.json()
        assert resp.status == 200, data
        return Login(
            self.client, resp.cookies["bm_session"].value, data["csrf_token"], data["staff"]
        )

    async def villager_says(self, openid: str, text: str) -> None:
        """A villager writes through the real webhook (and WeChat opens their 48-hour window)."""
        self.fake.record_interaction(openid)
        created = int(self.clock.now().timestamp())
        resp = await self.client.post(
            helpers.query(created), data=helpers.text_xml(openid, text, created)
        )
        assert resp.status == 200

    async def register(
        self,
        openid: str,
        item_id: str = "dibao",
        *,
        phone: str = "13812345678",
        name: str = "张三",
        town: str = "main",
    ) -> str:
        """A ticket as the registration flow makes it: the desk, in one unit of work."""
        return await helpers.register_ticket(
            self.rt, openid, item_id, town=town, name=name, phone=phone
        )

    async def complaint(self, openid: str, text: str) -> str:
        async with self.rt.sessionmaker() as session, session.begin():
            ticket = await (await self.desk(Repos.bind(session))).register_complaint(
                openid=openid, text=text, category="投诉"
            )
            return ticket.number

    async def desk(self, repos: Repos, town: str = "main") -> TicketDesk:
        return await helpers.ticket_desk(self.rt, repos, town)

    async def drain(self) -> None:
        assert self.rt.pusher is not None
        await self.rt.pusher.drain()


async def seed(
    console: Console,
    password_hash: str,
    town_accounts: dict[str, tuple[str, str | None, str]] | None = None,
) -> Console:
    """The catalog's departments, one account per entry of ACCOUNTS (county staff)
    and those of town_accounts (bound to their town)."""
    rt = console.rt
    await sync_departments(rt.sessionmaker, rt.knowledge.current)
    accounts = {u: (r, d, None) for u, (r, d) in ACCOUNTS.items()} | (town_accounts or {})
    rows = [(u, u, role, dept, town) for u, (role, dept, town) in accounts.items()]
    console.ids |= await helpers.add_staff(
        rt.sessionmaker, console.clock.now(), password_hash, rows
    )
    return console


@pytest.fixture
async def console(
    app_client: TestClient[Any, Any],
    fake_wechat: tuple[FakeWeChat, TestServer],
    clock: FixedClock,
    password_hash: str,
) -> AsyncIterator[Console]:
    yield await seed(Console(app_client, fake_wechat[0], clock), password_hash)


@pytest.fixture
async def county(
    make_settings: Callable[..., Settings],
    fake_wechat: tuple[FakeWeChat, TestServer],
    clock: FixedClock,
    county_knowledge: KnowledgeService,
    password_hash: str,
) -> AsyncIterator[Console]:
    """A county deployment: three towns, the county accounts of ACCOUNTS and TOWN_ACCOUNTS."""
    app = make_app(make_settings(towns_dir=str(TOWNS_DIR)), clock=clock, knowledge=county_knowledge)
    client: TestClient[Any, Any] = TestClient(TestServer(app))
    await client.start_server()
    yield await seed(Console(client, fake_wechat[0], clock), password_hash, TOWN_ACCOUNTS)
    await client.close()
