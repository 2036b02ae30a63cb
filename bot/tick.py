"""One scheduler pass. The APScheduler job and `bianmin tick --now` both call `tick`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from bot.clock import Clock, FixedClock, SystemClock
from bot.config import PROJECT_ROOT, Settings
from bot.pusher import DrainReport
from bot.runtime import Runtime
from bot.tickets.media import fetch_pending
from bot.tickets.sweep import SweepReport, sweep
from storage.repositories import Repos


@dataclass
class TickReport:
    at: dt.datetime
    sweep: SweepReport = field(default_factory=SweepReport)
    pushes: DrainReport = field(default_factory=DrainReport)
    media: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        p = self.pushes
        lines = [f"tick at {self.at.isoformat()}"]
        lines += self.sweep.lines()
        lines += [f"attachment stored {m}" for m in self.media]
        lines.append(f"pushes: sent {p.sent}, retried {p.retried}, failed {p.failed}")
        lines += [f"  error: {e}" for e in p.errors]
        return "\n".join(lines)


async def tick(rt: Runtime) -> TickReport:
    """Reminders, SLA warnings and escalations first (they queue pushes), then the pushes."""
    report = TickReport(at=rt.clock.now())
    await rt.knowledge.refresh()
    async with rt.sessionmaker() as session, session.begin():
        report.sweep = await sweep(
            Repos.bind(session),
            clock=rt.clock,
            settings=rt.settings,
            catalog_for=rt.knowledge.catalog_for,
        )
    if rt.client is not None:
        report.media = await fetch_pending(rt.sessionmaker, rt.client, attachments_dir(rt.settings))
    if rt.pusher is not None:
        report.pushes = await rt.pusher.drain()
    return report


def attachments_dir(settings: Settings) -> Path:
    path = Path(settings.attachments_dir)
    return path if path.is_absolute() else PROJECT_ROOT / path


async def run_once(settings: Settings, now: str | None) -> TickReport:
    """`bianmin tick [--now ISO]`: a pass as of that instant, outside the server."""
    from bot.app import build_runtime, outbound

    clock: Clock = FixedClock(now) if now else SystemClock()
    rt = build_runtime(settings, clock=clock)
    try:
        async with outbound(rt):
            return await tick(rt)
    finally:
        await rt.dispose()
