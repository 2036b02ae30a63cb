"""The staff console's pages: GET /console/ is one HTML shell, everything else is
static ES modules and CSS under /console/static/ (no build step, no CDN). The
shell talks only to /api/v1. Security headers (CSP default-src 'self') come from
the console middleware; they are also set here so the pages stay locked down
when served without it."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from aiohttp import web

from bot.console.security import HEADERS

STATIC = Path(__file__).resolve().parent / "static"
TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".html": "text/html",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}


def register_pages(app: web.Application) -> None:
    """Mount /console/ and /console/static/ (idempotent: a second call does nothing)."""
    if any(getattr(r, "canonical", "") == "/console/" for r in app.router.resources()):
        return
    app.router.add_get("/console", _to_console)
    app.router.add_get("/console/", index)
    app.router.add_get("/console/static/{path:.+}", static)


def _headers(extra: dict[str, str]) -> dict[str, str]:
    return {**HEADERS, **extra}


async def _to_console(request: web.Request) -> web.StreamResponse:
    raise web.HTTPFound("/console/")


async def index(request: web.Request) -> web.StreamResponse:
    # no-cache: a new release is picked up on the next load; the shell holds no data.
    return web.FileResponse(STATIC / "index.html", headers=_headers({"Cache-Control": "no-cache"}))


async def static(request: web.Request) -> web.StreamResponse:
    relative = request.match_info["path"]
    root = STATIC.resolve()
    path = (root / relative).resolve()
    if not path.is_relative_to(root) or not path.is_file() or path.name.startswith("."):
        raise web.HTTPNotFound()
    kind = (
        TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    )
    headers = _headers(
        {
            "Cache-Control": "no-cache",
            "Content-Type": f"{kind}; charset=utf-8" if kind.startswith("text/") else kind,
        }
    )
    return web.FileResponse(path, headers=headers)
