"""The ceiling of this stack on this machine: a bare aiohttp handler that checks the
URL signature (sha1 of sorted token, timestamp, nonce), in AES mode also checks
msg_signature and decrypts (wechatpy, as the bot does), parses the XML with
xmltodict (as wechatpy does) and returns a fixed text reply (encrypted in AES mode).
No database, no matcher, no state.

    python bench/baseline_server.py --port 8090 [--token T --appid A --aes-key K]
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import time
from typing import Any

import xmltodict
from aiohttp import web
from wechatpy.crypto import WeChatCrypto

REPLY = (
    "<xml><ToUserName><![CDATA[{to}]]></ToUserName><FromUserName><![CDATA[{me}]]></FromUserName>"
    "<CreateTime>{now}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
    "<Content><![CDATA[{text}]]></Content></xml>"
)
ANSWER = "您好，这里是便民服务中心。"


async def read(request: web.Request, token: str, crypto: Any) -> tuple[dict[str, Any], str | None]:
    """The baseline's whole check: the URL signature, in AES mode msg_signature and the
    decryption, the XML. The message's fields, and the nonce to seal the reply with (AES
    mode) or None. (bench/floor_server.py starts from the same.)"""
    q = request.query
    timestamp, nonce = q.get("timestamp", ""), q.get("nonce", "")
    expected = hashlib.sha1("".join(sorted([token, timestamp, nonce])).encode()).hexdigest()
    if not hmac.compare_digest(expected, q.get("signature", "")):
        raise web.HTTPForbidden(text="bad signature")
    body = await request.read()
    aes = q.get("encrypt_type") == "aes"
    if aes:
        if crypto is None:
            raise web.HTTPBadRequest(text="no AES key")
        body = crypto.decrypt_message(body, q.get("msg_signature", ""), timestamp, nonce)
    return xmltodict.parse(body)["xml"], nonce if aes else None


def answer(msg: dict[str, Any], text: str, crypto: Any, nonce: str | None) -> web.Response:
    now = str(int(time.time()))
    out = REPLY.format(to=msg["FromUserName"], me=msg["ToUserName"], now=now, text=text)
    if nonce is not None:
        out = crypto.encrypt_message(out, nonce, now)
    return web.Response(text=out, content_type="application/xml")


def make_app(token: str, appid: str, aes_key: str) -> web.Application:
    crypto = WeChatCrypto(token, aes_key, appid) if aes_key else None

    async def receive(request: web.Request) -> web.Response:
        msg, nonce = await read(request, token, crypto)
        return answer(msg, ANSWER, crypto, nonce)

    app = web.Application()
    app.router.add_post("/wechat", receive)
    return app


def arguments(description: str | None, port: int, aes_key: str) -> argparse.ArgumentParser:
    """The account settings every bench server takes (bench/loadgen.py's by default)."""
    ap = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=port)
    ap.add_argument("--token", default="bench-token-7f3a9c")
    ap.add_argument("--appid", default="wxbench0000000001")
    ap.add_argument("--aes-key", default=aes_key, help="AES mode (safe mode); empty: none")
    return ap


def main() -> None:
    args = arguments(__doc__, 8090, "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG").parse_args()
    web.run_app(
        make_app(args.token, args.appid, args.aes_key), host=args.host, port=args.port, print=None
    )


if __name__ == "__main__":
    main()
