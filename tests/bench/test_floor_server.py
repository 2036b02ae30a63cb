"""The floor server (bench/floor_server.py) must really do the work it stands for, or
the floor it measures is too high: each signed message recorded once in the bot's own
tables, a WeChat retry not recorded again, a bad signature refused."""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import floor_server  # noqa: E402

from storage.db import upgrade  # noqa: E402

TOKEN = "floor-token"
XML = (
    "<xml><ToUserName><![CDATA[gh_center]]></ToUserName>"
    "<FromUserName><![CDATA[o_floor_villager]]></FromUserName>"
    "<CreateTime>1796000000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
    "<Content><![CDATA[低保要带啥]]></Content><MsgId>{msg_id}</MsgId></xml>"
)


def _query(timestamp: str = "1796000000", nonce: str = "n1") -> dict[str, str]:
    sig = hashlib.sha1("".join(sorted([TOKEN, timestamp, nonce])).encode()).hexdigest()
    return {"signature": sig, "timestamp": timestamp, "nonce": nonce}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "floor.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.mark.parametrize("minimal", [False, True], ids=["bot_statements", "minimal"])
async def test_each_message_is_recorded_once_and_a_retry_is_not(db: Path, minimal: bool):
    app = floor_server.make_app(TOKEN, str(db), None, minimal)
    async with TestClient(TestServer(app)) as client:
        for msg_id in ("9001", "9001", "9002"):  # 9001 twice: WeChat's retry
            resp = await client.post("/wechat", params=_query(), data=XML.format(msg_id=msg_id))
            assert resp.status == 200
            assert "o_floor_villager" in await resp.text()
        bad = await client.post(
            "/wechat", params={**_query(), "signature": "0" * 40}, data=XML.format(msg_id="9003")
        )
        assert bad.status == 403
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT dedup_key, state, reply FROM inbound_messages ORDER BY id"
    ).fetchall()
    assert [(k, s) for k, s, _ in rows] == [("9001", "replied"), ("9002", "replied")]
    assert all(reply for _, _, reply in rows)
    villagers = con.execute("SELECT count(*) FROM villagers").fetchone()[0]
    assert villagers == (0 if minimal else 1)


async def test_aes_messages_are_decrypted_and_answered_encrypted(db: Path):
    import loadgen  # bench/: the load test's own signed, encrypted requests
    from wechatpy.crypto import WeChatCrypto

    crypto = WeChatCrypto(loadgen.TOKEN, loadgen.AES_KEY, loadgen.APPID)
    app = floor_server.make_app(loadgen.TOKEN, str(db), None, True, crypto)
    turns = [loadgen.Turn("o_aes_villager", "低保要带啥", "question")] * 2  # the 2nd: a forgery
    (good, forged) = loadgen.render(turns, aes=True, msg_id_base=7000)
    async with TestClient(TestServer(app)) as client:
        resp = await client.post(good[0], data=good[1])
        assert resp.status == 200
        body = await resp.text()
        assert "<Encrypt>" in body and "o_aes_villager" not in body  # the reply is sealed
        path = forged[0].replace("msg_signature=", "msg_signature=0")
        assert (await client.post(path, data=forged[1])).status >= 400
    rows = sqlite3.connect(db).execute("SELECT openid, text FROM inbound_messages").fetchall()
    assert rows == [("o_aes_villager", "低保要带啥")]
