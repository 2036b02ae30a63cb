"""Departments (from the catalog's center.yaml) and, for the admin, the service
catalog: its items, a reload that reports problems instead of swapping in a
broken catalog, and "try a question" against the live matcher."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.console import inputs
from bot.console.routing import ADMINS, EVERYONE, Call, Param, Routes
from bot.console.schemas import BOOL, INT, STR, arr, body, listing, obj, ref
from bot.console.security import fail, json_response
from knowledge.catalog import Catalog
from knowledge.render import render_guide

routes = Routes("catalog")


def departments_json(catalog: Catalog) -> list[dict[str, Any]]:
    return [
        {"id": d.id, "name": d.name, "window": d.window, "phone": d.phone}
        for d in catalog.center.departments
    ]


def catalog_json(catalog: Catalog, problems: list[str]) -> dict[str, Any]:
    items = [
        {
            "id": i.id,
            "name": i.name,
            "department_id": i.department,
            "kind": i.kind,
            "level": i.level,
            "promised_days": i.limits.promised,
        }
        for i in catalog.items
    ]
    return {"digest": catalog.digest, "items": items, "problems": problems}


async def _sync_departments(call: Call) -> None:
    """Staff accounts point at department rows: keep them in step with the catalog
    (every town's departments; the main catalog's wording wins for a shared id)."""
    knowledge = call.rt.knowledge
    towns = [knowledge.current, *(t.catalog for t in knowledge.towns.values())]
    rows = {
        d.id: (d.id, d.name, d.window, d.phone)
        for c in reversed(towns)
        for d in c.center.departments
    }
    await call.repos.staff.sync_departments(rows.values())


@routes.get(
    "/api/v1/departments",
    roles=EVERYONE,
    summary="Departments of the center (transfer targets)",
    response=listing("Department"),
)
async def departments(call: Call) -> web.StreamResponse:
    return json_response(
        {"items": departments_json(call.rt.knowledge.catalog_for(call.staff.town_id))}
    )


@routes.post(
    "/api/v1/admin/departments/sync",
    roles=ADMINS,
    summary="Copy the catalog's departments into the database",
    response=listing("Department"),
)
async def sync_departments(call: Call) -> web.StreamResponse:
    await _sync_departments(call)
    await call.audit("departments.sync")
    return json_response({"items": departments_json(call.rt.knowledge.current)})


ITEM = Param("item_id", {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"}, "path", True)


@routes.get(
    "/api/v1/catalog/items",
    roles=EVERYONE,
    summary="The catalog's items (for picking a guide to send)",
    response=listing("CatalogItem"),
)
async def list_items(call: Call) -> web.StreamResponse:
    catalog = call.rt.knowledge.catalog_for(call.staff.town_id)
    return json_response({"items": catalog_json(catalog, [])["items"]})


@routes.get(
    "/api/v1/catalog/items/{item_id}/guide",
    roles=EVERYONE,
    summary="The one-time complete notice of an item, as the bot would send it",
    params=(ITEM,),
    response=obj({"item_id": STR, "name": STR, "text": STR, "url": STR}),
)
async def item_guide(call: Call) -> web.StreamResponse:
    catalog = call.rt.knowledge.catalog_for(call.staff.town_id)
    item = catalog.by_id.get(call.request.match_info["item_id"])
    if item is None:
        fail(404, "not_found")
    url = f"{call.rt.settings.base_url}/guide/{item.id}"
    text = render_guide(item, catalog.center, guide_url=url)
    return json_response({"item_id": item.id, "name": item.name, "text": text, "url": url})


@routes.get(
    "/api/v1/admin/catalog",
    roles=ADMINS,
    summary="The live catalog's items and the last reload's problems",
    response=ref("Catalog"),
)
async def get_catalog(call: Call) -> web.StreamResponse:
    problems = [str(p) for p in call.rt.knowledge.holder.problems]
    return json_response(catalog_json(call.rt.knowledge.current, problems))


@routes.post(
    "/api/v1/admin/catalog/reload",
    roles=ADMINS,
    summary="Reload the catalog from disk; on problems the old one stays and they are listed",
    response=obj({"changed": BOOL, "digest": STR, "items": INT, "problems": arr(STR)}),
)
async def reload_catalog(call: Call) -> web.StreamResponse:
    knowledge = call.rt.knowledge
    before = knowledge.current.digest
    # The scheduler's own reload (towns included); a rejected edit leaves its problems
    # on the holder and the old catalog in place.
    await knowledge.refresh()
    problems = [str(p) for p in knowledge.holder.problems]
    catalog = knowledge.current
    if not problems:
        await _sync_departments(call)
    await call.audit("catalog.reload", None, problems=len(problems), digest=catalog.digest[:12])
    return json_response(
        {
            "changed": catalog.digest != before,
            "digest": catalog.digest,
            "items": len(catalog.items),
            "problems": problems,
        }
    )


@routes.post(
    "/api/v1/admin/catalog/try",
    roles=ADMINS,
    summary="What the bot would decide for a question",
    body=body({"text": {"type": "string", "minLength": 1, "maxLength": 500}}, required=("text",)),
    response=ref("Decision"),
)
async def try_question(call: Call) -> web.StreamResponse:
    text = inputs.text(await call.body(), "text", max_len=500)
    matcher = call.rt.knowledge.matcher
    decision = matcher.decide(
        text
    )  # milliseconds; in the loop like the webhook, since jieba is not thread-safe
    return json_response(
        {
            "intent": decision.intent,
            "item": decision.item.name if decision.item else None,
            "candidates": [i.name for i in decision.candidates],
            "score": decision.score,
            "explain": _plain(decision.explain),
        }
    )


def _plain(value: Any) -> Any:
    """The matcher's explanation as JSON-safe data (tuples, sets and odd types flattened)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
