"""Heads, the leader on duty and the admin in a real browser: the overdue list and
the dashboard after the deadline passed, extension approval, escalations, the
admin pages, and the fallback to polling when the event stream is unavailable."""

from __future__ import annotations

import re
from typing import Any

from playwright.async_api import expect

from bot.tick import tick
from tests.browser.conftest import Console, login, seed_tickets, shoot

VILLAGER = "oVillagerSupervise0000000001"


async def test_leader_sees_the_overdue_list_and_the_dashboard(
    console: Console, open_page: Any
) -> None:
    number = await console.register_dibao(VILLAGER)
    await seed_tickets(console)
    console.clock.advance(days=30)  # Wed 23 Dec 2026: past the 21 Dec deadline
    await tick(console.rt)  # the scheduler's pass: escalation to the leader

    page, _ = await open_page()
    await login(page, console, "leader")
    await expect(page).to_have_url(re.compile("#/queue/overdue$"))  # the leader's morning view
    row = page.locator(f"tr[data-number='{number}']")
    await expect(row).to_be_visible()
    await expect(row).to_contain_text("已超期")
    await expect(row).to_contain_text("已超 2 个工作日")
    await shoot(page, "overdue")

    await page.goto(console.url + "/console/#/supervise/escalations")
    await expect(page.locator(f"tr:has(a:text('{number}'))")).to_contain_text("已超期")

    await page.goto(console.url + "/console/#/dashboard")
    await page.get_by_label("开始日期").fill("2026-11-01")
    await page.get_by_label("结束日期").fill("2026-12-31")
    await page.get_by_role("button", name="查询").click()
    kpis = page.locator(".kpis")
    await expect(kpis).to_contain_text("办结率")
    await expect(kpis).to_contain_text("按时办结率")
    await expect(kpis).to_contain_text("满意率")
    await expect(kpis).to_contain_text("差评回访率")
    await expect(kpis).to_contain_text("人工首次响应")
    await expect(page.locator(".kpi", has_text="当前超期").locator(".kpi-value")).not_to_have_text(
        "0"
    )
    await expect(page.locator("svg.chart rect.bar").first).to_be_visible()
    await expect(page.locator("table.report tr.total")).to_contain_text("合计")
    await shoot(page, "dashboard", full_page=True)

    # By month: a line chart.
    await page.get_by_label("分组").select_option("month")
    await expect(
        page.locator("svg.chart circle.dot").first
    ).to_be_visible()  # one month: one point per line

    csv = page.get_by_role("link", name="导出 CSV")
    href = await csv.get_attribute("href")
    assert href and "format=csv" in href and "from=2026-11-01" in href
    response = await page.request.get(console.url + href)
    assert response.status == 200 and "text/csv" in response.headers["content-type"]
    xlsx = await page.get_by_role("link", name="导出 Excel").get_attribute("href")
    response = await page.request.get(console.url + str(xlsx))
    assert response.status == 200 and "spreadsheetml" in response.headers["content-type"]


async def test_extension_requested_by_clerk_and_approved_by_head(
    console: Console, open_page: Any
) -> None:
    number = await console.register_dibao(VILLAGER)
    clerk, _ = await open_page()
    await login(clerk, console, "mz_clerk")
    await clerk.goto(console.url + f"/console/#/ticket/{number}")
    await clerk.get_by_role("button", name=re.compile("^认领")).click()
    await expect(clerk.locator(".ticket-info")).to_contain_text("经办人王晓梅")
    await clerk.keyboard.press("e")
    dialog = clerk.locator("dialog[open]")
    await dialog.get_by_label("延长几个工作日").fill("10")
    await dialog.get_by_label("延期理由").fill("需要县民政局入户核查")
    await dialog.get_by_role("button", name="提交申请").click()
    await expect(clerk.locator(".card", has_text="延期申请")).to_contain_text("待审批")

    head, _ = await open_page()
    await login(head, console, "mz_head")
    await head.goto(console.url + "/console/#/supervise/extensions")
    row = head.locator("tr", has_text=number)
    await expect(row).to_contain_text("需要县民政局入户核查")
    await row.get_by_role("button", name="批准").click()
    await head.locator("dialog[open]").get_by_label("批示（可选）").fill("同意")
    await head.locator("dialog[open]").get_by_role("button", name="批准").click()
    await expect(head.locator("#main")).to_contain_text("没有待审批的延期申请")
    await shoot(head, "supervise")

    await clerk.reload()
    await expect(clerk.locator(".ticket-info")).to_contain_text("已延期 10 个工作日")
    await expect(clerk.locator(".card", has_text="延期申请")).to_contain_text("已批准")


async def test_admin_pages(console: Console, open_page: Any) -> None:
    page, _ = await open_page()
    await login(page, console, "admin")
    await expect(page).to_have_url(re.compile("#/admin/staff$"))
    staff_table = page.locator("table.queue")
    await expect(staff_table).to_contain_text("王晓梅")
    await expect(staff_table).to_contain_text("带班领导")
    await shoot(page, "admin")

    await page.get_by_role("button", name="新建账号").click()
    dialog = page.locator("dialog[open]")
    await dialog.get_by_label("用户名（字母、数字）").fill("sb_clerk2")
    await dialog.get_by_label("姓名").fill("孙丽")
    await dialog.get_by_label("所属部门").select_option(label="社会保障所(人社)")
    await dialog.get_by_label("初始密码（至少10位）").fill("a-long-password-1")
    await dialog.get_by_role("button", name="创建").click()
    await expect(staff_table).to_contain_text("孙丽")

    await page.goto(console.url + "/console/#/admin/catalog")
    await page.get_by_label("群众的问题").fill("地保要带什么")
    await page.get_by_role("button", name="试一试").click()
    await expect(page.locator(".try-result")).to_contain_text("最低生活保障")
    await expect(page.locator(".try-result")).to_contain_text("为什么这样判断")
    await shoot(page, "admin-catalog", full_page=False)

    await page.goto(console.url + "/console/#/admin/calendar")
    await expect(page.locator(".admin-out")).to_contain_text("2026年")
    await page.get_by_label("日期").fill("2026-12-31")
    await page.get_by_label("类型").select_option("holiday")
    await page.get_by_label("备注").fill("元旦前调整")
    await page.get_by_role("button", name="保存").click()
    await expect(page.locator(".admin-out table")).to_contain_text("元旦前调整")

    await page.goto(console.url + "/console/#/admin/roster")
    await expect(page.locator("table.roster select").first).to_be_visible()
    await page.locator("table.roster select").first.select_option(label="陈书记")
    await expect(page.locator(".toast", has_text="已排班")).to_be_visible()

    await page.goto(console.url + "/console/#/admin/audit")
    await expect(page.locator("table.audit")).to_contain_text("登录")
    await expect(page.locator("table.audit")).to_contain_text("新建账号")

    # The admin reads tickets but does not act on them.
    number = await console.register_dibao(VILLAGER)
    await page.goto(console.url + f"/console/#/ticket/{number}")
    await expect(page.locator(".ticket-actions")).to_contain_text("无权限")
    await expect(page.locator(".reply-card")).to_be_hidden()


async def test_clerk_cannot_open_the_dashboard_or_admin(console: Console, open_page: Any) -> None:
    page, _ = await open_page()
    await login(page, console, "mz_clerk")
    await expect(page.locator(".site-header")).not_to_contain_text("统计看板")
    await page.goto(console.url + "/console/#/dashboard")
    await expect(page.locator(".alert-forbidden")).to_contain_text("无权限")
    await page.goto(console.url + "/console/#/admin/staff")
    await expect(page.locator(".alert-forbidden")).to_contain_text("无权限")
    response = await page.request.get(console.url + "/api/v1/reports/summary")
    assert response.status == 403


async def test_falls_back_to_polling_without_the_event_stream(
    console: Console, open_page: Any
) -> None:
    page, _ = await open_page()
    await page.route("**/api/v1/events", lambda route: route.fulfill(status=404, body="no stream"))
    await login(page, console, "mz_clerk")
    await page.goto(console.url + "/console/#/queue/unclaimed")
    await expect(page.locator(".live-dot")).to_contain_text("10秒刷新")
    # The page's first count of the queues must be in before the ticket arrives, or the
    # ticket is part of what the clerk saw on opening and is rightly not "new".
    await page.wait_for_load_state("networkidle")
    number = await console.register_dibao(VILLAGER)
    # One 10 s poll, plus slack for a busy CI machine.
    await expect(page.locator(f"tr[data-number='{number}']")).to_be_visible(timeout=25_000)
    await expect(page).to_have_title(re.compile(r"^\(\d+\) 新动态"))
