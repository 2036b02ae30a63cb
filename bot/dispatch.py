"""From a parsed message to a reply, exactly once and within WeChat's 5 seconds.

One transaction per message: record it under its unique dedup key, route it, save
the state, store the reply. A WeChat retry (same MsgId, or same sender+time+event)
waits for the first delivery: here through its task, on another replica because
the database holds the second insert of a key until the first commits. If the
reply is not ready within the budget the webhook answers `success` and the reply is
pushed when it is ready; the process that handles the message decides that race
(`_settle`) and the row records it (`replied` or `deferred`)."""

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
from storage.db import write_gate
from storage.repositories import Repos
from storage.repositories.conversation import Snapshot
from storage.repositories.messages import Claim
from storage.unit import Units

log = logging.getLogger(__name__)

STATE_TTL = dt.timedelta(minutes=30)
POLL = 0.05
# Kinds that open WeChat's 48-hour customer-service window (客服消息 rules).
_WINDOW_OPENERS = {"text", "voice", "image", "location", "link", "video", "shortvideo"}
_WINDOW_EVENTS = {"subscribe", "scan", "click", "view"}


@dataclass
class Outcome:
    reply: Reply | None  # None: answer `success` (nothing now, or pushed later)
    deferred: bool = False


@dataclass(frozen=True)
class Seen:
    """The message was recorded before: this delivery is a WeChat retry."""

    state: str
    reply: dict[str, Any] | None


def _reply(result: Reply | Seen | None) -> Reply | None:
    return result if isinstance(result, Reply) else None


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
        self.gate = write_gate(sessionmaker)
        self.units = Units(sessionmaker)  # one transaction per message (storage/unit.py)
        # Messages being handled in this process, by dedup key: a WeChat retry that
        # arrives meanwhile waits for the first delivery's task.
        self._inflight: dict[str, asyncio.Task[Reply | Seen | None]] = {}
        # Who answers a message, decided in this process: the webhook gave up
        # waiting (`_late`: push the reply) or the handler is writing its reply
        # (`_answering`: the webhook waits for it). See `_settle`.
        self._late: set[str] = set()
        self._answering: set[str] = set()
        self._background: set[asyncio.Task[Any]] = set()

    async def receive(
        self, msg: Inbound, dedup_key: str, raw: dict[str, Any], started: float | None = None
    ) -> Outcome:
        """`started`: when the request arrived (the gateway's clock reading), so the
        budget also covers reading, checking and decrypting the body."""
        if started is None:
            started = self.clock.monotonic()

        def remaining() -> float:
            return max(0.0, self.budget - (self.clock.monotonic() - started))

        first = self._inflight.get(dedup_key)
        if first is not None:  # a retry while the first delivery is being handled here
            await asyncio.wait({first}, timeout=remaining())
            outcome = await self._await_first(dedup_key, remaining())
            self._keep(asyncio.ensure_future(self._count_retry(dedup_key)))  # not in the way
            return outcome
        task = asyncio.create_task(self._handle(msg, dedup_key, raw))
        self._inflight[dedup_key] = task
        task.add_done_callback(lambda _t: self._forget(dedup_key))
        done, _ = await asyncio.wait({task}, timeout=remaining())
        if done:
            result = task.result()
            if isinstance(result, Seen):  # handled before, here or on another replica
                return await self._await_first(dedup_key, remaining(), result)
            return Outcome(result)
        if dedup_key in self._answering:
            return Outcome(_reply(await task))  # the reply is being written this instant
        self._late.add(dedup_key)
        self._keep(task)
        log.warning("reply to %s not ready in %.1fs; it will be pushed", dedup_key, self.budget)
        return Outcome(None, deferred=True)

    async def _await_first(
        self, dedup_key: str, remaining: float, seen: Seen | None = None
    ) -> Outcome:
        """A retry: give it the first delivery's reply, never run the handler twice.
        Its state is `processing` while another replica is still handling it."""
        deadline = self.clock.monotonic() + remaining
        state, reply = (seen.state, seen.reply) if seen else await self._status(dedup_key)
        while state == "processing" and self.clock.monotonic() < deadline:
            await asyncio.sleep(POLL)
            state, reply = await self._status(dedup_key)
        if state == "replied" and reply is not None:
            return Outcome(Reply.from_dict(reply))
        return Outcome(None)

    async def _count_retry(self, dedup_key: str) -> None:
        try:
            async with self.sessionmaker() as session, session.begin():
                await Repos.bind(session).messages.count_retry(dedup_key)
        except Exception:  # only a counter: never fail the answer for it
            log.exception("could not count a retry of %s", dedup_key)

    async def _status(self, dedup_key: str) -> tuple[str, dict[str, Any] | None]:
        async with self.sessionmaker() as session:
            return await Repos.bind(session).messages.status(dedup_key)

    async def _handle(
        self, msg: Inbound, dedup_key: str, raw: dict[str, Any]
    ) -> Reply | Seen | None:
        """One unit of work, one transaction: record the message once (its dedup key
        is unique), route it, save the state, store the reply or queue it as a push.
        A crash before the commit leaves nothing, so WeChat's retry starts afresh."""
        try:
            async with self.gate, self.units() as session:
                repos = Repos.bind(session)
                claim, town = await self._claim(repos, msg, dedup_key, raw)
                if not claim.new:
                    return Seen(claim.state, claim.reply)
                reply, intent = await self._route(msg, repos, town)
                inline = await self._record(repos, claim.id, dedup_key, msg, reply, intent)
        except Exception:
            log.exception("handler failed for message %s", dedup_key)
            return await self._apologise(msg, dedup_key, raw)
        if not inline:
            await self._kick()
            return None
        return reply

    async def _claim(
        self, repos: Repos, msg: Inbound, dedup_key: str, raw: dict[str, Any]
    ) -> tuple[Claim, str | None]:
        now = self.clock.now()
        town = await repos.villagers.arrive(
            msg.openid,
            now,
            opens_window=msg.kind in _WINDOW_OPENERS or msg.event in _WINDOW_EVENTS,
        )
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
        return claim, town

    def _settle(self, dedup_key: str) -> bool:
        """True: the webhook is still waiting, the reply goes in its answer; False: it
        answered `success`, the reply must be pushed. Decided without an await, so
        the webhook's timeout cannot slip in between (it checks `_answering`)."""
        if dedup_key in self._late:
            return False
        self._answering.add(dedup_key)
        return True

    async def _record(
        self,
        repos: Repos,
        message_id: int,
        dedup_key: str,
        msg: Inbound,
        reply: Reply,
        intent: str | None,
    ) -> bool:
        now = self.clock.now()
        inline = self._settle(dedup_key)
        await repos.messages.finish(
            message_id, reply=reply.to_dict(), intent=intent, now=now, deferred=not inline
        )
        if not inline:
            await self._queue_late_reply(repos, message_id, msg.openid, reply, now)
        return inline

    def _forget(self, dedup_key: str) -> None:
        self._inflight.pop(dedup_key, None)
        self._late.discard(dedup_key)
        self._answering.discard(dedup_key)

    async def _route(
        self, msg: Inbound, repos: Repos, town: str | None
    ) -> tuple[Reply, str | None]:
        now = self.clock.now()
        town = await self._town(msg, repos, town)
        snap = await repos.conversation.snapshot(msg.openid)
        saved = State(snap.flow, snap.step, snap.data) if snap.flow and snap.step else None
        live = snap.live(now)
        expired = None if live else saved
        ctx = await self._context(repos, town, saved if live else None, expired, snap, now)
        reply = await self.route(msg, ctx)
        if ctx.reroute is not None:
            # The villager just chose their town: answer the question they had
            # asked before, with that town's catalog.
            again = await self._context(repos, ctx.town, ctx.state, expired, snap, now)
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

    async def _town(self, msg: Inbound, repos: Repos, town: str | None) -> str | None:
        """The villager's town: a town QR code binds it; one town needs no choice."""
        towns = self.catalog.towns
        if msg.scene and msg.scene in towns and msg.scene != town:
            await repos.villagers.set_town(msg.openid, msg.scene)
            town = msg.scene
        if town is None and len(towns) == 1:
            town = next(iter(towns))
        return town

    async def _context(
        self,
        repos: Repos,
        town: str | None,
        state: State | None,
        expired: State | None,
        snap: Snapshot,
        now: dt.datetime,
    ) -> Context:
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
            expired_state=expired,
            state_saved_at=snap.updated_at if snap.live(now) else None,
            handoff_live=snap.handoff_live,
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

    async def _apologise(self, msg: Inbound, dedup_key: str, raw: dict[str, Any]) -> Reply | None:
        """The handler failed and its transaction rolled back: record the message
        again with the apology (or give the apology unrecorded if even that fails)."""
        reply = Reply.say(texts.ERROR.format(phone=self.catalog.current.center.phones.consult))
        try:
            async with self.gate, self.units() as session:
                repos = Repos.bind(session)
                claim, _town = await self._claim(repos, msg, dedup_key, raw)
                if not claim.new:  # another replica took it meanwhile
                    return None
                if not await self._record(repos, claim.id, dedup_key, msg, reply, "error"):
                    return None
        except Exception:
            log.exception("could not record the failure of message %s", dedup_key)
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
