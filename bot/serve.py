"""`bianmin serve`: migrate, build the app, add the scheduler (and the demo parts), run."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator

from aiohttp import web

from bot.app import make_app
from bot.config import Settings
from bot.runtime import RUNTIME
from bot.scheduler import scheduler_ctx
from storage.db import upgrade

log = logging.getLogger(__name__)


def build(settings: Settings) -> web.Application:
    upgrade(settings.database_url)
    app = make_app(settings)
    app.cleanup_ctx.append(_departments)
    app.on_startup.append(_warm_and_freeze)
    app.cleanup_ctx.append(scheduler_ctx)
    if settings.demo:
        from bot.sandbox import mount_demo

        mount_demo(app)
    return app


async def _departments(app: web.Application) -> AsyncIterator[None]:
    from bot.demo import sync_departments

    rt = app[RUNTIME]
    await sync_departments(rt.sessionmaker, rt.knowledge.current)
    yield


async def _warm_and_freeze(app: web.Application) -> None:
    """Load the matchers, then freeze the start-up heap out of the garbage collector.

    The word lists (jieba, pinyin, the catalog's indexes) are ~150,000 long-lived
    objects; every full collection walked them all, a 70-90 ms pause of the event
    loop every few hundred messages, which was the webhook's p99 (bench/README.md).
    Frozen objects are never scanned again (and never collected: they live as long
    as the process anyway). A matcher rebuilt after a catalog edit is frozen too."""
    rt = app[RUNTIME]
    rt.knowledge.prune_clock = rt.clock  # a real server's clock: old catalog caches may go
    rt.knowledge.warm()
    gc.collect()
    gc.freeze()


def configure_logging(level_name: str) -> None:
    level = logging.getLevelName(level_name.upper())
    logging.getLogger().setLevel(level)
    # APScheduler logs two INFO lines for every job run: the catalog check every 5 s alone
    # made 35,000 lines a day and buried the bot's own. Its warnings (a missed run, a job
    # that raised) still show; debug logging shows everything.
    logging.getLogger("apscheduler").setLevel(logging.WARNING if level > logging.DEBUG else level)


def run(settings: Settings) -> None:
    configure_logging(settings.log_level)
    app = build(settings)
    base = f"http://{settings.host}:{settings.port}"
    print(f"bianmin listening on {base}  (webhook {base}/wechat)", flush=True)
    if settings.demo:
        print(f"demo sandbox: {base}/sim", flush=True)
    web.run_app(app, host=settings.host, port=settings.port, print=None)
