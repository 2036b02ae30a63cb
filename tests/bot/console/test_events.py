"""Live updates over Server-Sent Events: a villager's message and a ticket change
reach an open stream within a poll or two, scoped to what the caller may see."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import ClientResponse

from tests.bot.console.conftest import Console

VILLAGER = "oLiveVillager000000000000001"


async def next_event(resp: ClientResponse, wanted: str, timeout: float = 6.0) -> dict[str, Any]:
    async def read() -> dict[str, Any]:
        event = None
        while True:
            line = (await resp.content.readline()).decode().rstrip("\n")
            if line.startswith("event: "):
                event = line[len("event: ") :]
            elif line.startswith("data: ") and event == wanted:
                return dict(json.loads(line[len("data: ") :]))

    return await asyncio.wait_for(read(), timeout)


async def test_stream_reports_inbound_messages_and_ticket_changes(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    number = await console.register(VILLAGER, "dibao")
    clerk = await console.login("mz_clerk")
    outsider = await console.login("sb_clerk")
    mine = await clerk.request("GET", "/api/v1/events")
    theirs = await outsider.request("GET", "/api/v1/events")
    try:
        assert mine.status == 200 and mine.headers["Content-Type"] == "text/event-stream"
        assert "default-src 'self'" in mine.headers["Content-Security-Policy"]
        assert (await next_event(mine, "hello"))["staff"] == console.ids["mz_clerk"]
        await next_event(theirs, "hello")
        await console.villager_says(VILLAGER, "材料我明天送来")
        assert (await next_event(mine, "inbound"))["tickets"] == [number]
        assert (await next_event(theirs, "inbound"))[
            "tickets"
        ] == []  # not their department's ticket
        head = await console.login("mz_head")
        await head.post(f"/api/v1/tickets/{number}/assign", {"staff_id": console.ids["mz_clerk"]})
        assert (await next_event(mine, "ticket"))["tickets"] == [number]
        assert (await next_event(mine, "notice"))["unread"] == 1
    finally:
        mine.close()
        theirs.close()


async def test_stream_needs_a_session(console: Console) -> None:
    resp = await console.client.get("/api/v1/events")
    assert resp.status == 401
