"""The fake WeChat API as a real aiohttp server: the endpoints bianmin calls, checked
as WeChat checks them, plus /fake/ control endpoints for tests and the sandbox.
Shipped with the product (demo mode, tests); never used against real WeChat."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.fake_wechat import checks
from bot.fake_wechat.checks import ERRMSG
from bot.fake_wechat.state import APIS, DEMO_TEMPLATE_ID, FakeWeChat, api_name

__all__ = ["DEMO_TEMPLATE_ID", "FAKE_KEY", "FakeWeChat", "make_fake_app"]

FAKE_KEY = web.AppKey("fake_wechat", FakeWeChat)

Result = tuple[int, dict[str, Any]] | web.StreamResponse
Handler = Callable[[FakeWeChat, web.Request, dict[str, Any]], Result]


def _json(data: Any, status: int = 200, content_type: str = "application/json") -> web.Response:
    # WeChat answers UTF-8 JSON with Chinese unescaped.
    text = json.dumps(data, ensure_ascii=False)
    return web.Response(text=text, status=status, content_type=content_type, charset="utf-8")


def _error(fake: FakeWeChat, code: int, content_type: str = "application/json") -> web.Response:
    # Real error messages end with a request id ("rid: ..."); clients must not parse errmsg.
    msg = f"{ERRMSG.get(code, 'error')} rid: fake-{len(fake.requests):06d}"
    return _json({"errcode": code, "errmsg": msg}, content_type=content_type)


def _endpoint(
    name: str,
    handler: Handler,
    *,
    token: bool = True,
    json_body: bool = True,
    error_type: str = "application/json",
) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def view(request: web.Request) -> web.StreamResponse:
        fake = request.app[FAKE_KEY]
        raw = await request.read()
        body: dict[str, Any] | None = None
        parse_error = False
        if json_body and raw.strip():
            try:
                loaded = json.loads(raw.decode("utf-8"))
                body = loaded if isinstance(loaded, dict) else None
                parse_error = body is None
            except (UnicodeDecodeError, ValueError):
                parse_error = True
        entry = fake.record(name, request.query.get("access_token"), body, raw)
        fault = fake.next_fault(name)
        if fault and fault.kind == "delay":
            await asyncio.sleep(fault.value)
            fault = None
        if fault and fault.kind == "drop":
            # The network dropped the connection: no status line at all.
            if request.transport is not None:
                request.transport.close()
            raise asyncio.CancelledError
        if fault and fault.kind == "http":
            return web.Response(
                status=int(fault.value), text="<html>Bad Gateway</html>", content_type="text/html"
            )
        code = int(fault.value) if fault else 0
        if not code and token:
            code = fake.check_token(request.query.get("access_token"))
        if not code and json_body:
            if not raw.strip():
                code = 44002
            elif parse_error or checks.escaped_unicode(raw):
                code = 47001
        if code:
            entry.errcode = code
            return _error(fake, code, error_type)
        result = handler(fake, request, body or {})
        if isinstance(result, web.StreamResponse):
            return result
        code, payload = result
        entry.errcode = code
        if code:
            return _error(fake, code, error_type)
        return _json(
            payload
            if name in {"stable_token", "token"}
            else {"errcode": 0, "errmsg": "ok", **payload}
        )

    return view


def _stable_token(fake: FakeWeChat, request: web.Request, body: dict[str, Any]) -> Result:
    if body.get("grant_type") != "client_credential":
        return 40002, {}
    code = fake.check_credentials(body.get("appid"), body.get("secret"))
    if code:
        return code, {}
    force = body.get("force_refresh", False)
    if not isinstance(force, bool):
        return 47001, {}
    return fake.stable_token(force)


def _classic_token(fake: FakeWeChat, request: web.Request, body: dict[str, Any]) -> Result:
    q = request.query
    if q.get("grant_type") != "client_credential":
        return 40002, {}
    code = fake.check_credentials(q.get("appid"), q.get("secret"))
    return (code, {}) if code else fake.classic_token()


def _custom_send(fake: FakeWeChat, request: web.Request, body: dict[str, Any]) -> Result:
    return fake.custom_send(body)


def _template_send(fake: FakeWeChat, request: web.Request, body: dict[str, Any]) -> Result:
    return fake.template_send(body)


def _menu_create(fake: FakeWeChat, request: web.Request, body: dict[str, Any]) -> Result:
    return checks.menu(body), {}


def _media_get(fake: FakeWeChat, request: web.Request, body: dict[str, Any]) -> Result:
    item = fake.media_get(request.query.get("media_id"))
    if item is None:
        return 40007, {}
    return web.Response(
        body=item.content,
        content_type=item.content_type,
        headers={"Content-Disposition": f'attachment; filename="{item.filename}"'},
    )


async def _pushes(request: web.Request) -> web.Response:
    fake = request.app[FAKE_KEY]
    after = int(request.query.get("after") or 0)
    openid = request.query.get("openid") or None
    return _json([p.to_json() for p in fake.pushes_for(openid, after)])


async def _requests(request: web.Request) -> web.Response:
    fake = request.app[FAKE_KEY]
    after = int(request.query.get("after") or 0)
    api = request.query.get("api")
    return _json([r.to_json() for r in fake.requests if r.id > after and api in (None, r.api)])


async def _fail(request: web.Request) -> web.Response:
    """{"api": name, "times": n, and one of "errcode", "delay" (s), "drop", "http_status"}."""
    fake = request.app[FAKE_KEY]
    spec = await request.json()
    api, times = spec.get("api", ""), int(spec.get("times", 1))
    try:
        if "errcode" in spec:
            fake.fail(api, int(spec["errcode"]), times)
        elif "delay" in spec:
            fake.delay(api, float(spec["delay"]), times)
        elif spec.get("drop"):
            fake.drop(api, times)
        elif "http_status" in spec:
            fake.fail_http(api, int(spec["http_status"]), times)
        else:
            raise ValueError("give errcode, delay, drop or http_status")
    except ValueError as exc:
        return _json({"error": str(exc)}, status=400)
    return _json({"ok": True, "api": api_name(api), "times": times})


async def _reset(request: web.Request) -> web.Response:
    request.app[FAKE_KEY].reset()
    return _json({"ok": True})


def make_fake_app(fake: FakeWeChat) -> web.Application:
    app = web.Application()
    app[FAKE_KEY] = fake
    r = app.router
    r.add_post(APIS["stable_token"], _endpoint("stable_token", _stable_token, token=False))
    r.add_get(APIS["token"], _endpoint("token", _classic_token, token=False, json_body=False))
    r.add_post(APIS["custom_send"], _endpoint("custom_send", _custom_send))
    r.add_post(APIS["template_send"], _endpoint("template_send", _template_send))
    r.add_post(APIS["menu_create"], _endpoint("menu_create", _menu_create))
    # media/get answers errors as text/plain JSON, which clients must still read.
    r.add_get(
        APIS["media_get"],
        _endpoint("media_get", _media_get, json_body=False, error_type="text/plain"),
    )
    r.add_get("/fake/pushes", _pushes)
    r.add_get("/fake/requests", _requests)
    r.add_post("/fake/fail", _fail)
    r.add_post("/fake/reset", _reset)
    return app
