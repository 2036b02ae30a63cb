"""Who may see and do what: 401 without a session on every documented route,
403 outside the caller's role or department, complaints only for 综治, leaders
and the admin. The route list comes from the OpenAPI document itself."""

from __future__ import annotations

import re
from typing import Any

from bot.console import endpoints
from storage.repositories import Repos
from tests.bot.console.conftest import Console

SAMPLES = {
    "number": "BM20261123-0001",
    "id": "1",
    "role": "clerk",
    "day": "2026-12-01",
    "year": "2027",
    "item_id": "dibao",
}
VILLAGER = "oScopeVillager00000000000001"


def fill(path: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: SAMPLES[m.group(1)], path)


async def operations(console: Console) -> list[tuple[str, str, dict[str, Any]]]:
    doc = await (await console.client.get("/api/v1/openapi.json")).json()
    return [
        (method.upper(), path, op)
        for path, ops in doc["paths"].items()
        for method, op in ops.items()
    ]


async def test_the_document_lists_every_mounted_route(console: Console) -> None:
    documented = {(m, p) for m, p, _ in await operations(console)}
    assert documented == {(e.method, e.path) for e in endpoints()}
    assert len(documented) > 40


async def test_every_protected_route_is_401_without_a_session(console: Console) -> None:
    checked = 0
    for method, path, op in await operations(console):
        if op["security"] == []:
            continue  # login and this document
        resp = await console.client.request(
            method, fill(path), json={} if method != "GET" else None
        )
        assert resp.status == 401, f"{method} {path}: {resp.status}"
        assert (await resp.json())["error"] == "unauthenticated"
        checked += 1
    assert checked > 40


async def test_a_forged_or_stale_cookie_is_401(console: Console) -> None:
    resp = await console.client.get("/api/v1/tickets", headers={"Cookie": "bm_session=forged"})
    assert resp.status == 401


async def test_admin_routes_refuse_everyone_else(console: Console) -> None:
    admin_ops = [(m, p) for m, p, op in await operations(console) if p.startswith("/api/v1/admin")]
    assert len(admin_ops) >= 15
    for username in ("mz_clerk", "mz_head", "leader"):
        login = await console.login(username)
        for method, path in admin_ops:
            resp = await login.request(method, fill(path), json={} if method != "GET" else None)
            assert resp.status == 403, f"{username} {method} {path}: {resp.status}"
    admin = await console.login("admin")
    await admin.get("/api/v1/admin/staff")


async def test_documented_roles_match_what_is_enforced(console: Console) -> None:
    """For every GET without path parameters, a role outside x-roles gets 403 and one inside does not."""
    logins = {
        role: await console.login(user)
        for role, user in (
            ("clerk", "mz_clerk"),
            ("head", "mz_head"),
            ("leader", "leader"),
            ("admin", "admin"),
        )
    }
    for method, path, op in await operations(console):
        if method != "GET" or "{" in path or op["security"] == [] or path == "/api/v1/events":
            continue
        for role, login in logins.items():
            resp = await login.request("GET", path)
            allowed = role in op["x-roles"]
            assert (resp.status != 403) == allowed, f"{role} GET {path}: {resp.status}"


async def test_clerk_of_another_department_is_refused_everywhere(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    number = await console.register(VILLAGER, "dibao")  # 民政办
    outsider = await console.login("sb_clerk")  # 社保
    listed = await outsider.get("/api/v1/tickets?view=department")
    assert number not in [t["number"] for t in listed["tickets"]]
    assert (await outsider.request("GET", "/api/v1/tickets?department=minzheng")).status == 403
    assert (await outsider.request("GET", f"/api/v1/tickets/{number}")).status == 403
    for action, body in (
        ("claim", None),
        ("status", {"status": "in_progress"}),
        ("reply", {"text": "hi"}),
        ("notes", {"text": "x"}),
        ("transfer", {"department_id": "shebao"}),
        ("withdraw", {}),
        ("reveal-phone", None),
        ("extension", {"days": 1, "reason": "x"}),
        ("materials", {"name": "户口簿", "received": True}),
    ):
        resp = await outsider.request("POST", f"/api/v1/tickets/{number}/{action}", json=body)
        assert resp.status == 403, action
    # A number that does not exist answers exactly like one out of scope: nothing leaks.
    ghost = await outsider.request("GET", "/api/v1/tickets/BM20261123-9999")
    real = await outsider.request("GET", f"/api/v1/tickets/{number}")
    assert ghost.status == real.status == 403 and await ghost.json() == await real.json()
    leader = await console.login("leader")
    assert (await leader.request("GET", "/api/v1/tickets/BM20261123-9999")).status == 404
    insider = await console.login("mz_clerk")
    assert (await insider.get(f"/api/v1/tickets/{number}"))["number"] == number


async def test_complaints_only_for_zongzhi_leaders_and_admin(console: Console) -> None:
    await console.villager_says(VILLAGER, "我要投诉")
    number = await console.complaint(VILLAGER, "村里低保评定不公平")
    for username in ("mz_clerk", "mz_head", "sb_head"):
        login = await console.login(username)
        assert (await login.request("GET", f"/api/v1/tickets/{number}")).status == 403, username
        assert (await login.request("GET", "/api/v1/tickets?view=complaints")).status == 403, (
            username
        )
        assert number not in [
            t["number"] for t in (await login.get("/api/v1/tickets?view=department"))["tickets"]
        ]
    for username in ("zz_clerk", "leader", "admin"):
        login = await console.login(username)
        assert (await login.get(f"/api/v1/tickets/{number}"))["kind"] == "complaint"
        listed = await login.get("/api/v1/tickets?view=complaints")
        assert [t["number"] for t in listed["tickets"]] == [number]


async def test_admin_reads_tickets_but_does_not_act(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    number = await console.register(VILLAGER, "dibao")
    admin = await console.login("admin")
    detail = await admin.get(f"/api/v1/tickets/{number}")
    assert detail["can_act"] is False
    assert (await admin.request("POST", f"/api/v1/tickets/{number}/claim")).status == 403
    assert (
        await admin.request("POST", f"/api/v1/tickets/{number}/reply", json={"text": "hi"})
    ).status == 403


async def test_owner_keeps_following_a_ticket_after_transfer(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    number = await console.register(VILLAGER, "dibao")
    clerk = await console.login("mz_clerk")
    await clerk.post(f"/api/v1/tickets/{number}/claim")
    moved = await clerk.post(
        f"/api/v1/tickets/{number}/transfer", {"department_id": "shebao", "note": "社保卡问题"}
    )
    assert moved["department_id"] == "shebao" and moved["owner"]["id"] == console.ids["mz_clerk"]
    mine = await clerk.get("/api/v1/tickets?view=mine")
    assert [t["number"] for t in mine["tickets"]] == [number]  # 首问责任: still mine to follow
    other = await console.login("mz_clerk2")
    assert (await other.request("GET", f"/api/v1/tickets/{number}")).status == 403
    shebao = await console.login("sb_clerk")
    assert (await shebao.get(f"/api/v1/tickets/{number}"))["department"] == "社会保障所(人社)"


async def test_staff_bound_to_another_town_see_nothing_here(
    console: Console, password_hash: str
) -> None:
    await console.villager_says(VILLAGER, "办低保")
    number = await console.register(VILLAGER, "dibao")  # the main town's ticket
    async with console.rt.sessionmaker() as session, session.begin():
        repos = Repos.bind(session)
        for username, role, department in (
            ("east_clerk", "clerk", "minzheng"),
            ("east_leader", "leader", None),
        ):
            member = await repos.staff.add(
                username=username,
                display_name=username,
                role=role,
                department_id=department,
                password_hash=password_hash,
                now=console.clock.now(),
            )
            member.town_id = "east"
    for username in ("east_clerk", "east_leader"):
        login = await console.login(username)
        assert (await login.request("GET", f"/api/v1/tickets/{number}")).status == 403
        assert (await login.get("/api/v1/tickets?view=department"))["tickets"] == []
    county = await console.login("leader")  # no town: county-wide
    assert (await county.get(f"/api/v1/tickets/{number}"))["number"] == number
