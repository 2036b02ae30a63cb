"""Tickets through the console: list views with SLA states, the detail view
(masking, timeline, conversation), and actions that push the villager through
the real outbox to the fake WeChat API. Clock: Mon 2026-11-23 10:00."""

from __future__ import annotations

from typing import Any

from tests.bot.console.conftest import Console, Login

VILLAGER = "oTicketVillager0000000000001"


async def numbers(login: Login, view: str) -> list[str]:
    return [t["number"] for t in (await login.get(f"/api/v1/tickets?view={view}"))["tickets"]]


async def audit(console: Console, action: str) -> list[dict[str, Any]]:
    admin = await console.login("admin")
    return list((await admin.get(f"/api/v1/admin/audit?action={action}"))["items"])


async def test_views_and_sla_states(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    slow = await console.register(VILLAGER, "dibao")  # 20 working days: due Mon 12-21
    quick = await console.register(VILLAGER, "linshi_jiuzhu")  # 10 working days: due Mon 12-07
    clerk = await console.login("mz_clerk")
    assert await numbers(clerk, "unclaimed") == [quick, slow]
    await clerk.post(f"/api/v1/tickets/{slow}/claim")
    assert await numbers(clerk, "unclaimed") == [quick]
    assert await numbers(clerk, "mine") == [slow]
    assert await numbers(clerk, "department") == [quick, slow]

    console.clock.set("2026-12-04T10:00:00+08:00")  # Friday; 12-07 is the next working day
    clerk = await console.login("mz_clerk")  # the old session expired meanwhile
    listed = {t["number"]: t for t in (await clerk.get("/api/v1/tickets"))["tickets"]}
    assert listed[quick]["sla_state"] == "due_soon" and listed[quick]["working_days_left"] == 1
    assert listed[quick]["sla_state_name"] == "即将到期"
    assert listed[slow]["sla_state"] == "ok" and listed[slow]["working_days_left"] == 11
    assert await numbers(clerk, "due_soon") == [quick]
    assert await numbers(clerk, "overdue") == []

    console.clock.set("2026-12-08T10:00:00+08:00")  # Tuesday: a working day late
    clerk = await console.login("mz_clerk")
    assert await numbers(clerk, "overdue") == [quick]
    (late,) = [t for t in (await clerk.get("/api/v1/tickets?view=overdue"))["tickets"]]
    assert late["sla_state"] == "overdue" and late["working_days_left"] == -1

    await clerk.post(
        f"/api/v1/tickets/{quick}/status", {"status": "need_materials", "missing": ["户口簿"]}
    )
    paused = await clerk.get(f"/api/v1/tickets/{quick}")
    assert paused["sla_state"] == "paused" and paused["missing"] == ["户口簿"]
    await clerk.post(f"/api/v1/tickets/{quick}/status", {"status": "done", "note": "已办结"})
    closed = await clerk.get("/api/v1/tickets?status=closed")
    assert [(t["number"], t["sla_state"]) for t in closed["tickets"]] == [(quick, "missed")]


async def test_detail_masks_the_phone_and_escapes_villager_text(console: Console) -> None:
    await console.villager_says(VILLAGER, "<script>alert(1)</script>")
    number = await console.register(VILLAGER, "dibao", phone="13812345678")
    clerk = await console.login("mz_clerk")
    resp = await clerk.request("GET", f"/api/v1/tickets/{number}")
    raw = await resp.text()
    assert "<script>" not in raw and "13812345678" not in raw
    assert "\\u003cscript\\u003e" in raw  # JSON-escaped: a sniffing browser sees no markup
    detail = await resp.json()
    assert detail["villager"] == {"name": "张三", "phone": "138****5678", "village": "石桥村"}
    said = [m for m in detail["conversation"] if m["from"] == "villager"]
    assert said[0]["text"] == "<script>alert(1)</script>"  # the console renders it as text
    assert [m["name"] for m in detail["materials"]][:2] == ["低保申请书", "家庭经济状况核对授权书"]
    assert detail["timeline"][0]["kind"] == "created" and detail["working_days_left"] == 20


async def test_id_numbers_typed_by_villagers_are_masked(console: Console) -> None:
    await console.villager_says(VILLAGER, "我的身份证是11010119900307123X，帮我查一下")
    number = await console.complaint(VILLAGER, "身份证110101199003071234被冒用")
    zongzhi = await console.login("zz_clerk")
    resp = await zongzhi.request("GET", f"/api/v1/tickets/{number}")
    raw = await resp.text()
    assert "19900307" not in raw
    detail = await resp.json()
    assert detail["content"] == "身份证110101********1234被冒用"
    assert detail["conversation"][0]["text"] == "我的身份证是110101********123X，帮我查一下"


async def test_status_change_pushes_the_villager(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    number = await console.register(VILLAGER, "dibao")
    clerk = await console.login("mz_clerk")
    before = len(console.fake.pushes_for(VILLAGER))
    detail = await clerk.post(
        f"/api/v1/tickets/{number}/status",
        {"status": "need_materials", "note": "", "missing": ["户口簿", "收入证明或收入承诺书"]},
    )
    assert detail["status"] == "need_materials" and detail["owner"]["id"] == console.ids["mz_clerk"]
    await console.drain()
    pushes = console.fake.pushes_for(VILLAGER)[before:]
    assert len(pushes) == 1
    text = pushes[0].body["text"]["content"]
    assert number in text and "户口簿" in text and "收入证明或收入承诺书" in text
    timeline = (await clerk.get(f"/api/v1/tickets/{number}"))["timeline"]
    assert timeline[-1]["kind"] == "status" and timeline[-1]["to_status"] == "need_materials"
    assert [m["push"]["state"] for m in detail["conversation"] if m["push"]] == ["pending"]
    delivered = (await clerk.get(f"/api/v1/tickets/{number}"))["conversation"]
    assert [m["push"]["state_name"] for m in delivered if m["push"]] == ["已送达"]


async def test_invalid_transitions_are_409(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    number = await console.register(VILLAGER, "dibao")
    clerk = await console.login("mz_clerk")
    refused = await clerk.post(
        f"/api/v1/tickets/{number}/status", {"status": "need_materials"}, status=409
    )
    assert (
        refused["error"] == "invalid_transition"
    )  # which materials? the villager must be told all of them
    await clerk.post(
        f"/api/v1/tickets/{number}/status", {"status": "rejected", "note": "不符合条件"}
    )
    await clerk.post(f"/api/v1/tickets/{number}/status", {"status": "in_progress"}, status=409)
    await clerk.post(f"/api/v1/tickets/{number}/status", {"status": "nonsense"}, status=400)


async def test_reply_reports_delivery_state(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    number = await console.register(VILLAGER, "dibao")
    clerk = await console.login("mz_clerk")
    answer = await clerk.post(
        f"/api/v1/tickets/{number}/reply", {"text": "请明天上午带户口簿来3号窗口。"}
    )
    push_id = answer["push"]["id"]
    state = await clerk.get(f"/api/v1/pushes/{push_id}")
    assert state["state"] == "sent" and state["state_name"] == "已送达" and state["error"] is None
    (sent,) = [p for p in console.fake.pushes_for(VILLAGER) if "3号窗口" in str(p.body)]
    assert sent.body["text"]["content"].endswith("请明天上午带户口簿来3号窗口。")
    assert [a["target"] for a in await audit(console, "ticket.reply")] == [f"ticket:{number}"]


async def test_reply_outside_the_48_hour_window_is_shown_undelivered(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    number = await console.register(VILLAGER, "dibao")
    console.clock.set("2026-11-26T10:00:00+08:00")  # Thursday: 72 hours of silence
    clerk = await console.login("mz_clerk")
    answer = await clerk.post(f"/api/v1/tickets/{number}/reply", {"text": "材料齐了吗？"})
    await console.drain()
    state = await clerk.get(f"/api/v1/pushes/{answer['push']['id']}")
    assert state["state"] == "failed" and state["state_name"] == "未送达"
    assert "48-hour window" in state["error"]  # why: staff phone the villager instead
    outsider = await console.login("sb_clerk")
    assert (await outsider.request("GET", f"/api/v1/pushes/{answer['push']['id']}")).status == 403


async def test_notes_materials_transfer_withdraw_and_reveal(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    number = await console.register(VILLAGER, "dibao")
    clerk = await console.login("mz_clerk")
    noted = await clerk.post(f"/api/v1/tickets/{number}/notes", {"text": "村委说情况属实"})
    assert (
        noted["timeline"][-1]["internal"] is True
        and noted["timeline"][-1]["note"] == "村委说情况属实"
    )
    ticked = await clerk.post(
        f"/api/v1/tickets/{number}/materials", {"name": "户口簿", "received": True}
    )
    assert {m["name"]: m["received"] for m in ticked["materials"]}["户口簿"] is True
    await clerk.post(
        f"/api/v1/tickets/{number}/materials",
        {"name": "不存在的材料", "received": True},
        status=400,
    )
    await clerk.post(f"/api/v1/tickets/{number}/transfer", {"department_id": "nowhere"}, status=400)
    revealed = await clerk.post(f"/api/v1/tickets/{number}/reveal-phone")
    assert revealed == {"phone": "13812345678"}
    (entry,) = await audit(console, "ticket.reveal_phone")
    assert entry["staff"]["id"] == console.ids["mz_clerk"] and entry["ip"] == "127.0.0.1"
    assert entry["target"] == f"ticket:{number}"
    withdrawn = await clerk.post(f"/api/v1/tickets/{number}/withdraw", {"note": "群众电话申请撤回"})
    assert withdrawn["status"] == "withdrawn"
    actions = {
        a["action"]
        for a in (await (await console.login("admin")).get("/api/v1/admin/audit"))["items"]
    }
    assert {
        "ticket.note",
        "ticket.materials",
        "ticket.reveal_phone",
        "ticket.withdraw",
        "login",
    } <= actions


async def test_head_assigns_within_the_department(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    number = await console.register(VILLAGER, "dibao")
    head = await console.login("mz_head")
    done = await head.post(
        f"/api/v1/tickets/{number}/assign", {"staff_id": console.ids["mz_clerk2"]}
    )
    assert done["assignee"]["id"] == console.ids["mz_clerk2"]
    await head.post(
        f"/api/v1/tickets/{number}/assign", {"staff_id": console.ids["sb_clerk"]}, status=400
    )
    clerk2 = await console.login("mz_clerk2")
    notices = await clerk2.get("/api/v1/notices")
    assert notices["unread"] == 1 and number in notices["items"][0]["text"]
    clerk = await console.login("mz_clerk")
    assert (
        await clerk.request("POST", f"/api/v1/tickets/{number}/assign", json={"staff_id": 1})
    ).status == 403


async def test_extension_request_and_approval(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    number = await console.register(VILLAGER, "dibao")
    clerk = await console.login("mz_clerk")
    other = await console.login("mz_clerk2")
    refused = await other.post(
        f"/api/v1/tickets/{number}/extension", {"days": 5, "reason": "x"}, status=403
    )
    assert refused["error"] == "not_assignee"
    await clerk.post(f"/api/v1/tickets/{number}/claim")
    asked = await clerk.post(
        f"/api/v1/tickets/{number}/extension", {"days": 5, "reason": "等县里复核"}
    )
    (request,) = asked["extensions"]
    assert request["status"] == "pending" and asked["due_at"].startswith("2026-12-21")
    await clerk.post(
        f"/api/v1/tickets/{number}/extension", {"days": 2, "reason": "again"}, status=409
    )
    head = await console.login("mz_head")
    assert "延期申请" in (await head.get("/api/v1/notices"))["items"][0]["text"]
    assert [x["id"] for x in (await head.get("/api/v1/extensions"))["items"]] == [request["id"]]
    outsider = await console.login("sb_head")
    assert (await outsider.get("/api/v1/extensions"))["items"] == []
    assert (
        await outsider.request("POST", f"/api/v1/extensions/{request['id']}/approve", json={})
    ).status == 403
    assert (
        await clerk.request("POST", f"/api/v1/extensions/{request['id']}/approve", json={})
    ).status == 403
    before = len(console.fake.pushes_for(VILLAGER))
    approved = await head.post(f"/api/v1/extensions/{request['id']}/approve", {"note": "同意"})
    assert approved["due_at"].startswith("2026-12-28") and approved["extended_days"] == 5
    assert approved["extensions"][0]["status"] == "approved"
    await console.drain()
    (push,) = console.fake.pushes_for(VILLAGER)[before:]
    assert "延期5个工作日" in push.body["text"]["content"]
    assert "已批准" in (await clerk.get("/api/v1/notices"))["items"][0]["text"]
    await head.post(f"/api/v1/extensions/{request['id']}/deny", {}, status=409)


async def test_leader_denies_an_extension(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    number = await console.register(VILLAGER, "dibao")
    clerk = await console.login("mz_clerk")
    await clerk.post(f"/api/v1/tickets/{number}/claim")
    asked = await clerk.post(f"/api/v1/tickets/{number}/extension", {"days": 3, "reason": "忙"})
    leader = await console.login("leader")
    denied = await leader.post(
        f"/api/v1/extensions/{asked['extensions'][0]['id']}/deny", {"note": "请按期办结"}
    )
    assert denied["extensions"][0]["status"] == "denied" and denied["extended_days"] == 0
    assert "未获批准" in (await clerk.get("/api/v1/notices"))["items"][0]["text"]
