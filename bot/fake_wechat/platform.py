"""The villager's side of WeChat: builds callback XML exactly as WeChat does, signs
(and in safe mode encrypts) it, POSTs it to the bot's /wechat, and checks the reply
as WeChat would. Uses its own crypto (crypto.py), never wechatpy, so a bug in how the
gateway uses wechatpy cannot hide behind the same bug here."""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass, field
from typing import Any, Literal

import aiohttp

from bot.clock import Clock
from bot.fake_wechat.callback_xml import check_reply, element, render
from bot.fake_wechat.crypto import MessageCrypto, sha1_signature
from bot.fake_wechat.state import FakeWeChat

Mode = Literal["plain", "compat", "aes"]

# 客服消息 rules: the 48 h window opens when the villager sends a message, follows,
# scans a QR code or clicks a menu item of these kinds; VIEW, LOCATION reports,
# unsubscribe and TEMPLATESENDJOBFINISH do not open it.
OPENS_WINDOW = {"subscribe", "SCAN", "CLICK", "scancode_push", "scancode_waitmsg"}
# WeChat waits 5 seconds for the server, then drops the request and retries.
WECHAT_TIMEOUT = 5.0


@dataclass(frozen=True)
class PlatformRequest:
    openid: str
    params: dict[str, str]
    body: bytes
    message: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PlatformResult:
    """status 0 means WeChat got no answer in time. `reply` is the parsed (decrypted)
    reply, None for "success"/empty. `error` says why WeChat would show the villager
    its "this account cannot serve you now" notice instead of the reply."""

    status: int
    reply_xml: str
    reply: dict[str, Any] | None
    elapsed: float
    error: str | None = None
    request: PlatformRequest | None = None

    @property
    def ok(self) -> bool:
        return self.status == 200 and self.error is None


class FakePlatform:
    """:param callback_url: the bot's /wechat URL
    :param token, appid, aes_key: as configured in the Official Account
    :param mode: "plain", "compat" (plain + Encrypt) or "aes" (safe mode)
    :param fake: the FakeWeChat whose 48 h window and followers the messages update"""

    def __init__(
        self,
        *,
        callback_url: str,
        token: str,
        appid: str,
        aes_key: str | None = None,
        mode: Mode = "plain",
        http: aiohttp.ClientSession,
        clock: Clock,
        fake: FakeWeChat | None = None,
        account_id: str | None = None,
        timeout: float = WECHAT_TIMEOUT,
    ) -> None:
        if mode != "plain" and not aes_key:
            raise ValueError(f"mode {mode!r} needs aes_key")
        self.callback_url = callback_url
        self.token = token
        self.mode = mode
        self.crypto = MessageCrypto(token, aes_key, appid) if aes_key else None
        self.http = http
        self.clock = clock
        self.fake = fake
        self.account_id = account_id or (fake.account_id if fake else "gh_bianmin000001")
        self.timeout = timeout
        self.last: PlatformResult | None = None

    # -- building ---------------------------------------------------------------
    def message(self, openid: str, msg_type: str = "text", **fields: Any) -> dict[str, Any]:
        """The callback's fields in WeChat's order, with WeChat's tag names
        (Content, MediaId, Recognition, Event, EventKey, MsgID, Status...)."""
        msg: dict[str, Any] = {
            "ToUserName": self.account_id,
            "FromUserName": openid,
            "CreateTime": int(self.clock.now().timestamp()),
            "MsgType": msg_type,
        }
        n = secrets.token_hex(6)
        defaults: dict[str, dict[str, Any]] = {
            "image": {"PicUrl": f"http://mmbiz.qpic.cn/fake/{n}/0", "MediaId": f"media_{n}"},
            "voice": {"MediaId": f"media_{n}", "Format": "amr"},
            "video": {"MediaId": f"media_{n}", "ThumbMediaId": f"thumb_{n}"},
            "shortvideo": {"MediaId": f"media_{n}", "ThumbMediaId": f"thumb_{n}"},
            "location": {
                "Location_X": 23.134521,
                "Location_Y": 113.358803,
                "Scale": 20,
                "Label": "",
            },
            "link": {"Title": "", "Description": "", "Url": "http://example.com/"},
        }
        msg.update(defaults.get(msg_type, {}))
        msg.update(fields)
        if msg_type == "text" and "Content" not in msg:
            raise ValueError("a text message needs Content=")
        if msg_type == "event" and "Event" not in msg:
            raise ValueError("an event needs Event=")
        if msg_type != "event":
            msg.setdefault("MsgId", 10**18 + secrets.randbelow(9 * 10**18))
        return msg

    def render(self, msg: dict[str, Any]) -> str:
        return render(msg)

    def build(self, openid: str, msg_type: str = "text", **fields: Any) -> PlatformRequest:
        """The signed (and, per mode, encrypted) POST WeChat would send."""
        msg = self.message(openid, msg_type, **fields)
        plain = self.render(msg)
        timestamp, nonce = str(msg["CreateTime"]), str(secrets.randbelow(10**10))
        params = {
            "signature": sha1_signature(self.token, timestamp, nonce),
            "timestamp": timestamp,
            "nonce": nonce,
            "openid": openid,
        }
        body = plain
        if self.crypto is not None and self.mode != "plain":
            encrypted = self.crypto.encrypt(plain)
            params.update(
                encrypt_type="aes", msg_signature=self.crypto.signature(timestamp, nonce, encrypted)
            )
            if self.mode == "aes":
                body = f"<xml>{element('ToUserName', self.account_id)}{element('Encrypt', encrypted)}</xml>"
            else:  # compat: the plaintext fields plus Encrypt
                body = plain[: -len("</xml>")] + element("Encrypt", encrypted) + "</xml>"
        return PlatformRequest(openid, params, body.encode("utf-8"), msg)

    # -- sending ------------------------------------------------------------------
    async def send(self, openid: str, msg_type: str = "text", **fields: Any) -> PlatformResult:
        request = self.build(openid, msg_type, **fields)
        self._note_interaction(request.message)
        self.last = await self._post(request)
        return self.last

    async def retry(self, previous: PlatformResult | None = None) -> PlatformResult:
        """Resend the identical request, as WeChat does after 5 s without an answer."""
        base = previous or self.last
        if base is None or base.request is None:
            raise ValueError("nothing to retry")
        return await self._post(base.request)

    async def text(self, openid: str, content: str) -> PlatformResult:
        return await self.send(openid, "text", Content=content)

    async def subscribe(self, openid: str, scene: str | None = None) -> PlatformResult:
        extra = {"EventKey": f"qrscene_{scene}", "Ticket": f"ticket_{scene}"} if scene else {}
        return await self.send(openid, "event", Event="subscribe", **extra)

    async def template_finished(
        self, openid: str, msgid: int, status: str = "success"
    ) -> PlatformResult:
        """TEMPLATESENDJOBFINISH: status success | failed:user block | failed: system failed."""
        return await self.send(
            openid, "event", Event="TEMPLATESENDJOBFINISH", MsgID=msgid, Status=status
        )

    async def verify_url(self, echostr: str | None = None) -> PlatformResult:
        """The GET handshake when the URL is saved in the Official Account settings."""
        echo = echostr or str(secrets.randbelow(10**18))
        timestamp, nonce = str(int(self.clock.now().timestamp())), str(secrets.randbelow(10**10))
        params = {
            "signature": sha1_signature(self.token, timestamp, nonce),
            "timestamp": timestamp,
            "nonce": nonce,
            "echostr": echo,
        }
        start = asyncio.get_running_loop().time()
        try:
            async with self.http.get(
                self.callback_url, params=params, timeout=aiohttp.ClientTimeout(total=self.timeout)
            ) as resp:
                status, text = resp.status, await resp.text()
        except (TimeoutError, aiohttp.ClientError) as exc:
            return PlatformResult(0, "", None, self.timeout, f"no answer: {exc!r}")
        elapsed = asyncio.get_running_loop().time() - start
        error = (
            None
            if status == 200 and text == echo
            else f"expected echostr {echo!r}, got {text[:80]!r}"
        )
        return PlatformResult(status, text, None, elapsed, error)

    def _note_interaction(self, msg: dict[str, Any]) -> None:
        if self.fake is None:
            return
        openid, event = msg["FromUserName"], msg.get("Event")
        if event == "unsubscribe":
            self.fake.unfollow(openid)
        elif msg["MsgType"] != "event" or event in OPENS_WINDOW:
            self.fake.record_interaction(openid, self.clock.now())
        else:
            self.fake.followers.setdefault(openid, True)

    async def _post(self, request: PlatformRequest) -> PlatformResult:
        # The 5-second limit is WeChat's real time on the wire, not simulated time,
        # so it is measured with the event loop's clock.
        loop = asyncio.get_running_loop()
        start = loop.time()
        try:
            async with self.http.post(
                self.callback_url,
                params=request.params,
                data=request.body,
                headers={"Content-Type": "text/xml"},
                timeout=aiohttp.ClientTimeout(total=self.timeout),
            ) as resp:
                status, raw = resp.status, await resp.read()
        except TimeoutError:
            return PlatformResult(
                0,
                "",
                None,
                loop.time() - start,
                f"no answer within {self.timeout:g} s; WeChat retries",
                request,
            )
        except aiohttp.ClientError as exc:
            return PlatformResult(
                0, "", None, loop.time() - start, f"connection failed: {exc!r}", request
            )
        elapsed = loop.time() - start
        text = raw.decode("utf-8", "replace")
        if status != 200:
            return PlatformResult(status, text, None, elapsed, f"HTTP {status}", request)
        reply, error = check_reply(text, request.message, self.mode, self.crypto)
        return PlatformResult(status, text, reply, elapsed, error, request)
