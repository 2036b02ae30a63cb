"""Callback XML as WeChat writes it, and the checks WeChat applies to a passive
reply (plain or encrypted). Pure functions; used by platform.py."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from bot.fake_wechat.crypto import CryptoError, MessageCrypto

REPLY_TYPES = {"text", "image", "voice", "video", "music", "news", "transfer_customer_service"}


def _cdata(text: str) -> str:
    # A literal "]]>" must be split across two CDATA sections.
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def element(tag: str, value: Any) -> str:
    if isinstance(value, dict):
        inner = "".join(element(k, v) for k, v in value.items())
    elif isinstance(value, bool):
        inner = _cdata(str(value).lower())
    elif isinstance(value, int | float):
        inner = str(value)  # numbers go bare, as in WeChat's samples
    else:
        inner = _cdata(str(value))
    return f"<{tag}>{inner}</{tag}>"


def to_dict(elem: ET.Element) -> Any:
    children = list(elem)
    if not children:
        return elem.text or ""
    if all(child.tag == "item" for child in children):
        return [to_dict(child) for child in children]
    return {child.tag: to_dict(child) for child in children}


def render(msg: dict[str, Any]) -> str:
    return "<xml>" + "".join(element(k, v) for k, v in msg.items()) + "</xml>"


def check_reply(
    text: str, message: dict[str, Any], mode: str, crypto: MessageCrypto | None
) -> tuple[dict[str, Any] | None, str | None]:
    """The parsed reply and why WeChat would reject it (None: accepted)."""
    if text.strip() in {"", "success"}:
        return None, None
    try:
        root = ET.fromstring(text)
        outer = to_dict(root)
        if not isinstance(outer, dict):
            return None, "reply XML has no fields"
        if "Encrypt" in outer:
            if crypto is None or mode == "plain":
                return None, "encrypted reply in plaintext mode"
            crypto.check_signature(
                str(outer.get("MsgSignature", "")),
                str(outer.get("TimeStamp", "")),
                str(outer.get("Nonce", "")),
                str(outer["Encrypt"]),
            )
            inner = to_dict(ET.fromstring(crypto.decrypt(str(outer["Encrypt"]))))
            outer = inner if isinstance(inner, dict) else {}
        elif mode == "aes":
            return None, "plaintext reply in safe mode"
    except (ET.ParseError, CryptoError) as exc:
        return None, f"unusable reply: {exc}"
    return outer, reply_error(message, outer)


def reply_error(message: dict[str, Any], reply: dict[str, Any]) -> str | None:
    """Why WeChat would not show this passive reply to the villager (None: fine)."""
    if reply.get("ToUserName") != message["FromUserName"]:
        return "reply ToUserName is not the villager's openid"
    if reply.get("FromUserName") != message["ToUserName"]:
        return "reply FromUserName is not the account's original id"
    if not str(reply.get("CreateTime", "")).isdigit():
        return "reply CreateTime is not a number"
    if reply.get("MsgType") not in REPLY_TYPES:
        return f"reply MsgType {reply.get('MsgType')!r} is not a passive reply type"
    if reply["MsgType"] == "text" and not str(reply.get("Content", "")).strip():
        return "text reply has empty Content"
    if reply["MsgType"] == "news":
        articles = reply.get("Articles")
        count = str(reply.get("ArticleCount", ""))
        # 被动回复图文: one article when answering a message, up to 8 for events.
        most = 8 if message.get("MsgType") == "event" else 1
        if not isinstance(articles, list) or not 1 <= len(articles) <= most:
            return f"news reply needs 1-{most} Articles"
        if count != str(len(articles)):
            return "news reply ArticleCount does not match Articles"
    return None
