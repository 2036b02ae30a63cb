"""问题学习 in a real browser: the admin sees what villagers asked that the bot did not
understand (and not what it did), teaches an item for one, dismisses another, finds both under 已处理, and the
download holds the taught line only. (issue #3)"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.async_api import expect

from tests.browser.conftest import Console, login, shoot

TRACTOR = "二手拖拉机现在多少钱一台"
FIRE = "俺家昨天夜里着火了东西都烧光了政府能帮一把不"  # understood: never listed
MONEY = "村里喇叭说的那个钱俺咋没领到"  # not understood today
NOISE = "嗯嗯那个就是你们那个"


async def test_the_admin_teaches_the_bot(console: Console, open_page: Any) -> None:
    for n, text in enumerate((TRACTOR, FIRE, MONEY, NOISE)):
        await console.say(f"oVillagerLearn000000000{n}", text)
    page, _ = await open_page()
    await login(page, console, "admin")
    await page.goto(console.url + "/console/#/admin/questions")
    table = page.locator("table.questions")
    for text in (TRACTOR, MONEY, NOISE):
        await expect(table).to_contain_text(text)
    await expect(table).not_to_contain_text(FIRE)
    money = table.locator("tr", has_text=MONEY)
    await money.get_by_role("button", name="保存").click()
    await expect(page.locator(".toast", has_text="请先选出")).to_be_visible()
    await money.get_by_label("应当的回答").select_option("惠民惠农财政补贴资金查询")
    await shoot(page, "admin-questions", full_page=False)
    await money.get_by_role("button", name="保存").click()
    await expect(page.locator(".toast", has_text="已记下")).to_be_visible()
    await expect(table).not_to_contain_text(MONEY)
    await table.locator("tr", has_text=NOISE).get_by_role("button", name="忽略").click()
    await expect(table).not_to_contain_text(NOISE)

    await page.get_by_label("显示").select_option("true")
    await expect(table.locator("tr", has_text=MONEY)).to_contain_text("惠民惠农财政补贴资金查询")
    await expect(table.locator("tr", has_text=NOISE)).to_contain_text("已忽略")

    async with page.expect_download() as info:
        await page.get_by_role("link", name=re.compile("下载已教的问题")).click()
    download = await info.value
    body = Path(await download.path()).read_text(encoding="utf-8")
    assert body == f"惠民惠农财政补贴资金查询\t{MONEY}\n"
