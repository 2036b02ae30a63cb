"""The console on PostgreSQL: migration 0003 applied by the pg_url fixture, then
login, a ticket change, a report and the audit log through the real app.
Skipped with a reason when PostgreSQL at 127.0.0.1:5432 is unreachable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import make_app
from bot.clock import FixedClock
from bot.config import Settings
from bot.fake_wechat.api import FakeWeChat
from bot.knowledge_service import KnowledgeService
from tests.bot.console.conftest import Console, seed

VILLAGER = "oPgVillager00000000000000001"


@pytest.mark.postgres
async def test_console_on_postgresql(
    pg_url: str,
    make_settings: Callable[..., Settings],
    clock: FixedClock,
    knowledge: KnowledgeService,
    fake_wechat: tuple[FakeWeChat, TestServer],
    password_hash: str,
) -> None:
    app = make_app(make_settings(database_url=pg_url), clock=clock, knowledge=knowledge)
    client: TestClient[Any, Any] = TestClient(TestServer(app))
    await client.start_server()
    try:
        console = await seed(Console(client, fake_wechat[0], clock), password_hash)
        for _ in range(5):
            assert (await console.attempt("sb_clerk", "guess")).status == 401
        assert (
            await console.attempt("sb_clerk")
        ).status == 429  # the atomic counter works on PostgreSQL too
        await console.villager_says(VILLAGER, "<script>办低保</script>")
        number = await console.register(VILLAGER, "dibao")
        clerk = await console.login("mz_clerk")
        await clerk.post(
            f"/api/v1/tickets/{number}/status", {"status": "in_progress", "note": "已收件"}
        )
        await console.drain()
        assert any(number in str(p.body) for p in console.fake.pushes_for(VILLAGER))
        detail = await clerk.get(f"/api/v1/tickets/{number}")
        assert (
            detail["status"] == "in_progress"
            and detail["conversation"][0]["text"] == "<script>办低保</script>"
        )
        leader = await console.login("leader")
        report = await leader.get("/api/v1/reports/summary?from=2026-11-01&to=2026-11-30")
        assert report["totals"]["received"] == 1
        admin = await console.login("admin")
        actions = [a["action"] for a in (await admin.get("/api/v1/admin/audit"))["items"]]
        assert "ticket.status" in actions and "account_locked" in actions
    finally:
        await client.close()
