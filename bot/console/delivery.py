"""Push delivery as staff see it (sent / pending / 未送达 and why), and the nudge
that sends a queued push right after the request that queued it."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiohttp import web

from bot.console import texts
from bot.runtime import RUNTIME
from bot.tickets.texts import STATUS_NAMES
from storage.models import OutboxMessage

log = logging.getLogger(__name__)

KICKS = web.AppKey("console_kicks", set)
KICK_WAIT = 2.0  # seconds a request waits for its push; slower sends finish in the background


def state_of(row: OutboxMessage) -> str:
    if row.status == "failed" or (row.delivery or "").startswith("failed"):
        return "failed"
    return "sent" if row.status == "sent" else "pending"


def push_text(row: OutboxMessage) -> str:
    body: dict[str, Any] = row.body or {}
    if row.kind == "template" and "text" not in body:
        status = body.get("data", {}).get("keyword3", {}).get("value", "")
        return texts.TEMPLATE_PUSH.format(status=status)
    if "articles" in body:
        return "\n".join(str(a.get("title", "")) for a in body["articles"])
    return str(body.get("text", ""))


def push_json(row: OutboxMessage) -> dict[str, Any]:
    state = state_of(row)
    return {
        "id": row.id,
        "at": row.created_at.isoformat(),
        "kind": row.kind,
        "text": push_text(row),
        "ticket_id": row.ticket_id,
        "state": state,
        "state_name": texts.DELIVERY[state],
        "attempts": row.attempts,
        "sent_at": row.sent_at.isoformat() if row.sent_at else None,
        "error": row.last_error if state != "sent" else None,
        "wechat_delivery": row.delivery,
    }


def status_name(status: str) -> str:
    return STATUS_NAMES.get(status, status)


async def kick(app: web.Application) -> None:
    """Drain the outbox now instead of at the next scheduler tick. Waits a little so
    the answer can already say 已送达; a slow WeChat keeps going in the background."""
    rt = app[RUNTIME]
    if rt.pusher is None:
        return
    task = asyncio.ensure_future(rt.pusher.drain(max_batches=5))
    tasks = app[KICKS]
    tasks.add(task)
    task.add_done_callback(_forget(tasks))
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=KICK_WAIT)
    except TimeoutError:
        pass
    except Exception:  # the push stays queued; the tick retries it
        log.exception("console push nudge failed")


def _forget(tasks: set[Any]) -> Any:
    def done(task: asyncio.Future[Any]) -> None:
        tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background push drain failed: %r", task.exception())

    return done


async def settle(app: web.Application) -> None:
    """Wait for background drains (shutdown, tests)."""
    tasks = app[KICKS]
    while tasks:
        await asyncio.gather(*list(tasks), return_exceptions=True)
