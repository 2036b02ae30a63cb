"""Demo mode only: the fake WeChat API mounted in-process at /fake-wechat, demo
staff, and /sim — a phone-like page that sends properly signed (optionally
encrypted) XML to /wechat through the fake platform and shows the pushes."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.demo import seed_staff, sync_departments
from bot.fake_wechat.api import FakeWeChat, make_fake_app
from bot.fake_wechat.platform import FakePlatform
from bot.runtime import RUNTIME

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
FAKE = web.AppKey("fake_wechat", FakeWeChat)
MAX_TEXT = 600  # the sandbox's input box; WeChat itself allows more


def mount_demo(app: web.Application) -> None:
    rt = app[RUNTIME]
    fake = FakeWeChat(
        appid=rt.settings.wechat_appid, secret=rt.settings.wechat_secret, clock=rt.clock
    )
    if rt.settings.wechat_template_status:
        fake.add_template(rt.settings.wechat_template_status)
    app[FAKE] = fake
    app.add_subapp("/fake-wechat/", make_fake_app(fake))
    app.router.add_get("/sim", sim_page)
    app.router.add_post("/sim/api/send", sim_send)
    app.router.add_get("/sim/api/pushes", sim_pushes)
    app.cleanup_ctx.append(_seed)


async def _seed(app: web.Application) -> AsyncIterator[None]:
    rt = app[RUNTIME]
    await sync_departments(rt.sessionmaker, rt.knowledge.current)
    created = await seed_staff(rt.sessionmaker, rt.clock, rt.knowledge.current)
    if created:
        print("demo staff accounts (shown once; the console is at /console/):", flush=True)
        for username, role, password in created:
            print(f"  {username:16} {role:7} password: {password}", flush=True)
    yield


async def sim_page(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "sim.html", headers={"Cache-Control": "no-store"})


async def sim_send(request: web.Request) -> web.Response:
    """{"openid", "kind": text|voice|image|location|subscribe|unsubscribe, "text", "mode": plain|aes}."""
    rt = request.app[RUNTIME]
    try:
        spec: dict[str, Any] = await request.json()
        openid = str(spec["openid"])[:64]
        kind = str(spec.get("kind", "text"))
        text = str(spec.get("text", ""))[:MAX_TEXT]
    except (ValueError, KeyError, TypeError):
        return web.json_response({"error": "bad request"}, status=400)
    mode = "aes" if spec.get("mode") == "aes" and rt.settings.wechat_aes_key else "plain"
    assert rt.http is not None
    platform = FakePlatform(
        callback_url=f"http://{rt.settings.host}:{rt.settings.port}/wechat",
        token=rt.settings.wechat_token,
        appid=rt.settings.wechat_appid,
        aes_key=rt.settings.wechat_aes_key or None,
        mode=mode,
        http=rt.http,
        clock=rt.clock,
        fake=request.app[FAKE],
    )
    if kind == "text":
        result = await platform.text(openid, text)
    elif kind == "voice":
        result = await platform.send(openid, "voice", Recognition=text)
    elif kind == "image":
        fake = request.app[FAKE]
        result = await platform.send(openid, "image")
        media_id = result.request.message.get("MediaId") if result.request else None
        if media_id:
            fake.add_media(str(media_id), _PIXEL, "image/png")
    elif kind == "location":
        result = await platform.send(openid, "location", Label=text or "")
    elif kind in ("subscribe", "unsubscribe"):
        result = await (
            platform.subscribe(openid, text or None)
            if kind == "subscribe"
            else platform.send(openid, "event", Event="unsubscribe")
        )
    else:
        return web.json_response({"error": f"unknown kind {kind}"}, status=400)
    return web.json_response(
        {
            "status": result.status,
            "ok": result.ok,
            "error": result.error,
            "elapsed_ms": round(result.elapsed * 1000),
            "reply": result.reply,
            "mode": mode,
        }
    )


async def sim_pushes(request: web.Request) -> web.Response:
    fake = request.app[FAKE]
    openid = request.query.get("openid") or None
    after = int(request.query.get("after") or 0)
    return web.json_response([p.to_json() for p in fake.pushes_for(openid, after)])


# A 1x1 PNG stands in for a photographed document in the sandbox.
_PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
