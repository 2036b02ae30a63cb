"""转人工: live conversations the bot handed to a person. Staff read them, answer
by customer-service push (inside WeChat's 48-hour window), and close them, which
hands the villager back to the bot."""

from __future__ import annotations

import secrets
from typing import Any

from aiohttp import web

from bot.console import inputs, scope, texts
from bot.console.api_tickets import ID, conversation
from bot.console.delivery import push_json
from bot.console.routing import EVERYONE, WORKERS, Call, Routes
from bot.console.schemas import arr, body, listing, obj, ref
from bot.console.security import fail, json_response
from bot.console.views import mask_phone, person
from bot.tickets.texts import PUSH_STAFF_REPLY
from storage.models import Handoff

routes = Routes("handoffs")


async def handoff_json(call: Call, handoff: Handoff) -> dict[str, Any]:
    villager = await call.repos.villagers.get(handoff.openid)
    last = await call.db.queries.last_inbound(handoff.openid)
    names = await call.db.queries.staff_by_ids([handoff.staff_id])
    now = call.now()
    return {
        "id": handoff.id,
        "status": handoff.status,
        "villager": {
            "name": (villager.name if villager else None) or texts.NO_NAME,
            "phone": mask_phone(villager.phone if villager else None),
            "village": villager.village if villager else None,
        },
        "opened_at": handoff.opened_at.isoformat(),
        "first_response_at": handoff.first_response_at.isoformat()
        if handoff.first_response_at
        else None,
        "closed_at": handoff.closed_at.isoformat() if handoff.closed_at else None,
        "staff": person(handoff.staff_id, names),
        "unread": handoff.unread,
        "waiting_minutes": max(
            0, int(((handoff.closed_at or now) - handoff.opened_at).total_seconds() // 60)
        ),
        "last_message": {
            "at": last.received_at.isoformat(),
            "text": last.text or texts.MEDIA.get(last.msg_type, ""),
        }
        if last
        else None,
    }


async def _handoff(call: Call, *, live: bool = False) -> Handoff:
    handoff = await call.repos.handoffs.get(inputs.path_id(call.request))
    if handoff is None:
        fail(404, "not_found")  # conversations are not department-scoped: no existence to hide
    scope.refuse_unless(scope.same_town(call.staff, handoff.town_id))
    if live and handoff.status == "closed":
        fail(409, "handoff_closed")
    return handoff


@routes.get(
    "/api/v1/handoffs",
    roles=EVERYONE,
    summary="Live conversations waiting for or with a person",
    response=listing("Handoff"),
)
async def list_handoffs(call: Call) -> web.StreamResponse:
    live = [h for h in await call.repos.handoffs.live() if scope.same_town(call.staff, h.town_id)]
    return json_response({"items": [await handoff_json(call, h) for h in live]})


@routes.get(
    "/api/v1/handoffs/{id}",
    roles=EVERYONE,
    summary="One conversation with its messages",
    params=(ID,),
    response=obj({"handoff": ref("Handoff"), "messages": arr(ref("Message"))}),
)
async def get_handoff(call: Call) -> web.StreamResponse:
    handoff = await _handoff(call)
    messages = await conversation(call, handoff.openid, since=handoff.opened_at)
    return json_response({"handoff": await handoff_json(call, handoff), "messages": messages})


@routes.post(
    "/api/v1/handoffs/{id}/read",
    roles=WORKERS,
    summary="Mark the conversation's messages read",
    params=(ID,),
    response=ref("Handoff"),
)
async def read_handoff(call: Call) -> web.StreamResponse:
    handoff = await _handoff(call)
    handoff.unread = 0
    await call.audit("handoff.read", f"handoff:{handoff.id}")
    return json_response(await handoff_json(call, handoff))


@routes.post(
    "/api/v1/handoffs/{id}/reply",
    roles=WORKERS,
    summary="Answer the villager (customer-service push)",
    params=(ID,),
    body=body({"text": {"type": "string", "minLength": 1, "maxLength": 600}}, required=("text",)),
    response=ref("PushResult"),
)
async def reply_handoff(call: Call) -> web.StreamResponse:
    handoff = await _handoff(call, live=True)
    text = inputs.text(await call.body(), "text", max_len=600)
    now = call.now()
    key = f"handoff:{handoff.id}:{secrets.token_hex(8)}"
    center = call.rt.knowledge.catalog_for(handoff.town_id).center.name
    await call.repos.outbox.enqueue(
        key=key,
        openid=handoff.openid,
        kind="text",
        body={"text": PUSH_STAFF_REPLY.format(center=center, text=text)},
        now=now,
    )
    if handoff.first_response_at is None:
        handoff.first_response_at = now  # the KPI: how long villagers wait for a person
    handoff.status, handoff.unread = "open", 0
    handoff.staff_id = handoff.staff_id or call.staff.id
    row = await call.db.queries.outbox_by_key(key)
    call.push_after_commit = True
    await call.audit("handoff.reply", f"handoff:{handoff.id}", push=row.id if row else None)
    return json_response({"ok": True, "push": push_json(row) if row else None})


@routes.post(
    "/api/v1/handoffs/{id}/close",
    roles=WORKERS,
    summary="End the conversation; the bot answers again",
    params=(ID,),
    response=ref("Handoff"),
)
async def close_handoff(call: Call) -> web.StreamResponse:
    handoff = await _handoff(call, live=True)
    handoff.status, handoff.closed_at, handoff.unread = "closed", call.now(), 0
    await call.audit("handoff.close", f"handoff:{handoff.id}")
    return json_response(await handoff_json(call, handoff))
