"""JSON Schemas of the supervisors' and the admin's answers: reports, staff
accounts, policy, calendar, roster, catalog and the audit log."""

from __future__ import annotations

from bot.console.schemas import (
    ANY_OBJ,
    BOOL,
    DATE,
    INT,
    NUM,
    PERSON,
    RATE,
    STR,
    TIME,
    Schema,
    arr,
    null,
    obj,
    ref,
)

COMPONENTS: dict[str, Schema] = {
    "ReportRow": obj(
        {
            "key": STR,
            "label": STR,
            "received": INT,
            "completed": INT,
            "completion_rate": RATE,
            "on_time_rate": RATE,
            "overdue_now": INT,
            "avg_workdays": null(NUM),
            "satisfaction_rate": RATE,
            "callback_rate": RATE,
            "first_response_minutes": null(NUM),
        }
    ),
    "Report": obj(
        {
            "from": DATE,
            "to": DATE,
            "group": STR,
            "group_name": STR,
            "town": null(STR),
            "town_name": STR,
            "columns": ANY_OBJ,
            "rows": arr(ref("ReportRow")),
            "totals": ref("ReportRow"),
        }
    ),
    "StaffAccount": obj(
        {
            "id": INT,
            "username": STR,
            "display_name": STR,
            "role": STR,
            "department_id": null(STR),
            "town_id": null(STR),
            "on_duty": BOOL,
            "active": BOOL,
            "totp_enabled": BOOL,
            "failed_logins": INT,
            "locked_until": null(TIME),
            "created_at": TIME,
        }
    ),
    "Policy": obj({"role": STR, "require_totp": BOOL}),
    "Department": obj({"id": STR, "name": STR, "window": null(STR), "phone": null(STR)}),
    "RosterDay": obj({"day": DATE, "staff": PERSON}),
    "CalendarYear": obj(
        {
            "year": INT,
            "complete": BOOL,
            "library_covers": BOOL,
            "overrides": arr(obj({"day": DATE, "workday": BOOL, "note": null(STR)})),
        }
    ),
    "CatalogItem": obj(
        {
            "id": STR,
            "name": STR,
            "department_id": STR,
            "kind": STR,
            "level": STR,
            "promised_days": INT,
        }
    ),
    "Catalog": obj({"digest": STR, "items": arr(ref("CatalogItem")), "problems": arr(STR)}),
    "Decision": obj(
        {"intent": STR, "item": null(STR), "candidates": arr(STR), "score": NUM, "explain": ANY_OBJ}
    ),
    "AuditEntry": obj(
        {
            "id": INT,
            "at": TIME,
            "staff": PERSON,
            "username": null(STR),
            "action": STR,
            "target": null(STR),
            "ip": null(STR),
            "detail": ANY_OBJ,
            "town_id": null(STR),
        }
    ),
    "Town": obj({"id": STR, "name": STR}),
    "Colleague": obj(
        {
            "id": INT,
            "name": STR,
            "role": STR,
            "department_id": null(STR),
            "town_id": null(STR),
            "on_duty": BOOL,
            "open_tickets": INT,
        }
    ),
}
