"""The scheduler's ticket pass: round-robin, warnings on the right working day and
never at night, escalation to the leader on duty, appointment reminders. (issue #4)"""

from __future__ import annotations

import datetime as dt

from bot.clock import TZ
from storage.models import Appointment
from tests.bot.tickets.conftest import World


async def notices(world: World, who: str) -> list[str]:
    async with world.desk() as desk:
        return [n.kind for n in await desk.repos.notices.for_staff(world.staff[who])]


async def test_unclaimed_tickets_go_round_robin_after_the_wait(world: World) -> None:
    first, second = await world.register(), await world.register("gaoling_jintie")
    world.clock.advance(minutes=60)
    assert (await world.sweep()).assigned == []  # 60 working minutes < 120
    world.clock.advance(minutes=70)  # Mon 12:10: lunch break does not count
    assert (await world.sweep()).assigned == []
    world.clock.set(dt.datetime(2026, 11, 23, 14, 30, tzinfo=TZ))  # 120 + 30 working minutes
    report = await world.sweep()
    assert sorted(report.assigned) == sorted([f"{first} -> clerk_a", f"{second} -> clerk_b"])
    assert await notices(world, "clerk_a") == ["assigned"]


async def test_warning_comes_the_working_day_before_and_never_at_night(world: World) -> None:
    number = await world.register("linshi_jiuzhu")  # promised 10 working days? read the due date
    async with world.desk() as desk:
        t = await desk.repos.tickets.by_number(number)
        assert t is not None
        due = t.due_at
        await desk.claim(t, await desk.repos.staff.get(world.staff["clerk_a"]))  # type: ignore[arg-type]
    from bot.sla import add_workdays
    from bot.tickets.calendar import load_calendar

    async with world.desk() as desk:
        cal = await load_calendar(desk.repos)
    eve, _ = add_workdays(due.date(), -1, cal)
    two_before, _ = add_workdays(due.date(), -2, cal)
    world.clock.set(dt.datetime.combine(two_before, dt.time(10, 0), tzinfo=TZ))
    await world.sweep()
    assert "warning" not in await notices(world, "clerk_a")
    world.clock.set(dt.datetime.combine(eve, dt.time(21, 0), tzinfo=TZ))  # the eve, at night
    await world.sweep()
    assert "warning" not in await notices(world, "clerk_a")
    world.clock.set(dt.datetime.combine(eve, dt.time(9, 0), tzinfo=TZ) + dt.timedelta(days=0))
    await world.sweep()
    await world.sweep()  # a second pass (or a second replica) says nothing twice
    assert (await notices(world, "clerk_a")).count("warning") == 1
    # Due day → the department head.
    world.clock.set(dt.datetime.combine(due.date(), dt.time(9, 0), tzinfo=TZ))
    await world.sweep()
    assert "due_today" in await notices(world, "head")


async def test_overdue_escalates_to_the_leader_daily_until_done(world: World) -> None:
    number = await world.register("linshi_jiuzhu")
    async with world.desk() as desk:
        t = await desk.repos.tickets.by_number(number)
        assert t is not None
        due = t.due_at
    day1 = due + dt.timedelta(days=1)
    while day1.weekday() >= 5:
        day1 += dt.timedelta(days=1)
    world.clock.set(day1.replace(hour=9, minute=0))
    await world.sweep()
    await world.sweep()
    assert (await notices(world, "leader")).count("overdue") == 1
    world.clock.advance(days=1)
    while world.clock.now().weekday() >= 5:
        world.clock.advance(days=1)
    await world.sweep()
    assert (await notices(world, "leader")).count("overdue") == 2
    async with world.desk() as desk:
        t = await desk.repos.tickets.by_number(number)
        await desk.change_status(
            t, "done", staff=await desk.repos.staff.get(world.staff["clerk_a"])
        )  # type: ignore[arg-type]
    world.clock.advance(days=1)
    await world.sweep()
    assert (await notices(world, "leader")).count("overdue") == 2


async def test_paused_tickets_do_not_escalate(world: World) -> None:
    number = await world.register("linshi_jiuzhu")
    async with world.desk() as desk:
        t = await desk.repos.tickets.by_number(number)
        await desk.change_status(
            t,
            "need_materials",
            staff=await desk.repos.staff.get(world.staff["clerk_a"]),
            missing=["病历"],
        )  # type: ignore[arg-type]
    world.clock.advance(days=60)
    while world.clock.now().weekday() >= 5:
        world.clock.advance(days=1)
    await world.sweep()
    assert "overdue" not in await notices(world, "leader")


async def test_idle_assignee_is_nudged_then_the_head(world: World) -> None:
    number = await world.register("dibao")
    async with world.desk() as desk:
        t = await desk.repos.tickets.by_number(number)
        await desk.claim(t, await desk.repos.staff.get(world.staff["clerk_b"]))  # type: ignore[arg-type]
    world.clock.set(dt.datetime(2026, 11, 25, 10, 0, tzinfo=TZ))  # Wed: 2 working days idle
    await world.sweep()
    assert "nudge" in await notices(world, "clerk_b") and "nudge" not in await notices(
        world, "head"
    )
    world.clock.set(dt.datetime(2026, 11, 27, 10, 0, tzinfo=TZ))  # Fri: 4 working days idle
    await world.sweep()
    assert "nudge" in await notices(world, "head")


async def _book_monday(world: World, number: str) -> int:
    async with world.desk() as desk:
        t = await desk.repos.tickets.by_number(number)
        assert t is not None
        appt = await desk.repos.appointments.add(
            Appointment(
                ticket_id=t.id,
                department_id="minzheng",
                day=dt.date(2026, 11, 30),
                half="am",
                created_at=world.clock.now(),
            )
        )
        return appt.id


async def test_appointment_reminder_the_working_day_before(world: World) -> None:
    number = await world.register("dibao")
    await _book_monday(world, number)  # Mon 11-30; Fri 11-27 is the working day before
    world.clock.set(dt.datetime(2026, 11, 26, 10, 0, tzinfo=TZ))  # Thu: too early
    assert (await world.sweep()).reminders == []
    world.clock.set(
        dt.datetime(2026, 11, 27, 6, 0, tzinfo=TZ)
    )  # Fri 06:00: before the daytime window
    assert (await world.sweep()).reminders == []
    world.clock.set(dt.datetime(2026, 11, 27, 9, 0, tzinfo=TZ))  # Fri 09:00
    assert (await world.sweep()).reminders == [number]
    assert (await world.sweep()).reminders == []  # once


async def test_a_moved_appointment_is_reminded_of_its_new_day(world: World) -> None:
    """Reminded on Friday for Monday, the villager moves it to Tuesday (改时间): Monday
    brings the reminder for Tuesday, once."""
    number = await world.register("dibao")
    await _book_monday(world, number)
    world.clock.set(dt.datetime(2026, 11, 27, 9, 0, tzinfo=TZ))  # Fri 09:00
    assert (await world.sweep()).reminders == [number]
    async with world.desk() as desk:
        t = await desk.repos.tickets.by_number(number)
        assert t is not None
        await desk.chat.reschedule(t, dt.date(2026, 12, 1), "pm")
    assert (await world.sweep()).reminders == []  # Friday: Tuesday is not the next day
    world.clock.set(dt.datetime(2026, 11, 30, 9, 0, tzinfo=TZ))  # Mon 09:00
    assert (await world.sweep()).reminders == [number]
    assert (await world.sweep()).reminders == []


async def test_a_reminder_queued_today_before_an_upgrade_is_not_sent_again(world: World) -> None:
    """Reminders were keyed by the appointment alone before appointments could move."""
    number = await world.register("dibao")
    appt_id = await _book_monday(world, number)
    world.clock.set(dt.datetime(2026, 11, 27, 8, 0, tzinfo=TZ))  # Fri, before the upgrade
    async with world.desk() as desk:
        await desk.repos.outbox.enqueue(
            key=f"appt-remind:{appt_id}",
            openid="o_someone",
            kind="text",
            body={"text": "reminder of before"},
            now=world.clock.now(),
        )
    world.clock.set(dt.datetime(2026, 11, 27, 9, 0, tzinfo=TZ))
    assert (await world.sweep()).reminders == []


async def test_a_bad_rating_without_a_reason_still_gets_a_callback(world: World) -> None:
    number = await world.register("dibao")
    async with world.desk() as desk:
        t = await desk.repos.tickets.by_number(number)
        assert t is not None
        await desk.change_status(
            t, "done", staff=await desk.repos.staff.get(world.staff["clerk_a"])
        )
        await desk.rate(t, 4)  # 不满意, and the villager never says why
    world.clock.advance(minutes=30)
    assert "callback" not in " ".join((await world.sweep()).warnings)  # still time to say why
    world.clock.advance(minutes=31)
    assert (await world.sweep()).warnings == [f"callback {number}"]
    assert (await world.sweep()).warnings == []  # one callback, once
    async with world.desk() as desk:
        cb = await desk.repos.callbacks.for_ticket(t.id)
    assert cb is not None and cb.reason == "（群众未说明原因）"


async def test_deadlines_follow_the_admins_calendar(world: World) -> None:
    world.clock.set(dt.datetime(2026, 12, 28, 9, 0, tzinfo=TZ))  # Mon 2026-12-28
    number = await world.register("dibao")
    async with world.desk() as desk:
        t = await desk.repos.tickets.by_number(number)
        assert t is not None and t.due_provisional and t.due_at.date() == dt.date(2027, 1, 25)
        # The admin enters 2027: New Year's Day Fri 01-01 is a holiday, and 2027 is complete.
        await desk.repos.calendar.set_override(dt.date(2027, 1, 1), False, "元旦")
        await desk.repos.calendar.set_year_complete(2027, True)
    await world.sweep()
    async with world.desk() as desk:
        t = await desk.repos.tickets.by_number(number)
        events = [e.kind for e in await desk.repos.tickets.events(t.id)]  # type: ignore[union-attr]
    assert t is not None and t.due_provisional is False
    assert t.due_at.date() == dt.date(2027, 1, 26)  # one working day later
    assert "deadline" in events


async def test_round_robin_stays_within_the_tickets_town(world: World) -> None:
    # Several towns share department ids; a 白沙镇 clerk must not get a 青石镇 ticket.
    from sqlalchemy import update

    from storage.models import Staff

    async with world.sessions() as session, session.begin():
        await session.execute(
            update(Staff).where(Staff.id == world.staff["clerk_a"]).values(town_id="baisha")
        )
    number = await world.register()
    world.clock.set(dt.datetime(2026, 11, 23, 15, 30, tzinfo=TZ))  # well past the wait
    assert (await world.sweep()).assigned == [f"{number} -> clerk_b"]
