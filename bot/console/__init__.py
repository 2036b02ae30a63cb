"""The staff console's JSON API under /api/v1 and its security (sessions, CSRF,
2FA, roles, audit). `register(app)` mounts it; the route table in each api module
is also what the OpenAPI document describes."""

from __future__ import annotations

from aiohttp import web

from bot.console import (
    account,
    api_actions,
    api_admin,
    api_audit,
    api_calendar,
    api_catalog,
    api_extensions,
    api_handoffs,
    api_notices,
    api_reports,
    api_taught,
    api_team,
    api_tickets,
    auth,
    delivery,
    events,
    openapi,
    pages,
    security,
)
from bot.console.routing import ENDPOINTS, Endpoint, mount
from bot.runtime import RUNTIME

# Order is only the order of the OpenAPI document; paths never overlap.
MODULES = (
    auth,
    account,
    api_tickets,
    api_actions,
    api_extensions,
    api_handoffs,
    api_notices,
    api_reports,
    api_team,
    api_admin,
    api_audit,
    api_calendar,
    api_catalog,
    api_taught,
    events,
    openapi,
)


def endpoints() -> tuple[Endpoint, ...]:
    return tuple(ep for module in MODULES for ep in module.routes.endpoints)


def register(app: web.Application) -> None:
    rt = app[RUNTIME]
    app.middlewares.append(security.middleware(https=auth.https(rt)))
    app[ENDPOINTS] = endpoints()
    app[delivery.KICKS] = set()
    for endpoint in app[ENDPOINTS]:
        mount(app, endpoint)
    pages.register_pages(app)  # the HTML shell and static files under /console/ (idempotent)
    app.on_shutdown.append(_settle)


async def _settle(app: web.Application) -> None:
    await delivery.settle(app)
