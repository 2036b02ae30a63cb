"""Plain-HTTP calls to the fake WeChat API for its own tests (no bianmin client)."""

from __future__ import annotations

import json
from typing import Any

import aiohttp
from aiohttp.test_utils import TestServer

from bot.fake_wechat import FakeWeChat
from tests import helpers

Fake = tuple[FakeWeChat, TestServer]
OPENID = "oFakeApiVillager000000000001"
CUSTOM = "/cgi-bin/message/custom/send"


async def post(
    http: aiohttp.ClientSession,
    server: TestServer,
    path: str,
    body: Any = None,
    *,
    token: str | None = None,
    raw: bytes | None = None,
) -> dict[str, Any]:
    params = {"access_token": token} if token else {}
    data = raw if raw is not None else json.dumps(body, ensure_ascii=False).encode()
    async with http.post(server.make_url(path), params=params, data=data) as resp:
        assert resp.status == 200
        return dict(await resp.json(content_type=None))


async def stable(
    http: aiohttp.ClientSession, server: TestServer, force: bool = False, **over: Any
) -> dict[str, Any]:
    body = {
        "grant_type": "client_credential",
        "appid": helpers.APPID,
        "secret": helpers.SECRET,
        "force_refresh": force,
        **over,
    }
    return await post(http, server, "/cgi-bin/stable_token", body)


async def token(http: aiohttp.ClientSession, server: TestServer) -> str:
    return str((await stable(http, server))["access_token"])


def text(content: str, to: str = OPENID) -> dict[str, Any]:
    return {"touser": to, "msgtype": "text", "text": {"content": content}}
