"""The whole story of issue #4, through the real boundaries: a villager asks and
registers in chat (signed XML to /wechat), staff run the ticket through the
console's API, and the villager's pushes arrive at the fake WeChat API with the
right words; 待补正 pauses the deadline; the rating and its callback follow."""

from __future__ import annotations

import datetime as dt
from typing import Any

import xmltodict

from bot.clock import TZ
from tests import helpers
from tests.bot.console.conftest import Console

OPENID = "oStoryVillager0000000000001"


async def say(console: Console, text: str) -> str:
    console.fake.record_interaction(OPENID)
    ts = int(console.clock.now().timestamp())
    resp = await console.client.post(helpers.query(ts), data=helpers.text_xml(OPENID, text, ts))
    assert resp.status == 200
    body = await resp.text()
    return "" if body == "success" else str(xmltodict.parse(body)["xml"]["Content"])


def pushed(console: Console) -> list[str]:
    out = []
    for p in console.fake.pushes_for(OPENID):
        if p.kind == "text":
            out.append(p.body["text"]["content"])
        else:
            out.append(" ".join(v["value"] for v in p.body["data"].values()))
    return out


async def test_ask_register_run_and_rate(console: Console) -> None:
    # Mon 2026-11-23 10:00. The villager asks, in their own words, and registers.
    guide = await say(console, "俺想办个低保要带啥子")
    if "是的请回复" in guide:  # the matcher may ask "您问的是…吗？" first
        guide = await say(console, "是的")
    assert "最低生活保障申请" in guide and "办理" in guide
    reply = await say(console, "办理")
    for answer in ("张三明", "138 1234 5678", "石门村"):
        if (
            "情形" in reply
            or "哪一种" in reply
            or "1." in reply
            and "2." in reply
            and "姓名" not in reply
        ):
            reply = await say(console, "1")  # the case (情形) comes when the item has several
        reply = await say(console, answer)
    while "确认" not in reply:
        reply = await say(console, "1")
    done = await say(console, "确认")
    number = next(
        w for w in done.replace("：", " ").replace("，", " ").split() if w.startswith("BM2026")
    )
    number = number[:15]
    assert "民政办" in done and "工作日" in done

    # Staff run it through the console's API.
    clerk = await console.login("mz_clerk")
    waiting = await clerk.get("/api/v1/tickets?view=unclaimed")
    assert number in [t["number"] for t in waiting["tickets"]]
    await clerk.post(f"/api/v1/tickets/{number}/claim")
    await clerk.post(f"/api/v1/tickets/{number}/status", {"status": "in_progress", "note": ""})
    before = (await clerk.get(f"/api/v1/tickets/{number}"))["due_at"]
    await clerk.post(
        f"/api/v1/tickets/{number}/status",
        {"status": "need_materials", "note": "", "missing": ["户口簿", "收入证明或收入承诺书"]},
    )
    console.clock.set(dt.datetime(2026, 11, 30, 10, 0, tzinfo=TZ))  # a week waiting for papers
    clerk = await console.login("mz_clerk")  # a new working day, a new session
    await say(console, "材料我都带来了")  # the villager writes again: a new 48-hour window
    await clerk.post(
        f"/api/v1/tickets/{number}/status", {"status": "in_progress", "note": "材料已补齐"}
    )
    after = (await clerk.get(f"/api/v1/tickets/{number}"))["due_at"]
    assert after > before  # 待补正 paused the clock: the deadline moved by the working days lost
    await clerk.post(f"/api/v1/tickets/{number}/status", {"status": "done", "note": "下月起发放"})
    await console.drain()

    texts = pushed(console)
    assert any("办理中" in t for t in texts)
    assert any("户口簿" in t and "收入证明或收入承诺书" in t for t in texts)
    assert any("已办结" in t and "回复数字" in t for t in texts)

    # 好差评: the villager rates 5 (非常不满意), says why, and the head gets a callback.
    ask_why = await say(console, "5")
    assert ask_why
    await say(console, "跑了三趟才办好")
    head = await console.login("mz_head")
    callbacks = await head.get("/api/v1/callbacks")
    items: list[dict[str, Any]] = callbacks["items"]
    assert [(c["ticket"], c["rating"], c["reason"]) for c in items] == [
        (number, 5, "跑了三趟才办好")
    ]
