"""Notices to villagers (through the outbox, inside their daytime window, with a
template fallback for when the 48-hour window is closed) and to staff (console
notices, plus WeChat if they bound an account, only in working hours)."""

from __future__ import annotations

import datetime as dt

from bot.clock import Clock
from bot.config import Settings
from bot.sla import WorkCalendar, next_working_time
from bot.tickets import texts
from knowledge.catalog import Center
from storage.models import Ticket
from storage.repositories import Repos


def villager_time(now: dt.datetime, window: tuple[dt.time, dt.time]) -> dt.datetime:
    """`now` if inside the villagers' daytime window, else the window's next opening."""
    start, end = window
    local = now.astimezone(now.tzinfo)
    if start <= local.time() < end:
        return now
    day = local.date() if local.time() < start else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, start, tzinfo=local.tzinfo)


def due_text(ticket: Ticket) -> str:
    due = ticket.due_at
    text = texts.DUE_FORMAT.format(m=due.month, d=due.day)
    return text + (texts.PROVISIONAL if ticket.due_provisional else "")


class Notifier:
    def __init__(
        self,
        *,
        repos: Repos,
        clock: Clock,
        settings: Settings,
        center: Center,
        calendar: WorkCalendar,
        town: str = "main",
    ) -> None:
        self.town = town
        self.repos = repos
        self.clock = clock
        self.settings = settings
        self.center = center
        self.calendar = calendar

    async def villager(
        self,
        ticket: Ticket,
        text: str,
        *,
        key: str,
        status: str | None = None,
        remark: str | None = None,
    ) -> bool:
        """Queue one push to the ticket's villager; `key` makes it happen once."""
        now = self.clock.now()
        template = {
            "data": {
                "first": texts.TEMPLATE_FIRST,
                "keyword1": ticket.number,
                "keyword2": ticket.item_name,
                "keyword3": texts.STATUS_NAMES.get(status or ticket.status, status or ""),
                "keyword4": now.strftime("%Y-%m-%d %H:%M"),
                "remark": remark
                or texts.TEMPLATE_REMARK.format(phone=self.center.phones.consult or ""),
            },
            "url": f"{self.settings.base_url}/guide/{ticket.item_id}" if ticket.item_id else "",
        }
        return await self.repos.outbox.enqueue(
            key=key,
            openid=ticket.openid,
            kind="text",
            body={"text": text, "template": template},
            now=now,
            not_before=villager_time(now, self.settings.villager_window),
            ticket_id=ticket.id,
        )

    async def staff(
        self, staff_id: int, *, key: str, kind: str, text: str, ticket: Ticket | None = None
    ) -> bool:
        now = self.clock.now()
        added = await self.repos.notices.add(
            key=key,
            staff_id=staff_id,
            kind=kind,
            text=text,
            now=now,
            ticket_id=ticket.id if ticket else None,
        )
        member = await self.repos.staff.get(staff_id)
        if added and member is not None and member.openid:
            # Staff who bound their WeChat get the notice there too, but never at night.
            await self.repos.outbox.enqueue(
                key=f"staff:{key}",
                openid=member.openid,
                kind="text",
                body={"text": text},
                now=now,
                not_before=next_working_time(now, self.calendar),
                ticket_id=ticket.id if ticket else None,
            )
        return added

    async def leaders(
        self, *, key: str, kind: str, text: str, ticket: Ticket | None = None
    ) -> list[int]:
        """The leader on duty today (roster), or every leader if nobody is rostered."""
        on_duty = await self.repos.calendar.leader_on(self.clock.now().date(), self.town)
        if on_duty:
            ids = [on_duty]
        else:  # nobody rostered: every leader of this town, and county leaders
            ids = [
                s.id
                for s in await self.repos.staff.with_role("leader")
                if s.town_id in (None, self.town)
            ]
        for staff_id in ids:
            await self.staff(staff_id, key=f"{key}:{staff_id}", kind=kind, text=text, ticket=ticket)
        return ids

    async def heads(
        self, department_id: str, *, key: str, kind: str, text: str, ticket: Ticket | None = None
    ) -> list[int]:
        heads = [
            h
            for h in await self.repos.staff.in_department(department_id, roles=("head",))
            if h.town_id in (None, self.town)
        ]
        for head in heads:
            await self.staff(head.id, key=f"{key}:{head.id}", kind=kind, text=text, ticket=ticket)
        return [h.id for h in heads]
