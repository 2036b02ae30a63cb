"""Who may see and act on what. One place for the rules so every route applies
the same ones: clerks and heads their department's service tickets; complaints
only for 综治 (zongzhi) staff, leaders and the admin; leaders act on everything;
the admin reads everything and acts on nothing. On a several-town deployment
staff bound to a town see only that town; county staff (no town) see all.
Pure functions, no I/O."""

from __future__ import annotations

from typing import NoReturn

from bot.console.routing import ADMIN, HEAD, LEADER
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
