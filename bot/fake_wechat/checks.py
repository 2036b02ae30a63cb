"""Body checks the fake WeChat API applies, each returning WeChat's errcode (0 = ok).
Pure functions; the rules cite the Official Account documentation they copy."""

from __future__ import annotations

import re
from typing import Any

# WeChat's answers for the errcodes below (real ones end with " rid: ...").
ERRMSG = {
    -1: "system error",
    40001: "invalid credential, access_token is invalid or not latest",
    40002: "invalid grant_type",
    40003: "invalid openid",
    40007: "invalid media_id",
    40008: "invalid message type",
    40013: "invalid appid",
    40014: "invalid access_token",
    40016: "invalid button size",
    40017: "invalid button type",
    40018: "invalid button name size",
    40019: "invalid button key size",
    40020: "invalid button url size",
    40023: "invalid sub button size",
    40024: "invalid sub button type",
    40025: "invalid sub button name size",
    40026: "invalid sub button key size",
    40027: "invalid sub button url size",
    40037: "invalid template_id",
    40054: "invalid sub button url domain",
    40055: "invalid button url domain",
    40125: "invalid appsecret",
    40164: "invalid ip 127.0.0.1 ipv6 ::1, not in whitelist",
    41001: "access_token missing",
    42001: "access_token expired",
    43004: "require subscribe",
    43101: "user refuse to accept the msg",
    44002: "empty post data",
    44003: "empty news data",
    44004: "empty content",
    45002: "content size out of limit",
    45008: "article size out of limit",
    45009: "reach max api daily quota limit",
    45015: "response out of time limit or subscription is canceled",
    45047: "out of response count limit",
    47001: "data format error",
}

# 客服消息 text: the content limit is 2048 bytes of UTF-8 (45002 beyond).
TEXT_MAX_BYTES = 2048
# WeChat JSON endpoints do not decode \uXXXX escapes reliably; Chinese sent that
# way reaches the villager as "\u4f60\u597d". The fake refuses such bodies (47001)
# so a client that forgets ensure_ascii=False fails its tests.
_ESCAPED_NON_ASCII = re.compile(
    rb"\\u(?:00[89a-fA-F][0-9a-fA-F]|0[1-9a-fA-F][0-9a-fA-F]{2}|[1-9a-fA-F][0-9a-fA-F]{3})"
)

MENU_TYPES = {
    "click",
    "view",
    "miniprogram",
    "scancode_push",
    "scancode_waitmsg",
    "pic_sysphoto",
    "pic_photo_or_album",
    "pic_weixin",
    "location_select",
    "media_id",
    "article_id",
    "article_view_limited",
    "view_limited",
}
_KEYED = {
    "click",
    "scancode_push",
    "scancode_waitmsg",
    "pic_sysphoto",
    "pic_photo_or_album",
    "pic_weixin",
    "location_select",
}


def escaped_unicode(raw: bytes) -> bool:
    return bool(_ESCAPED_NON_ASCII.search(raw))


def _nbytes(value: Any) -> int:
    return len(str(value).encode("utf-8"))


def custom_message(body: dict[str, Any]) -> int:
    """Customer-service send: touser + msgtype + a payload object named after msgtype."""
    # WeChat doc 客服接口-发消息.
    if not isinstance(body.get("touser"), str) or not body["touser"]:
        return 40003  # invalid openid
    msgtype = body.get("msgtype")
    if msgtype not in {"text", "news", "image", "voice", "video", "music", "mpnews", "msgmenu"}:
        return 40008  # invalid message type
    payload = body.get(msgtype)
    if not isinstance(payload, dict):
        return 47001  # data format error
    if msgtype == "text":
        content = payload.get("content")
        if not isinstance(content, str):
            return 47001
        if not content.strip():
            return 44004  # empty content
        if _nbytes(content) > TEXT_MAX_BYTES:
            return 45002  # content size out of limit
    if msgtype == "news":
        articles = payload.get("articles")
        if not isinstance(articles, list) or not articles:
            return 44003  # empty news data
        # Since 2018 a customer-service news message carries exactly one article.
        if len(articles) > 1:
            return 45008  # article size out of limit
        for article in articles:
            if not isinstance(article, dict) or not article.get("title") or not article.get("url"):
                return 47001
    return 0


def template_message(body: dict[str, Any], known_templates: set[str]) -> int:
    """Template message: template_id must exist in the account; data is {key: {"value": str}}."""
    if not isinstance(body.get("touser"), str) or not body["touser"]:
        return 40003
    if body.get("template_id") not in known_templates:
        return 40037  # invalid template_id
    data = body.get("data")
    if not isinstance(data, dict) or not data:
        return 47001
    for value in data.values():
        if not isinstance(value, dict) or not isinstance(value.get("value"), str):
            return 47001
    if "url" in body and not isinstance(body["url"], str):
        return 47001
    return 0


def menu(body: dict[str, Any]) -> int:
    """Custom menu: 1-3 top-level buttons, 1-5 sub-buttons each; top names ≤ 16 bytes,
    sub names ≤ 60 bytes; keys ≤ 128 bytes; urls ≤ 1024 bytes."""
    buttons = body.get("button")
    if not isinstance(buttons, list) or not 1 <= len(buttons) <= 3:
        return 40016  # invalid button size
    for button in buttons:
        if not isinstance(button, dict):
            return 47001
        name = button.get("name")
        if not isinstance(name, str) or not name or _nbytes(name) > 16:
            return 40018  # invalid button name size
        subs = button.get("sub_button")
        if subs:  # a folder button: its sub-buttons act, it does not
            if not isinstance(subs, list) or len(subs) > 5:
                return 40023  # invalid sub button size
            for sub in subs:
                if not isinstance(sub, dict):
                    return 47001
                sub_name = sub.get("name")
                if not isinstance(sub_name, str) or not sub_name or _nbytes(sub_name) > 60:
                    return 40025  # invalid sub button name size
                code = _action(sub, sub=True)
                if code:
                    return code
            continue
        code = _action(button, sub=False)
        if code:
            return code
    return 0


def _action(button: dict[str, Any], *, sub: bool) -> int:
    kind = button.get("type")
    if kind not in MENU_TYPES:
        return 40024 if sub else 40017  # invalid (sub) button type
    if kind in _KEYED:
        key = button.get("key")
        if not isinstance(key, str) or not key or _nbytes(key) > 128:
            return 40026 if sub else 40019  # invalid (sub) button key size
    if kind in {"view", "miniprogram"}:
        url = button.get("url")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            return 40054 if sub else 40055  # invalid (sub) button url domain
        if _nbytes(url) > 1024:
            return 40027 if sub else 40020  # invalid (sub) button url size
    return 0
