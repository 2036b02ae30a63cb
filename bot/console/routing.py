"""The console's route table. Each API module keeps a `Routes` list of endpoints
(method, path, roles, schemas); `register` mounts them all and the OpenAPI
document is built from the same list, so the two cannot drift apart.

Every protected endpoint runs as one unit of work: session → CSRF → role →
handler → audit row, committed together; pushes are nudged after the commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from aiohttp import web

from bot.console import delivery, inputs, sessions
from bot.console.security import COOKIE, UNSAFE_METHODS, csrf_ok, fail
from bot.runtime import RUNTIME, Runtime
from bot.tickets.calendar import load_calendar
from bot.tickets.desk import TicketDesk
from storage.models import Staff, StaffSession
from storage.repositories import Repos
from storage.repositories.console import ConsoleRepos

CLERK, HEAD, LEADER, ADMIN = "clerk", "head", "leader", "admin"
EVERYONE = frozenset({CLERK, HEAD, LEADER, ADMIN})
WORKERS = frozenset({CLERK, HEAD, LEADER})  # those who act on tickets; the admin only reads
SUPERVISORS = frozenset({HEAD, LEADER, ADMIN})
ADMINS = frozenset({ADMIN})


@dataclass
class Call:
    """One authenticated request: who, from where, and its unit of work."""

    request: web.Request
    rt: Runtime
    db: ConsoleRepos
    staff: Staff
    login: StaffSession
    ip: str
    push_after_commit: bool = False
    audited: bool = False
    _desks: dict[str | None, TicketDesk] = field(default_factory=dict)

    @property
    def repos(self) -> Repos:
        return self.db.core

    def now(self) -> dt.datetime:
        return self.rt.clock.now()

    async def body(self) -> dict[str, Any]:
        return await inputs.body(self.request)

    async def desk(self, town_id: str | None = None) -> TicketDesk:
        """The ticket desk for this unit of work, with the catalog of the ticket's town:
        every change pushes the villager and writes the timeline."""
        if town_id not in self._desks:
            self._desks[town_id] = TicketDesk(
                repos=self.repos,
                clock=self.rt.clock,
                settings=self.rt.settings,
                catalog=self.rt.knowledge.catalog_for(town_id),
                calendar=await load_calendar(self.repos),
            )
            self.push_after_commit = True
        return self._desks[town_id]

    async def audit(
        self, action: str, target: str | None = None, *, town_id: str | None = None, **detail: Any
    ) -> None:
        """One audit row. Its town (what a town's admin may read): the one given, else the
        town of the ticket, account or conversation the target names, else the caller's."""
        self.audited = True
        town = town_id or await self.db.audit.town_of(target) or self.staff.town_id
        await self.db.audit.add(
            at=self.now(),
            action=action,
            staff_id=self.staff.id,
            username=self.staff.username,
            target=target,
            ip=self.ip,
            detail=detail,
            town_id=town,
        )


Handler = Callable[[Call], Awaitable[web.StreamResponse]]
PublicHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Param:
    name: str
    schema: dict[str, Any]
    where: str = "query"  # query | path
    required: bool = False
    description: str = ""


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    handler: Any  # Handler, or PublicHandler when roles is None
    roles: frozenset[str] | None
    summary: str
    tag: str
    params: tuple[Param, ...] = ()
    body: dict[str, Any] | None = None
    response: dict[str, Any] | None = None
    media: tuple[str, ...] = ("application/json",)
    enrol_ok: bool = False  # allowed while 2FA enrolment is pending
    stream: bool = False  # long-lived: no transaction held open around the handler


ENDPOINTS: web.AppKey[tuple[Endpoint, ...]] = web.AppKey("console_endpoints")
F = TypeVar("F")


@dataclass
class Routes:
    tag: str
    endpoints: list[Endpoint] = field(default_factory=list)

    def add(
        self, method: str, path: str, *, roles: frozenset[str] | None, summary: str, **options: Any
    ) -> Callable[[F], F]:
        def decorate(handler: F) -> F:
            self.endpoints.append(
                Endpoint(method, path, handler, roles, summary, self.tag, **options)
            )
            return handler

        return decorate

    def get(self, path: str, **kw: Any) -> Callable[[F], F]:
        return self.add("GET", path, **kw)

    def post(self, path: str, **kw: Any) -> Callable[[F], F]:
        return self.add("POST", path, **kw)

    def put(self, path: str, **kw: Any) -> Callable[[F], F]:
        return self.add("PUT", path, **kw)

    def patch(self, path: str, **kw: Any) -> Callable[[F], F]:
        return self.add("PATCH", path, **kw)

    def delete(self, path: str, **kw: Any) -> Callable[[F], F]:
        return self.add("DELETE", path, **kw)


def client_ip(request: web.Request) -> str:
    """The caller's address. X-Forwarded-For is believed only when the request comes
    from a proxy listed in BIANMIN_TRUSTED_PROXIES (nginx in docs/deploy.md);
    otherwise anyone could dodge the per-IP login throttle by sending the header."""
    remote = request.remote or "unknown"
    trusted = request.app[RUNTIME].settings.trusted_proxy_set
    forwarded = request.headers.get("X-Forwarded-For", "")
    if remote in trusted and forwarded:
        # The right-most address not added by one of our proxies is the client.
        for hop in reversed([h.strip() for h in forwarded.split(",") if h.strip()]):
            if hop not in trusted:
                return hop
    return remote


def mount(app: web.Application, endpoint: Endpoint) -> None:
    app.router.add_route(endpoint.method, endpoint.path, _wrap(endpoint))


def _wrap(ep: Endpoint) -> PublicHandler:
    if ep.roles is None:
        public: PublicHandler = ep.handler
        return public
    roles, handler = ep.roles, cast(Handler, ep.handler)

    async def handle(request: web.Request) -> web.StreamResponse:
        rt = request.app[RUNTIME]
        token = request.cookies.get(COOKIE, "")
        if not token:
            fail(401, "unauthenticated")
        async with rt.sessionmaker() as session, session.begin():
            db = ConsoleRepos.bind(session)
            found = await sessions.resolve(db, token, rt.clock.now())
            if found is None:
                fail(401, "unauthenticated")
            login, staff = found
            if request.method in UNSAFE_METHODS and not csrf_ok(request, login.csrf_token):
                fail(403, "csrf")
            if login.enrol_only and not ep.enrol_ok:
                fail(403, "enrol_required")
            if staff.role not in roles:
                fail(403, "forbidden")
            call = Call(request, rt, db, staff, login, client_ip(request))
            if not ep.stream:
                response = await handler(call)
                if request.method in UNSAFE_METHODS and not call.audited:
                    # Every state-changing call leaves a trace, even one whose handler names none.
                    await call.audit(ep.handler.__name__, request.path)
        if ep.stream:  # after the commit: a stream must not pin a connection for minutes
            return await handler(call)
        if call.push_after_commit:
            await delivery.kick(request.app)
        return response

    return handle
