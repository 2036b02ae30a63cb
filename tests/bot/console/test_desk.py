"""The staff desk around tickets: live human conversations (转人工), notices,
escalations (督办) from the real scheduler tick, and 差评回访 callbacks."""

from __future__ import annotations

from bot.tick import tick
from storage.repositories import Repos
from tests.bot.console.conftest import Console

VILLAGER = "oDeskVillager000000000000001"


async def open_handoff(console: Console, openid: str) -> int:
    async with console.rt.sessionmaker() as session, session.begin():
        handoff, _ = await Repos.bind(session).handoffs.open(openid, console.clock.now())
        return handoff.id


async def test_handoff_read_reply_close(console: Console) -> None:
    await console.villager_says(VILLAGER, "我要找人工，低保的事说不清")
    handoff_id = await open_handoff(console, VILLAGER)
    clerk = await console.login("mz_clerk")
    (live,) = (await clerk.get("/api/v1/handoffs"))["items"]
    assert live["id"] == handoff_id and live["unread"] == 1 and live["status"] == "waiting"
    assert live["last_message"]["text"] == "我要找人工，低保的事说不清"
    console.clock.advance(minutes=3)
    clerk = await console.login("mz_clerk")
    convo = await clerk.get(f"/api/v1/handoffs/{handoff_id}")
    assert [m["from"] for m in convo["messages"]] == ["villager", "bot"]
    assert (await clerk.post(f"/api/v1/handoffs/{handoff_id}/read"))["unread"] == 0
    answer = await clerk.post(
        f"/api/v1/handoffs/{handoff_id}/reply", {"text": "您好，我是民政办小王，请讲。"}
    )
    assert answer["push"]["state"] == "pending"  # queued in the same commit as the handoff change
    assert (await clerk.get(f"/api/v1/pushes/{answer['push']['id']}"))["state"] == "sent"
    (push,) = [p for p in console.fake.pushes_for(VILLAGER) if "小王" in str(p.body)]
    assert push.kind == "text"
    state = (await clerk.get(f"/api/v1/handoffs/{handoff_id}"))["handoff"]
    assert state["status"] == "open" and state["staff"]["id"] == console.ids["mz_clerk"]
    assert state["first_response_at"].startswith("2026-11-23T10:03")
    closed = await clerk.post(f"/api/v1/handoffs/{handoff_id}/close")
    assert closed["status"] == "closed"
    assert (await clerk.get("/api/v1/handoffs"))["items"] == []
    await clerk.post(f"/api/v1/handoffs/{handoff_id}/reply", {"text": "还在吗"}, status=409)
    admin = await console.login("admin")
    assert (await admin.request("POST", f"/api/v1/handoffs/{handoff_id}/close")).status == 403
    await admin.get(f"/api/v1/handoffs/{handoff_id}")
    await clerk.get("/api/v1/handoffs/999999", status=404)


async def test_notices_unread_and_mark_read(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    first = await console.register(VILLAGER, "dibao")
    second = await console.register(VILLAGER, "gaoling_jintie")
    head = await console.login("mz_head")
    for number in (first, second):
        await head.post(f"/api/v1/tickets/{number}/assign", {"staff_id": console.ids["mz_clerk"]})
    clerk = await console.login("mz_clerk")
    notices = await clerk.get("/api/v1/notices")
    assert notices["unread"] == 2 and {n["ticket"] for n in notices["items"]} == {first, second}
    after = await clerk.post("/api/v1/notices/read", {"ids": [notices["items"][0]["id"]]})
    assert after["unread"] == 1
    assert len((await clerk.get("/api/v1/notices?unread=true"))["items"]) == 1
    assert (await clerk.post("/api/v1/notices/read", {"all": True}))["unread"] == 0
    # Someone else's notice ids do nothing to mine, and nothing to theirs.
    other = await console.login("mz_clerk2")
    await other.post("/api/v1/notices/read", {"ids": [n["id"] for n in notices["items"]]})


async def test_escalations_after_the_deadline(console: Console) -> None:
    await console.villager_says(VILLAGER, "办临时救助")
    number = await console.register(VILLAGER, "linshi_jiuzhu")  # due Mon 12-07 17:30
    console.clock.set("2026-12-08T10:00:00+08:00")  # Tuesday, in working hours
    await tick(console.rt)  # the scheduler's own pass escalates to the leader
    leader = await console.login("leader")
    (item,) = (await leader.get("/api/v1/escalations"))["items"]
    assert item["ticket"]["number"] == number and item["times"] == 1
    assert item["ticket"]["sla_state"] == "overdue"
    assert any(n["kind"] == "overdue" for n in (await leader.get("/api/v1/notices"))["items"])
    head = await console.login("mz_head")
    assert [i["ticket"]["number"] for i in (await head.get("/api/v1/escalations"))["items"]] == [
        number
    ]
    other_head = await console.login("sb_head")
    assert (await other_head.get("/api/v1/escalations"))["items"] == []
    clerk = await console.login("mz_clerk")
    assert (await clerk.request("GET", "/api/v1/escalations")).status == 403


async def test_callback_after_a_bad_rating(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    number = await console.register(VILLAGER, "dibao")
    clerk = await console.login("mz_clerk")
    await clerk.post(f"/api/v1/tickets/{number}/status", {"status": "done"})
    async with console.rt.sessionmaker() as session, session.begin():
        repos = Repos.bind(session)
        desk = await console.desk(repos)
        ticket = await repos.tickets.by_number(number)
        assert ticket is not None
        await desk.rate(ticket, 5)
        await desk.open_callback(ticket, "等太久了")
    head = await console.login("mz_head")
    (task,) = (await head.get("/api/v1/callbacks"))["items"]
    assert task["ticket"] == number and task["rating"] == 5 and task["done_at"] is None
    assert (await (await console.login("sb_head")).get("/api/v1/callbacks"))["items"] == []
    assert (await clerk.request("GET", "/api/v1/callbacks")).status == 403
    done = await head.post(
        f"/api/v1/callbacks/{task['id']}/done", {"result": "已电话致歉，群众表示理解"}
    )
    assert done["done_by"]["id"] == console.ids["mz_head"] and done["result"].startswith(
        "已电话致歉"
    )
    await head.post(f"/api/v1/callbacks/{task['id']}/done", {"result": "again"}, status=409)
    assert (await head.get("/api/v1/callbacks"))["items"] == []
    assert len((await head.get("/api/v1/callbacks?open=false"))["items"]) == 1
    timeline = (await head.get(f"/api/v1/tickets/{number}"))["timeline"]
    assert timeline[-1]["kind"] == "callback_done"
