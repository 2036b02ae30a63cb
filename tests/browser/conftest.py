"""Browser tests of the staff console: the real app on a loopback port (migrated
SQLite, FixedClock, fake WeChat API on its own port), staff made with the
repositories, and Debian's Chromium driven by Playwright in the same event loop.

Every page records browser console errors (a CSP violation is one) and dialogs;
a test fails if any appeared. Skipped with a reason when Chromium or Playwright
is missing."""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import xmltodict
from aiohttp.test_utils import TestServer

from bot.app import make_app
from bot.clock import FixedClock
from bot.config import PROJECT_ROOT, Settings
from bot.console.pages import register_pages
from bot.demo import sync_departments
from bot.fake_wechat.api import FakeWeChat
from bot.passwords import hash_password
from bot.runtime import RUNTIME, Runtime
from storage.repositories import Repos
from tests import helpers
from tests.conftest import TOWNS_DIR

CHROMIUM = os.environ.get("BIANMIN_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "console-test-pass-1"
# Screenshots go to docs/screenshots/ when asked (BIANMIN_SCREENSHOTS=1), else to a
# temporary folder, so a plain test run leaves the work tree clean.
SCREENSHOTS = (
    PROJECT_ROOT / "docs" / "screenshots"
    if os.environ.get("BIANMIN_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "bianmin-screenshots"
)
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}

# (username, display name, role, department)
STAFF = (
    ("mz_clerk", "王晓梅", "clerk", "minzheng"),
    ("mz_head", "李建国", "head", "minzheng"),
    ("sb_clerk", "赵磊", "clerk", "shebao"),
    ("leader", "陈书记", "leader", None),
    ("admin", "系统管理员", "admin", None),
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = None
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} is missing (apt-get install -y chromium; `make test` installs it)"
    else:
        try:
            import playwright  # noqa: F401
        except ImportError:
            reason = "playwright is not installed in the venv (pip install playwright; never `playwright install`)"
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@dataclass
class Console:
    """The running app, its clock and helpers to act as a villager or set the scene."""

    url: str
    clock: FixedClock
    rt: Runtime
    fake: FakeWeChat
    http: aiohttp.ClientSession
    staff: dict[str, int] = field(default_factory=dict)

    async def say(self, openid: str, text: str) -> str:
        """A villager's text message through /wechat (signed XML); the bot's reply text."""
        self.fake.record_interaction(openid, self.clock.now())  # WeChat opens the 48 h window
        ts = int(self.clock.now().timestamp())
        async with self.http.post(
            self.url + helpers.query(ts), data=helpers.text_xml(openid, text, ts)
        ) as resp:
            assert resp.status == 200
            body = await resp.text()
        return "" if body == "success" else str(xmltodict.parse(body)["xml"]["Content"])

    async def drain(self) -> None:
        assert self.rt.pusher is not None
        await self.rt.pusher.drain()

    async def register_dibao(
        self, openid: str, name: str = "张建明", phone: str = "13812345678", village: str = "青石村"
    ) -> str:
        """The chat registration flow; returns the new ticket's number."""
        await self.say(openid, "低保要带什么")
        await self.say(openid, "办理")
        await self.say(openid, name)
        await self.say(openid, phone)
        reply = await self.say(openid, village)
        if "1. " in reply:  # the item has several cases: take the first
            reply = await self.say(openid, "1")
        reply = await self.say(openid, "确认")
        async with self.rt.sessionmaker() as session:
            from sqlalchemy import select

            from storage.models import Ticket

            number = await session.scalar(
                select(Ticket.number)
                .where(Ticket.openid == openid)
                .order_by(Ticket.id.desc())
                .limit(1)
            )
        assert number, reply
        return str(number)

    def pushes_to(self, openid: str) -> list[str]:
        """The texts the fake WeChat API accepted for this villager (customer-service and template)."""
        out = []
        for push in self.fake.pushes_for(openid):
            body = push.body
            if push.kind == "text":
                out.append(str(body["text"]["content"]))
            else:
                out.append(str(body))
        return out


@pytest.fixture
def county() -> bool:
    """Whether the app under test is a county: the example towns 白沙镇 (baisha) and
    和平乡 (heping) beside 青石镇 (main). A test module overrides this to say yes."""
    return False


@pytest.fixture
async def console(
    make_settings: Callable[..., Settings],
    clock: FixedClock,
    request: pytest.FixtureRequest,
    county: bool,
    fake_wechat: tuple[FakeWeChat, TestServer],
) -> AsyncIterator[Console]:
    if county:
        settings = make_settings(public_url="", towns_dir=str(TOWNS_DIR))
        knowledge = request.getfixturevalue("county_knowledge")
    else:
        settings, knowledge = make_settings(public_url=""), request.getfixturevalue("knowledge")
    app = make_app(settings, clock=clock, knowledge=knowledge)
    register_pages(app)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    rt = app[RUNTIME]
    await sync_departments(rt.sessionmaker, rt.knowledge.current)
    ids: dict[str, int] = {}
    hashed = hash_password(PASSWORD)
    async with rt.sessionmaker() as session, session.begin():
        repos = Repos.bind(session)
        for username, name, role, dep in STAFF:
            member = await repos.staff.add(
                username=username,
                display_name=name,
                role=role,
                department_id=dep,
                password_hash=hashed,
                now=clock.now(),
            )
            ids[username] = member.id
    async with aiohttp.ClientSession() as http:
        yield Console(str(server.make_url("")).rstrip("/"), clock, rt, fake_wechat[0], http, ids)
    await server.close()


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        chromium = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        await chromium.close()


@dataclass
class Watch:
    """Browser console errors and JS dialogs seen on a page."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
async def open_page(browser: Any, console: Console) -> AsyncIterator[Callable[..., Any]]:
    """open_page(viewport=DESKTOP) -> (page, watch); fails the test on console errors or dialogs."""
    watches: list[Watch] = []
    contexts: list[Any] = []

    async def make(viewport: dict[str, int] = DESKTOP, **options: Any) -> tuple[Any, Watch]:
        context = await browser.new_context(
            viewport=viewport, locale="zh-CN", timezone_id="Asia/Shanghai", **options
        )
        contexts.append(context)
        page = await context.new_page()
        page.set_default_timeout(10_000)
        watch = Watch()
        watches.append(watch)

        def on_console(msg: Any) -> None:
            # HTTP refusals (401 before login, 403 out of scope, 404 of an optional API) are the
            # page's business and shown in it; script errors and CSP violations are not.
            if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
                watch.errors.append(msg.text)

        async def on_dialog(dialog: Any) -> None:
            watch.dialogs.append(dialog.message)
            await dialog.dismiss()

        page.on("console", on_console)
        page.on("pageerror", lambda exc: watch.errors.append(f"pageerror: {exc}"))
        page.on("dialog", on_dialog)
        return page, watch

    yield make
    for context in contexts:
        await context.close()
    for watch in watches:
        assert not watch.dialogs, f"unexpected JS dialogs: {watch.dialogs}"
        assert not watch.errors, f"browser console errors: {watch.errors}"


async def login(page: Any, console: Console, username: str, password: str = PASSWORD) -> None:
    await page.goto(console.url + "/console/")
    await page.get_by_label("用户名").fill(username)
    await page.get_by_label("密码", exact=True).fill(password)
    await page.get_by_role("button", name="登录").click()
    await page.locator(".site-header").get_by_role("button", name="退出").wait_for()


async def shoot(page: Any, name: str, *, full_page: bool = False) -> None:
    """Save a screenshot (docs/screenshots/ with BIANMIN_SCREENSHOTS=1)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.evaluate(
        "document.querySelectorAll('.toast').forEach((t) => t.remove())"
    )  # transient
    await page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


async def seed_tickets(console: Console, count: int = 8) -> list[str]:
    """Tickets across departments and items, some claimed and completed over the
    following days (the clock moves on by one day per completed ticket), so the
    dashboard has something to draw. Returns the numbers."""
    from bot.tickets.calendar import load_calendar
    from bot.tickets.desk import TicketDesk

    rt = console.rt
    catalog = rt.knowledge.current
    by_department: dict[str, list[Any]] = {}
    for item in catalog.items:
        by_department.setdefault(item.department, []).append(item)
    items = [i for group in by_department.values() for i in group[:2]][:count]
    numbers: list[str] = []
    async with rt.sessionmaker() as session, session.begin():
        repos = Repos.bind(session)
        desk = TicketDesk(
            repos=repos,
            clock=console.clock,
            settings=rt.settings,
            catalog=catalog,
            calendar=await load_calendar(repos),
        )
        clerk = await repos.staff.get(console.staff["mz_clerk"])
        for n, item in enumerate(items):
            ticket = await desk.register(
                openid=f"oSeed{n:023d}",
                item=item,
                case=None,
                name=f"村民{n + 1}",
                phone=f"1380000{n:04d}",
                village="青石村",
            )
            numbers.append(ticket.number)
            if n % 3 != 2 and clerk is not None:
                await desk.claim(ticket, clerk)
                if n % 2 == 0:
                    await desk.change_status(ticket, "done", staff=clerk, note="已办结")
                    if n == 0:
                        ticket.rating = 2  # a 差评 for the satisfaction rate
                    elif n % 4 == 0:
                        ticket.rating = 5
    return numbers
