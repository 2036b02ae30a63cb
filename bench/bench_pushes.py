"""Drain 10,000 due pushes through the pusher against the fake WeChat API over
loopback HTTP, on a SQLite file, and compare with a baseline in the same run: the
same number of bare customer-service calls from one aiohttp client (no database,
no outbox). Prints pushes/s for both and the ratio. (issue #4)"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp  # noqa: E402
from aiohttp.test_utils import TestServer  # noqa: E402

from bot.clock import FixedClock  # noqa: E402
from bot.fake_wechat.api import FakeWeChat, make_fake_app  # noqa: E402
from bot.pusher import Pusher  # noqa: E402
from bot.token_store import DatabaseTokenStore  # noqa: E402
from bot.wechat_client import WeChatClient  # noqa: E402
from storage.db import make_engine, make_sessionmaker, upgrade  # noqa: E402
from storage.repositories import Repos  # noqa: E402

APPID, SECRET = "wxbench0000000001", "bench-secret"


async def run(n: int, villagers: int) -> dict[str, float]:
    clock = FixedClock("2026-11-23T10:00:00+08:00")
    fake = FakeWeChat(appid=APPID, secret=SECRET, clock=clock, custom_quota=10**9)
    server = TestServer(make_fake_app(fake))
    await server.start_server()
    base = str(server.make_url("/")).rstrip("/")
    openids = [f"oBench{i:021d}" for i in range(villagers)]
    for openid in openids:
        fake.record_interaction(openid)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/bench.db"
        upgrade(url)
        engine = make_engine(url)
        sessions = make_sessionmaker(engine)
        async with sessions() as session, session.begin():
            repos = Repos.bind(session)
            for openid in openids:
                await repos.villagers.ensure(openid, clock.now())
                await repos.villagers.touch(openid, clock.now())
            for i in range(n):
                await repos.outbox.enqueue(
                    key=f"bench:{i}",
                    openid=openids[i % villagers],
                    kind="text",
                    body={"text": f"您的工单 BM20261123-{i:04d} 已受理"},
                    now=clock.now(),
                )
        async with aiohttp.ClientSession() as http:
            client = WeChatClient(
                base_url=base,
                appid=APPID,
                secret=SECRET,
                http=http,
                clock=clock,
                token_store=DatabaseTokenStore(sessions, clock),
                timeout=10,
            )
            pusher = Pusher(
                sessionmaker=sessions,
                client=client,
                clock=clock,
                worker="bench",
                window_quota=10**9,
            )
            started = time.perf_counter()
            report = await pusher.drain(batch=100, max_batches=10**6)
            drain_s = time.perf_counter() - started
            assert report.sent == n, report
            assert len(fake.pushes) == n

            token = await client.access_token()
            fake.pushes.clear()
            started = time.perf_counter()
            for i in range(n):
                body = json.dumps(
                    {"touser": openids[i % villagers], "msgtype": "text", "text": {"content": "x"}}
                )
                async with http.post(
                    f"{base}/cgi-bin/message/custom/send", params={"access_token": token}, data=body
                ) as resp:
                    assert (await resp.json())["errcode"] == 0
            bare_s = time.perf_counter() - started
        await engine.dispose()
    await server.close()
    return {
        "pushes": n,
        "drain_s": drain_s,
        "drain_per_s": n / drain_s,
        "bare_per_s": n / bare_s,
        "ratio": bare_s / drain_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pushes", type=int, default=10_000)
    parser.add_argument("--villagers", type=int, default=2_000)
    args = parser.parse_args()
    r = asyncio.run(run(args.pushes, args.villagers))
    print(
        f"push drain: {r['pushes']} pushes in {r['drain_s']:.1f} s = {r['drain_per_s']:.0f}/s; "
        f"bare API calls {r['bare_per_s']:.0f}/s; drain is {r['ratio']:.0%} of the bare rate"
    )


if __name__ == "__main__":
    main()
