"""Department heads and their team on a county deployment: the staff of their
department and town (分派 targets), giving a ticket to a colleague, reading (not
editing) the duty roster of their town, and the towns each caller may read."""

from __future__ import annotations

from typing import Any

from tests.bot.console.conftest import Console


def names(listing: dict[str, Any]) -> set[str]:
    return {m["name"] for m in listing["items"]}


COUNTY_MZ = {"mz_head", "mz_clerk", "mz_clerk2"}  # county staff of 民政办: they work everywhere


async def test_heads_list_the_staff_of_their_department_and_town(county: Console) -> None:
    number = await county.register("oTeamBaisha", "dibao", town="baisha")
    clerk = await county.login("bs_mz_clerk")
    await clerk.post(f"/api/v1/tickets/{number}/claim")

    head = await county.login("bs_mz_head")
    team = await head.get("/api/v1/staff")
    assert names(team) == {"bs_mz_head", "bs_mz_clerk"} | COUNTY_MZ
    mine = next(m for m in team["items"] if m["name"] == "bs_mz_clerk")
    assert mine == {
        "id": county.ids["bs_mz_clerk"],
        "name": "bs_mz_clerk",
        "role": "clerk",
        "department_id": "minzheng",
        "town_id": "baisha",
        "on_duty": True,
        "open_tickets": 1,
    }
    assert team == await head.get("/api/v1/staff?department=minzheng&town=baisha")
    for refused in (
        "department=shebao",
        "town=heping",
        "town=main",
        "department=shebao&town=baisha",
    ):
        body = await head.get(f"/api/v1/staff?{refused}", status=403)
        assert body["error"] == "forbidden"

    county_head = await county.login("mz_head")
    assert names(await county_head.get("/api/v1/staff")) == COUNTY_MZ | {
        "bs_mz_head",
        "bs_mz_clerk",
        "hp_mz_head",
        "hp_mz_clerk",
    }
    assert names(await county_head.get("/api/v1/staff?town=heping")) == COUNTY_MZ | {
        "hp_mz_head",
        "hp_mz_clerk",
    }
    await county_head.get("/api/v1/staff?department=shebao", status=403)
    await county_head.get("/api/v1/staff?town=nowhere", status=400)

    leader = await county.login("bs_leader")  # leaders: any department, their town
    assert names(await leader.get("/api/v1/staff?department=shebao")) == {
        "bs_sb_clerk",
        "sb_clerk",
        "sb_head",
    }
    await leader.get("/api/v1/staff", status=400)  # no department of their own to default to
    await leader.get("/api/v1/staff?department=shebao&town=heping", status=403)
    for role in ("mz_clerk", "bs_mz_clerk"):
        await (await county.login(role)).get("/api/v1/staff", status=403)


async def test_heads_give_tickets_to_colleagues(county: Console) -> None:
    number = await county.register("oTeamAssign", "dibao", town="baisha")
    head = await county.login("bs_mz_head")
    path = f"/api/v1/tickets/{number}/assign"
    given = await head.post(path, {"staff_id": county.ids["bs_mz_clerk"]})
    assert given["assignee"] == {"id": county.ids["bs_mz_clerk"], "name": "bs_mz_clerk"}
    assert given["town_id"] == "baisha"
    assert [e["kind"] for e in given["timeline"]][-1] == "assign"
    given = await head.post(path, {"staff_id": county.ids["mz_clerk"]})  # county staff: fine
    assert given["assignee"]["name"] == "mz_clerk"
    notices = await (await county.login("mz_clerk")).get("/api/v1/notices")
    assert [n["kind"] for n in notices["items"]] == ["assigned"]

    for target in ("hp_mz_clerk", "bs_sb_clerk", "bs_leader", "admin"):  # other town, dept, role
        refused = await head.post(path, {"staff_id": county.ids[target]}, status=400)
        assert refused["field"] == "staff_id"
    await head.post(path, {"staff_id": 2**31 - 1}, status=400)
    # Heads of another town or department, clerks and the admin may not.
    for username in ("hp_mz_head", "sb_head", "bs_mz_clerk", "mz_clerk", "bs_admin"):
        member = await county.login(username)
        refused = await member.post(path, {"staff_id": county.ids["bs_mz_clerk"]}, status=403)
        assert refused["error"] == "forbidden"
    leader = await county.login("bs_leader")
    await leader.post(path, {"staff_id": county.ids["bs_mz_head"]})

    clerk = await county.login("mz_clerk")
    await clerk.post(f"/api/v1/tickets/{number}/status", {"status": "done"})
    closed = await head.post(path, {"staff_id": county.ids["bs_mz_clerk"]}, status=409)
    assert closed["error"] == "invalid_transition"


async def test_heads_read_but_do_not_edit_the_roster_of_their_town(county: Console) -> None:
    admin = await county.login("admin")
    await admin.call(
        "PUT", "/api/v1/admin/roster/2026-11-24", json={"staff_id": county.ids["bs_leader"]}
    )
    await admin.call(
        "PUT", "/api/v1/admin/roster/2026-11-25", json={"staff_id": county.ids["leader"]}
    )
    days = "from=2026-11-23&to=2026-11-30"
    head = await county.login("bs_mz_head")
    roster = await head.get(f"/api/v1/roster?{days}")
    assert roster["items"] == [
        {"day": "2026-11-24", "staff": {"id": county.ids["bs_leader"], "name": "bs_leader"}}
    ]
    assert roster == await head.get(f"/api/v1/roster?{days}&town=baisha")
    for other in ("main", "heping", "nowhere"):
        await head.get(f"/api/v1/roster?{days}&town={other}", status=403)
    refused = await head.call(
        "PUT",
        "/api/v1/admin/roster/2026-11-26",
        status=403,
        json={"staff_id": county.ids["bs_leader"]},
    )
    assert refused["error"] == "forbidden"
    await head.get(f"/api/v1/admin/roster?{days}", status=403)

    county_head = await county.login("mz_head")
    main = await county_head.get(f"/api/v1/roster?{days}")
    assert [d["staff"]["name"] for d in main["items"]] == ["leader"]
    assert [
        d["day"] for d in (await county_head.get(f"/api/v1/roster?{days}&town=baisha"))["items"]
    ] == ["2026-11-24"]
    await county_head.get(f"/api/v1/roster?{days}&town=nowhere", status=400)
    leader = await county.login("leader")
    assert (await leader.get(f"/api/v1/roster?{days}")) == main
    for clerk in ("mz_clerk", "bs_mz_clerk"):
        await (await county.login(clerk)).get(f"/api/v1/roster?{days}", status=403)

    town_admin = await county.login("bs_admin")
    await town_admin.get(f"/api/v1/admin/roster?{days}&town=heping", status=403)


async def test_towns_and_me_tell_who_is_county_staff(county: Console) -> None:
    leader = await county.login("leader")
    assert leader.me["town_id"] is None and leader.me["town"] is None
    assert (await leader.get("/api/v1/towns"))["items"] == [
        {"id": "main", "name": "青石镇"},
        {"id": "baisha", "name": "白沙镇"},
        {"id": "heping", "name": "和平乡"},
    ]
    clerk = await county.login("bs_mz_clerk")
    assert (clerk.me["town_id"], clerk.me["town"]) == ("baisha", "白沙镇")
    assert (await clerk.get("/api/v1/me"))["town"] == "白沙镇"
    assert (await clerk.get("/api/v1/towns"))["items"] == [{"id": "baisha", "name": "白沙镇"}]
