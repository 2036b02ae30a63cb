"""Who may see and act on what. One place for the rules so every route applies
the same ones: clerks and heads their department's service tickets; complaints
only for 综治 (zongzhi) staff, leaders and the admin; leaders act on everything;
the admin reads everything and acts on nothing. On a several-town deployment
staff bound to a town see only that town; county staff (no town) see all.
Pure functions, no I/O."""

from __future__ import annotations

from collections.abc import Collection
from typing import NoReturn

from bot.console.routing import ADMIN, CLERK, HEAD, LEADER
from bot.console.security import fail
from bot.tickets.desk import COMPLAINT_DEPARTMENT
from storage.models import Staff, Ticket

SERVICE, COMPLAINT = "service", "complaint"


def sees_all(staff: Staff) -> bool:
    return staff.role in (LEADER, ADMIN)


def sees_complaints(staff: Staff) -> bool:
    return sees_all(staff) or staff.department_id == COMPLAINT_DEPARTMENT


def departments(staff: Staff) -> list[str] | None:
    """The departments whose tickets the caller lists; None means all of them."""
    if sees_all(staff):
        return None
    return [staff.department_id] if staff.department_id else []


def kinds(staff: Staff) -> tuple[str, ...]:
    return (SERVICE, COMPLAINT) if sees_complaints(staff) else (SERVICE,)


def same_town(staff: Staff, town_id: str | None) -> bool:
    return staff.town_id is None or staff.town_id == town_id


def town(staff: Staff, wanted: str | None, known: Collection[str]) -> str | None:
    """The one town a read is limited to, None for all. A town-bound caller always
    gets their own town: asking for another is refused (403, as for a department
    outside their scope). County staff get the town they ask for, or all; an
    unknown town is a bad request (400)."""
    if staff.town_id is not None:
        refuse_unless(wanted in (None, staff.town_id))
        return staff.town_id
    if wanted is not None and wanted not in known:
        fail(400, "bad_request", field="town")
    return wanted


def works_in(member: Staff, town_id: str | None) -> bool:
    """Staff of a town, or county staff, who work in every town (a town of None: any)."""
    return town_id is None or member.town_id in (None, town_id)


def can_assign_to(member: Staff, ticket: Ticket) -> bool:
    """Whom a ticket may be given (分派): an active clerk or head of its department
    who works in its town."""
    return (
        member.active
        and member.role in (CLERK, HEAD)
        and member.department_id == ticket.department_id
        and works_in(member, ticket.town_id)
    )


def can_read(staff: Staff, ticket: Ticket) -> bool:
    if not same_town(staff, ticket.town_id):
        return False
    if sees_all(staff):
        return True
    if ticket.kind == COMPLAINT:
        return staff.department_id == COMPLAINT_DEPARTMENT
    # 首问责任: the first staff member who took it follows it even after a transfer.
    return ticket.department_id == staff.department_id or staff.id in (
        ticket.owner_id,
        ticket.assignee_id,
    )


def can_act(staff: Staff, ticket: Ticket) -> bool:
    return staff.role != ADMIN and can_read(staff, ticket)


def can_decide_extension(staff: Staff, ticket: Ticket) -> bool:
    if staff.role == LEADER:
        return same_town(staff, ticket.town_id)
    return (
        staff.role == HEAD
        and ticket.department_id == staff.department_id
        and can_read(staff, ticket)
    )


def can_supervise(staff: Staff, department_id: str) -> bool:
    """Heads for their own department, leaders and the admin for all (callbacks, reports)."""
    return sees_all(staff) or (staff.role == HEAD and staff.department_id == department_id)


def refuse_unless(allowed: bool) -> None:
    if not allowed:
        fail(403, "forbidden")


def missing(staff: Staff) -> NoReturn:
    """A row that does not exist. Callers who could not see it anyway get the same
    403 as for a row out of scope, so scope never reveals which tickets exist;
    only those who see everything learn 404."""
    if sees_all(staff) and staff.town_id is None:
        fail(404, "not_found")
    fail(403, "forbidden")
