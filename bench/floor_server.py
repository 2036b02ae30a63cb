"""The floor of the bot's design on this machine: what any webhook must do for a
message under the issue's own rules, written as lean as Python allows, with no
product logic. Measured beside the baseline to size what the rest may cost.

Each message, on top of the baseline's work (signature, XML, fixed reply):
  - db:      one SQLite transaction with plain sqlite3 on the seeded database, in the
             event loop's thread, as the bot's hot path: BEGIN IMMEDIATE, the message
             recorded under its unique dedup key (a retry is answered once), the
             villager's arrival (48-hour window), the conversation state read and
             written back, the reply stored, COMMIT. The same tables, indexes and
             statements the bot runs, with no ORM and no type processing.
  - minimal: instead of `db`, the least a message can cost and still be answered once:
             BEGIN IMMEDIATE, the message and its reply inserted under the unique dedup
             key, COMMIT (no villager, no state)
  - matcher: the bot's real matcher decides every text (its own cache of recent texts
             included), as every message must be read before it can be answered.

    python bench/floor_server.py --port 8091 --db FILE [--minimal] [--matcher] [--aes-key K]
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from aiohttp import web
from wechatpy.crypto import WeChatCrypto

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import baseline_server  # noqa: E402

CLAIM = (
    "INSERT INTO inbound_messages (dedup_key, received_at, state, retries, openid, msg_type,"
    " event, msg_id, text, payload, wechat_time) VALUES (?, ?, 'processing', 0, ?, ?, ?, ?, ?,"
    " ?, ?) ON CONFLICT (dedup_key) DO NOTHING RETURNING id"
)
ARRIVE = (
    "INSERT INTO villagers (openid, first_seen_at, subscribed, window_pushes, last_inbound_at)"
    " VALUES (?, ?, 1, 0, ?) ON CONFLICT (openid) DO UPDATE SET"
    " last_inbound_at = excluded.last_inbound_at, window_pushes = 0 RETURNING town_id"
)
STATE = "SELECT flow, step, data, expires_at FROM conversation_states WHERE openid = ?"
SAVE = (
    "INSERT INTO conversation_states (openid, flow, step, data, updated_at, expires_at)"
    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (openid) DO UPDATE SET flow = excluded.flow,"
    " step = excluded.step, data = excluded.data, updated_at = excluded.updated_at,"
    " expires_at = excluded.expires_at"
)
FINISH = (
    "UPDATE inbound_messages SET state = 'replied', reply = ?, handled_at = ?, intent = ?"
    " WHERE id = ?"
)
ANSWER = baseline_server.ANSWER


def _stamp() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S.000000", time.gmtime())


RECORD = (
    "INSERT INTO inbound_messages (dedup_key, received_at, state, retries, openid, msg_type,"
    " event, msg_id, text, payload, wechat_time, reply, handled_at, intent) VALUES (?, ?,"
    " 'replied', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING RETURNING id"
)


def make_app(
    token: str, db: str | None, matcher: Any, minimal: bool = False, crypto: Any = None
) -> web.Application:
    conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False) if db else None
    if conn is not None:
        for pragma in ("busy_timeout=0", "journal_mode=WAL", "synchronous=NORMAL"):
            conn.execute(f"PRAGMA {pragma}")

    def record(msg: dict[str, Any], key: str, intent: str) -> bool:
        """The message's transaction; False: a retry of a message recorded before."""
        assert conn is not None
        now = _stamp()
        openid = msg["FromUserName"]
        conn.execute("BEGIN IMMEDIATE")
        if minimal:
            reply = json.dumps({"kind": "text", "text": ANSWER})
            row = conn.execute(
                RECORD,
                (key, now, openid, msg.get("MsgType", ""), msg.get("Event"), msg.get("MsgId"),
                 msg.get("Content"), json.dumps(msg, ensure_ascii=False), now, reply, now,
                 intent),
            ).fetchone()  # fmt: skip
            conn.execute("COMMIT")
            return row is not None
        try:
            row = conn.execute(
                CLAIM,
                (key, now, openid, msg.get("MsgType", ""), msg.get("Event"), msg.get("MsgId"),
                 msg.get("Content"), json.dumps(msg, ensure_ascii=False), now),
            ).fetchone()  # fmt: skip
            if row is None:
                conn.execute("ROLLBACK")
                return False
            conn.execute(ARRIVE, (openid, now, now)).fetchone()
            conn.execute(STATE, (openid,)).fetchone()
            conn.execute(SAVE, (openid, "floor", intent, "{}", now, now))
            conn.execute(
                FINISH, (json.dumps({"kind": "text", "text": ANSWER}), now, intent, row[0])
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return True

    async def receive(request: web.Request) -> web.Response:
        msg, nonce = await baseline_server.read(request, token, crypto)
        intent = "none"
        if matcher is not None and msg.get("Content"):
            intent = matcher.decide(msg["Content"]).intent
        if conn is not None:
            key = msg.get("MsgId") or f"{msg['FromUserName']}:{msg.get('CreateTime')}"
            record(msg, key, intent)
        return baseline_server.answer(msg, ANSWER, crypto, nonce)

    async def alive(_request: web.Request) -> web.Response:
        return web.Response(text="floor")

    app = web.Application()
    app.router.add_post("/wechat", receive)
    app.router.add_get("/", alive)
    return app


def load_matcher(cache_dir: Path) -> Any:
    from bot.knowledge_service import KnowledgeService

    root = Path(__file__).resolve().parent.parent
    service = KnowledgeService(root / "knowledge" / "catalog", cache_dir=cache_dir)
    service.warm()
    return service.matcher


def main() -> None:
    ap = baseline_server.arguments(__doc__, 8091, "")
    ap.add_argument("--db", help="a seeded SQLite file (a copy: it is written to)")
    ap.add_argument("--minimal", action="store_true", help="one INSERT a message, see above")
    ap.add_argument("--matcher", action="store_true", help="the bot's matcher reads each text")
    ap.add_argument("--cache-dir", type=Path, default=Path("data/cache"))
    args = ap.parse_args()
    matcher = load_matcher(args.cache_dir) if args.matcher else None
    crypto = WeChatCrypto(args.token, args.aes_key, args.appid) if args.aes_key else None
    web.run_app(
        make_app(args.token, args.db, matcher, args.minimal, crypto),
        host=args.host,
        port=args.port,
        print=None,
    )


if __name__ == "__main__":
    main()
