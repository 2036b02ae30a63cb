"""Delivery of pushes: the 48-hour window and its quota, template fallback, each
WeChat error code, back-off and giving up, and a crash between claim and send. (issue #4)"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.clock import FixedClock
from bot.fake_wechat.api import FakeWeChat
from bot.fake_wechat.state import DEMO_TEMPLATE_ID
from storage.models import OutboxMessage
from storage.repositories import Repos
from tests.conftest import runtime

OPENID = "oPushVillager00000000000001"
TEMPLATE = {"data": {"keyword1": "BM20261123-0001", "keyword3": "已办结"}, "url": ""}


async def enqueue(
    client: TestClient[Any, Any], clock: FixedClock, key: str, *, template: bool = True
) -> None:
    body: dict[str, Any] = {"text": f"notice {key}"}
    if template:
        body["template"] = TEMPLATE
    async with runtime(client).sessionmaker() as session, session.begin():
        repos = Repos.bind(session)
        await repos.villagers.ensure(OPENID, clock.now())
        await repos.outbox.enqueue(key=key, openid=OPENID, kind="text", body=body, now=clock.now())


async def villager_wrote(client: TestClient[Any, Any], fake: FakeWeChat, clock: FixedClock) -> None:
    """The villager sent a message now: WeChat and our database both open the 48 h window."""
    fake.record_interaction(OPENID)
    async with runtime(client).sessionmaker() as session, session.begin():
        repos = Repos.bind(session)
        await repos.villagers.ensure(OPENID, clock.now())
        await repos.villagers.touch(OPENID, clock.now())


async def rows(client: TestClient[Any, Any]) -> list[OutboxMessage]:
    async with runtime(client).sessionmaker() as session:
        return await Repos.bind(session).outbox.for_openid(OPENID)


@pytest.fixture
def fake(fake_wechat: tuple[FakeWeChat, TestServer]) -> FakeWeChat:
    return fake_wechat[0]


@pytest.fixture
async def templated(app_client: TestClient[Any, Any]) -> TestClient[Any, Any]:
    object.__setattr__(runtime(app_client).pusher, "template_id", DEMO_TEMPLATE_ID)
    return app_client


async def test_inside_the_window_a_customer_service_message_goes_out(
    templated: TestClient[Any, Any], fake: FakeWeChat, clock: FixedClock
) -> None:
    await villager_wrote(templated, fake, clock)
    await enqueue(templated, clock, "a")
    report = await runtime(templated).pusher.drain()  # type: ignore[union-attr]
    assert report.sent == 1
    (push,) = fake.pushes_for(OPENID)
    assert push.kind == "text" and push.body["text"]["content"] == "notice a"


async def test_after_48_hours_the_template_is_used(
    templated: TestClient[Any, Any], fake: FakeWeChat, clock: FixedClock
) -> None:
    await villager_wrote(templated, fake, clock)
    clock.advance(hours=49)
    await enqueue(templated, clock, "late")
    await runtime(templated).pusher.drain()  # type: ignore[union-attr]
    (push,) = fake.pushes_for(OPENID)
    assert push.kind == "template" and push.body["template_id"] == DEMO_TEMPLATE_ID
    (row,) = await rows(templated)
    assert row.status == "sent" and row.wechat_msgid == str(push.msgid)


async def test_quota_used_up_falls_back_to_template(
    templated: TestClient[Any, Any], fake: FakeWeChat, clock: FixedClock
) -> None:
    await villager_wrote(templated, fake, clock)
    for i in range(7):
        await enqueue(templated, clock, f"q{i}")
    await runtime(templated).pusher.drain()  # type: ignore[union-attr]
    kinds = [p.kind for p in fake.pushes_for(OPENID)]
    assert (
        kinds == ["text"] * 5 + ["template"] * 2
    )  # 5 per window (cs_window_quota), then templates


async def test_45015_from_wechat_falls_back_to_template(
    templated: TestClient[Any, Any], fake: FakeWeChat, clock: FixedClock
) -> None:
    # Our records say the window is open, WeChat says it is not (e.g. the villager unfollowed and came back).
    await villager_wrote(templated, fake, clock)
    fake.fail("custom_send", 45015)
    await enqueue(templated, clock, "w")
    await runtime(templated).pusher.drain()  # type: ignore[union-attr]
    assert [p.kind for p in fake.pushes_for(OPENID)] == ["template"]


async def test_no_template_and_no_window_is_undeliverable(
    app_client: TestClient[Any, Any], fake: FakeWeChat, clock: FixedClock
) -> None:
    await enqueue(app_client, clock, "nowhere")
    report = await runtime(app_client).pusher.drain()  # type: ignore[union-attr]
    assert report.failed == 1
    (row,) = await rows(app_client)
    assert row.status == "failed" and "window" in (row.last_error or "")


@pytest.mark.parametrize(
    ("errcode", "status", "delay_at_least"),
    [
        (43004, "failed", None),  # unfollowed: nobody to send to
        (43101, "failed", None),  # refused subscription messages
        (45009, "pending", dt.timedelta(minutes=10)),  # token quota: back off long
        (40164, "pending", dt.timedelta(seconds=30)),  # IP whitelist: retry once fixed
        (-1, "pending", dt.timedelta(seconds=30)),  # system busy
    ],
)
async def test_each_error_code(
    templated: TestClient[Any, Any],
    fake: FakeWeChat,
    clock: FixedClock,
    errcode: int,
    status: str,
    delay_at_least: dt.timedelta | None,
) -> None:
    await villager_wrote(templated, fake, clock)
    fake.fail("custom_send", errcode)
    await enqueue(templated, clock, f"e{errcode}", template=False)
    await runtime(templated).pusher.drain()  # type: ignore[union-attr]
    (row,) = await rows(templated)
    assert row.status == status
    assert str(errcode) in (row.last_error or "") or row.last_error
    if delay_at_least is not None:
        assert row.next_attempt_at - clock.now() >= delay_at_least
        clock.advance(hours=1)
        await runtime(templated).pusher.drain()  # type: ignore[union-attr]
        (row,) = await rows(templated)
        assert row.status == "sent" and len(fake.pushes_for(OPENID)) == 1


async def test_token_expired_is_refreshed_and_retried_once(
    templated: TestClient[Any, Any], fake: FakeWeChat, clock: FixedClock
) -> None:
    await villager_wrote(templated, fake, clock)
    fake.fail("custom_send", 42001)
    await enqueue(templated, clock, "tok", template=False)
    report = await runtime(templated).pusher.drain()  # type: ignore[union-attr]
    assert report.sent == 1 and len(fake.pushes_for(OPENID)) == 1


async def test_network_errors_back_off_then_give_up(
    templated: TestClient[Any, Any], fake: FakeWeChat, clock: FixedClock
) -> None:
    await villager_wrote(templated, fake, clock)
    fake.fail_http("custom_send", 502, times=10)
    await enqueue(templated, clock, "net", template=False)
    waits = []
    for _ in range(5):
        await runtime(templated).pusher.drain()  # type: ignore[union-attr]
        (row,) = await rows(templated)
        if row.status == "failed":
            break
        waits.append(row.next_attempt_at - clock.now())
        clock.advance(hours=1)
    assert row.status == "failed" and row.attempts == 5  # BIANMIN_PUSH_MAX_ATTEMPTS
    assert waits == sorted(waits) and waits[0] < waits[-1]  # growing back-off
    assert fake.pushes_for(OPENID) == []


async def test_two_drains_at_once_send_each_push_once(
    templated: TestClient[Any, Any], fake: FakeWeChat, clock: FixedClock
) -> None:
    await villager_wrote(templated, fake, clock)
    for i in range(5):
        await enqueue(templated, clock, f"c{i}")
    pusher = runtime(templated).pusher
    assert pusher is not None
    await asyncio.gather(pusher.drain(batch=2), pusher.drain(batch=2), pusher.drain(batch=2))
    assert sorted(p.body["text"]["content"] for p in fake.pushes_for(OPENID)) == [
        f"notice c{i}" for i in range(5)
    ]


CLAIM_AND_DIE = textwrap.dedent(
    """
    import asyncio, datetime as dt, os, signal, sys
    from bot.clock import FixedClock
    from storage.db import make_engine, make_sessionmaker
    from storage.repositories import Repos

    async def main():
        engine = make_engine(sys.argv[1])
        now = FixedClock(sys.argv[2]).now()
        async with make_sessionmaker(engine)() as session, session.begin():
            outbox = Repos.bind(session).outbox
            rows = await outbox.claim_due(now=now, worker="doomed", limit=10, lease=dt.timedelta(minutes=2))
            if sys.argv[3] == "mid-call":  # the first row's HTTP call had started
                await outbox.mark_sending(rows[0].id, rows[0].claimed_by, now)
        print(len(rows), flush=True)
        os.kill(os.getpid(), signal.SIGKILL)

    asyncio.run(main())
    """
)


async def test_a_crash_between_claim_and_send_neither_loses_nor_repeats(
    templated: TestClient[Any, Any], fake: FakeWeChat, clock: FixedClock, db_url: str
) -> None:
    await villager_wrote(templated, fake, clock)
    for i in range(3):
        await enqueue(templated, clock, f"k{i}")
    proc = subprocess.run(
        [sys.executable, "-c", CLAIM_AND_DIE, db_url, clock.now().isoformat(), "after-claim"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=os.getcwd(),
    )
    assert proc.returncode == -signal.SIGKILL and proc.stdout.strip() == "3"
    pusher = runtime(templated).pusher
    assert pusher is not None
    assert (await pusher.drain()).sent == 0  # still leased to the dead worker
    clock.advance(minutes=3)  # the lease runs out
    assert (await pusher.drain()).sent == 3
    assert (await pusher.drain()).sent == 0
    assert sorted(p.body["text"]["content"] for p in fake.pushes_for(OPENID)) == [
        "notice k0",
        "notice k1",
        "notice k2",
    ]


async def test_a_crash_during_the_call_is_flagged_not_resent(
    templated: TestClient[Any, Any], fake: FakeWeChat, clock: FixedClock, db_url: str
) -> None:
    # WeChat cannot be asked whether a customer-service message arrived, so a push
    # whose sender died mid-call is shown to staff (in_doubt), never sent twice.
    await villager_wrote(templated, fake, clock)
    for i in range(3):
        await enqueue(templated, clock, f"d{i}")
    proc = subprocess.run(
        [sys.executable, "-c", CLAIM_AND_DIE, db_url, clock.now().isoformat(), "mid-call"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=os.getcwd(),
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    clock.advance(minutes=3)
    pusher = runtime(templated).pusher
    assert pusher is not None
    assert (await pusher.drain()).sent == 2
    statuses = sorted(r.status for r in await rows(templated))
    assert statuses == ["in_doubt", "sent", "sent"]
    assert len(fake.pushes_for(OPENID)) == 2
