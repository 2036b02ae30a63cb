"""From a parsed message to a reply, exactly once and within WeChat's 5 seconds.

The first delivery of a message claims its dedup row and runs the router in one
unit of work. A WeChat retry (same MsgId, or same sender+time+event) finds the
row and waits for the first one's reply. If the reply is not ready within the
budget the webhook answers `success` and the reply is pushed when it is ready:
the `processing → replied | deferred` update decides the race in the database,
so it holds across replicas too."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.knowledge_service import KnowledgeService
from handlers import router, texts
from handlers.types import Context, Inbound, Reply, State
from knowledge.catalog import Catalog
from knowledge.towns import MAIN
from storage.repositories import Repos

log = logging.getLogger(__name__)

STATE_TTL = dt.timedelta(minutes=30)
POLL = 0.05
# Kinds that open WeChat's 48-hour customer-service window (客服消息 rules).
_WINDOW_OPENERS = {"text", "voice", "image", "location", "link", "video", "shortvideo"}
_WINDOW_EVENTS = {"subscribe", "scan", "click", "view"}


@dataclass
class Outcome:
    reply: Reply | None  # None: answer `success` (nothing now, or pushed later)
    duplicate: bool = False
    deferred: bool = False


class Dispatcher:
    def __init__(
        self,
        *,
        sessionmaker: async_sessionmaker[AsyncSession],
        clock: Clock,
        catalog: KnowledgeService,
        base_url: str,
        budget: float,
        on_push: Callable[[], Awaitable[None]] | None = None,
        route: Callable[[Inbound, Context], Awaitable[Reply]] = router.route,
        make_desk: Callable[[Repos, Catalog, str], Awaitable[Any]] | None = None,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.clock = clock
        self.catalog = catalog
        self.base_url = base_url
        self.budget = budget
        self.on_push = on_push
        self.route = route
        self.make_desk = make_desk
        self._inflight: dict[int, asyncio.Task[Reply | None]] = {}
        self._background: set[asyncio.Task[Any]] = set()

    async def receive(self, msg: Inbound, dedup_key: str, raw: dict[str, Any]) -> Outcome:
        started = self.clock.monotonic()
        now = self.clock.now()
        async with self.sessionmaker() as session, session.begin():
            repos = Repos.bind(session)
            await repos.villagers.ensure(msg.openid, now)
            if msg.kind in _WINDOW_OPENERS or msg.event in _WINDOW_EVENTS:
                await repos.villagers.touch(msg.openid, now)
            claim = await repos.messages.claim(
                dedup_key=dedup_key,
                received_at=now,
                openid=msg.openid,
                msg_type=msg.kind,
                event=msg.event,
                msg_id=msg.msg_id,
                text=msg.text or None,
                payload={k: v for k, v in raw.items() if isinstance(v, str)},
                wechat_time=msg.created_at,
            )
        remaining = max(0.0, self.budget - (self.clock.monotonic() - started))
        if not claim.new:
            return await self._await_first(claim.id, claim.state, claim.reply, remaining)
        task = asyncio.create_task(self._process(claim.id, msg))
        self._inflight[claim.id] = task
        task.add_done_callback(lambda _t: self._inflight.pop(claim.id, None))
        done, _ = await asyncio.wait({task}, timeout=remaining)
        if done:
            return Outcome(task.result())
        async with self.sessionmaker() as session, session.begin():
            deferred = await Repos.bind(session).messages.defer(claim.id)
        if deferred:
            self._keep(task)
            log.warning("reply to %s not ready in %.1fs; it will be pushed", dedup_key, self.budget)
            return Outcome(None, deferred=True)
        return Outcome(await task)  # finished in the meantime

    async def _await_first(
        self, message_id: int, state: str, reply: dict[str, Any] | None, remaining: float
    ) -> Outcome:
        """A retry: give it the first delivery's reply, never run the handler twice."""
        deadline = self.clock.monotonic() + remaining
        task = self._inflight.get(message_id)
        if task is not None and state == "processing":
            done, _ = await asyncio.wait({task}, timeout=remaining)
            if done:
                state, reply = await self._status(message_id)
        while state == "processing" and self.clock.monotonic() < deadline:
            await asyncio.sleep(POLL)
            state, reply = await self._status(message_id)
        if state == "replied" and reply is not None:
            return Outcome(Reply.from_dict(reply), duplicate=True)
        return Outcome(None, duplicate=True)

    async def _status(self, message_id: int) -> tuple[str, dict[str, Any] | None]:
        async with self.sessionmaker() as session:
            return await Repos.bind(session).messages.status(message_id)

    async def _process(self, message_id: int, msg: Inbound) -> Reply | None:
        """One unit of work: route, save state, store the reply (or queue it as a push)."""
        try:
            async with self.sessionmaker() as session, session.begin():
                repos = Repos.bind(session)
                reply, intent = await self._route(msg, repos)
                now = self.clock.now()
                outcome = await repos.messages.finish(
                    message_id, reply=reply.to_dict(), intent=intent, now=now
                )
                if outcome == "deferred":
                    await self._queue_late_reply(repos, message_id, msg.openid, reply, now)
        except Exception:
            log.exception("handler failed for message %s", message_id)
            return await self._apologise(message_id, msg)
        if outcome == "deferred":
            await self._kick()
            return None
        return reply

    async def _route(self, msg: Inbound, repos: Repos) -> tuple[Reply, str | None]:
        now = self.clock.now()
        town = await self._town(msg, repos)
        row = await repos.conversation.load(msg.openid, now)
        ctx = await self._context(
            repos, town, State(row.flow, row.step, dict(row.data)) if row else None
        )
        reply = await self.route(msg, ctx)
        if ctx.reroute is not None:
            # The villager just chose their town: answer the question they had
            # asked before, with that town's catalog.
            again = await self._context(repos, ctx.town, ctx.state)
            again.state_changed = ctx.state_changed
            asked = dataclasses.replace(msg, kind="text", text=ctx.reroute, event=None)
            answer = await self.route(asked, again)
            reply = Reply.say("\n\n".join(t for t in (reply.text, answer.text) if t))
            ctx = again
        if ctx.state_changed:
            if ctx.state is None:
                await repos.conversation.clear(msg.openid)
            else:
                await repos.conversation.save(
                    msg.openid, ctx.state.flow, ctx.state.step, ctx.state.data, now, STATE_TTL
                )
        return reply, ctx.intent

    async def _town(self, msg: Inbound, repos: Repos) -> str | None:
        """The villager's town: a town QR code binds it; one town needs no choice."""
        towns = self.catalog.towns
        villager = await repos.villagers.get(msg.openid)
        town = villager.town_id if villager else None
        if msg.scene and msg.scene in towns and msg.scene != town:
            await repos.villagers.set_town(msg.openid, msg.scene)
            town = msg.scene
        if town is None and len(towns) == 1:
            town = next(iter(towns))
        return town

    async def _context(self, repos: Repos, town: str | None, state: State | None) -> Context:
        catalog = self.catalog.catalog_for(town)
        return Context(
            clock=self.clock,
            repos=repos,
            catalog=catalog,
            matcher=self.catalog.matcher_for(town),
            base_url=self.base_url,
            desk=await self.make_desk(repos, catalog, town or MAIN) if self.make_desk else None,
            town=town,
            towns={t.id: t.name for t in self.catalog.towns.values()},
            state=state,
        )

    async def _queue_late_reply(
        self, repos: Repos, message_id: int, openid: str, reply: Reply, now: dt.datetime
    ) -> None:
        if reply.kind == "nothing":
            return
        if reply.kind == "news":
            body: dict[str, Any] = {"articles": [a.__dict__ for a in reply.articles]}
        else:
            body = {"text": reply.text}
        await repos.outbox.enqueue(
            key=f"late-reply:{message_id}", openid=openid, kind=reply.kind, body=body, now=now
        )

    async def _apologise(self, message_id: int, msg: Inbound) -> Reply | None:
        reply = Reply.say(texts.ERROR.format(phone=self.catalog.current.center.phones.consult))
        try:
            async with self.sessionmaker() as session, session.begin():
                repos = Repos.bind(session)
                outcome = await repos.messages.finish(
                    message_id, reply=reply.to_dict(), intent="error", now=self.clock.now()
                )
                if outcome == "deferred":
                    await self._queue_late_reply(
                        repos, message_id, msg.openid, reply, self.clock.now()
                    )
                    return None
        except Exception:
            log.exception("could not record the failure of message %s", message_id)
        return reply

    async def _kick(self) -> None:
        if self.on_push is not None:
            self._keep(asyncio.ensure_future(self.on_push()))

    def _keep(self, task: asyncio.Future[Any]) -> None:
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def drain(self) -> None:
        """Wait for background work (late replies) to finish: for shutdown and tests."""
        while self._background:
            await asyncio.gather(*list(self._background), return_exceptions=True)
