"""Drains the outbox through the WeChat client. Customer-service messages go out
inside the villager's 48-hour window and its quota; outside it a push that
carries a template fallback goes out as a template message; errors are retried
with back-off, or given up and left for staff to phone (未送达)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.wechat_client import (
    CustomQuotaExceeded,
    NotFollowing,
    ReplyWindowClosed,
    SubscribeRefused,
    TokenQuotaExceeded,
    WeChatClient,
    WeChatError,
)
from storage.db import write_gate
from storage.models import OutboxMessage
from storage.repositories import Repos
from storage.repositories.villagers import WINDOW

log = logging.getLogger(__name__)

BACKOFF = (
    dt.timedelta(seconds=30),
    dt.timedelta(minutes=2),
    dt.timedelta(minutes=10),
    dt.timedelta(minutes=30),
)


@dataclass
class DrainReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def __iadd__(self, other: DrainReport) -> DrainReport:
        self.sent += other.sent
        self.retried += other.retried
        self.failed += other.failed
        self.errors += other.errors
        return self


class Pusher:
    def __init__(
        self,
        *,
        sessionmaker: async_sessionmaker[AsyncSession],
        client: WeChatClient,
        clock: Clock,
        worker: str,
        template_id: str = "",
        window_quota: int = 5,
        max_attempts: int = 5,
        concurrency: int = 8,
        lease: dt.timedelta = dt.timedelta(minutes=2),
    ) -> None:
        self.sessionmaker = sessionmaker
        self.gate = write_gate(sessionmaker)
        self.client = client
        self.clock = clock
        self.worker = worker
        self.template_id = template_id
        self.window_quota = window_quota
        self.max_attempts = max_attempts
        self.concurrency = concurrency
        self.lease = lease

    async def drain(self, *, batch: int = 50, max_batches: int = 1000) -> DrainReport:
        """Send everything due now; returns what happened. Different villagers'
        pushes go out concurrently (the wait is WeChat's latency, not our CPU);
        one villager's pushes go in order, so the window quota is counted right."""
        report = DrainReport()
        for _ in range(max_batches):
            async with self.gate, self.sessionmaker() as session, session.begin():
                repos = Repos.bind(session)
                rows = await repos.outbox.claim_due(
                    now=self.clock.now(), worker=self.worker, limit=batch, lease=self.lease
                )
                windows = await repos.villagers.window_states(sorted({r.openid for r in rows}))
            if not rows:
                break
            groups: dict[str, list[OutboxMessage]] = {}
            for row in rows:
                groups.setdefault(row.openid, []).append(row)
            gate = asyncio.Semaphore(self.concurrency)
            parts = await asyncio.gather(
                *(
                    self._deliver_in_order(q, _Window(*windows.get(o, (None, 0))), gate)
                    for o, q in groups.items()
                )
            )
            for part in parts:
                report += part
        return report

    async def _deliver_in_order(
        self, queue: list[OutboxMessage], window: _Window, gate: asyncio.Semaphore
    ) -> DrainReport:
        done = DrainReport()
        async with gate:
            for row in queue:
                done += await self._deliver(row, window)
        return done

    async def _deliver(self, row: OutboxMessage, window: _Window) -> DrainReport:
        now = self.clock.now()
        in_window = (
            window.last_inbound is not None
            and now - window.last_inbound < WINDOW
            and window.pushes < self.window_quota
        )
        kind = row.kind
        async with self.gate, self.sessionmaker() as session, session.begin():
            if not await Repos.bind(session).outbox.mark_sending(
                row.id, row.claimed_by or "", self.clock.now()
            ):
                return DrainReport()  # our lease ran out and another worker owns it now
        try:
            if kind in ("text", "news") and not in_window:
                kind = self._fallback(row, "outside the 48-hour window or over quota")
            msgid = await self._send(kind, row)
        except (ReplyWindowClosed, CustomQuotaExceeded) as exc:
            try:
                kind = self._fallback(row, str(exc))
                msgid = await self._send(kind, row)
            except WeChatError as again:
                return await self._failed_or_retry(row, again)
        except WeChatError as exc:
            return await self._failed_or_retry(row, exc)
        async with self.gate, self.sessionmaker() as session, session.begin():
            repos = Repos.bind(session)
            await repos.outbox.mark_sent(row.id, self.clock.now(), msgid)
            if kind in ("text", "news"):
                window.pushes += 1
                await repos.villagers.count_window_push(row.openid)
        return DrainReport(sent=1)

    def _fallback(self, row: OutboxMessage, why: str) -> str:
        if row.body.get("template") and self.template_id:
            return "template"
        raise _Undeliverable(why)

    async def _send(self, kind: str, row: OutboxMessage) -> str | None:
        body: dict[str, Any] = row.body
        if kind == "text":
            await self.client.send_text(row.openid, body["text"])
            return None
        if kind == "news":
            await self.client.send_news(row.openid, body["articles"])
            return None
        template = body.get("template") or body
        msgid = await self.client.send_template(
            row.openid,
            template.get("template_id") or self.template_id,
            template["data"],
            template.get("url"),
        )
        return str(msgid)

    async def _failed_or_retry(self, row: OutboxMessage, exc: WeChatError) -> DrainReport:
        error = f"{type(exc).__name__}: {exc}"
        final = isinstance(exc, (_Undeliverable, NotFollowing, SubscribeRefused))
        attempts = row.attempts + 1
        async with self.gate, self.sessionmaker() as session, session.begin():
            repos = Repos.bind(session)
            if final or attempts >= self.max_attempts:
                await repos.outbox.mark_failed(row.id, error)
                log.warning("push %s to %s given up: %s", row.key, row.openid, error)
                return DrainReport(failed=1, errors=[error])
            delay = BACKOFF[min(attempts - 1, len(BACKOFF) - 1)]
            if isinstance(exc, TokenQuotaExceeded):
                delay = max(delay, dt.timedelta(minutes=10))  # 45009: the day's token quota is gone
            await repos.outbox.mark_retry(row.id, self.clock.now() + delay, error)
        return DrainReport(retried=1, errors=[error])


@dataclass
class _Window:
    """A villager's customer-service window as this drain sees it."""

    last_inbound: dt.datetime | None
    pushes: int


class _Undeliverable(WeChatError):
    """No channel can reach the villager now (window closed, no template)."""

    def __init__(self, why: str) -> None:
        super().__init__(0, why)
