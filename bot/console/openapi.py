"""The OpenAPI 3 document of the staff API, built from the same route table that
mounts the routes, served at GET /api/v1/openapi.json (public: it holds no data)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from aiohttp import web

from bot.console import schemas_admin
from bot.console.routing import ENDPOINTS, Endpoint, Routes
from bot.console.schemas import COMPONENTS, ref
from bot.console.security import COOKIE, CSRF_HEADER, UNSAFE_METHODS, json_response

routes = Routes("meta")
ERROR = {"description": "refused", "content": {"application/json": {"schema": ref("Error")}}}


def _operation(ep: Endpoint) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": ep.handler.__name__,
        "summary": ep.summary,
        "tags": [ep.tag],
        "parameters": [
            {
                "name": p.name,
                "in": p.where,
                "required": p.required or p.where == "path",
                "schema": p.schema,
                **({"description": p.description} if p.description else {}),
            }
            for p in ep.params
        ],
    }
    if ep.body is not None:
        op["requestBody"] = {
            "required": bool(ep.body.get("required")),
            "content": {"application/json": {"schema": ep.body}},
        }
    if ep.response is not None:
        ok = {"description": "ok", "content": {"application/json": {"schema": ep.response}}}
    else:
        ok = {
            "description": "ok",
            "content": {m: {"schema": {"type": "string", "format": "binary"}} for m in ep.media},
        }
    responses: dict[str, Any] = {"200": ok, "400": ERROR, "404": ERROR, "409": ERROR}
    if ep.roles is None:
        op["security"] = []
        responses["401"] = ERROR
        responses["429"] = ERROR
    else:
        op["x-roles"] = sorted(ep.roles)
        op["description"] = "Roles: " + ", ".join(sorted(ep.roles))
        op["security"] = (
            [{"session": [], "csrf": []}] if ep.method in UNSAFE_METHODS else [{"session": []}]
        )
        responses |= {"401": ERROR, "403": ERROR}
    if ep.body is not None:
        responses["415"] = ERROR
    op["responses"] = responses
    return op


def document(endpoints: Iterable[Endpoint]) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for ep in endpoints:
        paths.setdefault(ep.path, {})[ep.method.lower()] = _operation(ep)
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "bianmin staff API",
            "version": "1",
            "description": "The console's JSON API. Log in with POST /api/v1/login; send the returned "
            f"csrf_token as {CSRF_HEADER} on every POST/PUT/PATCH/DELETE. 401 = not logged in, "
            "403 = outside the caller's role or department.",
        },
        "paths": paths,
        "components": {
            "schemas": {**COMPONENTS, **schemas_admin.COMPONENTS},
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": COOKIE},
                "csrf": {"type": "apiKey", "in": "header", "name": CSRF_HEADER},
            },
        },
    }


@routes.get(
    "/api/v1/openapi.json", roles=None, summary="This document", response={"type": "object"}
)
async def openapi(request: web.Request) -> web.StreamResponse:
    endpoints: tuple[Endpoint, ...] = request.app[ENDPOINTS]
    return json_response(document(endpoints))
