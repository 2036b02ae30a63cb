"""Seed a migrated database with N tickets (default 100,000) and their villagers, in
big transactions through SQLAlchemy core: what a township center accumulates over a
few years (mostly finished and rated, about 5 % still open with deadlines ahead).
Items, departments and materials come from the real catalog. Ticket numbers are
dated before today, so today's numbering starts afresh.

    python bench/seed_tickets.py sqlite+aiosqlite:////tmp/x/bianmin.db [--tickets 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402

from knowledge.catalog import load_catalog  # noqa: E402
from storage.db import make_engine, upgrade  # noqa: E402
from storage.models import Ticket, Villager  # noqa: E402

TZ = dt.timezone(dt.timedelta(hours=8))
CHUNK = 5_000


def seeded_openid(i: int) -> str:
    return f"oSeed{i:023d}"


async def seed(
    url: str, tickets: int = 100_000, villagers: int = 25_000, seed: int = 3
) -> dict[str, float]:
    rng = random.Random(seed)
    catalog = load_catalog(ROOT / "knowledge" / "catalog")
    items = list(catalog.items)
    engine = make_engine(url)
    started = time.perf_counter()
    today = dt.datetime.now(TZ).replace(hour=9, minute=0, second=0, microsecond=0)
    try:
        async with engine.begin() as conn:
            for lo in range(0, villagers, CHUNK):
                rows = [
                    {
                        "openid": seeded_openid(i),
                        "subscribed": True,
                        "name": "村民" + str(i),
                        "phone": f"139{i:08d}",
                        "village": "李家村",
                        "first_seen_at": today - dt.timedelta(days=900),
                        "last_inbound_at": today - dt.timedelta(days=rng.randint(3, 700)),
                        "window_pushes": 0,
                    }
                    for i in range(lo, min(villagers, lo + CHUNK))
                ]
                await conn.execute(insert(Villager.__table__), rows)
        # Tickets numbered per day, two years back, oldest first.
        days = 730
        per_day = tickets / days
        async with engine.begin() as conn:
            batch: list[dict[str, object]] = []
            made = 0
            for d in range(days, 0, -1):
                day = today - dt.timedelta(days=d)
                n = int(per_day * (d - 1) + per_day) - int(per_day * (d - 1))
                for seq in range(1, n + 1):
                    if made >= tickets:
                        break
                    made += 1
                    batch.append(_ticket(rng, items, day, seq, villagers, today))
                    if len(batch) >= CHUNK:
                        await conn.execute(insert(Ticket.__table__), batch)
                        batch = []
            while made < tickets:  # rounding leftovers, dated yesterday
                made += 1
                batch.append(
                    _ticket(
                        rng,
                        items,
                        today - dt.timedelta(days=1),
                        9000 + made % 999,
                        villagers,
                        today,
                    )
                )
            if batch:
                await conn.execute(insert(Ticket.__table__), batch)
        async with engine.connect() as conn:
            count = await conn.scalar(select(func.count()).select_from(Ticket.__table__))
    finally:
        await engine.dispose()
    return {
        "tickets": float(count or 0),
        "villagers": float(villagers),
        "seconds": time.perf_counter() - started,
    }


def _ticket(
    rng: random.Random, items: list, day: dt.datetime, seq: int, villagers: int, today: dt.datetime
) -> dict[str, object]:
    item = rng.choice(items)
    case = rng.choice(item.cases)
    accepted = day + dt.timedelta(minutes=rng.randint(0, 480))
    due = accepted + dt.timedelta(days=max(1, item.limits.promised) * 7 // 5 + 1)
    r = rng.random()
    status = (
        "done"
        if r < 0.90
        else "rejected"
        if r < 0.93
        else "withdrawn"
        if r < 0.95
        else rng.choice(("accepted", "in_progress", "need_materials"))
    )
    row: dict[str, object] = {
        "number": f"BM{day:%Y%m%d}-{seq:04d}",
        "kind": "service",
        "openid": seeded_openid(rng.randrange(villagers)),
        "item_id": item.id,
        "item_name": item.name,
        "case_name": case.name,
        "department_id": item.department,
        "status": status,
        "applicant_name": "村民",
        "applicant_phone": "13900000000",
        "village": "李家村",
        "content": None,
        "materials": [
            {
                "name": m.name,
                "form": m.form,
                "copies": m.copies,
                "required": m.required,
                "received": True,
            }
            for m in case.materials
        ],
        "missing": [],
        "handling": item.kind,
        "promised_days": item.limits.promised,
        "extended_days": 0,
        "accepted_at": accepted,
        "due_at": due,
        "due_provisional": False,
        "breaks": [],
        "created_at": accepted,
        "updated_at": accepted,
        # every row has the same keys: one executemany per chunk
        "finished_at": None,
        "sla_met": None,
        "sla_wall_seconds": None,
        "rating": None,
        "rating_asked_at": None,
    }
    if status in ("done", "rejected", "withdrawn"):
        finished = accepted + dt.timedelta(days=rng.randint(0, 10), hours=rng.randint(0, 6))
        row.update(
            finished_at=finished,
            updated_at=finished,
            sla_met=finished <= due,
            sla_wall_seconds=int((finished - due).total_seconds()),
            rating=rng.choice((1, 1, 1, 2, 2, 3, None)) if status == "done" else None,
            rating_asked_at=finished if status == "done" else None,
        )
    else:  # still open: the deadline is ahead, so no warnings fire during a run
        row.update(due_at=today + dt.timedelta(days=rng.randint(3, 20)))
    return row


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("url")
    ap.add_argument("--tickets", type=int, default=100_000)
    ap.add_argument("--villagers", type=int, default=25_000)
    args = ap.parse_args()
    upgrade(args.url)
    print(asyncio.run(seed(args.url, args.tickets, args.villagers)))


if __name__ == "__main__":
    main()
