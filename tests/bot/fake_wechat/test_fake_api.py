"""The fake WeChat API refuses what WeChat refuses: body shapes, the 48-hour window
and its quota, templates, media, menus; plus the /fake/ control endpoints. Plain
HTTP against a real server."""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest

from bot.clock import FixedClock
from bot.fake_wechat import DEMO_TEMPLATE_ID
from tests.bot.fake_wechat.fake_calls import CUSTOM, OPENID, Fake, post, stable, text, token

# -- customer-service messages -------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "errcode"),
    [
        (b"", 44002),
        (b"{not json", 47001),
        (b"[1, 2]", 47001),
        # Chinese as \u escapes: WeChat shows them literally, so the fake refuses them.
        (json.dumps(text("你好")).encode(), 47001),
        (json.dumps({"touser": OPENID, "msgtype": "telegram", "telegram": {}}).encode(), 40008),
        (json.dumps({"msgtype": "text", "text": {"content": "x"}}).encode(), 40003),
        (json.dumps({"touser": OPENID, "msgtype": "text", "text": {}}).encode(), 47001),
        (
            json.dumps({"touser": OPENID, "msgtype": "text", "text": {"content": " "}}).encode(),
            44004,
        ),
        (
            json.dumps({"touser": OPENID, "msgtype": "news", "news": {"articles": []}}).encode(),
            44003,
        ),
    ],
)
async def test_custom_send_refuses_bad_bodies(
    fake_wechat: Fake, http: aiohttp.ClientSession, body: bytes, errcode: int
) -> None:
    fake, server = fake_wechat
    fake.record_interaction(OPENID)
    assert (await post(http, server, CUSTOM, raw=body, token=await token(http, server)))[
        "errcode"
    ] == errcode
    assert fake.pushes == []


async def test_text_limit_is_2048_bytes(fake_wechat: Fake, http: aiohttp.ClientSession) -> None:
    fake, server = fake_wechat
    fake.record_interaction(OPENID)
    tok = await token(http, server)
    exact = "办" * 682 + "ab"  # 682 × 3 + 2 = 2048 bytes
    assert (await post(http, server, CUSTOM, text(exact), token=tok))["errcode"] == 0
    assert (await post(http, server, CUSTOM, text(exact + "c"), token=tok))["errcode"] == 45002


async def test_news_carries_one_article(fake_wechat: Fake, http: aiohttp.ClientSession) -> None:
    fake, server = fake_wechat
    fake.record_interaction(OPENID)
    tok = await token(http, server)
    article = {
        "title": "低保办理指南",
        "description": "材料清单",
        "url": "https://bm.example/guide/1",
        "picurl": "",
    }
    one = {"touser": OPENID, "msgtype": "news", "news": {"articles": [article]}}
    two = {"touser": OPENID, "msgtype": "news", "news": {"articles": [article, article]}}
    assert (await post(http, server, CUSTOM, one, token=tok))["errcode"] == 0
    assert (await post(http, server, CUSTOM, two, token=tok))["errcode"] == 45008
    assert [p.kind for p in fake.pushes] == ["news"]


async def test_recipient_must_be_a_follower(fake_wechat: Fake, http: aiohttp.ClientSession) -> None:
    fake, server = fake_wechat
    tok = await token(http, server)
    assert (await post(http, server, CUSTOM, text("hi", to="oStranger"), token=tok))[
        "errcode"
    ] == 40003
    fake.record_interaction(OPENID)
    fake.unfollow(OPENID)
    assert (await post(http, server, CUSTOM, text("hi"), token=tok))["errcode"] == 43004


async def test_48_hour_window(
    fake_wechat: Fake, http: aiohttp.ClientSession, clock: FixedClock
) -> None:
    fake, server = fake_wechat
    fake.follow(OPENID)
    assert (await post(http, server, CUSTOM, text("hi"), token=await token(http, server)))[
        "errcode"
    ] == 45015
    fake.record_interaction(OPENID)
    clock.advance(hours=47, minutes=59)
    assert (await post(http, server, CUSTOM, text("hi"), token=await token(http, server)))[
        "errcode"
    ] == 0
    clock.advance(minutes=1)
    assert (await post(http, server, CUSTOM, text("hi"), token=await token(http, server)))[
        "errcode"
    ] == 45015


async def test_quota_per_window_resets_when_the_villager_writes(
    fake_wechat: Fake, http: aiohttp.ClientSession
) -> None:
    fake, server = fake_wechat
    fake.record_interaction(OPENID)
    tok = await token(http, server)
    codes = [
        (await post(http, server, CUSTOM, text(f"第{i}条"), token=tok))["errcode"] for i in range(6)
    ]
    assert codes == [0, 0, 0, 0, 0, 45047]
    fake.record_interaction(OPENID)
    assert (await post(http, server, CUSTOM, text("again"), token=tok))["errcode"] == 0
    assert len(fake.pushes) == 6


# -- template messages ---------------------------------------------------------------------


async def test_template_send(
    fake_wechat: Fake, http: aiohttp.ClientSession, clock: FixedClock
) -> None:
    fake, server = fake_wechat
    fake.follow(OPENID)  # no interaction needed: templates are not bound to the window
    tok = await token(http, server)
    path = "/cgi-bin/message/template/send"
    good = {
        "touser": OPENID,
        "template_id": DEMO_TEMPLATE_ID,
        "url": "https://bm.example/t/1",
        "data": {"first": {"value": "您的事项已办结"}, "keyword1": {"value": "BM20261123-0001"}},
    }
    answer = await post(http, server, path, good, token=tok)
    assert answer["errcode"] == 0 and isinstance(answer["msgid"], int)
    assert fake.pushes[-1].msgid == answer["msgid"] and fake.pushes[-1].kind == "template"
    assert (await post(http, server, path, {**good, "template_id": "nope"}, token=tok))[
        "errcode"
    ] == 40037
    assert (await post(http, server, path, {**good, "data": {"first": "bare"}}, token=tok))[
        "errcode"
    ] == 47001
    fake.unfollow(OPENID)
    assert (await post(http, server, path, good, token=tok))["errcode"] == 43004


# -- media and menus -------------------------------------------------------------------


async def test_media_get(fake_wechat: Fake, http: aiohttp.ClientSession, clock: FixedClock) -> None:
    fake, server = fake_wechat
    fake.add_media("m1", b"\xff\xd8jpeg", "image/jpeg")
    tok = await token(http, server)
    async with http.get(
        server.make_url("/cgi-bin/media/get"), params={"access_token": tok, "media_id": "m1"}
    ) as r:
        assert await r.read() == b"\xff\xd8jpeg" and r.content_type == "image/jpeg"
        assert r.content_disposition is not None and r.content_disposition.filename == "m1.jpeg"
    clock.advance(days=3, seconds=1)  # temporary media live 3 days
    async with http.get(
        server.make_url("/cgi-bin/media/get"),
        params={"access_token": await token(http, server), "media_id": "m1"},
    ) as r:
        assert r.content_type == "text/plain" and json.loads(await r.text())["errcode"] == 40007


MENU_OK = {
    "button": [
        {"type": "click", "name": "办事指南", "key": "GUIDE"},
        {
            "name": "我的事项",
            "sub_button": [
                {"type": "click", "name": "进度查询", "key": "STATUS"},
                {"type": "view", "name": "中心地址", "url": "https://bm.example/where"},
            ],
        },
    ]
}


@pytest.mark.parametrize(
    ("menu", "errcode"),
    [
        (MENU_OK, 0),
        ({"button": []}, 40016),
        ({"button": [{"type": "click", "name": "a", "key": "k"}] * 4}, 40016),
        (
            {
                "button": [
                    {"name": "多", "sub_button": [{"type": "click", "name": "s", "key": "k"}] * 6}
                ]
            },
            40023,
        ),
        (
            {"button": [{"type": "click", "name": "一二三四五六", "key": "k"}]},
            40018,
        ),  # 18 bytes > 16
        ({"button": [{"type": "teleport", "name": "a", "key": "k"}]}, 40017),
        ({"button": [{"type": "click", "name": "a"}]}, 40019),
        ({"button": [{"type": "view", "name": "a", "url": "ftp://x"}]}, 40055),
        (
            {
                "button": [
                    {"name": "a", "sub_button": [{"type": "click", "name": "长" * 21, "key": "k"}]}
                ]
            },
            40025,
        ),
    ],
)
async def test_menu_create_checks_structure(
    fake_wechat: Fake, http: aiohttp.ClientSession, menu: dict[str, Any], errcode: int
) -> None:
    _, server = fake_wechat
    answer = await post(http, server, "/cgi-bin/menu/create", menu, token=await token(http, server))
    assert answer["errcode"] == errcode


# -- control endpoints and fault injection ---------------------------------------------


async def test_control_endpoints(fake_wechat: Fake, http: aiohttp.ClientSession) -> None:
    fake, server = fake_wechat
    fake.record_interaction(OPENID)
    fake.record_interaction("oOther")
    tok = await token(http, server)
    for who in (OPENID, "oOther", OPENID):
        await post(http, server, CUSTOM, text("你好", to=who), token=tok)
    async with http.get(server.make_url("/fake/pushes"), params={"openid": OPENID}) as resp:
        mine = await resp.json()
    assert [p["body"]["text"]["content"] for p in mine] == ["你好", "你好"]
    async with http.get(
        server.make_url("/fake/pushes"), params={"after": str(mine[0]["id"])}
    ) as resp:
        assert [p["openid"] for p in await resp.json()] == ["oOther", OPENID]
    async with http.post(
        server.make_url("/fake/fail"), json={"api": "custom_send", "errcode": 45015}
    ) as resp:
        assert (await resp.json())["ok"]
    assert (await post(http, server, CUSTOM, text("x"), token=tok))["errcode"] == 45015
    assert (await post(http, server, CUSTOM, text("x"), token=tok))["errcode"] == 0
    async with http.post(server.make_url("/fake/fail"), json={"api": "nope", "errcode": 1}) as resp:
        assert resp.status == 400
    async with http.get(server.make_url("/fake/requests"), params={"api": "custom_send"}) as resp:
        assert [r["errcode"] for r in await resp.json()] == [0, 0, 0, 45015, 0]
    async with http.post(server.make_url("/fake/reset")) as resp:
        assert resp.status == 200
    assert fake.pushes == [] and fake.requests == [] and fake.check_token(tok) == 40001


async def test_injected_http_error_and_drop(fake_wechat: Fake, http: aiohttp.ClientSession) -> None:
    fake, server = fake_wechat
    fake.fail_http("/cgi-bin/stable_token", 502)
    async with http.post(server.make_url("/cgi-bin/stable_token"), json={}) as resp:
        assert resp.status == 502
    fake.drop("stable_token")
    with pytest.raises(aiohttp.ServerDisconnectedError):
        async with http.post(server.make_url("/cgi-bin/stable_token"), json={}) as resp:
            await resp.read()
    assert "access_token" in await stable(http, server)
