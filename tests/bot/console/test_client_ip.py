"""Behind nginx every request comes from 127.0.0.1; X-Forwarded-For is believed
only from a configured proxy, so a client cannot dodge the per-IP throttle."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from bot.app import make_app
from bot.clock import FixedClock
from bot.config import Settings
from bot.knowledge_service import KnowledgeService
from storage.models import LoginAttempt
from tests.conftest import runtime


@pytest.mark.parametrize(("trusted", "expected"), [("127.0.0.1", "203.0.113.9"), ("", "127.0.0.1")])
async def test_forwarded_for_only_from_a_trusted_proxy(
    make_settings: Callable[..., Settings],
    clock: FixedClock,
    knowledge: KnowledgeService,
    trusted: str,
    expected: str,
) -> None:
    client: TestClient[Any, Any] = TestClient(
        TestServer(
            make_app(make_settings(trusted_proxies=trusted), clock=clock, knowledge=knowledge)
        )
    )
    await client.start_server()
    try:
        resp = await client.post(
            "/api/v1/login",
            json={"username": "nobody", "password": "wrong-password"},
            headers={"X-Forwarded-For": "198.51.100.7, 203.0.113.9"},
        )
        assert resp.status == 401
        async with runtime(client).sessionmaker() as session:
            (attempt,) = list(await session.scalars(select(LoginAttempt)))
        assert attempt.ip == expected
    finally:
        await client.close()
