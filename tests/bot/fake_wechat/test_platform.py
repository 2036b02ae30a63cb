"""bot/fake_wechat/platform.py against a wechatpy callback server (the gateway's library),
so crypto and XML are checked by a second implementation; plus the 48 h bookkeeping."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.replies import ArticlesReply, TextReply
from wechatpy.utils import check_signature

from bot.clock import FixedClock
from bot.fake_wechat import FakePlatform, FakeWeChat
from tests import helpers

OPENID = "oPlatformVillager00000000001"
Reply = Callable[[Any], str]


class EchoBot:
    """Answers text with "收到：<content>", events with "success", unless told otherwise."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes, Any]] = []
        self.reply: Reply | None = None
        self.delay = 0.0
        self.encrypt = True  # encrypt replies in safe mode, as a correct server does
        self.crypto = WeChatCrypto(helpers.TOKEN, helpers.AES_KEY, helpers.APPID)

    async def handle(self, request: web.Request) -> web.Response:
        q = request.query
        check_signature(helpers.TOKEN, q["signature"], q["timestamp"], q["nonce"])
        if request.method == "GET":
            return web.Response(text=q["echostr"])
        raw = await request.read()
        xml = raw.decode()
        if q.get("encrypt_type") == "aes":
            xml = self.crypto.decrypt_message(xml, q["msg_signature"], q["timestamp"], q["nonce"])
        msg = parse_message(xml)
        self.received.append((dict(q), raw, msg))
        await asyncio.sleep(self.delay)
        if self.reply is not None:
            out = self.reply(msg)
        elif msg.type == "text":
            out = TextReply(message=msg, content="收到：" + msg.content).render()
        else:
            out = "success"
        if self.encrypt and q.get("encrypt_type") == "aes" and out.startswith("<xml>"):
            out = self.crypto.encrypt_message(out, q["nonce"], q["timestamp"])
        return web.Response(text=out, content_type="application/xml")


@pytest.fixture
async def bot() -> AsyncIterator[tuple[EchoBot, TestServer]]:
    echo = EchoBot()
    app = web.Application()
    app.router.add_route("*", "/wechat", echo.handle)
    server = TestServer(app)
    await server.start_server()
    yield echo, server
    await server.close()


@pytest.fixture
def make_platform(
    bot: tuple[EchoBot, TestServer],
    http: aiohttp.ClientSession,
    clock: FixedClock,
    fake_wechat: tuple[FakeWeChat, TestServer],
) -> Callable[..., FakePlatform]:
    def build(**over: Any) -> FakePlatform:
        options: dict[str, Any] = dict(
            callback_url=str(bot[1].make_url("/wechat")),
            token=helpers.TOKEN,
            appid=helpers.APPID,
            aes_key=helpers.AES_KEY,
            mode="plain",
            http=http,
            clock=clock,
            fake=fake_wechat[0],
            account_id=helpers.ACCOUNT,
        )
        options.update(over)
        return FakePlatform(**options)

    return build


@pytest.mark.parametrize("mode", ["plain", "compat", "aes"])
async def test_text_round_trip_in_every_mode(
    mode: str,
    bot: tuple[EchoBot, TestServer],
    make_platform: Callable[..., FakePlatform],
    clock: FixedClock,
) -> None:
    echo, _ = bot
    result = await make_platform(mode=mode).text(OPENID, "办低保要带什么")
    assert result.ok, result.error
    assert result.reply is not None and result.reply["Content"] == "收到：办低保要带什么"
    query, raw, msg = echo.received[0]
    assert (
        msg.source == OPENID and msg.target == helpers.ACCOUNT and msg.content == "办低保要带什么"
    )
    assert msg.create_time.timestamp() == clock.now().timestamp() and msg.id > 0
    assert query["openid"] == OPENID
    assert ("encrypt_type" in query) is (mode != "plain")
    assert (b"<Content>" in raw) is (mode != "aes")  # safe mode sends only ToUserName + Encrypt
    if mode == "aes":
        assert "<Encrypt>" in result.reply_xml and "<Content>" not in result.reply_xml


@pytest.mark.parametrize(
    ("msg_type", "fields", "check"),
    [
        (
            "voice",
            {"Recognition": "我想办医保"},
            lambda m: m.type == "voice" and m.recognition == "我想办医保",
        ),
        (
            "image",
            {"PicUrl": "http://mmbiz/x.jpg"},
            lambda m: m.type == "image" and m.image == "http://mmbiz/x.jpg",
        ),
        (
            "location",
            {"Label": "某某村"},
            lambda m: (
                m.type == "location"
                and m.label == "某某村"
                and m.location == ("23.134521", "113.358803")
            ),
        ),
        (
            "link",
            {"Title": "通知", "Url": "http://x"},
            lambda m: m.type == "link" and m.title == "通知",
        ),
        ("video", {}, lambda m: m.type == "video" and m.media_id.startswith("media_")),
        (
            "event",
            {"Event": "subscribe", "EventKey": "qrscene_village7"},
            lambda m: m.event == "subscribe_scan" and m.scene_id == "village7",
        ),
        ("event", {"Event": "subscribe"}, lambda m: m.event == "subscribe"),
        ("event", {"Event": "unsubscribe"}, lambda m: m.event == "unsubscribe"),
        (
            "event",
            {"Event": "SCAN", "EventKey": "village7"},
            lambda m: m.event == "scan" and m.scene_id == "village7",
        ),
        (
            "event",
            {"Event": "CLICK", "EventKey": "STATUS"},
            lambda m: m.event == "click" and m.key == "STATUS",
        ),
        (
            "event",
            {"Event": "VIEW", "EventKey": "https://bm.example/"},
            lambda m: m.event == "view",
        ),
        (
            "event",
            {
                "Event": "LOCATION",
                "Latitude": 23.137466,
                "Longitude": 113.352425,
                "Precision": 119.385040,
            },
            lambda m: m.event == "location" and m.latitude == 23.137466,
        ),
        (
            "event",
            {"Event": "TEMPLATESENDJOBFINISH", "MsgID": 200163836, "Status": "failed:user block"},
            lambda m: (
                m.event == "templatesendjobfinish"
                and m.id == 200163836
                and m.status == "failed:user block"
            ),
        ),
    ],
)
async def test_every_message_type_parses_as_wechat_sends_it(
    msg_type: str,
    fields: dict[str, Any],
    check: Callable[[Any], bool],
    bot: tuple[EchoBot, TestServer],
    make_platform: Callable[..., FakePlatform],
) -> None:
    result = await make_platform(mode="aes").send(OPENID, msg_type, **fields)
    assert result.ok and result.reply is None  # "success"
    assert check(bot[0].received[0][2])


async def test_interactions_open_the_48_hour_window(
    make_platform: Callable[..., FakePlatform],
    fake_wechat: tuple[FakeWeChat, TestServer],
    clock: FixedClock,
) -> None:
    fake, _ = fake_wechat
    platform = make_platform()
    await platform.send(OPENID, "event", Event="VIEW", EventKey="https://bm.example/")
    assert fake.followers[OPENID] and not fake.window_open(OPENID)  # VIEW does not open it
    await platform.text(OPENID, "你好")
    assert fake.last_interaction[OPENID] == clock.now() and fake.window_open(OPENID)
    clock.advance(hours=48)
    assert not fake.window_open(OPENID)
    await platform.send(OPENID, "event", Event="CLICK", EventKey="STATUS")
    assert fake.window_open(OPENID)
    await platform.send(OPENID, "event", Event="unsubscribe")
    assert fake.followers[OPENID] is False


async def test_retry_resends_the_identical_request(
    bot: tuple[EchoBot, TestServer], make_platform: Callable[..., FakePlatform]
) -> None:
    echo, _ = bot
    platform = make_platform(mode="aes")
    first = await platform.text(OPENID, "重发")
    again = await platform.retry(first)
    assert echo.received[0][:2] == echo.received[1][:2]
    assert again.reply == first.reply


async def test_no_answer_in_time_is_reported(
    bot: tuple[EchoBot, TestServer], make_platform: Callable[..., FakePlatform]
) -> None:
    bot[0].delay = 1.0
    result = await make_platform(timeout=0.2).text(OPENID, "慢")
    assert result.status == 0 and not result.ok and "retries" in (result.error or "")


async def test_verify_url(make_platform: Callable[..., FakePlatform]) -> None:
    assert (await make_platform().verify_url("echo-1")).ok
    assert not (await make_platform(token="wrong").verify_url("echo-2")).ok


def _text(content: str, to: str = OPENID, source: str = helpers.ACCOUNT) -> Reply:
    return lambda msg: TextReply(source=source, target=to, content=content).render()


@pytest.mark.parametrize(
    ("mode", "reply", "error"),
    [
        ("plain", _text("x", to="oSomeoneElse"), "ToUserName"),
        ("plain", _text("x", source="gh_wrong"), "FromUserName"),
        ("plain", _text(""), "empty Content"),
        ("plain", lambda m: "<xml><ToUserName>", "unusable"),
        ("plain", lambda m: "<xml><MsgType>event</MsgType></xml>", "ToUserName"),
        ("aes", _text("plain in safe mode"), "plaintext reply in safe mode"),
        (
            "plain",
            lambda m: ArticlesReply(
                message=m,
                articles=[{"title": "a", "description": "", "image": "", "url": "http://a"}] * 2,
            ).render(),
            "1-1 Articles",
        ),
    ],
)
async def test_replies_wechat_would_refuse(
    bot: tuple[EchoBot, TestServer],
    make_platform: Callable[..., FakePlatform],
    mode: str,
    reply: Reply,
    error: str,
) -> None:
    bot[0].reply = reply
    bot[0].encrypt = False
    result = await make_platform(mode=mode).text(OPENID, "问")
    assert not result.ok and error in (result.error or "")


async def test_tampered_encrypted_reply_is_refused(
    bot: tuple[EchoBot, TestServer], make_platform: Callable[..., FakePlatform]
) -> None:
    echo = bot[0]

    def forged(msg: Any) -> str:
        good = echo.crypto.encrypt_message(TextReply(message=msg, content="x").render(), "n", "1")
        return good.replace("<Nonce><![CDATA[n]]></Nonce>", "<Nonce><![CDATA[m]]></Nonce>")

    echo.reply, echo.encrypt = forged, False
    result = await make_platform(mode="compat").text(OPENID, "问")
    assert not result.ok and "msg_signature" in (result.error or "")


def test_control_characters_are_sent_as_wechat_sends_them(
    make_platform: Callable[..., FakePlatform],
) -> None:
    request = make_platform().build(OPENID, "text", Content="a\x08b]]>c")
    assert b"a\x08b]]]]><![CDATA[>c" in request.body
