"""The audit log on a county deployment: an admin bound to a town reads only the
entries about their town (its tickets, staff accounts, conversations, roster, and
what its staff did), county admins read all and may pick a town; migration 0006
gives the rows written before it their town."""

from __future__ import annotations

import asyncio
import secrets
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import insert, select, text

from storage.db import MIGRATIONS, make_engine, upgrade
from storage.models import AuditLog, Handoff, Staff, Ticket
from tests.bot.console.conftest import Console
from tests.conftest import START, _pg


async def entries(login: Any, query: str = "") -> list[tuple[str, str | None, str | None]]:
    """(action, username, town) of the audit rows the caller may read, oldest first."""
    items = (await login.get(f"/api/v1/admin/audit?limit=500{query}"))["items"]
    return [(e["action"], e["username"], e["town_id"]) for e in reversed(items)]


async def test_town_admins_read_their_towns_entries(county: Console) -> None:
    baisha = await county.register("oAuditBaisha", "dibao", town="baisha")
    heping = await county.register("oAuditHeping", "dibao", town="heping")
    bs_clerk = await county.login("bs_mz_clerk")
    await bs_clerk.post(f"/api/v1/tickets/{baisha}/claim")
    hp_clerk = await county.login("hp_mz_clerk")
    await hp_clerk.post(f"/api/v1/tickets/{heping}/claim")
    leader = await county.login("leader")  # county staff acting on a 白沙镇 ticket
    await leader.post(f"/api/v1/tickets/{baisha}/notes", {"text": "请尽快办理"})
    admin = await county.login("admin")
    created = await admin.post(
        "/api/v1/admin/staff",
        {
            "username": "bs_new",
            "role": "clerk",
            "department_id": "minzheng",
            "town_id": "baisha",
            "password": "a-long-password-1",
        },
    )
    await admin.call(
        "PUT", "/api/v1/admin/roster/2026-11-24", json={"staff_id": county.ids["bs_leader"]}
    )
    await admin.call("PUT", "/api/v1/admin/calendar/days/2026-12-31", json={"workday": False})

    town_admin = await county.login("bs_admin")
    seen = await entries(town_admin)
    assert seen == [
        ("login", "bs_mz_clerk", "baisha"),
        ("ticket.claim", "bs_mz_clerk", "baisha"),
        ("ticket.note", "leader", "baisha"),
        ("staff.create", "admin", "baisha"),
        ("roster.set", "admin", "baisha"),
        ("login", "bs_admin", "baisha"),
    ]
    assert seen == await entries(town_admin, "&town=baisha")
    by_target = await town_admin.get(f"/api/v1/admin/audit?target=staff:{created['id']}")
    assert [e["action"] for e in by_target["items"]] == ["staff.create"]
    # Another town's ticket, staff or the county's own settings stay out of sight.
    assert await entries(town_admin, f"&target=ticket:{heping}") == []
    assert await entries(town_admin, "&action=calendar.day") == []
    assert await entries(town_admin, f"&staff_id={county.ids['hp_mz_clerk']}") == []
    for other in ("heping", "main", "nowhere"):
        refused = await town_admin.get(f"/api/v1/admin/audit?town={other}", status=403)
        assert refused["error"] == "forbidden"

    everything = await entries(admin)
    assert ("ticket.claim", "hp_mz_clerk", "heping") in everything
    assert ("calendar.day", "admin", None) in everything  # county-wide: county admins only
    assert ("login", "leader", None) in everything
    assert await entries(admin, "&town=heping") == [
        ("login", "hp_mz_clerk", "heping"),
        ("ticket.claim", "hp_mz_clerk", "heping"),
    ]
    await admin.get("/api/v1/admin/audit?town=nowhere", status=400)

    for refused_role in ("bs_leader", "bs_mz_head", "bs_mz_clerk"):
        member = await county.login(refused_role)
        await member.get("/api/v1/admin/audit", status=403)


async def test_audit_town_on_one_town_deployment(console: Console) -> None:
    number = await console.register("oAuditMain", "dibao")
    clerk = await console.login("mz_clerk")
    await clerk.post(f"/api/v1/tickets/{number}/claim")
    admin = await console.login("admin")
    assert ("ticket.claim", "mz_clerk", "main") in await entries(admin)
    assert ("login", "mz_clerk", None) in await entries(admin)
    assert await entries(admin, "&town=main") == [("ticket.claim", "mz_clerk", "main")]


# -- migration 0006 -----------------------------------------------------------------


async def _fresh_database(db_url: str, tmp_path: Path) -> tuple[str, str | None]:
    """(url, PostgreSQL name to drop) of an empty database of the run's kind."""
    if not db_url.startswith("postgresql"):
        return f"sqlite+aiosqlite:///{tmp_path / 'migrate.db'}", None
    name = f"bianmin_m_{secrets.token_hex(5)}"
    await asyncio.to_thread(_pg, f'CREATE DATABASE "{name}"')
    return f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}", name


def _downgrade(url: str, revision: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url)
    command.downgrade(cfg, revision)


async def _seed_0005(url: str) -> dict[str, int]:
    """Staff, a ticket, a conversation and audit rows as a 0005 database holds them."""
    engine = make_engine(url)
    ids: dict[str, int] = {}
    try:
        async with engine.begin() as conn:
            for name, town in (("cty", None), ("bs", "baisha"), ("hp", "heping")):
                ids[name] = (
                    await conn.execute(
                        insert(Staff)
                        .values(
                            username=name,
                            display_name=name,
                            role="admin",
                            town_id=town,
                            password_hash="x",
                            active=True,
                            on_duty=True,
                            failed_logins=0,
                            created_at=START,
                        )
                        .returning(Staff.id)
                    )
                ).scalar_one()
            await conn.execute(
                insert(Ticket).values(
                    number="BM20261123-0001",
                    kind="service",
                    town_id="baisha",
                    openid="oMigrate",
                    item_name="x",
                    department_id="minzheng",
                    status="accepted",
                    materials=[],
                    missing=[],
                    breaks=[],
                    promised_days=1,
                    extended_days=0,
                    due_provisional=False,
                    accepted_at=START,
                    due_at=START,
                    created_at=START,
                    updated_at=START,
                )
            )
            handoff = (
                await conn.execute(
                    insert(Handoff)
                    .values(
                        openid="oMigrate",
                        town_id="heping",
                        status="open",
                        opened_at=START,
                        unread=0,
                    )
                    .returning(Handoff.id)
                )
            ).scalar_one()
            rows = [  # (action, by, target, detail) -> expected town
                ("ticket.claim", "cty", "ticket:BM20261123-0001", {}),
                ("staff.edit", "cty", f"staff:{ids['hp']}", {}),
                ("handoff.reply", "cty", f"handoff:{handoff}", {}),
                ("roster.set", "cty", "day:2026-11-24", {"town": "baisha", "staff_id": 1}),
                ("login", "bs", None, {}),
                ("calendar.day", "cty", "day:2026-12-31", {}),
                ("ticket.note", "hp", "ticket:BM20990101-0001", {}),  # gone: the actor's town
                ("staff.edit", "bs", f"staff:{ids['cty']}", {}),  # county account: the actor's
                ("account_locked", None, None, {}),
            ]
            for action, by, target, detail in rows:
                await conn.execute(
                    insert(AuditLog.__table__).values(
                        at=START,
                        action=action,
                        staff_id=ids.get(by) if by else None,
                        username=by,
                        target=target,
                        ip="127.0.0.1",
                        detail=detail,
                    )
                )
    finally:
        await engine.dispose()
    return ids


async def test_migration_0006_backfills_the_town(db_url: str, tmp_path: Path) -> None:
    url, pg_name = await _fresh_database(db_url, tmp_path)
    try:
        await asyncio.to_thread(upgrade, url, "0005")
        await _seed_0005(url)
        await asyncio.to_thread(upgrade, url)
        engine = make_engine(url)
        try:
            async with engine.connect() as conn:
                rows = (
                    await conn.execute(
                        select(AuditLog.action, AuditLog.town_id).order_by(AuditLog.id)
                    )
                ).all()
        finally:
            await engine.dispose()
        assert [tuple(r) for r in rows] == [
            ("ticket.claim", "baisha"),
            ("staff.edit", "heping"),
            ("handoff.reply", "heping"),
            ("roster.set", "baisha"),
            ("login", "baisha"),
            ("calendar.day", None),
            ("ticket.note", "heping"),
            ("staff.edit", "baisha"),
            ("account_locked", None),
        ]
        await asyncio.to_thread(_downgrade, url, "0005")
        engine = make_engine(url)
        try:
            async with engine.connect() as conn:
                count = await conn.scalar(text("SELECT COUNT(*) FROM audit_log"))
        finally:
            await engine.dispose()
        assert count == 9
    finally:
        if pg_name is not None:
            await asyncio.to_thread(_pg, f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
