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

import xmltodict
from aiohttp import web
from wechatpy.crypto import WeChatCrypto

REPLY = (
    "<xml><ToUserName><![CDATA[{to}]]></ToUserName><FromUserName><![CDATA[{me}]]></FromUserName>"
    "<CreateTime>{now}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
    "<Content><![CDATA[您好，这里是便民服务中心。]]></Content></xml>"
)


def make_app(token: str, appid: str, aes_key: str) -> web.Application:
    crypto = WeChatCrypto(token, aes_key, appid) if aes_key else None

    async def receive(request: web.Request) -> web.Response:
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
        msg = xmltodict.parse(body)["xml"]
        now = str(int(time.time()))
        out = REPLY.format(to=msg["FromUserName"], me=msg["ToUserName"], now=now)
        if aes:
            assert crypto is not None
            out = crypto.encrypt_message(out, nonce, now)
        return web.Response(text=out, content_type="application/xml")

    app = web.Application()
    app.router.add_post("/wechat", receive)
    return app


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8090)
    ap.add_argument("--token", default="bench-token-7f3a9c")
    ap.add_argument("--appid", default="wxbench0000000001")
    ap.add_argument("--aes-key", default="abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")
    args = ap.parse_args()
    web.run_app(
        make_app(args.token, args.appid, args.aes_key), host=args.host, port=args.port, print=None
    )


if __name__ == "__main__":
    main()
