"""Safe (AES) and compatible modes, checked by an independent implementation of
WeChat's crypto (bot/fake_wechat/crypto.py, not wechatpy), and key rotation. (issue #2)"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import make_app
from bot.clock import FixedClock
from bot.config import Settings
from bot.fake_wechat.crypto import MessageCrypto
from bot.fake_wechat.platform import FakePlatform
from bot.knowledge_service import KnowledgeService
from bot.protocol import Crypto
from tests import helpers

OLD_KEY = helpers.AES_KEY
NEW_KEY = base64.b64encode(bytes(range(32))).decode().rstrip("=")
OPENID = "oAesVillager000000000000001"


async def serve(
    settings: Settings, clock: FixedClock, knowledge: KnowledgeService
) -> TestClient[Any, Any]:
    client: TestClient[Any, Any] = TestClient(
        TestServer(make_app(settings, clock=clock, knowledge=knowledge))
    )
    await client.start_server()
    return client


def test_tencent_published_vector_decrypts() -> None:
    # Tencent's published sample (token spamtest, appid wx2c2769f8efd9abc2).
    encrypt = (
        "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6"
        "F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T33"
        "2jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCg"
        "avjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6Oewp"
        "usjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE="
    )
    body = f"<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
    crypto = Crypto(
        "spamtest", "wx2c2769f8efd9abc2", ("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",)
    )
    plain = crypto.decrypt(
        body.encode(), "5d197aaffba7e9b25a30732f161a50dee96bd5fa", "1409735669", "1320562132"
    )
    assert "<Content><![CDATA[abcdteT]]></Content>" in plain
    assert "<MsgId>6054768590064713728</MsgId>" in plain


@pytest.mark.parametrize("mode", ["aes", "compat"])
async def test_encrypted_question_gets_an_encrypted_answer(
    mode: str,
    make_settings: Callable[..., Settings],
    clock: FixedClock,
    knowledge: KnowledgeService,
    http: aiohttp.ClientSession,
) -> None:
    client = await serve(make_settings(wechat_aes_key=OLD_KEY), clock, knowledge)
    try:
        platform = FakePlatform(
            callback_url=str(client.make_url("/wechat")),
            token=helpers.TOKEN,
            appid=helpers.APPID,
            aes_key=OLD_KEY,
            mode=mode,
            http=http,
            clock=clock,  # type: ignore[arg-type]
        )
        result = await platform.text(OPENID, "医保一年交多少钱")
        assert result.ok, result.error
        assert result.reply is not None and "医疗保险" in result.reply["Content"]
        if mode == "aes":
            assert "<Encrypt>" in result.reply_xml and "医疗保险" not in result.reply_xml
    finally:
        await client.close()


async def test_previous_key_is_tried_during_rotation(
    make_settings: Callable[..., Settings],
    clock: FixedClock,
    knowledge: KnowledgeService,
    http: aiohttp.ClientSession,
) -> None:
    # The operator saved a new key in the bot first; WeChat still encrypts with the old one.
    client = await serve(
        make_settings(wechat_aes_key=NEW_KEY, wechat_aes_key_previous=OLD_KEY), clock, knowledge
    )
    try:
        platform = FakePlatform(
            callback_url=str(client.make_url("/wechat")),
            token=helpers.TOKEN,
            appid=helpers.APPID,
            aes_key=OLD_KEY,
            mode="aes",
            http=http,
            clock=clock,
        )
        result = await platform.text(OPENID, "低保要带什么")
        assert result.status == 200 and result.reply_xml != "success"
        # The reply is encrypted with the current (new) key.
        new = MessageCrypto(helpers.TOKEN, NEW_KEY, helpers.APPID)
        import xmltodict

        inner = new.decrypt(xmltodict.parse(result.reply_xml)["xml"]["Encrypt"])
        assert "最低生活保障" in inner
    finally:
        await client.close()


async def test_undecryptable_and_wrong_appid_answer_success(
    make_settings: Callable[..., Settings], clock: FixedClock, knowledge: KnowledgeService
) -> None:
    client = await serve(make_settings(wechat_aes_key=OLD_KEY), clock, knowledge)
    try:
        ts, nonce = str(int(clock.now().timestamp())), "n1"
        # 1. Garbage ciphertext with a valid msg_signature: cannot decrypt.
        junk = base64.b64encode(b"x" * 48).decode()
        for encrypt, appid in ((junk, None), (None, "wxsomeoneelse00001")):
            if encrypt is None:
                encrypt = MessageCrypto(helpers.TOKEN, OLD_KEY, appid or "").encrypt(
                    helpers.text_xml(OPENID, "低保", int(ts))
                )
            msg_sig = MessageCrypto(helpers.TOKEN, OLD_KEY, helpers.APPID).signature(
                ts, nonce, encrypt
            )
            url = helpers.query(int(ts), nonce=nonce, encrypt_type="aes", msg_signature=msg_sig)
            resp = await client.post(
                url,
                data=f"<xml><ToUserName>gh</ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>",
            )
            assert resp.status == 200
            assert await resp.text() == "success"
        # 2. A forged msg_signature is a signature failure: 403.
        url = helpers.query(int(ts), nonce=nonce, encrypt_type="aes", msg_signature="0" * 40)
        resp = await client.post(url, data=f"<xml><Encrypt><![CDATA[{junk}]]></Encrypt></xml>")
        assert resp.status == 403
    finally:
        await client.close()
