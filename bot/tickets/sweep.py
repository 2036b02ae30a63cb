"""The ticket part of each scheduler tick: round-robin assignment, nudges,
deadline warnings and escalations (督办), appointment reminders. Every notice has
a key so a tick that runs twice, or on two replicas, says nothing twice; staff
hear nothing outside working hours, villagers nothing outside their window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.clock import Clock
from bot.config import Settings
from bot.sla import (
    WorkCalendar,
    add_workdays,
    is_working_time,
    warning_day,
    workdays_between,
    working_minutes_between,
)
from bot.tickets import texts
from bot.tickets.calendar import load_calendar
from bot.tickets.desk import TicketDesk
from bot.tickets.notify import due_text, villager_time
from knowledge.catalog import Catalog
from storage.models import Staff, Ticket
from storage.repositories import Repos

# How long a villager who rated 4 or 5 has to say why before the callback opens anyway.
REASON_WAIT = dt.timedelta(hours=1)


@dataclass
class SweepReport:
    assigned: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    reminders: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return (
            [f"assigned {x}" for x in self.assigned]
            + [f"notice {x}" for x in self.warnings]
            + [f"reminder {x}" for x in self.reminders]
        )


async def sweep(
    repos: Repos, *, clock: Clock, settings: Settings, catalog_for: Callable[[str], Catalog]
) -> SweepReport:
    """`catalog_for(town)` gives each town's catalog: its center, windows and leaders."""
    report = SweepReport()
    cal = await load_calendar(repos)
    now = clock.now()
    desks: dict[str, TicketDesk] = {}

    def desk_for(town: str) -> TicketDesk:
        if town not in desks:
            desks[town] = TicketDesk(
                repos=repos,
                clock=clock,
                settings=settings,
                catalog=catalog_for(town),
                calendar=cal,
                town=town,
            )
        return desks[town]

    if is_working_time(now, cal):
        for ticket in await repos.tickets.open_tickets():
            desk = desk_for(ticket.town_id)
            await _follow_calendar(ticket, desk, repos, now, report)
            await _assign_if_waiting(ticket, desk, repos, cal, now, settings, report)
            await _nudge_if_idle(ticket, desk, repos, cal, now, settings, report)
            await _ladder(ticket, desk, repos, cal, now, settings, report)
    await _appointment_reminders(desk_for, repos, cal, now, settings, report)
    await _silent_bad_ratings(desk_for, repos, now, report)
    return report


async def _silent_bad_ratings(
    desk_for: Callable[[str], TicketDesk], repos: Repos, now: dt.datetime, report: SweepReport
) -> None:
    """Every 差评 gets a 回访 (回访率 100%), even when the villager never said why."""
    for ticket in await repos.tickets.bad_ratings_without_callback(now - REASON_WAIT):
        await desk_for(ticket.town_id).open_callback(ticket, texts.NO_REASON_GIVEN)
        report.warnings.append(f"callback {ticket.number}")


async def _follow_calendar(
    ticket: Ticket, desk: TicketDesk, repos: Repos, now: dt.datetime, report: SweepReport
) -> None:
    """The admin added a holiday or entered next year's calendar: open deadlines
    follow (a provisional 2027 deadline becomes final once 2027 is entered)."""
    if ticket.paused_since is not None:
        return  # a paused deadline moves with the pause; it is settled on resuming
    before = (ticket.due_at, ticket.due_provisional)
    desk.recompute(ticket, now)
    if (ticket.due_at, ticket.due_provisional) != before:
        await repos.tickets.add_event(
            ticket,
            at=now,
            kind="deadline",
            internal=True,
            data={
                "from": before[0].isoformat(),
                "to": ticket.due_at.isoformat(),
                "provisional": ticket.due_provisional,
            },
        )
        report.warnings.append(f"deadline {ticket.number}")


async def _assign_if_waiting(
    ticket: Ticket,
    desk: TicketDesk,
    repos: Repos,
    cal: WorkCalendar,
    now: dt.datetime,
    settings: Settings,
    report: SweepReport,
) -> None:
    """Nobody claimed it in time: give it to the on-duty clerk who got one least recently (round-robin)."""
    if ticket.assignee_id is not None:
        return
    since = ticket.created_at
    if working_minutes_between(since, now, cal) < settings.claim_after_minutes:
        return
    staff: list[Staff] = []
    for roles in (("clerk",), ("head",)):  # heads only when no clerk is on duty
        members = await repos.staff.in_department(ticket.department_id, roles=roles, on_duty=True)
        # Several towns share department ids: only this town's (or county) staff.
        staff = staff or [m for m in members if m.town_id in (None, ticket.town_id)]
    if not staff:
        return
    chosen = await _least_recent(staff, repos)
    await desk.assign(ticket, chosen, reason="round_robin")
    report.assigned.append(f"{ticket.number} -> {chosen.username}")


async def _least_recent(staff: list[Staff], repos: Repos) -> Staff:
    latest = await repos.tickets.last_assigned([s.id for s in staff])
    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
    return min(staff, key=lambda s: (latest.get(s.id, epoch), s.id))


async def _nudge_if_idle(
    ticket: Ticket,
    desk: TicketDesk,
    repos: Repos,
    cal: WorkCalendar,
    now: dt.datetime,
    settings: Settings,
    report: SweepReport,
) -> None:
    if ticket.assignee_id is None or ticket.paused_since is not None:
        return
    last = ticket.last_staff_action_at or ticket.assigned_at or ticket.created_at
    idle = workdays_between(last.date(), now.date(), cal)
    if idle < settings.idle_nudge_days:
        return
    assignee = await repos.staff.get(ticket.assignee_id)
    text = texts.NOTICE_NUDGE.format(number=ticket.number, item=ticket.item_name, days=idle)
    if await desk.notify.staff(
        ticket.assignee_id,
        key=f"nudge:{ticket.number}:{last.isoformat()}",
        kind="nudge",
        text=text,
        ticket=ticket,
    ):
        report.warnings.append(f"nudge {ticket.number}")
    if idle >= 2 * settings.idle_nudge_days:
        head_text = texts.NOTICE_NUDGE_HEAD.format(
            number=ticket.number,
            item=ticket.item_name,
            assignee=assignee.display_name if assignee else "-",
            days=idle,
        )
        ids = await desk.notify.heads(
            ticket.department_id,
            key=f"nudge-head:{ticket.number}:{last.isoformat()}",
            kind="nudge",
            text=head_text,
            ticket=ticket,
        )
        if ids:
            report.warnings.append(f"nudge-head {ticket.number}")


async def _ladder(
    ticket: Ticket,
    desk: TicketDesk,
    repos: Repos,
    cal: WorkCalendar,
    now: dt.datetime,
    settings: Settings,
    report: SweepReport,
) -> None:
    """N working days before → assignee; due day → head; overdue → leader (督办), daily until done."""
    if ticket.paused_since is not None:
        return  # 待补正: the clock is stopped, so is the ladder
    today, due_day = now.date(), ticket.due_at.date()
    assignee = await repos.staff.get(ticket.assignee_id) if ticket.assignee_id else None
    who = assignee.display_name if assignee else texts.NOBODY
    fields = {
        "number": ticket.number,
        "item": ticket.item_name,
        "due": due_text(ticket),
        "assignee": who,
    }
    due_key = ticket.due_at.isoformat()
    if today < due_day and today >= warning_day(ticket.due_at, settings.warn_days_before, cal):
        targets = (
            [ticket.assignee_id]
            if ticket.assignee_id
            else [s.id for s in await repos.staff.in_department(ticket.department_id)]
        )
        for staff_id in targets:
            if await desk.notify.staff(
                staff_id,
                key=f"warn:{ticket.number}:{due_key}:{staff_id}",
                kind="warning",
                text=texts.NOTICE_WARN.format(**fields),
                ticket=ticket,
            ):
                report.warnings.append(f"warn {ticket.number}")
    elif today == due_day and now < ticket.due_at:
        if await desk.notify.heads(
            ticket.department_id,
            key=f"due:{ticket.number}:{due_key}",
            kind="due_today",
            text=texts.NOTICE_DUE_TODAY.format(**fields),
            ticket=ticket,
        ):
            report.warnings.append(f"due-today {ticket.number}")
    elif now >= ticket.due_at:
        late = max(1, workdays_between(due_day, today, cal))
        text = texts.NOTICE_OVERDUE.format(**fields, days=late)
        ids = await desk.notify.leaders(
            key=f"overdue:{ticket.number}:{today.isoformat()}",
            kind="overdue",
            text=text,
            ticket=ticket,
        )
        key = f"overdue:{today.isoformat()}"
        if ids and not await repos.tickets.has_event(ticket.id, "escalation", key):
            await repos.tickets.add_event(
                ticket, at=now, kind="escalation", note=text, internal=True, data={"key": key}
            )
            report.warnings.append(f"overdue {ticket.number}")


async def _appointment_reminders(
    desk_for: Callable[[str], TicketDesk],
    repos: Repos,
    cal: WorkCalendar,
    now: dt.datetime,
    settings: Settings,
    report: SweepReport,
) -> None:
    """The working day before an appointment, in the villagers' daytime window."""
    if villager_time(now, settings.villager_window) != now or not cal.is_workday(now.date()):
        return
    next_day, _ = add_workdays(now.date(), 1, cal)
    for appt in await repos.appointments.on_day(next_day):
        ticket = await repos.tickets.by_id(appt.ticket_id)
        if ticket is None or ticket.status not in ("accepted", "in_progress", "need_materials"):
            continue
        desk = desk_for(ticket.town_id)
        text = texts.APPOINTMENT_REMINDER.format(
            center=desk.catalog.center.name,
            day=texts.DUE_FORMAT.format(m=next_day.month, d=next_day.day),
            half=texts.HALF_NAMES[appt.half],
            place=desk.place_for(ticket),
            item=ticket.item_name,
            number=ticket.number,
        )
        # Keyed by the day too: a moved appointment is reminded of its new day. A reminder
        # queued today under the key of before (one per appointment) counts as this one.
        legacy = await repos.outbox.queued_at(f"appt-remind:{appt.id}")
        if legacy is not None and legacy.astimezone(now.tzinfo).date() == now.date():
            continue
        key = f"appt-remind:{appt.id}:{appt.day.isoformat()}"
        if await desk.notify.villager(ticket, text, key=key):
            report.reminders.append(ticket.number)
