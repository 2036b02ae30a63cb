"""Dashboard numbers on a small known data set, and the CSV/Excel exports read
back. Five tickets received Mon 2026-11-23 10:00; the report is run Tue 12-08."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from storage.repositories import Repos
from tests.bot.console.conftest import Console

VILLAGER = "oReportVillager0000000000001"
RANGE = "from=2026-11-01&to=2026-11-30"


async def set_clock_and_login(console: Console, at: str, username: str = "mz_clerk"):  # type: ignore[no-untyped-def]
    console.clock.set(at)
    return await console.login(username)


async def rate(console: Console, number: str, score: int, callback: str | None = None) -> None:
    async with console.rt.sessionmaker() as session, session.begin():
        repos = Repos.bind(session)
        desk = await console.desk(repos)
        ticket = await repos.tickets.by_number(number)
        assert ticket is not None
        await desk.rate(ticket, score)
        if callback:
            await desk.open_callback(ticket, callback)


@pytest.fixture
async def dataset(console: Console) -> dict[str, str]:
    await console.villager_says(VILLAGER, "办事")
    t = {
        "on_time": await console.register(VILLAGER, "dibao"),
        "rated_bad": await console.register(VILLAGER, "gaoling_jintie"),
        "overdue": await console.register(VILLAGER, "linshi_jiuzhu"),  # due Mon 12-07
        "withdrawn": await console.register(VILLAGER, "dibao"),
        "late": await console.register(VILLAGER, "shebaoka"),  # 即办: due Mon 11-23 17:30
    }
    async with console.rt.sessionmaker() as session, session.begin():
        handoff, _ = await Repos.bind(session).handoffs.open(VILLAGER, console.clock.now())
        handoff.first_response_at = console.clock.advance(minutes=6)
    mz = await set_clock_and_login(console, "2026-11-24T10:00:00+08:00")  # Tue: 1 working day later
    await mz.post(f"/api/v1/tickets/{t['on_time']}/status", {"status": "done"})
    sb = await console.login("sb_clerk")
    await sb.post(f"/api/v1/tickets/{t['late']}/status", {"status": "done"})
    mz = await set_clock_and_login(console, "2026-11-25T10:00:00+08:00")  # Wed: 2 working days
    await mz.post(f"/api/v1/tickets/{t['rated_bad']}/status", {"status": "done"})
    await mz.post(f"/api/v1/tickets/{t['withdrawn']}/withdraw", {"note": "不办了"})
    await rate(console, t["on_time"], 1)
    await rate(console, t["rated_bad"], 5, callback="态度不好")
    await rate(console, t["late"], 4, callback="跑了两趟")
    head = await console.login("mz_head")
    (task,) = (await head.get("/api/v1/callbacks"))["items"]
    await head.post(f"/api/v1/callbacks/{task['id']}/done", {"result": "已回访"})
    console.clock.set("2026-12-08T10:00:00+08:00")
    return t


async def test_totals_and_departments_for_the_leader(
    console: Console, dataset: dict[str, str]
) -> None:
    leader = await console.login("leader")
    report = await leader.get(f"/api/v1/reports/summary?{RANGE}&group=department")
    assert report["totals"] == {
        "key": "total",
        "label": "合计",
        "received": 5,
        "completed": 3,
        "completion_rate": 0.6,
        "on_time_rate": 0.6667,
        "overdue_now": 1,
        "avg_workdays": 1.33,
        "satisfaction_rate": 0.3333,
        "callback_rate": 0.5,
        "first_response_minutes": 6.0,
    }
    rows = {r["key"]: r for r in report["rows"]}
    assert set(rows) == {"minzheng", "shebao"}
    assert rows["minzheng"] == {
        "key": "minzheng",
        "label": "民政办",
        "received": 4,
        "completed": 2,
        "completion_rate": 0.5,
        "on_time_rate": 1.0,
        "overdue_now": 1,
        "avg_workdays": 1.5,
        "satisfaction_rate": 0.5,
        "callback_rate": 1.0,
        "first_response_minutes": None,
    }
    assert (
        rows["shebao"]["on_time_rate"],
        rows["shebao"]["satisfaction_rate"],
        rows["shebao"]["callback_rate"],
    ) == (0.0, 0.0, 0.0)
    assert report["columns"]["completion_rate"] == "办结率"


async def test_heads_see_their_department_only(console: Console, dataset: dict[str, str]) -> None:
    head = await console.login("mz_head")
    report = await head.get(f"/api/v1/reports/summary?{RANGE}&group=item")
    assert {r["label"] for r in report["rows"]} == {
        "最低生活保障申请",
        "高龄津贴申领",
        "临时救助申请",
    }
    assert report["totals"]["received"] == 4 and report["totals"]["first_response_minutes"] is None
    assert (
        await head.request("GET", f"/api/v1/reports/summary?{RANGE}&department=shebao")
    ).status == 403
    clerk = await console.login("mz_clerk")
    assert (await clerk.request("GET", f"/api/v1/reports/summary?{RANGE}")).status == 403


async def test_time_and_staff_groups(console: Console, dataset: dict[str, str]) -> None:
    admin = await console.login("admin")
    weeks = await admin.get(f"/api/v1/reports/summary?{RANGE}&group=week")
    assert [(r["key"], r["received"], r["first_response_minutes"]) for r in weeks["rows"]] == [
        ("2026-W48", 5, 6.0)
    ]
    months = await admin.get(f"/api/v1/reports/summary?{RANGE}&group=month")
    assert [r["key"] for r in months["rows"]] == ["2026-11"]
    staff = await admin.get(f"/api/v1/reports/summary?{RANGE}&group=staff")
    by_name = {r["label"]: r["completed"] for r in staff["rows"]}
    assert by_name == {"mz_clerk": 2, "sb_clerk": 1, "（未分派）": 0}
    empty = await admin.get("/api/v1/reports/summary?from=2026-10-01&to=2026-10-31")
    assert empty["rows"] == [] and empty["totals"]["completion_rate"] is None
    await admin.get("/api/v1/reports/summary?from=2026-12-01&to=2026-11-01", status=400)
    await admin.get("/api/v1/reports/summary?from=yesterday", status=400)
    # a year whose midnight in Asia/Shanghai is before year 1 in UTC (found by the fuzz test)
    await admin.get("/api/v1/reports/export?from=0001-01-01&to=0001-01-01", status=400)
    await admin.get("/api/v1/reports/summary?from=2026-11-01&to=9999-12-31", status=400)


async def test_csv_and_excel_exports_parse_back(console: Console, dataset: dict[str, str]) -> None:
    leader = await console.login("leader")
    resp = await leader.request(
        "GET", f"/api/v1/reports/export?{RANGE}&group=department&format=csv"
    )
    assert resp.status == 200 and resp.content_type == "text/csv"
    assert "attachment" in resp.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO((await resp.read()).decode("utf-8-sig"))))
    assert rows[0][:4] == ["分组", "受理数", "办结数", "办结率"]
    assert rows[1][:4] == ["民政办", "4", "2", "0.5"]
    assert rows[-1][:3] == ["合计", "5", "3"]
    resp = await leader.request(
        "GET", f"/api/v1/reports/export?{RANGE}&group=department&format=xlsx"
    )
    assert resp.status == 200
    book = openpyxl.load_workbook(io.BytesIO(await resp.read()))
    sheet = book["办件统计"]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "分组" and values[1][:3] == ["民政办", 4, 2]
    assert values[-1][:2] == ["合计", 5] and values[-1][3] == 0.6
