"""The objects one running application owns, reachable from request handlers via RUNTIME."""

from __future__ import annotations

from dataclasses import dataclass

import aiohttp
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.config import Settings
from bot.dispatch import Dispatcher
from bot.knowledge_service import KnowledgeService
from bot.metrics import Metrics
from bot.pusher import Pusher
from bot.tickets.calendar import CalendarCache
from bot.wechat_client import WeChatClient


@dataclass
class Runtime:
    settings: Settings
    clock: Clock
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    knowledge: KnowledgeService
    dispatcher: Dispatcher
    metrics: Metrics
    client: WeChatClient | None = None
    pusher: Pusher | None = None
    http: aiohttp.ClientSession | None = None
    calendars: CalendarCache | None = None  # the desk's cached working-day calendar
    # The webhook's and the pusher's engine (storage.db.make_hot_engine); may be `engine`.
    hot_engine: AsyncEngine | None = None
    side_engine: AsyncEngine | None = None  # ticket numbers' own pool (PostgreSQL)

    async def dispose(self) -> None:
        await self.dispatcher.units.dispose()
        if self.hot_engine is not None and self.hot_engine is not self.engine:
            await self.hot_engine.dispose()
        if self.side_engine is not None:
            await self.side_engine.dispose()
        await self.engine.dispose()


RUNTIME = web.AppKey("runtime", Runtime)
