"""Admin routes: staff accounts, the 2FA policy, the duty roster, the holiday
calendar, the catalog (list, reload, try a question) and the audit log."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.knowledge_service import KnowledgeService
from tests.bot.console.conftest import Console

NEW_PASSWORD = "a-brand-new-password"


async def test_staff_lifecycle(console: Console) -> None:
    admin = await console.login("admin")
    created = await admin.post(
        "/api/v1/admin/staff",
        {
            "username": "huji_clerk",
            "display_name": "户籍窗口小李",
            "role": "clerk",
            "department_id": "huji",
            "password": NEW_PASSWORD,
            "on_duty": False,
        },
    )
    assert (
        created["department_id"] == "huji"
        and created["on_duty"] is False
        and created["active"] is True
    )
    assert "password" not in str(created) and "hash" not in str(created)
    await admin.post(
        "/api/v1/admin/staff",
        {
            "username": "huji_clerk",
            "role": "clerk",
            "department_id": "huji",
            "password": NEW_PASSWORD,
        },
        status=409,
    )
    assert (
        await admin.post(
            "/api/v1/admin/staff",
            {"username": "x1", "role": "clerk", "password": NEW_PASSWORD},
            status=400,
        )
    )["error"] == "department_required"
    assert (
        await admin.post(
            "/api/v1/admin/staff",
            {"username": "x2", "role": "clerk", "department_id": "mars", "password": NEW_PASSWORD},
            status=400,
        )
    )["error"] == "unknown_department"
    assert (
        await admin.post(
            "/api/v1/admin/staff",
            {"username": "x3", "role": "leader", "password": "short"},
            status=400,
        )
    )["error"] == "weak_password"
    await admin.post(
        "/api/v1/admin/staff",
        {"username": "bad name!", "role": "leader", "password": NEW_PASSWORD},
        status=400,
    )
    await admin.post(
        "/api/v1/admin/staff",
        {"username": "x4", "role": "king", "password": NEW_PASSWORD},
        status=400,
    )

    member = await console.login("huji_clerk", NEW_PASSWORD)
    edited = await admin.call(
        "PATCH", f"/api/v1/admin/staff/{created['id']}", json={"on_duty": True, "role": "head"}
    )
    assert edited["role"] == "head" and edited["on_duty"] is True
    await admin.post(
        f"/api/v1/admin/staff/{created['id']}/password", {"password": "yet-another-password"}
    )
    assert (await member.request("GET", "/api/v1/me")).status == 401  # a reset ends their sessions
    member = await console.login("huji_clerk", "yet-another-password")
    gone = await admin.call("DELETE", f"/api/v1/admin/staff/{created['id']}")
    assert gone["active"] is False
    assert (await member.request("GET", "/api/v1/me")).status == 401
    assert (await console.attempt("huji_clerk", "yet-another-password")).status == 401
    listed = {s["username"]: s for s in (await admin.get("/api/v1/admin/staff"))["items"]}
    assert listed["huji_clerk"]["active"] is False and "mz_clerk" in listed
    actions = [
        a["action"]
        for a in (await admin.get("/api/v1/admin/audit?target=staff:" + str(created["id"])))[
            "items"
        ]
    ]
    assert actions == ["staff.deactivate", "staff.password_reset", "staff.edit", "staff.create"]


async def test_admin_cannot_lock_themselves_out(console: Console) -> None:
    admin = await console.login("admin")
    me = console.ids["admin"]
    await admin.call("DELETE", f"/api/v1/admin/staff/{me}", status=400)
    await admin.call(
        "PATCH",
        f"/api/v1/admin/staff/{me}",
        status=400,
        json={"role": "clerk", "department_id": "huji"},
    )
    await admin.call("PATCH", "/api/v1/admin/staff/999999", status=404, json={})


async def test_unlock_and_totp_reset(console: Console) -> None:
    for _ in range(5):
        await console.attempt("mz_clerk", "guess")
    assert (await console.attempt("mz_clerk")).status == 429
    admin = await console.login("admin")
    account = await admin.call(
        "PATCH", f"/api/v1/admin/staff/{console.ids['mz_clerk']}", json={"unlock": True}
    )
    assert account["locked_until"] is None
    assert (await console.attempt("mz_clerk")).status == 200
    policies = await admin.get("/api/v1/admin/policies")
    assert {p["role"]: p["require_totp"] for p in policies["items"]} == {
        "clerk": False,
        "head": False,
        "leader": False,
        "admin": False,
    }
    await admin.call("PUT", "/api/v1/admin/policies/leader", json={"require_totp": True})
    await admin.call("PUT", "/api/v1/admin/policies/king", json={"require_totp": True}, status=404)
    assert (await console.login("leader")).me["enrol_required"] is True


async def test_roster_and_calendar(console: Console) -> None:
    admin = await console.login("admin")
    day = await admin.call(
        "PUT", "/api/v1/admin/roster/2026-11-24", json={"staff_id": console.ids["leader"]}
    )
    assert day["staff"]["name"] == "leader"
    refused = await admin.call(
        "PUT",
        "/api/v1/admin/roster/2026-11-25",
        status=400,
        json={"staff_id": console.ids["mz_clerk"]},
    )
    assert refused["error"] == "not_leader"
    roster = await admin.get("/api/v1/admin/roster?from=2026-11-23&to=2026-11-30")
    assert roster["items"] == [
        {"day": "2026-11-24", "staff": {"id": console.ids["leader"], "name": "leader"}}
    ]
    cal = await admin.get("/api/v1/admin/calendar?year=2027")
    assert cal == {"year": 2027, "complete": False, "library_covers": False, "overrides": []}
    await admin.call(
        "PUT", "/api/v1/admin/calendar/days/2027-02-08", json={"workday": False, "note": "春节"}
    )
    await admin.call(
        "PUT", "/api/v1/admin/calendar/days/2027-02-20", json={"workday": True, "note": "调休上班"}
    )
    done = await admin.call("PUT", "/api/v1/admin/calendar/years/2027", json={"complete": True})
    assert done["complete"] is True and [o["day"] for o in done["overrides"]] == [
        "2027-02-08",
        "2027-02-20",
    ]
    cleared = await admin.call(
        "PUT", "/api/v1/admin/calendar/days/2027-02-20", json={"workday": None}
    )
    assert [o["note"] for o in cleared["overrides"]] == ["春节"]
    await admin.call(
        "PUT", "/api/v1/admin/calendar/days/not-a-day", json={"workday": True}, status=404
    )


async def test_catalog_try_and_reload(console: Console) -> None:
    admin = await console.login("admin")
    catalog = await admin.get("/api/v1/admin/catalog")
    assert len(catalog["items"]) > 40 and catalog["problems"] == []
    decision = await admin.post("/api/v1/admin/catalog/try", {"text": "办地保要带什么"})
    assert decision["intent"] == "guide" and decision["item"] == "最低生活保障申请"
    assert "why" in decision["explain"]
    (tried,) = (await admin.get("/api/v1/admin/audit?action=try_question"))["items"]
    assert (
        tried["target"] == "/api/v1/admin/catalog/try"
    )  # the router audits what a handler does not
    reloaded = await admin.post("/api/v1/admin/catalog/reload")
    assert reloaded == {
        "changed": False,
        "digest": catalog["digest"],
        "items": len(catalog["items"]),
        "problems": [],
    }
    departments = (await admin.post("/api/v1/admin/departments/sync"))["items"]
    assert "zongzhi" in {d["id"] for d in departments}
    clerk = await console.login("mz_clerk")
    assert len((await clerk.get("/api/v1/departments"))["items"]) == len(departments)
    assert len((await clerk.get("/api/v1/catalog/items"))["items"]) == len(catalog["items"])
    guide = await clerk.get("/api/v1/catalog/items/dibao/guide")
    assert guide["url"] == "https://bm.example.gov.cn/guide/dibao" and "户口簿" in guide["text"]
    await clerk.get("/api/v1/catalog/items/no_such_item/guide", status=404)


async def test_a_broken_catalog_is_reported_and_not_swapped_in(
    console: Console, tmp_path: Path
) -> None:
    source = PROJECT_ROOT / "knowledge" / "catalog"
    copy = tmp_path / "catalog"
    shutil.copytree(source, copy)
    service = KnowledgeService(copy)
    console.rt.knowledge = service  # this test's own catalog, so the shared one stays intact
    (copy / "items" / "dibao.yaml").write_text("id: dibao\nname: [unclosed\n", encoding="utf-8")
    admin = await console.login("admin")
    result = await admin.post("/api/v1/admin/catalog/reload")
    assert (
        result["changed"] is False and result["problems"] and "dibao.yaml" in result["problems"][0]
    )
    assert (await admin.get("/api/v1/admin/catalog"))["problems"] == result["problems"]
    assert service.current.by_id["dibao"].name == "最低生活保障申请"
