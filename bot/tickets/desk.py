"""The ticket desk: registration (办事登记), states, 首问责任, deadlines in working
days (限时办结) with SLA pauses, and the villager notice for every change. Used by
the conversation handlers (through Context) and the staff API alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from bot.clock import Clock
from bot.config import Settings
from bot.sla import Break, WorkCalendar, compute_deadline, sla_outcome
from bot.tickets import texts
from bot.tickets.chat_actions import ChatActions
from bot.tickets.notify import Notifier, due_text
from knowledge.catalog import Case, Catalog, Item
from knowledge.towns import MAIN
from storage.models import Callback, Staff, Ticket
from storage.repositories import Repos
from storage.repositories.tickets import OPEN

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "accepted": ("in_progress", "need_materials", "done", "rejected", "withdrawn"),
    "in_progress": ("need_materials", "done", "rejected", "withdrawn"),
    "need_materials": ("in_progress", "done", "rejected", "withdrawn"),
}
COMPLAINT_DEPARTMENT = "zongzhi"
COMPLAINT_DAYS = 15  # 信访条例: 15 days to decide whether to accept; promised here in working days


class TicketError(ValueError):
    """A request the ticket's state does not allow (e.g. completing a withdrawn ticket)."""


class TicketDesk:
    def __init__(
        self,
        *,
        repos: Repos,
        clock: Clock,
        settings: Settings,
        catalog: Catalog,
        calendar: WorkCalendar,
        town: str = MAIN,
    ) -> None:
        self.town = town  # the town whose center (catalog) this desk serves
        self.repos = repos
        self.clock = clock
        self.settings = settings
        self.catalog = catalog
        self.calendar = calendar
        self.notify = Notifier(
            town=town,
            repos=repos,
            clock=clock,
            settings=settings,
            center=catalog.center,
            calendar=calendar,
        )

    # -- registration -------------------------------------------------------

    async def register(
        self, *, openid: str, item: Item, case: Case | None, name: str, phone: str, village: str
    ) -> Ticket:
        case = case or item.cases[0]
        ticket = await self._open(
            openid=openid,
            kind="service",
            days=item.limits.promised,
            item_id=item.id,
            item_name=item.name,
            case_name=case.name,
            department_id=item.department,
            applicant_name=name,
            applicant_phone=phone,
            village=village,
            materials=[
                {
                    "name": m.name,
                    "form": m.form,
                    "copies": m.copies,
                    "required": m.required,
                    "received": False,
                }
                for m in case.materials
            ],
            handling=item.kind,
        )
        await self.repos.villagers.remember_applicant(
            openid, name=name, phone=phone, village=village
        )
        return ticket

    async def register_complaint(self, *, openid: str, text: str, category: str) -> Ticket:
        """投诉/举报/信访/矛盾纠纷/意见建议: routed to 综治信访, the leader on duty told at once."""
        villager = await self.repos.villagers.get(openid)
        ticket = await self._open(
            openid=openid,
            kind="complaint",
            days=COMPLAINT_DAYS,
            note=text,
            item_id=None,
            item_name=category,
            case_name=None,
            department_id=COMPLAINT_DEPARTMENT,
            applicant_name=villager.name if villager else None,
            applicant_phone=villager.phone if villager else None,
            village=villager.village if villager else None,
            content=text,
            materials=[],
            handling=texts.HANDLING_PROMISED,
        )
        alert = texts.NOTICE_NEW_COMPLAINT.format(
            kind=category, number=ticket.number, village=ticket.village or "-"
        )
        key = f"complaint:{ticket.number}"
        await self.notify.leaders(key=key, kind="complaint", text=alert, ticket=ticket)
        await self.notify.heads(
            COMPLAINT_DEPARTMENT, key=key, kind="complaint", text=alert, ticket=ticket
        )
        return ticket

    async def _open(
        self, *, openid: str, kind: str, days: int, note: str | None = None, **fields: Any
    ) -> Ticket:
        """A new ticket: its number, its deadline in working days, its first event."""
        now = self.clock.now()
        deadline = compute_deadline(now, days, self.calendar, count_from=self._count_from())
        ticket = Ticket(
            number=await self.repos.tickets.next_number(now.date()),
            kind=kind,
            town_id=self.town,
            openid=openid,
            status="accepted",
            missing=[],
            promised_days=days,
            extended_days=0,
            accepted_at=now,
            due_at=deadline.due_at,
            due_provisional=deadline.provisional,
            breaks=[],
            created_at=now,
            updated_at=now,
            **fields,
        )
        await self.repos.tickets.add(ticket)
        await self.repos.tickets.add_created(ticket, at=now, to_status="accepted", note=note)
        return ticket

    # -- staff actions ------------------------------------------------------

    async def claim(self, ticket: Ticket, staff: Staff) -> None:
        """首问责任: the first to take a ticket becomes its owner for good."""
        now = self.clock.now()
        if ticket.status not in OPEN:
            raise TicketError("ticket is closed")
        if ticket.owner_id is None:
            ticket.owner_id = staff.id
        ticket.assignee_id, ticket.assigned_at = staff.id, now
        ticket.last_staff_action_at = ticket.updated_at = now
        await self.repos.tickets.add_event(ticket, at=now, kind="claim", staff_id=staff.id)

    async def assign(
        self, ticket: Ticket, staff: Staff, *, by: Staff | None = None, reason: str = "assign"
    ) -> None:
        now = self.clock.now()
        ticket.assignee_id, ticket.assigned_at, ticket.updated_at = staff.id, now, now
        await self.repos.tickets.add_event(
            ticket,
            at=now,
            kind="assign",
            staff_id=by.id if by else None,
            data={"assignee": staff.id, "reason": reason},
        )
        await self.notify.staff(
            staff.id,
            key=f"assigned:{ticket.number}:{staff.id}:{now.isoformat()}",
            kind="assigned",
            text=texts.NOTICE_ASSIGNED.format(
                number=ticket.number, item=ticket.item_name, due=due_text(ticket)
            ),
            ticket=ticket,
        )

    async def change_status(
        self,
        ticket: Ticket,
        to: str,
        *,
        staff: Staff | None,
        note: str = "",
        missing: Sequence[str] = (),
        notify: bool = True,
    ) -> None:
        """`notify=False` when the villager made the change in chat and already got the answer."""
        now = self.clock.now()
        frm = ticket.status
        if to not in TRANSITIONS.get(frm, ()):
            raise TicketError(f"cannot go from {frm} to {to}")
        if to == "need_materials" and not missing:
            raise TicketError("say which materials are missing")
        if to == "rejected" and not note.strip():
            raise TicketError("a rejection needs its reason")
        if staff is not None and ticket.owner_id is None:
            ticket.owner_id = staff.id  # 首问责任: acting on a ticket is taking it
            ticket.assignee_id = ticket.assignee_id or staff.id
        if frm == "need_materials":
            self._end_pause(ticket, now)
        if to == "need_materials":
            ticket.paused_since = now
            ticket.missing = list(missing)
        ticket.status = to
        ticket.updated_at = now
        if staff is not None:
            ticket.last_staff_action_at = now
        if to in ("done", "rejected", "withdrawn"):
            self._finish(ticket, now)
        self.recompute(ticket, now)
        event = await self.repos.tickets.add_event(
            ticket,
            at=now,
            kind="status",
            staff_id=staff.id if staff else None,
            from_status=frm,
            to_status=to,
            note=note or None,
            data={"missing": list(missing)} if missing else {},
        )
        text = await self._status_text(ticket, to, note, missing)
        if to == "done":
            ticket.rating_asked_at = now
            text += texts.RATING_ASK  # 好差评: asked once, with the completion notice
        if notify:
            # A template (outside the 48-hour window) cannot carry the whole question;
            # its remark still asks for the rating, which the next message answers.
            remark = texts.TEMPLATE_RATING_REMARK if to == "done" else None
            await self.notify.villager(
                ticket, text, key=f"status:{ticket.number}:{event.id}", status=to, remark=remark
            )

    async def transfer(
        self, ticket: Ticket, department_id: str, *, staff: Staff, note: str = ""
    ) -> None:
        """Another department takes over; the owner (首问) stays and keeps following it."""
        now = self.clock.now()
        try:
            dep = self.catalog.department(department_id)
        except KeyError:
            raise TicketError(f"unknown department {department_id}") from None
        if ticket.status not in OPEN:
            raise TicketError("ticket is closed")
        old = ticket.department_id
        ticket.department_id, ticket.assignee_id, ticket.assigned_at = department_id, None, None
        ticket.owner_id = ticket.owner_id or staff.id
        ticket.updated_at = ticket.last_staff_action_at = now
        event = await self.repos.tickets.add_event(
            ticket,
            at=now,
            kind="transfer",
            staff_id=staff.id,
            note=note or None,
            data={"from": old, "to": department_id},
        )
        owner = await self.repos.staff.get(ticket.owner_id) if ticket.owner_id else None
        text = texts.PUSH_TRANSFERRED.format(
            **self._head(ticket),
            department=dep.name,
            owner=owner.display_name if owner else texts.NOBODY,
        )
        await self.notify.villager(ticket, text, key=f"transfer:{ticket.number}:{event.id}")

    async def start_publicity(self, ticket: Ticket, *, staff: Staff, note: str = "") -> dt.datetime:
        """公示: the item's public-notice period (natural days) begins now. The SLA
        clock does not run during it (Administrative Licensing Law §45); returns its end."""
        now = self.clock.now()
        item = self.catalog.by_id.get(ticket.item_id or "")
        days = item.publicity_days if item else 0
        if ticket.status not in ("accepted", "in_progress") or days <= 0:
            raise TicketError(
                "only an open ticket of an item with a public-notice period can enter it"
            )
        if any(dt.datetime.fromisoformat(end) > now for _start, end in ticket.breaks):
            raise TicketError("a public-notice period is already running")
        end = now + dt.timedelta(days=days)
        ticket.breaks = [*ticket.breaks, [now.isoformat(), end.isoformat()]]
        ticket.last_staff_action_at = ticket.updated_at = now
        self.recompute(ticket, now)
        event = await self.repos.tickets.add_event(
            ticket,
            at=now,
            kind="publicity",
            staff_id=staff.id,
            note=note or None,
            data={"days": days, "until": end.isoformat()},
        )
        text = texts.PUSH_PUBLICITY.format(
            **self._head(ticket),
            days=days,
            until=texts.DUE_FORMAT.format(m=end.month, d=end.day),
            due=due_text(ticket),
        )
        await self.notify.villager(ticket, text, key=f"publicity:{ticket.number}:{event.id}")
        return end

    async def extend(self, ticket: Ticket, days: int, *, staff: Staff, note: str) -> None:
        """An approved extension (延期): the deadline moves by `days` working days."""
        now = self.clock.now()
        if ticket.status not in OPEN or days <= 0:
            raise TicketError("only an open ticket can be extended by a positive number of days")
        ticket.extended_days += days
        self.recompute(ticket, now)
        ticket.updated_at = now
        event = await self.repos.tickets.add_event(
            ticket, at=now, kind="extension", staff_id=staff.id, note=note, data={"days": days}
        )
        text = texts.PUSH_EXTENDED.format(**self._head(ticket), days=days, due=due_text(ticket))
        await self.notify.villager(ticket, text, key=f"extend:{ticket.number}:{event.id}")

    async def reply(self, ticket: Ticket, text: str, *, staff: Staff) -> None:
        now = self.clock.now()
        ticket.last_staff_action_at = ticket.updated_at = now
        event = await self.repos.tickets.add_event(
            ticket, at=now, kind="reply", staff_id=staff.id, note=text
        )
        push = texts.PUSH_STAFF_REPLY.format(center=self.catalog.center.name, text=text)
        await self.notify.villager(ticket, push, key=f"reply:{ticket.number}:{event.id}")

    async def note(self, ticket: Ticket, text: str, *, staff: Staff) -> None:
        """An internal note: never shown to the villager."""
        await self.repos.tickets.add_event(
            ticket, at=self.clock.now(), kind="note", staff_id=staff.id, note=text, internal=True
        )

    async def withdraw(
        self, ticket: Ticket, *, staff: Staff | None = None, note: str = "", notify: bool = True
    ) -> None:
        await self.change_status(ticket, "withdrawn", staff=staff, note=note, notify=notify)

    # -- 好差评 ---------------------------------------------------------------

    async def rate(self, ticket: Ticket, score: int) -> None:
        """One rating per ticket (一事一评); 4 and 5 (不满意/非常不满意) are 差评."""
        if ticket.rating is not None:
            raise TicketError("already rated")
        now = self.clock.now()
        ticket.rating, ticket.updated_at = score, now
        await self.repos.tickets.add_event(ticket, at=now, kind="rating", data={"score": score})

    async def open_callback(self, ticket: Ticket, reason: str) -> Callback:
        """差评回访: a task for the department head with a working-day deadline."""
        now = self.clock.now()
        existing = await self.repos.callbacks.for_ticket(ticket.id)
        if existing is not None:
            existing.reason = reason
            return existing
        due = compute_deadline(
            now, self.settings.callback_days, self.calendar, count_from=self._count_from()
        )
        callback = await self.repos.callbacks.add(
            Callback(
                ticket_id=ticket.id,
                department_id=ticket.department_id,
                town_id=ticket.town_id,
                reason=reason,
                due_at=due.due_at,
                created_at=now,
            )
        )
        ticket.rating_comment = reason
        await self.repos.tickets.add_event(ticket, at=now, kind="callback_opened", note=reason)
        text = texts.NOTICE_CALLBACK.format(
            number=ticket.number,
            item=ticket.item_name,
            rating=texts.RATING_NAMES.get(ticket.rating or 0, ""),
            due=texts.DUE_FORMAT.format(m=due.due_at.month, d=due.due_at.day),
            reason=reason,
        )
        await self.notify.heads(
            ticket.department_id,
            key=f"callback:{ticket.number}",
            kind="callback",
            text=text,
            ticket=ticket,
        )
        return callback

    # -- internals ----------------------------------------------------------

    def _count_from(self) -> str:
        return "same_day" if self.settings.count_from == "same_day" else "next_day"

    def _breaks(self, ticket: Ticket) -> list[Break]:
        spans = [
            Break(dt.datetime.fromisoformat(a), dt.datetime.fromisoformat(b))
            for a, b in ticket.breaks
        ]
        if ticket.paused_since is not None:
            spans.append(Break(ticket.paused_since, None))
        return spans

    def recompute(self, ticket: Ticket, now: dt.datetime) -> None:
        """限时办结 with pauses: 待补正 and 公示 spans push the deadline by the working time they took."""
        deadline = compute_deadline(
            ticket.accepted_at,
            ticket.promised_days + ticket.extended_days,
            self.calendar,
            count_from=self._count_from(),  # type: ignore[arg-type]
            breaks=self._breaks(ticket),
            as_of=now,
        )
        ticket.due_at, ticket.due_provisional = deadline.due_at, deadline.provisional

    def _end_pause(self, ticket: Ticket, now: dt.datetime) -> None:
        if ticket.paused_since is not None:
            ticket.breaks = [*ticket.breaks, [ticket.paused_since.isoformat(), now.isoformat()]]
            ticket.paused_since = None
            ticket.missing = []

    def _finish(self, ticket: Ticket, now: dt.datetime) -> None:
        self.recompute(ticket, now)
        outcome = sla_outcome(ticket.due_at, now, self.calendar)
        ticket.finished_at = now
        ticket.sla_met = outcome.met
        ticket.sla_wall_seconds = int(outcome.wall_delta.total_seconds())
        ticket.sla_work_minutes = outcome.working_delta_minutes

    def _head(self, ticket: Ticket) -> dict[str, str]:
        return {
            "center": self.catalog.center.name,
            "item": ticket.item_name,
            "number": ticket.number,
        }

    async def _status_text(self, ticket: Ticket, to: str, note: str, missing: Sequence[str]) -> str:
        head = self._head(ticket)
        item = self.catalog.by_id.get(ticket.item_id or "")
        place = self.place_for(ticket)
        if to == "accepted" or to == "in_progress":
            text = texts.PUSH_IN_PROGRESS.format(**head, due=due_text(ticket))
        elif to == "need_materials":
            lines = "\n".join(f"{i}. {name}" for i, name in enumerate(missing, 1))
            text = texts.PUSH_NEED_MATERIALS.format(**head, missing=lines, place=place)
        elif to == "done":
            result = (
                texts.PUSH_DONE_RESULT.format(result=item.result) if item and item.result else ""
            )
            text = texts.PUSH_DONE.format(**head, result=result, place=place)
        elif to == "rejected":
            text = texts.PUSH_REJECTED.format(
                **head, reason=note, phone=self.catalog.center.phones.consult
            )
            return text
        else:
            text = texts.PUSH_WITHDRAWN.format(**head)
        if note and to != "need_materials":
            text += texts.PUSH_NOTE.format(note=note)
        return text

    def place_for(self, ticket: Ticket) -> str:
        """Where the villager goes for this ticket: the item's place, else its department's window."""
        item = self.catalog.by_id.get(ticket.item_id or "")
        if item is not None and item.place:
            return item.place
        try:
            dep = self.catalog.department(ticket.department_id)
        except KeyError:
            return self.catalog.center.address
        return texts.WINDOW_PLACE.format(
            center=self.catalog.center.name, window=dep.window or "", department=dep.name
        )

    # -- the villager conversation (appended; see bot/tickets/chat_actions.py) --

    @property
    def chat(self) -> ChatActions:
        """Appointment slots, working hours and withdrawal for the conversation handlers."""
        return ChatActions(self)
