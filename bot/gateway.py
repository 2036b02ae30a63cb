"""`/wechat`: the Official Account callback. Owns the HTTP side of the protocol:
size limit, signatures, timestamps, plaintext/compatible/safe modes. Never
crashes and never answers WeChat with something it cannot show."""

from __future__ import annotations

import logging
import secrets

from aiohttp import web

from bot.clock import Clock
from bot.config import Settings
from bot.dispatch import Dispatcher
from bot.protocol import (
    BadSignature,
    Crypto,
    ForbiddenPayload,
    ProtocolError,
    check_signature,
    dedup_key,
    has_encrypt_field,
    parse,
    refuse_dtd,
    render_reply,
)

log = logging.getLogger(__name__)
SUCCESS = "success"


class Gateway:
    def __init__(self, *, settings: Settings, clock: Clock, dispatcher: Dispatcher) -> None:
        self.settings = settings
        self.clock = clock
        self.dispatcher = dispatcher
        keys = tuple(k for k in (settings.wechat_aes_key, settings.wechat_aes_key_previous) if k)
        self.crypto = Crypto(settings.wechat_token, settings.wechat_appid, keys) if keys else None

    def register(self, app: web.Application, path: str = "/wechat") -> None:
        app.router.add_get(path, self.verify_url)
        app.router.add_post(path, self.receive)

    def _signed(self, request: web.Request) -> tuple[str, str]:
        """Check `signature` and the timestamp window; raise 403 otherwise."""
        q = request.query
        signature, timestamp, nonce = (
            q.get("signature", ""),
            q.get("timestamp", ""),
            q.get("nonce", ""),
        )
        if not (signature and timestamp and nonce):
            raise web.HTTPForbidden(text="missing signature")
        if not check_signature(self.settings.wechat_token, signature, timestamp, nonce):
            log.warning("bad signature from %s", request.remote)
            raise web.HTTPForbidden(text="bad signature")
        try:
            skew = abs(self.clock.now().timestamp() - int(timestamp))
        except ValueError:
            raise web.HTTPForbidden(text="bad timestamp") from None
        if skew > self.settings.timestamp_window:
            # A replayed request, or a clock far off: both are refused.
            log.warning("stale timestamp (%.0fs off) from %s", skew, request.remote)
            raise web.HTTPForbidden(text="stale timestamp")
        return timestamp, nonce

    async def verify_url(self, request: web.Request) -> web.Response:
        """The URL check WeChat makes when the server address is saved."""
        self._signed(request)
        return web.Response(text=request.query.get("echostr", ""))

    async def receive(self, request: web.Request) -> web.Response:
        arrived = self.clock.monotonic()  # WeChat's 5 s count from its send: start early
        if (
            request.content_length is not None
            and request.content_length > self.settings.max_body_bytes
        ):
            raise web.HTTPRequestEntityTooLarge(
                max_size=self.settings.max_body_bytes, actual_size=request.content_length
            )
        timestamp, nonce = self._signed(request)
        body = await self._read_limited(request)
        encrypted = request.query.get("encrypt_type", "raw").lower() == "aes"
        try:
            refuse_dtd(body)
            xml = self._open(request, body, encrypted, timestamp, nonce)
            inbound, raw = parse(xml)
        except ForbiddenPayload:
            log.warning("refused a body with entity declarations from %s", request.remote)
            raise web.HTTPBadRequest(text="entity declarations are not allowed") from None
        except BadSignature:
            raise web.HTTPForbidden(text="bad msg_signature") from None
        except ProtocolError as exc:
            # WeChat shows the villager an error for anything but `success`; the
            # message is unusable anyway, so log it whole for the operator.
            log.warning("unusable callback (%s): %r", exc, body[:2000])
            return self._success()
        outcome = await self.dispatcher.receive(
            inbound, dedup_key(inbound, raw), raw, started=arrived
        )
        if outcome.reply is None:
            return self._success()
        now_ts = int(self.clock.now().timestamp())
        xml_out = render_reply(outcome.reply, raw, now_ts)
        if xml_out is None:
            return self._success()
        if encrypted and self.crypto is not None:
            xml_out = self.crypto.encrypt(xml_out, secrets.token_hex(8), str(now_ts))
        return web.Response(text=xml_out, content_type="application/xml")

    def _open(
        self, request: web.Request, body: bytes, encrypted: bool, timestamp: str, nonce: str
    ) -> bytes | str:
        if not encrypted:
            return body
        if self.crypto is None:
            if has_encrypt_field(body) and b"<MsgType>" not in body:
                raise ProtocolError("encrypted message but no BIANMIN_WECHAT_AES_KEY configured")
            return body  # compatible mode: the plaintext fields are there too
        msg_signature = request.query.get("msg_signature", "")
        if not msg_signature:
            raise BadSignature("missing msg_signature")
        return self.crypto.decrypt(body, msg_signature, timestamp, nonce)

    async def _read_limited(self, request: web.Request) -> bytes:
        """Read the body, refusing more than the limit even without Content-Length (chunked)."""
        limit = self.settings.max_body_bytes
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.content.iter_chunked(8192):
            size += len(chunk)
            if size > limit:
                raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=size)
            chunks.append(chunk)
        return b"".join(chunks)

    @staticmethod
    def _success() -> web.Response:
        return web.Response(text=SUCCESS, content_type="text/plain")
