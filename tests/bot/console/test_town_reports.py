"""Reports on a county deployment: county staff get a row per town (named from the
town's center) and may pick one town; staff bound to a town only ever get their
own and are refused another; heads get the first-response KPI of their department;
CSV and Excel carry the town."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest

from storage.repositories import Repos
from tests.bot.console.conftest import Console

RANGE = "from=2026-11-01&to=2026-11-30"
SUMMARY = f"/api/v1/reports/summary?{RANGE}"
EXPORT = f"/api/v1/reports/export?{RANGE}"


async def conversation(
    console: Console, openid: str, town: str, answered_by: str, minutes: int
) -> None:
    """A 转人工 conversation in a town, first answered after some minutes."""
    async with console.rt.sessionmaker() as session, session.begin():
        handoff, _ = await Repos.bind(session).handoffs.open(openid, console.clock.now())
        handoff.town_id = town
        handoff.staff_id = console.ids[answered_by]
        handoff.first_response_at = console.clock.now() + dt.timedelta(minutes=minutes)


@pytest.fixture
async def tickets(county: Console) -> dict[str, str]:
    t = {
        "main_1": await county.register("oRepMain1", "dibao"),
        "main_2": await county.register("oRepMain2", "shebaoka"),
        "baisha_1": await county.register("oRepBaisha1", "dibao", town="baisha"),
        "baisha_2": await county.register("oRepBaisha2", "dibao", town="baisha"),
        "heping": await county.register("oRepHeping", "dibao", town="heping"),
    }
    clerk = await county.login("bs_mz_clerk")
    await clerk.post(f"/api/v1/tickets/{t['baisha_1']}/status", {"status": "done"})
    await conversation(county, "oRepMain1", "main", "mz_clerk", 10)
    await conversation(county, "oRepBaisha1", "baisha", "bs_mz_clerk", 4)
    await conversation(county, "oRepHeping", "heping", "sb_clerk", 20)
    return t


async def test_county_staff_get_a_row_per_town(county: Console, tickets: dict[str, str]) -> None:
    leader = await county.login("leader")
    report = await leader.get(f"{SUMMARY}&group=town")
    assert (report["town"], report["town_name"], report["group_name"]) == (None, "全部乡镇", "乡镇")
    rows = {
        r["key"]: (r["label"], r["received"], r["completed"], r["first_response_minutes"])
        for r in report["rows"]
    }
    assert rows == {
        "main": ("青石镇", 2, 0, 10.0),
        "baisha": ("白沙镇", 2, 1, 4.0),
        "heping": ("和平乡", 1, 0, 20.0),
    }
    assert report["totals"]["received"] == 5 and report["totals"]["first_response_minutes"] == 11.33
    admin = await county.login("admin")
    assert (await admin.get(f"{SUMMARY}&group=town"))["rows"] == report["rows"]


async def test_county_staff_pick_one_town(county: Console, tickets: dict[str, str]) -> None:
    leader = await county.login("leader")
    report = await leader.get(f"{SUMMARY}&group=department&town=baisha")
    assert (report["town"], report["town_name"]) == ("baisha", "白沙镇")
    assert [(r["key"], r["received"]) for r in report["rows"]] == [("minzheng", 2)]
    assert report["totals"]["first_response_minutes"] == 4.0
    refused = await leader.get(f"{SUMMARY}&town=nowhere", status=400)
    assert refused == {"error": "bad_request", "message": "请求内容不正确。", "field": "town"}


async def test_town_staff_only_ever_get_their_town(
    county: Console, tickets: dict[str, str]
) -> None:
    leader = await county.login("bs_leader")
    report = await leader.get(f"{SUMMARY}&group=town")
    assert report["town"] == "baisha" and report["town_name"] == "白沙镇"
    assert [(r["key"], r["label"], r["received"]) for r in report["rows"]] == [
        ("baisha", "白沙镇", 2)
    ]
    assert (await leader.get(f"{SUMMARY}&town=baisha"))["totals"]["received"] == 2
    for other in ("heping", "main", "nowhere"):
        refused = await leader.get(f"{SUMMARY}&town={other}", status=403)
        assert refused["error"] == "forbidden" and refused["message"]
    await leader.get(f"{EXPORT}&town=heping&format=csv", status=403)
    admin = await county.login("bs_admin")
    assert (await admin.get(SUMMARY))["totals"]["received"] == 2
    await admin.get(f"{SUMMARY}&town=main", status=403)


async def test_heads_get_their_department_in_their_town(
    county: Console, tickets: dict[str, str]
) -> None:
    head = await county.login("bs_mz_head")
    report = await head.get(f"{SUMMARY}&group=item")
    assert report["totals"]["received"] == 2 and report["town_name"] == "白沙镇"
    # The conversation first answered by a 民政办 clerk of 白沙镇, not the others.
    assert report["totals"]["first_response_minutes"] == 4.0
    await head.get(f"{SUMMARY}&department=shebao", status=403)
    await head.get(f"{SUMMARY}&town=heping", status=403)
    await head.get(f"{SUMMARY}&town=heping&department=minzheng", status=403)
    clerk = await county.login("bs_mz_clerk")
    await clerk.get(SUMMARY, status=403)
    await clerk.get(f"{SUMMARY}&town=baisha", status=403)


async def test_first_response_for_heads_follows_who_answered(
    county: Console, tickets: dict[str, str]
) -> None:
    mz = await county.login("mz_head")  # county head of 民政办: every town's 民政办 answers
    report = await mz.get(f"{SUMMARY}&group=town")
    assert report["totals"]["first_response_minutes"] == 7.0
    assert {r["key"]: r["first_response_minutes"] for r in report["rows"]} == {
        "main": 10.0,
        "baisha": 4.0,
        "heping": None,  # its conversation was answered by 社保所
    }
    assert {r["key"]: r["received"] for r in report["rows"]} == {
        "main": 1,
        "baisha": 2,
        "heping": 1,
    }
    sb = await county.login("sb_head")
    assert (await sb.get(SUMMARY))["totals"]["first_response_minutes"] == 20.0
    by_staff = await sb.get(f"{SUMMARY}&group=staff")
    assert [(r["label"], r["first_response_minutes"]) for r in by_staff["rows"]] == [
        ("（未分派）", None),  # the 社保所 tickets nobody took yet
        ("sb_clerk", 20.0),  # answered a conversation, holds no ticket
    ]


async def test_exports_carry_the_town(county: Console, tickets: dict[str, str]) -> None:
    leader = await county.login("leader")
    resp = await leader.request("GET", f"{EXPORT}&group=town&format=csv")
    assert resp.status == 200 and "-town." in resp.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO((await resp.read()).decode("utf-8-sig"))))
    assert rows[0][0] == "分组" and rows[0][-1] == "乡镇"
    assert [(r[0], r[1], r[-1]) for r in rows[1:]] == [
        ("白沙镇", "2", "白沙镇"),
        ("和平乡", "1", "和平乡"),
        ("青石镇", "2", "青石镇"),
        ("合计", "5", "全部乡镇"),
    ]
    resp = await leader.request("GET", f"{EXPORT}&group=department&town=heping&format=xlsx")
    assert resp.status == 200 and "-department-heping.xlsx" in resp.headers["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(await resp.read())).active
    assert sheet is not None
    lines = [[c.value for c in row] for row in sheet.iter_rows()]
    assert lines[0][-1] == "乡镇"
    assert [(line[0], line[-1]) for line in lines[1:]] == [("民政办", "和平乡"), ("合计", "和平乡")]
    head = await county.login("bs_mz_head")
    resp = await head.request("GET", f"{EXPORT}&format=csv")
    rows = list(csv.reader(io.StringIO((await resp.read()).decode("utf-8-sig"))))
    assert {r[-1] for r in rows[1:]} == {"白沙镇"}


async def test_one_town_deployment_names_its_town(console: Console) -> None:
    await console.register("oRepSingle", "dibao")
    leader = await console.login("leader")
    report = await leader.get(f"{SUMMARY}&group=town")
    assert report["town_name"] == "青石镇"
    assert [(r["key"], r["label"]) for r in report["rows"]] == [("main", "青石镇")]
