"""Two `bianmin serve` processes on one PostgreSQL database behave as one bot:
retries landing on different replicas are handled once, every replica ticks
without sending a push twice, and a replica killed with SIGKILL mid-drain loses
nothing and doubles nothing. (issue #6)"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import xmltodict
from aiohttp.test_utils import TestServer
from sqlalchemy import func, select

from bot.clock import SystemClock
from bot.fake_wechat.api import FakeWeChat, make_fake_app
from bot.fake_wechat.platform import FakePlatform
from storage.db import make_engine, make_sessionmaker
from storage.models import InboundMessage, OutboxMessage
from storage.repositories import Repos
from tests import helpers

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgres


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def pg_db(db_url: str) -> str:
    if not db_url.startswith("postgresql"):
        pytest.skip("replica tests need PostgreSQL (run with --db postgresql; make test does)")
    return db_url


@pytest.fixture
async def fake() -> AsyncIterator[tuple[FakeWeChat, TestServer]]:
    # Real time here: the replicas are separate processes with system clocks.
    fake = FakeWeChat(
        appid=helpers.APPID, secret=helpers.SECRET, clock=SystemClock(), custom_quota=10**6
    )
    server = TestServer(make_fake_app(fake), host="127.0.0.1")
    await server.start_server()
    yield fake, server
    await server.close()


class Replica:
    def __init__(self, db_url: str, api_base: str, **extra: str) -> None:
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("BIANMIN_")}
        env.update(
            BIANMIN_DATABASE_URL=db_url,
            BIANMIN_WECHAT_TOKEN=helpers.TOKEN,
            BIANMIN_WECHAT_APPID=helpers.APPID,
            BIANMIN_WECHAT_SECRET=helpers.SECRET,
            BIANMIN_WECHAT_API_BASE=api_base,
            BIANMIN_PORT=str(self.port),
            BIANMIN_SCHEDULER_INTERVAL="1",
            BIANMIN_PUSH_LEASE_SECONDS="3",
            BIANMIN_LOG_LEVEL="WARNING",
            **extra,
        )
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.url = f"http://127.0.0.1:{self.port}"

    async def ready(self, http: aiohttp.ClientSession, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"replica exited: {self.proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            try:
                async with http.get(self.url + "/healthz") as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
        raise TimeoutError("replica did not start")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if self.proc.stderr is not None:
            self.proc.stderr.close()


@pytest.fixture
def replicas(pg_db: str, fake: tuple[FakeWeChat, TestServer]) -> Iterator[list[Replica]]:
    api = str(fake[1].make_url("/")).rstrip("/")
    started = [Replica(pg_db, api), Replica(pg_db, api)]
    yield started
    for r in started:
        r.stop()


async def count(db_url: str, model: Any, *where: Any) -> int:
    engine = make_engine(db_url)
    try:
        async with make_sessionmaker(engine)() as session:
            return int(
                await session.scalar(select(func.count()).select_from(model).where(*where)) or 0
            )
    finally:
        await engine.dispose()


async def test_a_message_and_its_retries_on_two_replicas_are_handled_once(
    replicas: list[Replica], pg_db: str, fake: tuple[FakeWeChat, TestServer]
) -> None:
    async with aiohttp.ClientSession() as http:
        for r in replicas:
            await r.ready(http)
        platform = FakePlatform(
            callback_url=replicas[0].url + "/wechat",
            token=helpers.TOKEN,
            appid=helpers.APPID,
            http=http,
            clock=SystemClock(),
            fake=fake[0],
        )
        request = platform.build("oReplicaVillager0000000001", "text", Content="低保要带什么")

        async def deliver(replica: Replica) -> str:
            async with http.post(
                replica.url + "/wechat", params=request.params, data=request.body
            ) as resp:
                assert resp.status == 200
                return str(xmltodict.parse(await resp.text())["xml"]["Content"])

        answers = await asyncio.gather(*(deliver(r) for r in (replicas * 2)))
    assert len(set(answers)) == 1 and "最低生活保障" in answers[0]
    assert await count(pg_db, InboundMessage) == 1


async def test_ticks_on_every_replica_send_each_push_once_even_when_one_is_killed(
    replicas: list[Replica], pg_db: str, fake: tuple[FakeWeChat, TestServer]
) -> None:
    fake_api, _ = fake
    total = 300
    openids = [f"oReplicaPush{i:015d}" for i in range(100)]  # 3 each: within the quota
    engine = make_engine(pg_db)
    sessions = make_sessionmaker(engine)
    now = SystemClock().now()
    async with sessions() as session, session.begin():
        repos = Repos.bind(session)
        for openid in openids:
            fake_api.record_interaction(openid)
            await repos.villagers.ensure(openid, now)
            await repos.villagers.touch(openid, now)
    await engine.dispose()
    fake_api.delay("custom_send", 0.02, times=10**6)  # a drain that takes a while
    async with aiohttp.ClientSession() as http:
        for r in replicas:
            await r.ready(http)
        engine = make_engine(pg_db)
        async with make_sessionmaker(engine)() as session, session.begin():
            outbox = Repos.bind(session).outbox
            for i in range(total):
                await outbox.enqueue(
                    key=f"rp:{i}",
                    openid=openids[i % len(openids)],
                    kind="text",
                    body={"text": f"push {i}"},
                    now=now,
                )
        await engine.dispose()
        # Let both replicas drain for a moment, then kill one mid-drain.
        for _ in range(100):
            if len(fake_api.pushes) >= total // 4:
                break
            await asyncio.sleep(0.1)
        replicas[0].stop(signal.SIGKILL)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            settled = await count(
                pg_db, OutboxMessage, OutboxMessage.status.in_(("sent", "in_doubt", "failed"))
            )
            if settled == total:
                break
            await asyncio.sleep(0.5)
    contents = [p.body["text"]["content"] for p in fake_api.pushes]
    assert len(contents) == len(set(contents)), "a push was sent twice"
    sent = await count(pg_db, OutboxMessage, OutboxMessage.status == "sent")
    in_doubt = await count(pg_db, OutboxMessage, OutboxMessage.status == "in_doubt")
    failed = await count(pg_db, OutboxMessage, OutboxMessage.status == "failed")
    if failed:
        engine = make_engine(pg_db)
        async with make_sessionmaker(engine)() as session:
            errors = list(
                await session.scalars(
                    select(OutboxMessage.last_error)
                    .where(OutboxMessage.status == "failed")
                    .limit(3)
                )
            )
        await engine.dispose()
        pytest.fail(f"{failed} pushes failed: {errors}")
    assert sent + in_doubt == total, "a push was lost"
    # Only the calls in flight at the kill are in doubt (at most the pusher's concurrency).
    assert in_doubt <= 8
    assert sent <= len(contents) <= sent + in_doubt


async def test_console_live_updates_reach_staff_on_the_other_replica(
    replicas: list[Replica], pg_db: str, fake: tuple[FakeWeChat, TestServer]
) -> None:
    from bot.passwords import hash_password

    engine = make_engine(pg_db)
    async with make_sessionmaker(engine)() as session, session.begin():
        repos = Repos.bind(session)
        await repos.staff.add(
            username="live_admin",
            display_name="live",
            role="admin",
            department_id=None,
            password_hash=hash_password("live-password-1"),
            now=SystemClock().now(),
        )
    await engine.dispose()
    # unsafe=True: keep cookies set by a bare IP address (127.0.0.1).
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        for r in replicas:
            await r.ready(http)
        # Staff are connected to replica B; the villager's message lands on replica A.
        async with http.post(
            replicas[1].url + "/api/v1/login",
            json={"username": "live_admin", "password": "live-password-1"},
        ) as resp:
            assert resp.status == 200
        platform = FakePlatform(
            callback_url=replicas[0].url + "/wechat",
            token=helpers.TOKEN,
            appid=helpers.APPID,
            http=http,
            clock=SystemClock(),
            fake=fake[0],
        )
        async with http.get(
            replicas[1].url + "/api/v1/events", timeout=aiohttp.ClientTimeout(total=30)
        ) as stream:
            assert stream.status == 200
            seen: list[str] = []

            async def read_events() -> None:
                async for raw in stream.content:
                    line = raw.decode().strip()
                    if line.startswith("event:"):
                        seen.append(line.split(":", 1)[1].strip())
                        if seen[-1] == "inbound":
                            return

            reader = asyncio.create_task(read_events())
            await asyncio.sleep(1.5)  # the stream has taken its first marks
            result = await platform.text("oLiveVillager0000000000001", "人工")
            assert result.ok
            await asyncio.wait_for(reader, timeout=15)
    assert "inbound" in seen
