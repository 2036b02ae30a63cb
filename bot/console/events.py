"""GET /api/v1/events: Server-Sent Events telling the console that a villager
wrote or a ticket changed. Each connection polls four MAX(id) values once a
second in a short transaction: that works across replicas with nothing but the
database. A stream lives a few minutes, then closes; EventSource reconnects."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import web

from bot.console import scope, sessions
from bot.console.auth import https
from bot.console.routing import EVERYONE, Call, Routes
from bot.console.security import COOKIE, apply_headers
from storage.repositories.console import ConsoleRepos
from storage.repositories.console_queries import Marks

routes = Routes("live")
POLL_SECONDS = 1.0
MAX_POLLS = 300  # five minutes, then the client reconnects (and re-authenticates)
HEARTBEAT_POLLS = 15  # a comment line now and then keeps proxies from closing the stream
RECHECK_POLLS = 30  # a logged-out or deactivated session stops within half a minute
RETRY_MS = 3000


def frame(event: str, data: dict[str, Any]) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode()


@routes.get(
    "/api/v1/events",
    roles=EVERYONE,
    summary="Live updates (text/event-stream): inbound, ticket, handoff, notice",
    media=("text/event-stream",),
    stream=True,
)
async def events(call: Call) -> web.StreamResponse:
    request = call.request
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream",
            "Cache-Control": "no-store",
            "X-Accel-Buffering": "no",
        }
    )
    apply_headers(response, request.path, https=https(call.rt))
    await response.prepare(request)
    async with call.rt.sessionmaker() as session:
        marks = await ConsoleRepos.bind(session).queries.marks(call.staff.id)
    await response.write(
        f"retry: {RETRY_MS}\n\n".encode() + frame("hello", {"staff": call.staff.id})
    )
    for poll in range(1, MAX_POLLS + 1):
        await asyncio.sleep(POLL_SECONDS)
        if request.transport is None or request.transport.is_closing():
            break  # the console went away
        if poll % RECHECK_POLLS == 0 and not await _still_valid(call, request):
            await response.write(frame("logout", {}))
            break
        marks, frames = await _changes(call, marks)
        if not frames and poll % HEARTBEAT_POLLS == 0:
            frames = [b": keep-alive\n\n"]
        try:
            for chunk in frames:
                await response.write(chunk)
        except ConnectionError:
            break
    return response


async def _still_valid(call: Call, request: web.Request) -> bool:
    """Logged out, expired or deactivated? A read only: an open stream alone must not
    keep a session from idling out."""
    token = sessions.hash_token(request.cookies.get(COOKIE, ""))
    async with call.rt.sessionmaker() as session:
        return await ConsoleRepos.bind(session).sessions.live(token, call.now()) is not None


async def _changes(call: Call, before: Marks) -> tuple[Marks, list[bytes]]:
    """New marks and the frames that describe what moved since `before`."""
    staff = call.staff
    frames: list[bytes] = []
    async with call.rt.sessionmaker() as session:
        db = ConsoleRepos.bind(session)
        now = await db.queries.marks(staff.id)
        if now.inbound > before.inbound:
            openids = await db.queries.inbound_openids_after(before.inbound)
            tickets = [
                t.number
                for t in await db.queries.open_tickets_of(openids)
                if scope.can_read(staff, t)
            ]
            handoffs = [
                h.id
                for h in await db.queries.live_handoffs_of(openids)
                if scope.same_town(staff, h.town_id)
            ]
            frames.append(frame("inbound", {"tickets": tickets, "handoffs": handoffs}))
        if now.ticket_event > before.ticket_event:
            changed = [
                t.number
                for t in await db.queries.tickets_changed_after(before.ticket_event)
                if scope.can_read(staff, t)
            ]
            if changed:
                frames.append(frame("ticket", {"tickets": sorted(changed)}))
        if now.handoff > before.handoff:
            frames.append(frame("handoff", {"last_id": now.handoff}))
        if now.notice > before.notice:
            frames.append(frame("notice", {"unread": await db.core.notices.unread_count(staff.id)}))
    return now, frames
