"""Registration, states, 首问责任, deadlines with pauses, SLA outcome. (issue #4)"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.clock import TZ
from bot.tickets.desk import TicketError
from storage.models import OutboxMessage
from tests.bot.tickets.conftest import World


async def ticket(world: World, number: str):  # type: ignore[no-untyped-def]
    async with world.desk() as desk:
        t = await desk.repos.tickets.by_number(number)
        assert t is not None
        return t


async def test_numbers_are_per_day_sequences(world: World) -> None:
    # Mon 2026-11-23
    first, second = await world.register(), await world.register("yibao_canbao")
    assert first == "BM20261123-0001" and second == "BM20261123-0002"
    world.clock.advance(days=1)
    assert await world.register() == "BM20261124-0001"


async def test_registration_carries_item_case_materials_and_deadline(world: World) -> None:
    number = await world.register("dibao")
    t = await ticket(world, number)
    assert t.department_id == "minzheng" and t.item_name == "最低生活保障申请"
    assert t.case_name and t.materials and all(m["received"] is False for m in t.materials)
    assert t.handling == "承诺件" and t.promised_days == 20
    # Mon 2026-11-23 10:00, 20 working days counted from the next day → Mon 2026-12-21 close.
    assert t.due_at == dt.datetime(2026, 12, 21, 17, 30, tzinfo=TZ)
    assert t.due_provisional is False


async def test_late_december_gets_a_provisional_2027_deadline(world: World) -> None:
    world.clock.set(dt.datetime(2026, 12, 28, 9, 0, tzinfo=TZ))  # Mon 2026-12-28
    t = await ticket(world, await world.register("dibao"))
    # 2027 is not in chinesecalendar: Mon–Fri fallback, marked provisional.
    # Tue 12-29 is day 1 … Mon 2027-01-25 is day 20 (no holidays assumed).
    assert t.due_at.date() == dt.date(2027, 1, 25)
    assert t.due_provisional is True


async def test_need_materials_pauses_the_deadline(world: World) -> None:
    number = await world.register("dibao")
    before = (await ticket(world, number)).due_at

    async def ask(desk):  # type: ignore[no-untyped-def]
        t = await desk.repos.tickets.by_number(number)
        clerk = await desk.repos.staff.get(world.staff["clerk_a"])
        await desk.change_status(t, "need_materials", staff=clerk, missing=["户口簿"], note="")

    await world.run(ask)
    world.clock.advance(days=7)  # Mon 11-23 → Mon 11-30: five working days waiting for the villager

    async def resume(desk):  # type: ignore[no-untyped-def]
        t = await desk.repos.tickets.by_number(number)
        await desk.change_status(
            t, "in_progress", staff=await desk.repos.staff.get(world.staff["clerk_a"])
        )

    await world.run(resume)
    after = await ticket(world, number)
    assert after.paused_since is None and len(after.breaks) == 1
    # The deadline moved by the working time of the pause: five working days.
    assert after.due_at == dt.datetime(2026, 12, 28, 17, 30, tzinfo=TZ)
    assert after.due_at > before


async def test_first_staff_to_act_owns_it_even_after_transfer(world: World) -> None:
    number = await world.register("dibao")

    async def flow(desk):  # type: ignore[no-untyped-def]
        t = await desk.repos.tickets.by_number(number)
        a = await desk.repos.staff.get(world.staff["clerk_a"])
        b = await desk.repos.staff.get(world.staff["clerk_b"])
        await desk.claim(t, a)
        await desk.claim(t, b)  # a second claim reassigns but does not change the owner
        await desk.transfer(t, "canlian", staff=b, note="属于残联")
        return t

    t = await world.run(flow)
    assert t.owner_id == world.staff["clerk_a"]
    assert t.department_id == "canlian" and t.assignee_id is None


async def test_illegal_transitions_are_refused(world: World) -> None:
    number = await world.register()

    async def bad(desk):  # type: ignore[no-untyped-def]
        t = await desk.repos.tickets.by_number(number)
        clerk = await desk.repos.staff.get(world.staff["clerk_a"])
        with pytest.raises(TicketError):
            await desk.change_status(t, "need_materials", staff=clerk)  # no missing list
        with pytest.raises(TicketError):
            await desk.change_status(t, "rejected", staff=clerk, note=" ")  # no reason
        await desk.change_status(t, "withdrawn", staff=None)
        with pytest.raises(TicketError):
            await desk.change_status(t, "done", staff=clerk)

    await world.run(bad)


async def test_every_state_change_queues_one_push_with_the_facts(world: World) -> None:
    number = await world.register("dibao")

    async def flow(desk):  # type: ignore[no-untyped-def]
        t = await desk.repos.tickets.by_number(number)
        clerk = await desk.repos.staff.get(world.staff["clerk_a"])
        await desk.change_status(t, "in_progress", staff=clerk)
        await desk.change_status(t, "need_materials", staff=clerk, missing=["户口簿", "收入证明"])
        await desk.change_status(t, "done", staff=clerk, note="低保金次月起发放")
        return await desk.repos.outbox.for_openid(t.openid)

    pushes: list[OutboxMessage] = await world.run(flow)
    texts = [p.body["text"] for p in pushes]
    assert len(texts) == 3
    assert "办理中" in texts[0]
    assert "1. 户口簿" in texts[1] and "2. 收入证明" in texts[1] and "暂停" in texts[1]
    assert "已办结" in texts[2] and "回复数字" in texts[2]
    assert all(p.body["template"]["data"]["keyword1"] == number for p in pushes)
    # Outside the 48-hour window the template goes instead; it still asks for the rating.
    assert "打分" in pushes[2].body["template"]["data"]["remark"]


async def test_completion_records_whether_the_deadline_was_met(world: World) -> None:
    number = await world.register("linshi_jiuzhu")
    world.clock.set(dt.datetime(2027, 3, 1, 10, 0, tzinfo=TZ))  # long after the deadline

    async def finish(desk):  # type: ignore[no-untyped-def]
        t = await desk.repos.tickets.by_number(number)
        await desk.change_status(
            t, "done", staff=await desk.repos.staff.get(world.staff["clerk_a"])
        )
        return t

    t = await world.run(finish)
    assert t.sla_met is False and t.sla_wall_seconds > 0 and t.sla_work_minutes > 0


async def test_pushes_wait_for_the_villagers_daytime(world: World) -> None:
    number = await world.register()
    world.clock.set(dt.datetime(2026, 11, 23, 22, 30, tzinfo=TZ))  # Mon 22:30

    async def late(desk):  # type: ignore[no-untyped-def]
        t = await desk.repos.tickets.by_number(number)
        await desk.change_status(
            t, "in_progress", staff=await desk.repos.staff.get(world.staff["clerk_a"])
        )
        return await desk.repos.outbox.for_openid(t.openid)

    (push,) = await world.run(late)
    assert push.next_attempt_at == dt.datetime(2026, 11, 24, 8, 0, tzinfo=TZ)  # Tue 08:00


async def test_complaint_goes_to_zongzhi_and_alerts_the_leader_at_once(world: World) -> None:
    async def complain(desk):  # type: ignore[no-untyped-def]
        await desk.repos.villagers.ensure("oComplainer", world.clock.now())
        t = await desk.register_complaint(
            openid="oComplainer", text="村里低保评议不公开", category="举报"
        )
        return t, await desk.repos.notices.for_staff(world.staff["leader"])

    t, notices = await world.run(complain)
    assert t.kind == "complaint" and t.department_id == "zongzhi"
    assert len(notices) == 1 and t.number in notices[0].text


async def test_bad_rating_opens_a_callback_for_the_head(world: World) -> None:
    number = await world.register()

    async def rate(desk):  # type: ignore[no-untyped-def]
        t = await desk.repos.tickets.by_number(number)
        await desk.change_status(
            t, "done", staff=await desk.repos.staff.get(world.staff["clerk_a"])
        )
        await desk.rate(t, 5)
        with pytest.raises(TicketError):
            await desk.rate(t, 1)  # 一事一评
        cb = await desk.open_callback(t, "跑了三趟")
        return cb, await desk.repos.notices.for_staff(world.staff["head"])

    cb, notices = await world.run(rate)
    # Mon 11-23 + 5 working days (next-day counting) → Mon 11-30 close.
    assert cb.due_at == dt.datetime(2026, 11, 30, 17, 30, tzinfo=TZ)
    assert any("非常不满意" in n.text for n in notices)


async def test_publicity_period_pauses_the_deadline(world: World) -> None:
    number = await world.register("dibao")  # 低保: 7 days of 公示 in the catalog
    before = (await ticket(world, number)).due_at

    async def publicise(desk):  # type: ignore[no-untyped-def]
        t = await desk.repos.tickets.by_number(number)
        clerk = await desk.repos.staff.get(world.staff["clerk_a"])
        end = await desk.start_publicity(t, staff=clerk)
        with pytest.raises(TicketError):
            await desk.start_publicity(t, staff=clerk)  # one at a time
        return end, await desk.repos.outbox.for_openid(t.openid)

    end, pushes = await world.run(publicise)
    # Mon 11-23 10:00 + 7 days = Mon 11-30 10:00: five working days of pause.
    assert end == dt.datetime(2026, 11, 30, 10, 0, tzinfo=TZ)
    after = await ticket(world, number)
    assert after.due_at == dt.datetime(2026, 12, 28, 17, 30, tzinfo=TZ) and after.due_at > before
    assert "公示" in pushes[-1].body["text"]
