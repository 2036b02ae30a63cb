"""A county deployment in a real browser (青石镇, 白沙镇 and 和平乡): a department
head gives a ticket to a colleague of the ticket's town with 分派, and county
staff compare the towns on the dashboard, which town staff never see."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.async_api import expect

from bot.passwords import hash_password
from tests.browser.conftest import PASSWORD, Console, login, shoot
from tests.helpers import add_staff, register_ticket

# (username, display name, role, department, town): staff bound to one town
TOWN_STAFF = (
    ("bs_head", "周白沙", "head", "minzheng", "baisha"),
    ("bs_clerk", "吴小燕", "clerk", "minzheng", "baisha"),
    ("bs_leader", "郑镇长", "leader", None, "baisha"),
    ("hp_clerk", "钱和平", "clerk", "minzheng", "heping"),
)


@pytest.fixture
def county() -> bool:
    return True


async def town_staff(console: Console) -> None:
    hashed = hash_password(PASSWORD)
    console.staff |= await add_staff(
        console.rt.sessionmaker, console.clock.now(), hashed, TOWN_STAFF
    )


async def ticket_in(console: Console, town: str, openid: str, item_id: str = "dibao") -> str:
    """A ticket registered at a town's center (as the chat flow does for its villagers)."""
    return await register_ticket(
        console.rt, openid, item_id, town=town, name="孙大爷", phone="13900001111", village="白沙村"
    )


async def test_head_gives_a_ticket_to_a_colleague(console: Console, open_page: Any) -> None:
    await town_staff(console)
    number = await ticket_in(console, "baisha", "oCountyAssign00000000000001")

    clerk, _ = await open_page()
    await login(clerk, console, "bs_clerk")
    await clerk.goto(console.url + f"/console/#/ticket/{number}")
    await expect(clerk.locator(".ticket-actions")).to_contain_text("转办")
    await expect(clerk.get_by_role("button", name=re.compile("^分派"))).to_have_count(0)

    head, _ = await open_page()
    await login(head, console, "bs_head")
    await head.goto(console.url + f"/console/#/ticket/{number}")
    await head.get_by_role("button", name=re.compile("^分派")).click()
    dialog = head.locator("dialog[open]")
    choice = dialog.get_by_label("分派给")
    await expect(choice).to_be_visible()  # the dialog opens once the team list has come
    options = await choice.locator("option").all_inner_texts()
    assert any(o.startswith("吴小燕（窗口人员") for o in options), options
    assert any(o.startswith("王晓梅（窗口人员") for o in options), options  # county staff
    assert not any("钱和平" in o for o in options), options  # 和平乡's clerk: another town
    assert not any("赵磊" in o for o in options), options  # 社保所: another department
    await expect(dialog).not_to_contain_text("null")
    await choice.select_option(label=next(o for o in options if o.startswith("吴小燕")))
    await dialog.get_by_role("button", name="确认分派").click()
    await expect(head.locator(".ticket-info")).to_contain_text("经办人吴小燕")
    await expect(head.locator("ol.timeline")).to_contain_text("分派")
    await expect(head.locator(".toast", has_text="已分派")).to_be_visible()

    await head.keyboard.press("a")  # the shortcut opens the same choice, without 吴小燕 now
    dialog = head.locator("dialog[open]")
    await expect(dialog.get_by_label("分派给")).not_to_contain_text("吴小燕")
    await expect(dialog).to_contain_text("现经办人：吴小燕")
    await dialog.get_by_role("button", name="取消").click()

    await clerk.goto(console.url + "/console/#/notices")
    await expect(clerk.locator("#main")).to_contain_text(number)

    # Heads read their town's duty roster; only the admin edits it.
    await head.goto(console.url + "/console/#/supervise/roster")
    roster = head.locator("table.roster")
    await expect(roster).to_contain_text("（未排班）")
    await expect(roster.locator("select")).to_have_count(0)


async def set_range(page: Any) -> None:
    """November and December 2026 (the browser's today is the machine's, not the test clock's)."""
    await page.get_by_label("开始日期").fill("2026-11-01")
    await page.get_by_label("结束日期").fill("2026-12-31")
    await page.get_by_role("button", name="查询").click()


async def test_county_dashboard_compares_the_towns(console: Console, open_page: Any) -> None:
    await town_staff(console)
    for n, town in enumerate(("main", "main", "baisha", "heping", "heping", "heping")):
        await ticket_in(console, town, f"oCountyDash{n:017d}")

    page, _ = await open_page()
    await login(page, console, "leader")
    await page.goto(console.url + "/console/#/dashboard")
    await set_range(page)
    per_town = page.locator(".per-town")
    await expect(per_town.get_by_role("heading", name="各乡镇对比")).to_be_visible()
    rows = per_town.locator("table.report tbody tr")
    await expect(rows).to_have_count(4)
    await expect(rows.filter(has_text="青石镇")).to_contain_text("2")
    await expect(rows.filter(has_text="白沙镇")).to_contain_text("1")
    await expect(rows.filter(has_text="和平乡")).to_contain_text("3")
    await expect(rows.filter(has_text="合计")).to_contain_text("6")
    # Nothing rated yet: the satisfaction card shows its target but no verdict.
    satisfaction = page.locator(".kpi", has_text="满意率")
    await expect(satisfaction.locator(".kpi-value")).to_have_text("—")
    await expect(satisfaction.locator(".kpi-target")).to_have_text("目标 98.0%")
    await shoot(page, "dashboard-county", full_page=True)

    await page.get_by_label("乡镇", exact=True).select_option(label="和平乡")
    main_table = page.locator(".dash-out table.report")
    await expect(main_table.locator("caption")).to_contain_text("和平乡")
    await expect(page.locator(".kpi", has_text="受理数").locator(".kpi-value")).to_have_text("3")
    await expect(rows).to_have_count(4)  # the comparison keeps every town
    href = await page.get_by_role("link", name="导出 CSV").get_attribute("href")
    assert href and "town=heping" in href

    await page.get_by_label("分组").select_option("town")
    await expect(per_town).to_be_hidden()  # the main table is the comparison now

    town_leader, _ = await open_page()
    await login(town_leader, console, "bs_leader")
    await town_leader.goto(console.url + "/console/#/dashboard")
    await set_range(town_leader)
    caption = town_leader.locator(".dash-out table.report caption")
    await expect(caption).to_contain_text("白沙镇")
    await expect(town_leader.locator(".kpi", has_text="受理数").locator(".kpi-value")).to_have_text(
        "1"
    )
    await expect(town_leader.get_by_label("乡镇", exact=True)).to_be_hidden()
    await expect(town_leader.locator(".per-town")).to_be_hidden()
    response = await town_leader.request.get(console.url + "/api/v1/reports/summary?town=heping")
    assert response.status == 403

    # County admins read the audit log by town.
    admin, _ = await open_page()
    await login(admin, console, "admin")
    await admin.goto(console.url + "/console/#/admin/audit")
    log = admin.locator("table.audit")
    await expect(log.locator("thead")).to_contain_text("乡镇")
    await admin.get_by_label("乡镇", exact=True).select_option(label="白沙镇")
    await admin.get_by_role("button", name="查询").click()
    await expect(log.locator("tbody tr").first).to_contain_text("郑镇长")
    await expect(log.locator("tbody")).not_to_contain_text("陈书记")
