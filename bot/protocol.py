"""The WeChat callback protocol: signatures, AES crypto, safe XML parsing into
`Inbound`, and reply XML. The only module that uses wechatpy. No network I/O."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from dataclasses import dataclass
from typing import Any

from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.replies import ArticlesReply, TextReply

from bot.clock import from_timestamp
from handlers.types import Inbound, Reply

log = logging.getLogger(__name__)

# Characters XML 1.0 forbids; villagers' phones sometimes send them and they
# would break any XML parser (domain.md: "Control characters ... catch every error").
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Entity declarations enable XXE and billion-laughs; WeChat never sends them.
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)

# wechatpy's event names for subscribe-with-scene, normalised back to WeChat's.
_EVENT_ALIASES = {"subscribe_scan": "subscribe", "subscribe_scan_product": "subscribe"}
_MAX_TEXT = 4000  # characters kept from one villager message


class ProtocolError(Exception):
    """The body cannot be understood; the gateway logs it and answers `success`."""


class ForbiddenPayload(ProtocolError):
    """The body carries entity declarations (XXE, entity expansion): refused."""


class BadSignature(Exception):
    """Signature check failed: the gateway answers 403."""


def check_signature(token: str, signature: str, timestamp: str, nonce: str) -> bool:
    parts = sorted([token, timestamp, nonce])
    expected = hashlib.sha1("".join(parts).encode()).hexdigest()
    return hmac.compare_digest(expected, signature.lower())


def strip_illegal(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def refuse_dtd(body: bytes) -> None:
    if _DTD.search(body):
        raise ForbiddenPayload("entity declarations are not allowed")


@dataclass
class Crypto:
    """AES (safe/compatible mode) with the current key and, during a rotation, the previous one."""

    token: str
    appid: str
    keys: tuple[str, ...]

    def decrypt(self, body: bytes, msg_signature: str, timestamp: str, nonce: str) -> str:
        last: Exception | None = None
        for key in self.keys:
            try:
                plain = WeChatCrypto(self.token, key, self.appid).decrypt_message(
                    body, msg_signature, timestamp, nonce
                )
                return plain if isinstance(plain, str) else plain.decode("utf-8")
            except InvalidSignatureException as exc:
                raise BadSignature("msg_signature mismatch") from exc
            except InvalidAppIdException as exc:
                raise ProtocolError("message is for another appid") from exc
            except Exception as exc:  # wrong key, bad padding, bad base64, bad XML
                last = exc
        raise ProtocolError(f"cannot decrypt: {last!r}")

    def encrypt(self, xml: str, nonce: str, timestamp: str) -> str:
        out = WeChatCrypto(self.token, self.keys[0], self.appid).encrypt_message(
            xml, nonce, timestamp
        )
        return out if isinstance(out, str) else out.decode("utf-8")


def has_encrypt_field(body: bytes) -> bool:
    return b"<Encrypt>" in body


def parse(xml: str | bytes) -> tuple[Inbound, dict[str, Any]]:
    """XML → (Inbound, raw fields). Raises ProtocolError on anything malformed."""
    raw = xml.encode("utf-8") if isinstance(xml, str) else xml
    refuse_dtd(raw)
    text = strip_illegal(raw.decode("utf-8", errors="replace"))
    try:
        msg = parse_message(text)
    except Exception as exc:  # xmltodict/expat errors, missing <xml>, KeyError on MsgType
        raise ProtocolError(f"malformed XML: {exc!r}") from exc
    if msg is None:
        raise ProtocolError("empty body")
    data: dict[str, Any] = dict(msg._data)
    openid = str(data.get("FromUserName") or "")
    if not openid or not isinstance(data.get("FromUserName"), str):
        raise ProtocolError("no FromUserName")
    try:
        created = from_timestamp(int(data.get("CreateTime") or 0))
    except (TypeError, ValueError, OverflowError, OSError) as exc:
        raise ProtocolError("bad CreateTime") from exc
    return _to_inbound(msg, data, openid, created), data


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _to_inbound(msg: Any, data: dict[str, Any], openid: str, created: Any) -> Inbound:
    kind = str(data.get("MsgType") or "unknown").lower()
    common: dict[str, Any] = {"openid": openid, "created_at": created}
    msg_id = _str(data.get("MsgId") or data.get("MsgID")) or None
    if kind == "text":
        return Inbound(
            kind="text", text=_str(data.get("Content"))[:_MAX_TEXT], msg_id=msg_id, **common
        )
    if kind == "voice":
        return Inbound(
            kind="voice",
            text=_str(data.get("Recognition")).strip()[:_MAX_TEXT],
            msg_id=msg_id,
            media_id=_str(data.get("MediaId")) or None,
            **common,
        )
    if kind == "image":
        return Inbound(
            kind="image",
            msg_id=msg_id,
            media_id=_str(data.get("MediaId")) or None,
            pic_url=_str(data.get("PicUrl")) or None,
            **common,
        )
    if kind == "location":
        return Inbound(
            kind="location",
            msg_id=msg_id,
            latitude=_float(data.get("Location_X")),
            longitude=_float(data.get("Location_Y")),
            label=_str(data.get("Label")) or None,
            **common,
        )
    if kind == "link":
        return Inbound(
            kind="link",
            msg_id=msg_id,
            label=_str(data.get("Title")) or None,
            url=_str(data.get("Url")) or None,
            text=_str(data.get("Description"))[:_MAX_TEXT],
            **common,
        )
    if kind in ("video", "shortvideo"):
        return Inbound(
            kind=kind, msg_id=msg_id, media_id=_str(data.get("MediaId")) or None, **common
        )
    if kind == "event":
        event = str(getattr(msg, "event", "") or _str(data.get("Event"))).lower()
        event = _EVENT_ALIASES.get(event, event)
        key = _str(data.get("EventKey")) or None
        scene = None
        if event == "subscribe" and key:
            scene = key.removeprefix("qrscene_")
        elif event == "scan":
            scene = key
        return Inbound(
            kind="event",
            event=event,
            event_key=key,
            scene=scene,
            msg_id=msg_id,
            status=_str(data.get("Status")) or None,
            latitude=_float(data.get("Latitude")),
            longitude=_float(data.get("Longitude")),
            url=key if event == "view" else None,
            **common,
        )
    return Inbound(kind="unknown", msg_id=msg_id, extra={"MsgType": kind}, **common)


def dedup_key(inbound: Inbound, data: dict[str, Any]) -> str:
    """WeChat retries carry the same MsgId; events have none, so they are keyed by
    FromUserName + CreateTime + Event (WeChat's documented rule)."""
    if inbound.msg_id and inbound.event != "templatesendjobfinish":
        return f"m:{inbound.msg_id}"
    return f"e:{inbound.openid}:{data.get('CreateTime')}:{inbound.event or inbound.kind}:{inbound.msg_id or ''}"


def _cdata_safe(text: str) -> str:
    # wechatpy writes text straight into CDATA; "]]>" would end it early.
    return strip_illegal(text).replace("]]>", "]]]]><![CDATA[>")


def render_reply(reply: Reply, data: dict[str, Any], now_ts: int) -> str | None:
    """Reply XML for a passive answer, or None for `success`."""
    me, villager = _str(data.get("ToUserName")), _str(data.get("FromUserName"))
    if reply.kind == "text" and reply.text:
        out = TextReply(source=me, target=villager, content=_cdata_safe(reply.text), time=now_ts)
        return str(out.render())
    if reply.kind == "news" and reply.articles:
        news = ArticlesReply(source=me, target=villager, time=now_ts)
        # A passive reply to a message may carry one article (8 only for events).
        for a in reply.articles[:1]:
            news.add_article(
                {
                    "title": _cdata_safe(a.title),
                    "description": _cdata_safe(a.description),
                    "image": a.picurl,
                    "url": a.url,
                }
            )
        return str(news.render())
    return None
