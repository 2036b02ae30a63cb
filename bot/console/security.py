"""Security plumbing for /api/v1 and /console: response headers, JSON errors,
CSRF comparison, the session cookie, and JSON encoding that is safe to embed.
No database access and no business rules here."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import Any, NoReturn

from aiohttp import web
from aiohttp.typedefs import Middleware

from bot.console import texts

log = logging.getLogger(__name__)

API = "/api/v1"
CONSOLE = "/console"
COOKIE = "bm_session"
CSRF_HEADER = "X-CSRF-Token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

HEADERS = {
    # default-src 'self' is the rule; data: images let the console draw the 2FA QR code locally.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
HSTS = "max-age=31536000"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def covered(path: str) -> bool:
    return (
        path == API
        or path.startswith(API + "/")
        or path == CONSOLE
        or path.startswith(CONSOLE + "/")
    )


def apply_headers(response: web.StreamResponse, path: str, *, https: bool) -> None:
    """Add the security headers; API answers are never cached (they carry personal data)."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if https:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    if path.startswith(API):
        response.headers.setdefault("Cache-Control", "no-store")


def dumps(value: Any) -> str:
    """JSON with <, >, & and the JS line separators escaped, so villager text such as
    `<script>` can never be read as markup even if a response is sniffed or inlined."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def json_response(value: Any, *, status: int = 200) -> web.Response:
    return web.json_response(value, status=status, dumps=dumps)


def error_body(code: str, **fmt: Any) -> dict[str, Any]:
    message = texts.ERRORS.get(code, texts.ERRORS["bad_request"])
    return {"error": code, "message": message.format(**fmt) if fmt else message}


class ApiError(web.HTTPException):
    """An API refusal with a JSON body {"error": code, "message": 中文, ...}."""

    def __init__(
        self, status: int, code: str, *, headers: dict[str, str] | None = None, **extra: Any
    ) -> None:
        self.status_code = status
        fmt = {k: v for k, v in extra.items() if not k.startswith("_")}
        body = {**error_body(code, **fmt), **extra}
        if "retry_after" in extra:
            headers = {**(headers or {}), "Retry-After": str(extra["retry_after"])}
        super().__init__(text=dumps(body), content_type="application/json", headers=headers)


def fail(status: int, code: str, **extra: Any) -> NoReturn:
    raise ApiError(status, code, **extra)


_STATUS_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "json_required",
}


def middleware(*, https: bool) -> Middleware:
    """Headers on every /api/v1 and /console response, errors included; API errors as JSON."""

    @web.middleware
    async def console_security(request: web.Request, handler: Handler) -> web.StreamResponse:
        path = request.path
        if not covered(path):
            return await handler(request)
        try:
            response = await handler(request)
        except ApiError as exc:
            apply_headers(exc, path, https=https)
            raise
        except web.HTTPException as exc:
            if exc.status >= 400 and path.startswith(API):
                response = json_response(
                    error_body(_STATUS_CODES.get(exc.status, "bad_request")), status=exc.status
                )
                if "Allow" in exc.headers:
                    response.headers["Allow"] = exc.headers["Allow"]
            else:
                apply_headers(exc, path, https=https)
                raise
        except Exception:
            log.exception("console request %s %s failed", request.method, path)
            response = json_response(error_body("server_error"), status=500)
        if not response.prepared:
            apply_headers(response, path, https=https)
        return response

    return console_security


def csrf_ok(request: web.Request, expected: str) -> bool:
    given = request.headers.get(CSRF_HEADER, "")
    return bool(given) and secrets.compare_digest(given.encode(), expected.encode())


def set_session_cookie(response: web.StreamResponse, token: str, *, https: bool) -> None:
    # SameSite=Strict: the browser never sends it on a cross-site request, a second
    # CSRF wall behind the token. No Max-Age: the server decides when it expires.
    response.set_cookie(COOKIE, token, path="/", httponly=True, samesite="Strict", secure=https)


def clear_session_cookie(response: web.StreamResponse, *, https: bool) -> None:
    response.del_cookie(COOKIE, path="/", secure=https, httponly=True, samesite="Strict")
