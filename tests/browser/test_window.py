"""Window staff in a real browser: login (with TOTP), the queue updating live,
working a ticket end to end with the pushes the villager gets, refusals,
villager markup shown as text, shortcuts, and the phone layout."""

from __future__ import annotations

import re
from typing import Any

import pyotp
from playwright.async_api import expect

from storage.models import Staff
from tests.browser.conftest import DESKTOP, PASSWORD, PHONE, Console, login, shoot

VILLAGER = "oVillagerConsole000000000001"
OTHER = "oVillagerConsole000000000002"


async def unfocus(page: Any) -> None:
    """Leave any text field, as a clerk does by clicking on empty space."""
    await page.evaluate("document.activeElement && document.activeElement.blur()")


async def no_horizontal_scroll(page: Any) -> None:
    overflow = await page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"


async def test_login_asks_for_the_totp_code_when_the_account_has_one(
    console: Console, open_page: Any
) -> None:
    secret = pyotp.random_base32()
    async with console.rt.sessionmaker() as session, session.begin():
        member = await session.get(Staff, console.staff["mz_head"])
        assert member is not None
        member.totp_secret = secret
    page, _ = await open_page()
    await page.goto(console.url + "/console/")
    await expect(page.get_by_role("heading", name="便民服务中心 工作台")).to_be_visible()
    await shoot(page, "login")

    await page.get_by_label("用户名").fill("mz_head")
    await page.get_by_label("密码", exact=True).fill("wrong password")
    await page.get_by_role("button", name="登录").click()
    await expect(page.get_by_role("alert")).to_contain_text("用户名或密码错误")
    await expect(page.get_by_label("动态验证码（6位数字）")).to_be_hidden()

    await page.get_by_label("密码", exact=True).fill(PASSWORD)
    await page.get_by_role("button", name="登录").click()
    otp = page.get_by_label("动态验证码（6位数字）")
    await expect(otp).to_be_visible()
    await expect(otp).to_be_focused()
    await otp.fill(pyotp.TOTP(secret).at(console.clock.now()))
    await page.get_by_role("button", name="登录").click()
    await expect(page.locator(".site-header .me")).to_contain_text("李建国")
    await expect(page.locator(".site-header")).to_contain_text(
        "统计看板"
    )  # a head sees the dashboard


async def test_a_new_ticket_appears_live_with_sound_and_title_badge(
    console: Console, open_page: Any
) -> None:
    page, _ = await open_page()
    await login(page, console, "mz_clerk")
    await page.goto(console.url + "/console/#/queue/unclaimed")
    await expect(page.locator(".queue-body")).to_contain_text("没有待认领的工单")
    await expect(page.locator(".live-dot")).to_contain_text("实时")

    number = await console.register_dibao(VILLAGER)
    row = page.locator(f"tr[data-number='{number}']")
    await expect(row).to_be_visible(timeout=15_000)  # no reload: the event stream told the page
    await expect(row).to_have_class(re.compile("row-new"))
    await expect(row).to_contain_text("新动态")
    await expect(page).to_have_title(re.compile(r"^\(\d+\) 新动态"))
    assert await page.evaluate("window.__bianminBeeps || 0") >= 1
    await expect(page.locator("[data-tab=unclaimed] .count")).to_have_text("1")
    await shoot(page, "queue")

    # Touching the console clears the title badge.
    await page.mouse.click(5, 300)
    await expect(page).not_to_have_title(re.compile(r"^\("))


async def test_clerk_claims_replies_asks_for_materials_and_completes(
    console: Console, open_page: Any
) -> None:
    number = await console.register_dibao(VILLAGER)
    await console.drain()
    before = len(console.pushes_to(VILLAGER))
    page, _ = await open_page()
    await login(page, console, "mz_clerk")
    await page.goto(console.url + f"/console/#/ticket/{number}")
    await expect(page.locator(".ticket-info")).to_contain_text("138****5678")
    await expect(page.locator(".ticket-info")).not_to_contain_text("13812345678")
    await expect(page.locator(".ticket-head")).to_contain_text("正常")
    await expect(page.locator(".ticket-info")).to_contain_text("剩 20 个工作日")

    # The full phone only through the audited reveal.
    await page.get_by_role("button", name="显示完整电话号码（会记录查看）").click()
    await expect(page.locator(".ticket-info")).to_contain_text("13812345678")

    # c claims.
    await page.keyboard.press("c")
    await expect(page.locator(".ticket-info")).to_contain_text("经办人王晓梅")

    # r goes to the reply box; a canned answer, then send; the delivery state shows.
    await page.keyboard.press("r")
    reply = page.get_by_label("回复内容（群众会在微信里收到）")
    await expect(reply).to_be_focused()
    await page.get_by_label("常用回复").select_option(label="已收到，正在办理")
    await expect(reply).to_have_value(re.compile(f"最低生活保障申请（编号{number}）"))
    await page.get_by_role("button", name="发送给群众").click()
    await expect(page.locator(".reply-result")).to_contain_text("已送达", timeout=15_000)
    await expect(page.locator(".convo")).to_contain_text(f"编号{number}）我们已经收到")

    # Internal note: kept in the timeline, marked as not shown to the villager.
    await page.keyboard.press("n")
    await page.get_by_label("只给同事看，群众看不到").fill("已电话联系，周三来补材料")
    await page.get_by_role("button", name="保存备注").click()
    await expect(page.locator(".timeline")).to_contain_text("已电话联系，周三来补材料")
    await expect(page.locator(".timeline li.internal").last).to_contain_text("内部，群众看不到")

    # m: 待补正, ticking what is missing.
    await unfocus(page)
    await page.keyboard.press("m")
    dialog = page.locator("dialog[open]")
    await expect(dialog).to_contain_text("勾选缺少的材料")
    boxes = dialog.locator("input[name=missing]")
    for i in range(await boxes.count()):
        await boxes.nth(i).uncheck()
    await dialog.get_by_label("户口簿").check()
    await dialog.get_by_label("说明（会随通知发给群众）").fill("请带户口簿原件")
    await dialog.get_by_role("button", name="确定").click()
    await expect(page.locator(".ticket-head")).to_contain_text("待补正")
    await expect(page.locator(".ticket-head")).to_contain_text("暂停计时")
    await expect(page.locator(".ticket-info")).to_contain_text("待补正材料：户口簿")

    # The papers arrive: tick them off, then d completes.
    await page.get_by_label(re.compile("^户口簿")).check()
    await expect(page.locator("#mat-h")).to_contain_text("已收 1/")
    await page.keyboard.press("d")
    dialog = page.locator("dialog[open]")
    await dialog.get_by_label("说明（会随通知发给群众）").fill("已审核通过")
    await dialog.get_by_role("button", name="确认办结").click()
    await expect(page.locator(".ticket-head")).to_contain_text("已办结")
    await expect(page.locator(".ticket-actions")).to_contain_text("工单已结束")
    await shoot(page, "ticket", full_page=True)

    await console.drain()
    pushes = console.pushes_to(VILLAGER)[before:]
    assert any(f"编号{number}）我们已经收到" in p for p in pushes), pushes
    assert any("户口簿" in p for p in pushes), pushes
    assert any("办结" in p for p in pushes), pushes


async def test_other_department_is_refused(console: Console, open_page: Any) -> None:
    number = await console.register_dibao(VILLAGER)
    page, _ = await open_page()
    await login(page, console, "sb_clerk")
    await page.goto(console.url + f"/console/#/ticket/{number}")
    alert = page.locator(".alert-forbidden")
    await expect(alert).to_be_visible()
    await expect(alert).to_contain_text("无权限")
    await expect(page.locator(".reply-card")).to_be_hidden()
    response = await page.request.get(console.url + f"/api/v1/tickets/{number}")
    assert response.status == 403
    # Not in their queue either.
    await page.goto(console.url + "/console/#/queue/unclaimed")
    await expect(page.locator(".queue-body")).to_contain_text("没有待认领的工单")


async def test_villager_markup_is_shown_as_text(console: Console, open_page: Any) -> None:
    number = await console.register_dibao(VILLAGER)
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    await console.say(VILLAGER, evil)
    page, watch = await open_page()
    await login(page, console, "mz_clerk")
    await page.goto(console.url + f"/console/#/ticket/{number}")
    await expect(page.locator(".convo")).to_contain_text(evil)
    assert await page.locator(".convo img, .convo script").count() == 0

    # The same in a live conversation (转人工).
    await console.say(OTHER, "人工")
    await console.say(OTHER, evil)
    await page.goto(console.url + "/console/#/queue/handoffs")
    row = page.locator("tr[data-handoff]").first
    await expect(row).to_contain_text(evil)
    await expect(row).to_contain_text("条未读")
    await page.keyboard.press("Enter")
    await expect(page.locator(".convo")).to_contain_text(evil)
    assert await page.locator(".queue img, .convo img").count() == 0
    await page.wait_for_timeout(300)
    assert watch.dialogs == []


async def test_live_conversation_reply_and_close(console: Console, open_page: Any) -> None:
    page, _ = await open_page()
    await login(page, console, "mz_clerk")
    await page.goto(console.url + "/console/#/queue/handoffs")
    await expect(page.locator(".queue-body")).to_contain_text("没有等待人工接待的群众")
    await console.say(OTHER, "转人工")
    await console.say(OTHER, "我想问问我家老人的高龄津贴什么时候发")
    row = page.locator("tr[data-handoff]")
    await expect(row).to_contain_text("高龄津贴", timeout=15_000)
    await expect(page.locator("[data-tab=handoffs] .count")).not_to_have_text("0")
    await row.click()
    await expect(page.locator(".convo")).to_contain_text("高龄津贴什么时候发")
    await page.keyboard.press("r")
    await page.keyboard.type("您好，高龄津贴每月10日前发到社保卡上。")
    await page.keyboard.press("Control+Enter")
    await expect(page.locator(".reply-result")).to_contain_text("已送达", timeout=15_000)
    await page.get_by_role("button", name="结束会话").click()
    await page.locator("dialog[open]").get_by_role("button", name="结束会话").click()
    await expect(page.locator(".ticket-actions")).to_contain_text("会话已结束")
    await console.drain()
    assert any("10日前发到社保卡" in p for p in console.pushes_to(OTHER))


async def test_keyboard_moves_through_the_queue_and_shows_help(
    console: Console, open_page: Any
) -> None:
    first = await console.register_dibao(VILLAGER)
    second = await console.register_dibao(
        OTHER, name="刘桂英", phone="13900001111", village="东岭村"
    )
    page, _ = await open_page()
    await login(page, console, "mz_clerk")
    await page.goto(console.url + "/console/#/queue/unclaimed")
    rows = page.locator("tbody tr")
    await expect(rows).to_have_count(2)
    await expect(rows.nth(0)).to_have_class(re.compile("selected"))
    await unfocus(page)
    await page.keyboard.press("j")
    await expect(rows.nth(1)).to_have_class(re.compile("selected"))
    await expect(rows.nth(1)).to_be_focused()
    await page.keyboard.press("k")
    await expect(rows.nth(0)).to_have_class(re.compile("selected"))
    target = await rows.nth(0).get_attribute("data-number")
    assert target in (first, second)
    await page.keyboard.press("c")  # claim from the queue
    await expect(page.locator(f"tr[data-number='{target}']")).to_have_count(0)
    await page.keyboard.press("2")  # the "mine" tab
    await expect(page).to_have_url(re.compile("#/queue/mine$"))
    await expect(page.locator(f"tr[data-number='{target}']")).to_be_visible()
    await unfocus(page)
    await page.keyboard.press("Enter")
    await expect(page).to_have_url(re.compile(f"#/ticket/{target}$"))
    await expect(page.locator(".ticket-info")).to_contain_text("王晓梅")
    await unfocus(page)
    await page.keyboard.press("?")
    help_dialog = page.locator("dialog.help[open]")
    await expect(help_dialog).to_contain_text("键盘快捷键")
    for key in ("认领", "写回复", "内部备注", "办结"):
        await expect(help_dialog).to_contain_text(key)
    await page.keyboard.press("Escape")
    await expect(help_dialog).to_have_count(0)
    await page.keyboard.press("u")
    await expect(page).to_have_url(re.compile("#/queue$|#/queue/"))


async def test_both_screen_sizes_are_usable(console: Console, open_page: Any) -> None:
    await console.register_dibao(VILLAGER)
    number = await console.register_dibao(
        OTHER, name="欧阳秀兰", phone="13700002222", village="白沙河村第三村民小组"
    )
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page, _ = await open_page(viewport=viewport)
        await login(page, console, "mz_clerk")
        await page.goto(console.url + "/console/#/queue/department")
        await expect(page.locator(f"tr[data-number='{number}']")).to_be_visible()
        await no_horizontal_scroll(page)
        claim = page.locator(f"tr[data-number='{number}'] button", has_text="认领")
        box = await claim.bounding_box()
        assert (
            box is not None and box["height"] >= 36 and box["x"] + box["width"] <= viewport["width"]
        )
        if name == "phone":
            await shoot(page, "phone-queue")
        await page.goto(console.url + f"/console/#/ticket/{number}")
        await expect(page.locator(".ticket-info")).to_contain_text("欧阳秀兰")
        await no_horizontal_scroll(page)
        if name == "phone":
            await shoot(page, "phone-ticket")
