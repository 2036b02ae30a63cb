"""Public pages: health, metrics and the printable guide of one item."""

from __future__ import annotations

from aiohttp import web

from bot.runtime import RUNTIME, Runtime
from knowledge.render import guide_html
from storage.repositories import Repos
from storage.repositories.health import ping


def register(app: web.Application) -> None:
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    app.router.add_get("/guide/{item_id}", guide)


def _rt(request: web.Request) -> Runtime:
    return request.app[RUNTIME]


async def healthz(request: web.Request) -> web.Response:
    rt = _rt(request)
    try:
        await ping(rt.sessionmaker)
    except Exception as exc:  # the database is down: say so, with 503 for the balancer
        return web.json_response({"status": "error", "database": repr(exc)}, status=503)
    return web.json_response(
        {
            "status": "ok",
            "catalog_items": len(rt.knowledge.current.items),
            "time": rt.clock.now().isoformat(),
        }
    )


async def metrics(request: web.Request) -> web.Response:
    rt = _rt(request)
    async with rt.sessionmaker() as session:
        counts = await Repos.bind(session).outbox.counts()
    return web.Response(
        text=rt.metrics.render(counts, rt.knowledge.decision_counts()),
        content_type="text/plain",
        charset="utf-8",
    )


async def guide(request: web.Request) -> web.Response:
    rt = _rt(request)
    item = rt.knowledge.current.by_id.get(request.match_info["item_id"])
    if item is None:
        raise web.HTTPNotFound(text="no such item")
    html = guide_html(item, rt.knowledge.current.center)
    return web.Response(text=html, content_type="text/html", charset="utf-8")
