"""A thin APScheduler shell: every interval, one `tick`; every few seconds, a
look for catalog edits. The work itself lives in bot/tick.py."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.runtime import RUNTIME
from bot.tick import tick

log = logging.getLogger(__name__)
RELOAD_SECONDS = 5


async def scheduler_ctx(app: web.Application) -> AsyncIterator[None]:
    rt = app[RUNTIME]

    async def run_tick() -> None:
        try:
            report = await tick(rt)
            if report.pushes.sent or report.pushes.failed or report.pushes.retried:
                log.info("%s", report)
        except Exception:
            log.exception("tick failed")

    async def reload_catalog() -> None:
        await rt.knowledge.refresh()

    scheduler = AsyncIOScheduler(timezone="Asia/Shanghai")
    scheduler.add_job(
        run_tick, "interval", seconds=rt.settings.scheduler_interval, max_instances=1, coalesce=True
    )
    scheduler.add_job(
        reload_catalog, "interval", seconds=RELOAD_SECONDS, max_instances=1, coalesce=True
    )
    scheduler.start()
    try:
        yield
    finally:
        scheduler.shutdown(wait=False)
