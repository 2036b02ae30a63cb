"""bot/fake_wechat/crypto.py against Tencent's published vector and against wechatpy,
in both directions."""

from __future__ import annotations

import base64

import pytest
import xmltodict
from wechatpy.crypto import WeChatCrypto
from wechatpy.utils import check_signature

from bot.fake_wechat.crypto import CryptoError, MessageCrypto, decode_aes_key, sha1_signature

# Tencent's WXBizMsgCrypt sample (demo.py in the official SDK download).
TOKEN = "spamtest"
KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APPID = "wx2c2769f8efd9abc2"
TIMESTAMP = "1409735669"
NONCE = "1320562132"
MSG_SIGNATURE = "5d197aaffba7e9b25a30732f161a50dee96bd5fa"
ENCRYPT = (
    "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6"
    "F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T33"
    "2jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCg"
    "avjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6Oewp"
    "usjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE="
)


def ours() -> MessageCrypto:
    return MessageCrypto(TOKEN, KEY, APPID)


def test_tencent_vector_signature_and_plaintext() -> None:
    crypto = ours()
    crypto.check_signature(MSG_SIGNATURE, TIMESTAMP, NONCE, ENCRYPT)
    plain = crypto.decrypt(ENCRYPT)
    assert plain.startswith("<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>")
    assert "<Content><![CDATA[abcdteT]]></Content>" in plain
    assert "<MsgId>6054768590064713728</MsgId>" in plain


def test_tencent_vector_refused_for_another_appid() -> None:
    with pytest.raises(CryptoError, match="appid"):
        MessageCrypto(TOKEN, KEY, "wx0000000000000000").decrypt(ENCRYPT)


def test_tampered_signature_is_refused() -> None:
    with pytest.raises(CryptoError):
        ours().check_signature(MSG_SIGNATURE, TIMESTAMP, "1320562133", ENCRYPT)


def test_tampered_ciphertext_is_refused() -> None:
    raw = bytearray(base64.b64decode(ENCRYPT))
    raw[-1] ^= 0x55  # breaks the PKCS#7 padding of the last block
    with pytest.raises(CryptoError):
        ours().decrypt(base64.b64encode(bytes(raw)).decode())


@pytest.mark.parametrize("bad", ["not base64!", "", "QUJD"])
def test_garbage_is_a_crypto_error(bad: str) -> None:
    with pytest.raises(CryptoError):
        ours().decrypt(bad)


def test_key_is_32_bytes_and_iv_its_prefix() -> None:
    assert len(decode_aes_key(KEY)) == 32
    with pytest.raises(CryptoError):
        decode_aes_key("tooshort")


# Lengths around the 32-byte padding block, including an exact multiple (a full
# block of padding), and multi-byte Chinese.
MESSAGES = [
    "",
    "a",
    "x" * 11,
    "x" * 12,
    "y" * 44,
    "<xml><Content><![CDATA[办低保要带什么材料？]]></Content></xml>",
]


@pytest.mark.parametrize("message", MESSAGES)
def test_ours_encrypts_wechatpy_decrypts(message: str) -> None:
    crypto = ours()
    encrypted = crypto.encrypt(message)
    signature = crypto.signature("1700000000", "nonce1", encrypted)
    envelope = f"<xml><ToUserName><![CDATA[gh_x]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>"
    assert (
        WeChatCrypto(TOKEN, KEY, APPID).decrypt_message(envelope, signature, "1700000000", "nonce1")
        == message
    )


@pytest.mark.parametrize("message", MESSAGES[1:])
def test_wechatpy_encrypts_ours_decrypts(message: str) -> None:
    envelope = xmltodict.parse(
        WeChatCrypto(TOKEN, KEY, APPID).encrypt_message(message, "nonce2", "1700000001")
    )["xml"]
    crypto = ours()
    crypto.check_signature(
        envelope["MsgSignature"], envelope["TimeStamp"], envelope["Nonce"], envelope["Encrypt"]
    )
    assert crypto.decrypt(envelope["Encrypt"]) == message


def test_our_reply_envelope_is_read_by_wechatpy() -> None:
    xml = ours().encrypt_envelope(
        "<xml><Content><![CDATA[您好]]></Content></xml>", timestamp="1700000002", nonce="n3"
    )
    fields = xmltodict.parse(xml)["xml"]
    plain = WeChatCrypto(TOKEN, KEY, APPID).decrypt_message(
        xml, fields["MsgSignature"], "1700000002", "n3"
    )
    assert "您好" in plain


def test_fixed_random_prefix_is_deterministic() -> None:
    crypto = ours()
    a = crypto.encrypt("same", random_prefix=b"0123456789abcdef")
    assert a == crypto.encrypt("same", random_prefix=b"0123456789abcdef")
    assert a != crypto.encrypt("same")


def test_url_signature_matches_wechatpy() -> None:
    signature = sha1_signature(TOKEN, "1409735669", "1320562132")
    check_signature(TOKEN, signature, "1409735669", "1320562132")  # raises if different
