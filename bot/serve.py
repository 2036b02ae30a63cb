"""`bianmin serve`: migrate, build the app, add the scheduler (and the demo parts), run."""

from __future__ import annotations

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


def run(settings: Settings) -> None:
    logging.getLogger().setLevel(settings.log_level.upper())
    app = build(settings)
    base = f"http://{settings.host}:{settings.port}"
    print(f"bianmin listening on {base}  (webhook {base}/wechat)", flush=True)
    if settings.demo:
        print(f"demo sandbox: {base}/sim", flush=True)
    web.run_app(app, host=settings.host, port=settings.port, print=None)
