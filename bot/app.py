"""make_app(settings): the one aiohttp application (webhook, guide pages,
health, console, sandbox) and the runtime objects it owns. `build_runtime` and
`outbound` are also used by the CLI (`bianmin tick`) without a server."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from aiohttp import web

from bot import console, pages
from bot.clock import Clock, SystemClock
from bot.config import PROJECT_ROOT, Settings
from bot.console.pages import register_pages
from bot.dispatch import Dispatcher
from bot.gateway import Gateway
from bot.knowledge_service import KnowledgeService
from bot.metrics import Metrics, metrics_middleware
from bot.pusher import Pusher
from bot.runtime import RUNTIME, Runtime
from bot.tickets.calendar import CalendarCache
from bot.tickets.desk import TicketDesk
from bot.token_store import DatabaseTokenStore, RedisTokenStore, TokenStore
from bot.wechat_client import WeChatClient, new_http_session
from handlers import router
from handlers.types import Context, Inbound, Reply
from knowledge.catalog import Catalog
from storage.db import (
    is_postgres,
    make_engine,
    make_hot_engine,
    make_sessionmaker,
    make_side_engine,
)
from storage.repositories import Repos
from storage.repositories.tickets import NUMBERS, NumberSource

Route = Callable[[Inbound, Context], Awaitable[Reply]]

log = logging.getLogger(__name__)
CACHE_DIR = PROJECT_ROOT / "data" / "cache"


def build_runtime(
    settings: Settings,
    *,
    clock: Clock | None = None,
    knowledge: KnowledgeService | None = None,
    route: Route | None = None,
) -> Runtime:
    clock = clock or SystemClock()
    engine = make_engine(settings.database_url)
    side_engine = make_side_engine(engine) if is_postgres(engine) else None
    info = {NUMBERS: NumberSource(side_engine)} if side_engine is not None else None
    sessionmaker = make_sessionmaker(engine, info)
    hot_engine = make_hot_engine(settings.database_url, engine)
    hot_sessionmaker = sessionmaker if hot_engine is engine else make_sessionmaker(hot_engine)
    service = knowledge or KnowledgeService(
        settings.kb_path, cache_dir=CACHE_DIR, towns_dir=settings.towns_path
    )

    calendars = CalendarCache(clock)

    async def make_desk(repos: Repos, catalog: Catalog, town: str) -> TicketDesk:
        return TicketDesk(
            repos=repos,
            clock=clock,
            settings=settings,
            catalog=catalog,
            calendar=await calendars.get(repos),
            town=town,
        )

    async def push_now() -> None:
        # A late reply was queued: send it now rather than at the next tick.
        if runtime.pusher is not None:
            await runtime.pusher.drain()

    dispatcher = Dispatcher(
        sessionmaker=hot_sessionmaker,
        clock=clock,
        catalog=service,
        base_url=settings.base_url,
        budget=settings.reply_budget,
        on_push=push_now,
        route=route or router.route,
        make_desk=make_desk,
    )
    runtime = Runtime(
        settings,
        clock,
        engine,
        sessionmaker,
        service,
        dispatcher,
        Metrics(),
        calendars=calendars,
        hot_engine=hot_engine,
        side_engine=side_engine,
    )
    return runtime


@asynccontextmanager
async def outbound(rt: Runtime) -> AsyncIterator[Runtime]:
    """The outbound HTTP session, the WeChat client and the pusher."""
    settings = rt.settings
    redis = None
    store: TokenStore
    async with new_http_session() as http:
        if settings.redis_url:
            import redis.asyncio as aioredis

            redis = aioredis.from_url(settings.redis_url)
            store = RedisTokenStore(redis, rt.clock)
        else:
            store = DatabaseTokenStore(rt.sessionmaker, rt.clock)
        rt.http = http
        rt.client = WeChatClient(
            base_url=settings.wechat_api_base,
            appid=settings.wechat_appid,
            secret=settings.wechat_secret,
            http=http,
            clock=rt.clock,
            token_store=store,
            timeout=settings.wechat_timeout,
        )
        rt.pusher = Pusher(
            sessionmaker=rt.dispatcher.sessionmaker,  # the hot path's engine
            client=rt.client,
            clock=rt.clock,
            worker=f"{socket.gethostname()}:{os.getpid()}",
            template_id=settings.wechat_template_status,
            window_quota=settings.cs_window_quota,
            max_attempts=settings.push_max_attempts,
            lease=dt.timedelta(seconds=settings.push_lease_seconds),
        )
        try:
            yield rt
        finally:
            await rt.dispatcher.drain()
            rt.pusher = None
            if redis is not None:
                await redis.aclose()


def make_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    knowledge: KnowledgeService | None = None,
    route: Route | None = None,
) -> web.Application:
    """Build the application. The database must already be migrated (`bianmin db upgrade`).
    `route` replaces the handler router (tests use it to make a handler slow)."""
    rt = build_runtime(settings, clock=clock, knowledge=knowledge, route=route)
    app = web.Application(
        client_max_size=settings.max_body_bytes, middlewares=[metrics_middleware(rt.metrics)]
    )
    app[RUNTIME] = rt
    Gateway(settings=settings, clock=rt.clock, dispatcher=rt.dispatcher).register(app)
    pages.register(app)
    console.register(app)
    register_pages(app)
    app.cleanup_ctx.append(_lifetime)
    return app


async def _lifetime(app: web.Application) -> AsyncIterator[None]:
    rt = app[RUNTIME]
    async with outbound(rt):
        yield
    await rt.dispose()
