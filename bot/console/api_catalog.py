"""Departments (from the catalog's center.yaml) and, for the admin, the service
catalog: its items, a reload that reports problems instead of swapping in a
broken catalog, and "try a question" against the live matcher."""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from bot.console import inputs
from bot.console.routing import ADMINS, EVERYONE, Call, Routes
from bot.console.schemas import BOOL, INT, STR, arr, body, listing, obj, ref
from bot.console.security import json_response
from knowledge.catalog import Catalog

routes = Routes("catalog")


def departments_json(catalog: Catalog) -> list[dict[str, Any]]:
    return [{"id": d.id, "name": d.name, "window": d.window, "phone": d.phone} for d in catalog.center.departments]


def catalog_json(catalog: Catalog, problems: list[str]) -> dict[str, Any]:
    items = [
        {"id": i.id, "name": i.name, "department_id": i.department, "kind": i.kind, "level": i.level,
         "promised_days": i.limits.promised}
        for i in catalog.items
    ]
    return {"digest": catalog.digest, "items": items, "problems": problems}


async def _sync_departments(call: Call) -> None:
    """Staff accounts point at department rows: keep them in step with the catalog."""
    catalog = call.rt.knowledge.current
    await call.repos.staff.sync_departments((d.id, d.name, d.window, d.phone) for d in catalog.center.departments)


@routes.get("/api/v1/departments", roles=EVERYONE, summary="Departments of the center (transfer targets)",
            response=listing("Department"))
async def departments(call: Call) -> web.StreamResponse:
    return json_response({"items": departments_json(call.rt.knowledge.current)})


@routes.post("/api/v1/admin/departments/sync", roles=ADMINS, summary="Copy the catalog's departments into the database",
             response=listing("Department"))
async def sync_departments(call: Call) -> web.StreamResponse:
    await _sync_departments(call)
    await call.audit("departments.sync")
    return json_response({"items": departments_json(call.rt.knowledge.current)})


@routes.get("/api/v1/admin/catalog", roles=ADMINS, summary="The live catalog's items and the last reload's problems",
            response=ref("Catalog"))
async def get_catalog(call: Call) -> web.StreamResponse:
    problems = [str(p) for p in call.rt.knowledge.holder.problems]
    return json_response(catalog_json(call.rt.knowledge.current, problems))


@routes.post("/api/v1/admin/catalog/reload", roles=ADMINS,
             summary="Reload the catalog from disk; on problems the old one stays and they are listed",
             response=obj({"changed": BOOL, "digest": STR, "items": INT, "problems": arr(STR)}))
async def reload_catalog(call: Call) -> web.StreamResponse:
    knowledge = call.rt.knowledge
    before = knowledge.current.digest
    problems = [str(p) for p in await asyncio.to_thread(knowledge.holder.reload)]
    catalog = knowledge.current
    if not problems:
        await _sync_departments(call)
    await call.audit("catalog.reload", None, problems=len(problems), digest=catalog.digest[:12])
    return json_response({"changed": catalog.digest != before, "digest": catalog.digest,
                          "items": len(catalog.items), "problems": problems})


@routes.post("/api/v1/admin/catalog/try", roles=ADMINS, summary="What the bot would decide for a question",
             body=body({"text": {"type": "string", "minLength": 1, "maxLength": 500}}, required=("text",)),
             response=ref("Decision"))
async def try_question(call: Call) -> web.StreamResponse:
    text = inputs.text(await call.body(), "text", max_len=500)
    matcher = call.rt.knowledge.matcher
    decision = matcher.decide(text)  # milliseconds; in the loop like the webhook, since jieba is not thread-safe
    return json_response({
        "intent": decision.intent,
        "item": decision.item.name if decision.item else None,
        "candidates": [i.name for i in decision.candidates],
        "score": decision.score,
        "explain": _plain(decision.explain),
    })


def _plain(value: Any) -> Any:
    """The matcher's explanation as JSON-safe data (tuples, sets and odd types flattened)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
