"""bot/wechat_client.py against the fake WeChat on a real port: every API call, the
one refresh-and-retry after 40001, typed errors, timeouts, UTF-8 bodies and the base
URL from settings."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.clock import FixedClock
from bot.config import Settings
from bot.fake_wechat import DEMO_TEMPLATE_ID, FakeWeChat, make_fake_app
from bot.token_store import DatabaseTokenStore
from bot.wechat_client import (
    CustomQuotaExceeded,
    IpNotWhitelisted,
    Media,
    NotFollowing,
    ReplyWindowClosed,
    SubscribeRefused,
    SystemBusy,
    TokenInvalid,
    TokenQuotaExceeded,
    WeChatClient,
    WeChatError,
    WeChatNetworkError,
)
from tests import helpers
from tests.bot.conftest import MakeClient

Fake = tuple[FakeWeChat, TestServer]
OPENID = "oClientVillager0000000000001"


def calls(fake: FakeWeChat, api: str) -> list[Any]:
    return [r for r in fake.requests if r.api == api]


async def test_access_token_uses_stable_token(fake_wechat: Fake, make_client: MakeClient) -> None:
    fake, _ = fake_wechat
    client = make_client()
    token = await client.access_token()
    assert fake.check_token(token) == 0
    (req,) = calls(fake, "stable_token")
    assert req.body == {
        "grant_type": "client_credential",
        "appid": helpers.APPID,
        "secret": helpers.SECRET,
        "force_refresh": False,
    }
    assert await client.access_token() == token and len(calls(fake, "stable_token")) == 1


async def test_bad_secret_surfaces(fake_wechat: Fake, make_client: MakeClient) -> None:
    with pytest.raises(WeChatError) as info:
        await make_client(secret="wrong").access_token()
    assert info.value.errcode == 40125 and type(info.value) is WeChatError


async def test_send_text_is_utf8_json(fake_wechat: Fake, make_client: MakeClient) -> None:
    fake, _ = fake_wechat
    fake.record_interaction(OPENID)
    await make_client().send_text(OPENID, "您好，低保申请需要带身份证。")
    (push,) = fake.pushes
    assert push.kind == "text" and push.body["text"]["content"] == "您好，低保申请需要带身份证。"
    (req,) = calls(fake, "custom_send")
    assert "低保".encode() in req.raw and b"\\u" not in req.raw


async def test_send_news(fake_wechat: Fake, make_client: MakeClient) -> None:
    fake, _ = fake_wechat
    fake.record_interaction(OPENID)
    article = {
        "title": "高龄津贴",
        "description": "一次性告知",
        "url": "https://bm.example/guide/7",
        "picurl": "https://bm.example/p.png",
    }
    await make_client().send_news(OPENID, [article])
    assert fake.pushes[0].body["news"]["articles"] == [article]


async def test_send_template_returns_msgid(fake_wechat: Fake, make_client: MakeClient) -> None:
    fake, _ = fake_wechat
    fake.follow(OPENID)
    msgid = await make_client().send_template(
        OPENID,
        DEMO_TEMPLATE_ID,
        {"first": "您的事项已受理", "keyword1": "BM20261123-0007"},
        url="https://bm.example/t",
    )
    (push,) = fake.pushes
    assert push.msgid == msgid and push.kind == "template"
    assert push.body["data"]["keyword1"] == {"value": "BM20261123-0007"}
    assert push.body["url"] == "https://bm.example/t"


async def test_download_media(fake_wechat: Fake, make_client: MakeClient) -> None:
    fake, _ = fake_wechat
    fake.add_media("voice-1", b"#!AMR\n...", "audio/amr", "voice-1.amr")
    client = make_client()
    assert await client.download_media("voice-1") == Media(
        b"#!AMR\n...", "audio/amr", "voice-1.amr"
    )
    with pytest.raises(WeChatError) as info:
        await client.download_media("gone")
    assert info.value.errcode == 40007


async def test_create_menu(fake_wechat: Fake, make_client: MakeClient) -> None:
    fake, _ = fake_wechat
    client = make_client()
    await client.create_menu({"button": [{"type": "click", "name": "办事指南", "key": "GUIDE"}]})
    with pytest.raises(WeChatError) as info:
        await client.create_menu({"button": [{"type": "click", "name": "a", "key": "k"}] * 4})
    assert info.value.errcode == 40016 and not info.value.retryable


async def test_40001_refreshes_and_retries_once(fake_wechat: Fake, make_client: MakeClient) -> None:
    fake, _ = fake_wechat
    fake.record_interaction(OPENID)
    client = make_client()
    old = await client.access_token()
    fake.stable_token(force=True)  # another party forced a refresh: our token is dead
    await client.send_text(OPENID, "第一条")
    first, second = calls(fake, "custom_send")
    assert first.errcode == 40001 and second.errcode == 0 and second.access_token != old
    assert len(calls(fake, "stable_token")) == 2  # the normal mode already returns the new token
    assert len(fake.pushes) == 1


async def test_refused_token_that_wechat_still_hands_out_is_forced(
    fake_wechat: Fake, make_client: MakeClient
) -> None:
    fake, _ = fake_wechat
    fake.record_interaction(OPENID)
    client = make_client()
    old = await client.access_token()
    fake.fail("custom_send", 42001)
    await client.send_text(OPENID, "hi")
    bodies = [r.body["force_refresh"] for r in calls(fake, "stable_token")]
    assert bodies == [False, False, True]  # normal mode gave `old` back, so force
    assert fake.check_token(old) == 40001 and len(fake.pushes) == 1


async def test_second_40001_surfaces(fake_wechat: Fake, make_client: MakeClient) -> None:
    fake, _ = fake_wechat
    fake.record_interaction(OPENID)
    fake.fail("custom_send", 40001, times=2)
    with pytest.raises(TokenInvalid) as info:
        await make_client().send_text(OPENID, "hi")
    assert info.value.errcode == 40001 and info.value.api == "custom_send"
    assert len(calls(fake, "custom_send")) == 2 and fake.pushes == []


@pytest.mark.parametrize(
    ("errcode", "error", "retryable"),
    [
        (45009, TokenQuotaExceeded, True),
        (45015, ReplyWindowClosed, False),
        (45047, CustomQuotaExceeded, False),
        (43004, NotFollowing, False),
        (43101, SubscribeRefused, False),
        (40164, IpNotWhitelisted, True),
        (-1, SystemBusy, True),
        (48001, WeChatError, False),
    ],
)
async def test_errcodes_become_typed_errors(
    fake_wechat: Fake,
    make_client: MakeClient,
    errcode: int,
    error: type[WeChatError],
    retryable: bool,
) -> None:
    fake, _ = fake_wechat
    fake.record_interaction(OPENID)
    fake.fail("custom_send", errcode)
    with pytest.raises(error) as info:
        await make_client().send_text(OPENID, "hi")
    assert type(info.value) is error and info.value.errcode == errcode
    assert info.value.retryable is retryable and info.value.errmsg


async def test_ip_whitelist_is_logged_loudly(
    fake_wechat: Fake, make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    fake, _ = fake_wechat
    fake.fail("stable_token", 40164)
    with (
        caplog.at_level(logging.ERROR, logger="bot.wechat_client"),
        pytest.raises(IpNotWhitelisted),
    ):
        await make_client().access_token()
    assert any(r.levelno == logging.ERROR and "40164" in r.getMessage() for r in caplog.records)


async def test_real_window_and_quota_errors(
    fake_wechat: Fake, make_client: MakeClient, clock: FixedClock
) -> None:
    fake, _ = fake_wechat
    client = make_client()
    fake.record_interaction(OPENID)
    for _ in range(fake.custom_quota):
        await client.send_text(OPENID, "进度通知")
    with pytest.raises(CustomQuotaExceeded):
        await client.send_text(OPENID, "one too many")
    clock.advance(hours=49)
    with pytest.raises(ReplyWindowClosed):
        await client.send_text(OPENID, "too late")
    fake.unfollow(OPENID)
    with pytest.raises(NotFollowing):
        await client.send_template(OPENID, DEMO_TEMPLATE_ID, {"first": "x"})


async def test_timeout_is_a_network_error_within_the_timeout(
    fake_wechat: Fake, make_client: MakeClient
) -> None:
    fake, _ = fake_wechat
    fake.record_interaction(OPENID)
    client = make_client(timeout=0.3)
    await client.access_token()
    fake.delay("custom_send", 3.0)
    loop = asyncio.get_running_loop()
    start = loop.time()
    with pytest.raises(WeChatNetworkError) as info:
        await client.send_text(OPENID, "hi")
    assert loop.time() - start < 1.0
    assert info.value.retryable and info.value.errcode is None


@pytest.mark.parametrize("inject", ["drop", "http_502", "html_200"])
async def test_broken_answers_are_network_errors(
    fake_wechat: Fake, make_client: MakeClient, inject: str
) -> None:
    fake, _ = fake_wechat
    fake.record_interaction(OPENID)
    client = make_client()
    token = await client.access_token()
    if inject == "drop":
        fake.drop("custom_send")
    else:
        fake.fail_http("custom_send", 502 if inject == "http_502" else 200)
    with pytest.raises(WeChatNetworkError) as info:
        await client.send_text(OPENID, "hi")
    assert token not in str(info.value)  # the token never leaks into logs


async def test_connection_refused_is_a_network_error(
    http: aiohttp.ClientSession, clock: FixedClock, sessions: Any, unused_tcp_port: int
) -> None:
    client = WeChatClient(
        base_url=f"http://127.0.0.1:{unused_tcp_port}",
        appid=helpers.APPID,
        secret=helpers.SECRET,
        http=http,
        clock=clock,
        token_store=DatabaseTokenStore(sessions, clock),
        timeout=1.0,
    )
    with pytest.raises(WeChatNetworkError):
        await client.access_token()


async def test_base_url_from_settings_with_a_path_prefix(
    http: aiohttp.ClientSession, clock: FixedClock, sessions: Any
) -> None:
    fake = FakeWeChat(appid=helpers.APPID, secret=helpers.SECRET, clock=clock)
    proxy = web.Application()
    proxy.add_subapp("/wx-proxy/", make_fake_app(fake))  # e.g. an egress proxy in front of WeChat
    server = TestServer(proxy)
    await server.start_server()
    try:
        settings = Settings(
            wechat_token="t",
            wechat_appid=helpers.APPID,
            wechat_secret=helpers.SECRET,
            wechat_api_base=str(server.make_url("/wx-proxy/")),
            wechat_timeout=2.0,
        )
        client = WeChatClient.from_settings(
            settings, http=http, clock=clock, token_store=DatabaseTokenStore(sessions, clock)
        )
        fake.record_interaction(OPENID)
        await client.send_text(OPENID, "经由代理")
        assert [p.body["text"]["content"] for p in fake.pushes] == ["经由代理"]
    finally:
        await server.close()
