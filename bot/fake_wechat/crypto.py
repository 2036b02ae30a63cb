"""WeChat message crypto (WXBizMsgCrypt), written independently of wechatpy so the
fake platform checks the gateway against a second implementation, not against the
same library the gateway uses. Pure functions of their inputs; no I/O."""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

# WXBizMsgCrypt pads with PKCS#7 to a 32-byte block (not AES's 16): a quirk of
# Tencent's sample code that every implementation must copy.
BLOCK = 32


class CryptoError(ValueError):
    """A message could not be decrypted or its signature/appid did not match."""


def sha1_signature(*parts: str) -> str:
    """sha1 of the lexicographically sorted, concatenated parts: the URL `signature`
    (token, timestamp, nonce) and the `msg_signature` (plus the Encrypt text)."""
    return hashlib.sha1("".join(sorted(parts)).encode("utf-8")).hexdigest()


def decode_aes_key(encoding_aes_key: str) -> bytes:
    """EncodingAESKey is 43 base64 characters; appending "=" gives the 32-byte key."""
    try:
        key = base64.b64decode(encoding_aes_key + "=", validate=True)
    except (binascii.Error, ValueError) as exc:
        raise CryptoError("EncodingAESKey is not base64") from exc
    if len(key) != 32:
        raise CryptoError("EncodingAESKey must decode to 32 bytes")
    return key


def _pad(data: bytes) -> bytes:
    n = BLOCK - len(data) % BLOCK
    return data + bytes([n]) * n


def _unpad(data: bytes) -> bytes:
    if not data:
        raise CryptoError("empty plaintext")
    n = data[-1]
    if not 1 <= n <= BLOCK or data[-n:] != bytes([n]) * n:
        raise CryptoError("bad PKCS#7 padding")
    return data[:-n]


class MessageCrypto:
    """Encrypt/decrypt and sign like WeChat's safe mode (encrypt_type=aes)."""

    def __init__(self, token: str, encoding_aes_key: str, appid: str) -> None:
        self.token = token
        self.appid = appid
        self._key = decode_aes_key(encoding_aes_key)
        # The IV is the key's first 16 bytes (WeChat 消息加解密说明).
        self._iv = self._key[:16]

    def _cipher(self) -> Cipher[modes.CBC]:
        return Cipher(algorithms.AES(self._key), modes.CBC(self._iv))

    def encrypt(self, message: str, *, random_prefix: bytes | None = None) -> str:
        """base64(AES-CBC(16 random bytes + 4-byte big-endian length + msg + appid))."""
        prefix = os.urandom(16) if random_prefix is None else random_prefix
        if len(prefix) != 16:
            raise ValueError("random_prefix must be 16 bytes")
        body = message.encode("utf-8")
        plain = prefix + struct.pack(">I", len(body)) + body + self.appid.encode("utf-8")
        enc = self._cipher().encryptor()
        return base64.b64encode(enc.update(_pad(plain)) + enc.finalize()).decode("ascii")

    def decrypt(self, encrypted: str) -> str:
        """The message inside `encrypted`; CryptoError if it is not for our appid."""
        try:
            raw = base64.b64decode(encrypted, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise CryptoError("Encrypt is not base64") from exc
        if not raw or len(raw) % 16:
            raise CryptoError("ciphertext length is not a multiple of the AES block")
        dec = self._cipher().decryptor()
        plain = _unpad(dec.update(raw) + dec.finalize())
        if len(plain) < 20:
            raise CryptoError("plaintext too short")
        (length,) = struct.unpack(">I", plain[16:20])
        body, appid = plain[20 : 20 + length], plain[20 + length :]
        if len(body) != length:
            raise CryptoError("declared length exceeds plaintext")
        if appid.decode("utf-8", "replace") != self.appid:
            raise CryptoError("appid in message does not match")
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CryptoError("message is not UTF-8") from exc

    def signature(self, timestamp: str, nonce: str, encrypted: str) -> str:
        return sha1_signature(self.token, timestamp, nonce, encrypted)

    def check_signature(self, signature: str, timestamp: str, nonce: str, encrypted: str) -> None:
        if signature != self.signature(timestamp, nonce, encrypted):
            raise CryptoError("msg_signature does not match")

    def encrypt_envelope(self, message: str, *, timestamp: str, nonce: str) -> str:
        """The XML a server sends back in safe mode (a passive reply)."""
        encrypted = self.encrypt(message)
        return (
            f"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt>"
            f"<MsgSignature><![CDATA[{self.signature(timestamp, nonce, encrypted)}]]></MsgSignature>"
            f"<TimeStamp>{timestamp}</TimeStamp><Nonce><![CDATA[{nonce}]]></Nonce></xml>"
        )
