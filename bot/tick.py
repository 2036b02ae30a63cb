"""One scheduler pass. The APScheduler job and `bianmin tick --now` both call `tick`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.clock import Clock, FixedClock, SystemClock
from bot.config import Settings
from bot.pusher import DrainReport
from bot.runtime import Runtime


@dataclass
class TickReport:
    at: dt.datetime
    pushes: DrainReport = field(default_factory=DrainReport)

    def __str__(self) -> str:
        p = self.pushes
        lines = [
            f"tick at {self.at.isoformat()}",
            f"pushes: sent {p.sent}, retried {p.retried}, failed {p.failed}",
        ]
        lines += [f"  error: {e}" for e in p.errors]
        return "\n".join(lines)


async def tick(rt: Runtime) -> TickReport:
    report = TickReport(at=rt.clock.now())
    rt.knowledge.maybe_reload()
    if rt.pusher is not None:
        report.pushes = await rt.pusher.drain()
    return report


async def run_once(settings: Settings, now: str | None) -> TickReport:
    """`bianmin tick [--now ISO]`: a pass as of that instant, outside the server."""
    from bot.app import build_runtime, outbound

    clock: Clock = FixedClock(now) if now else SystemClock()
    rt = build_runtime(settings, clock=clock)
    try:
        async with outbound(rt):
            return await tick(rt)
    finally:
        await rt.engine.dispose()
