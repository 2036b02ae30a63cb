"""Where a webhook message's database time goes: the real app in-process (aiohttp test
server, the bot's own settings and migrations), a copy of a seeded database, villagers'
messages one at a time (the same scripts as the load test), and every SQL statement
timed with SQLAlchemy cursor events. Prints statements per message by turn kind and the
statements that cost the most; no concurrency, so the times are the statements' own
(each includes the aiosqlite thread hand-off).

    python bench/sql_profile.py DB_FILE [--messages 1500]   (DB_FILE: a seeded SQLite file)
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import cProfile
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import loadgen  # noqa: E402


async def profile(
    db_file: Path, messages: int, aes: bool = False, cprofile: Path | None = None
) -> dict[str, Any]:
    import seed_tickets
    from aiohttp.test_utils import TestClient, TestServer
    from sqlalchemy import event

    from bot.app import make_app
    from bot.config import Settings
    from bot.runtime import RUNTIME

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "profile.db"
        shutil.copyfile(db_file, db)
        env = {
            "BIANMIN_DATABASE_URL": f"sqlite+aiosqlite:///{db}",
            "BIANMIN_WECHAT_TOKEN": loadgen.TOKEN,
            "BIANMIN_WECHAT_APPID": loadgen.APPID,
            "BIANMIN_WECHAT_SECRET": loadgen.SECRET,
            "BIANMIN_WECHAT_AES_KEY": loadgen.AES_KEY,
            "BIANMIN_WECHAT_API_BASE": "http://127.0.0.1:9",  # nothing is pushed here
            "BIANMIN_TIMESTAMP_WINDOW": "86400",
            "BIANMIN_ATTACHMENTS_DIR": str(Path(tmp) / "att"),
        }
        app = make_app(Settings.from_env(env))
        # The webhook and the pusher use the "hot" engine (SQLite in the loop's thread).
        engine = app[RUNTIME].hot_engine.sync_engine
        kind = ["-"]
        per_stmt: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0.0])
        full_sql: dict[str, str] = {}
        recording = [True]
        per_kind: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0, 0.0, 0.0])

        @event.listens_for(engine, "before_cursor_execute")
        def _before(conn: Any, cursor: Any, stmt: str, params: Any, ctx: Any, many: bool) -> None:
            conn.info.setdefault("t0", []).append(time.perf_counter())

        def record(stmt: str, took: float) -> None:
            key = " ".join(stmt.split())
            key = key if len(key) < 150 else key[:90] + " … " + key[-55:]
            full_sql.setdefault(key, stmt)
            per_stmt[key][0] += 1
            per_stmt[key][1] += took
            per_kind[kind[0]][1] += 1
            per_kind[kind[0]][2] += took

        @event.listens_for(engine, "after_cursor_execute")
        def _after(conn: Any, cursor: Any, stmt: str, params: Any, ctx: Any, many: bool) -> None:
            if recording:
                record(stmt, time.perf_counter() - conn.info["t0"].pop())

        # Prepared statements (storage/repositories/prepared.py) bypass SQLAlchemy's
        # events on the in-loop connection: time them at the connection.
        from storage.sqlite_inline import InlineConnection

        plain_rows = InlineConnection.rows

        async def timed_rows(self: Any, sql: str, parameters: Any) -> list[Any]:
            started = time.perf_counter()
            try:
                return await plain_rows(self, sql, parameters)
            finally:
                if recording:
                    record(sql, time.perf_counter() - started)

        InlineConnection.rows = timed_rows  # type: ignore[method-assign]

        known = [seed_tickets.seeded_openid(i) for i in range(0, 25_000, 7)]
        plan = loadgen.plan(loadgen.vocabulary(), messages, tag="P", seed=11, lanes=40, known=known)
        requests = loadgen.render(plan.turns, aes=aes, msg_id_base=5 * 10**15)
        async with TestClient(TestServer(app)) as client:
            for path, body in requests[:20]:  # warm: imports, caches, first connections
                await (await client.post(path, data=body.encode())).read()
            prof = cProfile.Profile() if cprofile else None
            if prof:
                prof.enable()
            cpu0, t0 = time.process_time(), time.perf_counter()
            for turn, (path, body) in list(zip(plan.turns, requests, strict=True))[20:]:
                kind[0] = turn.kind
                started = time.perf_counter()
                resp = await client.post(path, data=body.encode())
                await resp.read()
                per_kind[turn.kind][0] += 1
                per_kind[turn.kind][3] += time.perf_counter() - started
            cpu, wall = time.process_time() - cpu0, time.perf_counter() - t0
            if prof and cprofile:
                prof.disable()
                prof.dump_stats(cprofile)
        top = sorted(per_stmt.items(), key=lambda kv: -kv[1][1])[:15]
        plans = {
            k: query_plan(db, full_sql[k])
            for k, _ in top[:3]
            if full_sql[k].lstrip().upper().startswith("SELECT")
        }
        recording.clear()  # the per-layer cost below is not part of the messages
        stack = await stack_cost(app[RUNTIME].engine, db)
    n = len(requests) - 20
    sql_total = sum(v[1] for v in per_stmt.values())
    return {
        "messages": n,
        "cpu_ms_per_message": round(1000 * cpu / n, 2),
        "wall_ms_per_message": round(1000 * wall / n, 2),
        "sql_statements_per_message": round(sum(v[0] for v in per_stmt.values()) / n, 1),
        "sql_ms_per_message": round(1000 * sql_total / n, 2),
        "by_turn": {
            k: {
                "messages": int(v[0]),
                "statements_per_message": round(v[1] / v[0], 1),
                "sql_ms_per_message": round(1000 * v[2] / v[0], 2),
                "wall_ms_per_message": round(1000 * v[3] / v[0], 2),
            }
            for k, v in sorted(per_kind.items())
            if v[0]
        },
        "per_statement_cost_ms": stack,
        "top_statements": [
            {
                "sql": k,
                "sqlite_query_plan": plans.get(k),
                "count": int(v[0]),
                "per_message": round(v[0] / n, 2),
                "ms_each": round(1000 * v[1] / v[0], 3),
                "share_of_sql_pct": round(100 * v[1] / sql_total, 1),
            }
            for k, v in top
        ],
    }


def query_plan(db: Path, sql: str) -> list[str]:
    """SQLite's EXPLAIN QUERY PLAN for a statement (its parameters bound to NULL)."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute("EXPLAIN QUERY PLAN " + sql, [None] * sql.count("?")).fetchall()
        return [str(r[-1]) for r in rows]
    except sqlite3.Error as exc:
        return [f"(no plan: {exc})"]
    finally:
        con.close()


async def stack_cost(engine: Any, db: Path, n: int = 2000) -> dict[str, float]:
    """CPU ms of one indexed single-row SELECT (a villager by openid) through each layer:
    the ORM in an AsyncSession (what the repositories do), SQLAlchemy Core on an
    AsyncConnection, and the sqlite3 module called directly in this thread."""
    import seed_tickets
    from sqlalchemy import select, text
    from sqlalchemy.ext.asyncio import async_sessionmaker

    from storage.models import Villager

    ids = [seed_tickets.seeded_openid(i % 25_000) for i in range(n)]
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    out: dict[str, float] = {}

    async def orm() -> None:
        async with sessions() as s, s.begin():
            for o in ids:
                await s.scalar(select(Villager).where(Villager.openid == o))

    async def core() -> None:
        async with engine.connect() as c:
            q = text("SELECT * FROM villagers WHERE openid = :o")
            for o in ids:
                (await c.execute(q, {"o": o})).all()

    for name, fn in (("orm_async_session", orm), ("core_async_connection", core)):
        await fn()  # warm: statement caches, pool
        t = time.process_time()
        await fn()
        out[name] = round(1000 * (time.process_time() - t) / n, 3)
    con = sqlite3.connect(db)
    t = time.process_time()
    for o in ids:
        con.execute("SELECT * FROM villagers WHERE openid = ?", (o,)).fetchall()
    out["sqlite3_direct"] = round(1000 * (time.process_time() - t) / n, 3)
    con.close()
    return out


def show(r: dict[str, Any]) -> None:
    print(
        f"SQL profile: {r['messages']} messages one at a time: {r['cpu_ms_per_message']} ms CPU and "
        f"{r['wall_ms_per_message']} ms wall per message; {r['sql_statements_per_message']} SQL "
        f"statements, {r['sql_ms_per_message']} ms in them"
    )
    for k, v in r["by_turn"].items():
        print(
            f"    {k:<9} {v['messages']:>5} msgs  {v['statements_per_message']:>5} stmts  "
            f"{v['sql_ms_per_message']:>7} ms SQL  {v['wall_ms_per_message']:>7} ms wall"
        )
    print("  costliest statements (share of SQL time, per message, ms each):")
    for s in r["top_statements"][:10]:
        print(
            f"    {s['share_of_sql_pct']:5.1f}%  {s['per_message']:5.2f}/msg  {s['ms_each']:7.3f} ms  {s['sql']}"
        )
        if s.get("sqlite_query_plan"):
            print(f"             plan: {' / '.join(s['sqlite_query_plan'])}")
    c = r["per_statement_cost_ms"]
    print(
        "  one indexed single-row SELECT, CPU ms: ORM AsyncSession "
        f"{c['orm_async_session']}, Core AsyncConnection {c['core_async_connection']}, "
        f"sqlite3 direct {c['sqlite3_direct']}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("db", type=Path, help="a seeded SQLite file (bench/seed_tickets.py)")
    ap.add_argument("--messages", type=int, default=1500)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--cprofile", type=Path, help="also write cProfile stats of the messages")
    args = ap.parse_args()
    random.seed(1)
    os.environ.setdefault("BIANMIN_LOG_LEVEL", "WARNING")
    r = asyncio.run(profile(args.db, args.messages, cprofile=args.cprofile))
    show(r)
    if args.json:
        args.json.write_text(json.dumps(r, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
