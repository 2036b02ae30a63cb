"""问题学习: the admin reads what villagers asked that the bot did not understand (its
"unknown" answer or a menu), says what the right answer was, and exports the taught lines
for `bianmin kb learn --taught`, which retrains the learned classifier on them. A town's
admin sees their town's villagers only; long numbers (phones, ID cards) are masked in the lines
kept for training."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from aiohttp import web

from bot.console import inputs, scope
from bot.console.api_tickets import ID
from bot.console.routing import ADMINS, Call, Param, Routes
from bot.console.schemas import body, listing, null, ref
from bot.console.security import fail, json_response
from knowledge.teach import is_label
from storage.repositories.taught import Missed

routes = Routes("taught")

TOWN = Param("town", {"type": "string", "maxLength": 32})


def missed_json(m: Missed) -> dict[str, object]:
    def iso(at: dt.datetime | None) -> str | None:
        return at.isoformat() if at else None

    return {
        "id": m.message_id,
        "text": m.text,
        "intent": m.intent,
        "received_at": m.received_at.isoformat(),
        "town": m.town_id,
        "label": m.label,
        "taught_by": m.taught_by,
        "taught_at": iso(m.taught_at),
    }


def _town(call: Call) -> str | None:
    wanted = inputs.query_text(call.request, "town", max_len=32)
    return scope.town(call.staff, wanted, call.rt.knowledge.towns)


@routes.get(
    "/api/v1/admin/questions",
    roles=ADMINS,
    summary="Messages the bot did not understand, newest first (taught=true: those taught)",
    params=(
        Param("taught", {"type": "boolean", "default": False}),
        Param("before", {"type": "integer", "minimum": 1, "maximum": inputs.MAX_ID}),
        Param("limit", {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}),
        TOWN,
    ),
    response=listing("Missed"),
)
async def list_missed(call: Call) -> web.StreamResponse:
    request = call.request
    rows = await call.db.taught.missed(
        town_id=_town(call),
        taught=inputs.query_bool(request, "taught", False),
        before=inputs.query_int(request, "before", lo=1, hi=inputs.MAX_ID, default=None),
        limit=inputs.query_int(request, "limit", lo=1, hi=200, default=50) or 50,
    )
    return json_response({"items": [missed_json(m) for m in rows]})


@routes.post(
    "/api/v1/admin/questions/{id}/teach",
    roles=ADMINS,
    summary="Say what the bot should have answered: an item's name, or one of the intents"
    " (unknown, human, status, complaint, center_info, greeting); null dismisses the message",
    params=(ID,),
    body=body({"label": null({"type": "string", "maxLength": 64})}, required=("label",)),
    response=ref("Missed"),
)
async def teach(call: Call) -> web.StreamResponse:
    data = await call.body()
    if "label" not in data:  # null dismisses; a forgotten field must not
        fail(400, "bad_request", field="label")
    label = inputs.text(data, "label", max_len=64, required=False) or None
    missed = await call.db.taught.one(inputs.path_id(call.request))
    if missed is None:
        fail(404, "not_found")
    scope.refuse_unless(scope.same_town(call.staff, missed.town_id))
    if label is not None and not is_label(call.rt.knowledge.current, label):
        fail(400, "bad_request", field="label")
    kept = dataclasses.replace(missed, text=_redact(missed.text))
    await call.db.taught.teach(kept, label=label, staff_id=call.staff.id, now=call.now())
    await call.audit(
        "question.teach", f"message:{missed.message_id}", town_id=missed.town_id, label=label
    )
    taught = await call.db.taught.one(missed.message_id)
    assert taught is not None  # just written, in this transaction
    return json_response(missed_json(taught))


@routes.get(
    "/api/v1/admin/questions/export",
    roles=ADMINS,
    summary="The taught messages as `label<TAB>question` lines for `bianmin kb learn`",
    params=(TOWN,),
    media=("text/tab-separated-values",),
)
async def export(call: Call) -> web.StreamResponse:
    town = _town(call)
    lines = await call.db.taught.lines(town)
    await call.audit("question.export", None, town_id=town, count=len(lines))
    text = "".join(f"{label}\t{_one_line(q)}\n" for label, q in lines)
    return web.Response(
        text=text,
        content_type="text/tab-separated-values",
        charset="utf-8",
        headers={"Content-Disposition": 'attachment; filename="taught.tsv"'},
    )


# Phone, ID card and bank card numbers a villager wrote: the training lines (exported, kept
# beside the model) need the words, not the numbers.
_LONG_NUMBER = re.compile(r"\d[\d -]{5,}\d[xX]?")


def _redact(text: str) -> str:
    return _LONG_NUMBER.sub(lambda m: "#" * len(m.group(0)), text)


def _one_line(text: str) -> str:
    """A villager's message as one TSV field: tabs and line breaks become spaces."""
    return " ".join(text.split())
