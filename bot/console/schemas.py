"""JSON Schemas of what the console API sends and accepts, named once and used
both by the route declarations and by the OpenAPI document (components)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Schema = dict[str, Any]

STR: Schema = {"type": "string"}
INT: Schema = {"type": "integer"}
NUM: Schema = {"type": "number"}
BOOL: Schema = {"type": "boolean"}
TIME: Schema = {"type": "string", "format": "date-time"}
DATE: Schema = {"type": "string", "format": "date"}
ANY_OBJ: Schema = {"type": "object"}


def null(schema: Schema) -> Schema:
    return {**schema, "nullable": True}


def arr(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def obj(props: dict[str, Schema], required: Sequence[str] | None = None) -> Schema:
    """An object; in responses every listed property is always present."""
    return {
        "type": "object",
        "properties": props,
        "required": list(props if required is None else required),
    }


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def body(props: dict[str, Schema], required: Sequence[str] = ()) -> Schema:
    """A request body: unknown fields refused so typos surface as 400, not silence."""
    return {**obj(props, required), "additionalProperties": False}


PERSON = null(obj({"id": INT, "name": STR}))
RATE = null({"type": "number", "minimum": 0, "maximum": 1})

COMPONENTS: dict[str, Schema] = {
    "Error": obj({"error": STR, "message": STR}),
    "Ok": obj({"ok": BOOL}),
    "Person": PERSON,
    "Villager": obj({"name": STR, "phone": null(STR), "village": null(STR)}),
    "Me": obj(
        {
            "id": INT,
            "username": STR,
            "display_name": STR,
            "role": STR,
            "department_id": null(STR),
            "department": null(STR),
            "town_id": null(STR),
            "town": null(STR),
            "on_duty": BOOL,
            "totp_enabled": BOOL,
            "enrol_required": BOOL,
            "csrf_token": STR,
            "unread_notices": INT,
        }
    ),
    "LoginResult": obj({"csrf_token": STR, "enrol_required": BOOL, "staff": ref("Me")}),
    "TicketSummary": obj(
        {
            "number": STR,
            "kind": STR,
            "item": STR,
            "item_id": null(STR),
            "case": null(STR),
            "department_id": STR,
            "department": STR,
            "town_id": STR,
            "status": STR,
            "status_name": STR,
            "villager": ref("Villager"),
            "assignee": PERSON,
            "owner": PERSON,
            "accepted_at": TIME,
            "due_at": TIME,
            "due_provisional": BOOL,
            "working_days_left": null(INT),
            "sla_state": {
                "type": "string",
                "enum": ["ok", "due_soon", "overdue", "paused", "met", "missed"],
            },
            "sla_state_name": STR,
            "rating": null(INT),
        }
    ),
    "TicketList": obj({"view": STR, "count": INT, "tickets": arr(ref("TicketSummary"))}),
    "Material": obj(
        {"name": STR, "form": null(STR), "copies": null(INT), "required": BOOL, "received": BOOL}
    ),
    "Event": obj(
        {
            "id": INT,
            "at": TIME,
            "kind": STR,
            "kind_name": STR,
            "staff": PERSON,
            "from_status": null(STR),
            "to_status": null(STR),
            "note": null(STR),
            "internal": BOOL,
            "data": ANY_OBJ,
        }
    ),
    "Push": obj(
        {
            "id": INT,
            "at": TIME,
            "kind": STR,
            "text": STR,
            "ticket_id": null(INT),
            "state": {"type": "string", "enum": ["sent", "pending", "failed"]},
            "state_name": STR,
            "attempts": INT,
            "sent_at": null(TIME),
            "error": null(STR),
            "wechat_delivery": null(STR),
        }
    ),
    "Message": obj(
        {"at": TIME, "from": STR, "msg_type": STR, "text": STR, "push": null(ref("Push"))}
    ),
    "Attachment": obj(
        {
            "id": INT,
            "status": STR,
            "content_type": null(STR),
            "size": null(INT),
            "created_at": TIME,
            "url": STR,
        }
    ),
    "Extension": obj(
        {
            "id": INT,
            "ticket": STR,
            "item": STR,
            "days": INT,
            "reason": STR,
            "status": STR,
            "requested_by": PERSON,
            "requested_at": TIME,
            "decided_by": PERSON,
            "decided_at": null(TIME),
            "decision_note": null(STR),
        }
    ),
    "Callback": obj(
        {
            "id": INT,
            "ticket": STR,
            "item": STR,
            "department_id": STR,
            "rating": null(INT),
            "reason": null(STR),
            "due_at": TIME,
            "done_at": null(TIME),
            "done_by": PERSON,
            "result": null(STR),
        }
    ),
    "TicketDetail": {
        "allOf": [
            ref("TicketSummary"),
            obj(
                {
                    "content": null(STR),
                    "materials": arr(ref("Material")),
                    "missing": arr(STR),
                    "handling": null(STR),
                    "promised_days": INT,
                    "extended_days": INT,
                    "finished_at": null(TIME),
                    "timeline": arr(ref("Event")),
                    "conversation": arr(ref("Message")),
                    "attachments": arr(ref("Attachment")),
                    "extensions": arr(ref("Extension")),
                    "callback": null(ref("Callback")),
                    "can_act": BOOL,
                }
            ),
        ]
    },
    "PushResult": obj({"ok": BOOL, "push": null(ref("Push"))}),
    "Notice": obj(
        {
            "id": INT,
            "kind": STR,
            "text": STR,
            "ticket": null(STR),
            "created_at": TIME,
            "read_at": null(TIME),
        }
    ),
    "NoticeList": obj({"unread": INT, "items": arr(ref("Notice"))}),
    "Handoff": obj(
        {
            "id": INT,
            "status": STR,
            "villager": ref("Villager"),
            "opened_at": TIME,
            "first_response_at": null(TIME),
            "closed_at": null(TIME),
            "staff": PERSON,
            "unread": INT,
            "waiting_minutes": INT,
            "last_message": null(obj({"at": TIME, "text": STR})),
        }
    ),
    "Escalation": obj({"ticket": ref("TicketSummary"), "last_escalated_at": TIME, "times": INT}),
    "Missed": obj(
        {
            "id": INT,
            "text": STR,
            "intent": STR,
            "received_at": TIME,
            "town": null(STR),
            "label": null(STR),
            "taught_by": null(STR),
            "taught_at": null(TIME),
        }
    ),
}


def listing(name: str, key: str = "items") -> Schema:
    return obj({key: arr(ref(name))})
