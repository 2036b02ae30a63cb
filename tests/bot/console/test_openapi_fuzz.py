"""Schemathesis against /api/v1/openapi.json: every read-only GET route, fed
generated parameters with a logged-in session, never answers 5xx and always
answers what the document says (schema, status codes, content types)."""

from __future__ import annotations

import asyncio
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.bot.console.conftest import Console

VILLAGER = "oFuzzVillager000000000000001"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
SKIP = {"/api/v1/events"}  # a stream that stays open for minutes: covered by test_events.py


def fuzz(
    doc: dict[str, Any], base_url: str, cookie: str, *, prefixes: tuple[str, ...] = ("/api/v1/",)
) -> list[str]:
    """Runs in a worker thread (schemathesis calls are blocking) while the server runs on the loop."""
    schema = schemathesis.openapi.from_dict(doc)
    tested = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if (
            operation.method.upper() != "GET"
            or operation.path in SKIP
            or not operation.path.startswith(prefixes)
        ):
            continue

        @settings(
            max_examples=20, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        @given(case=operation.as_strategy())
        def check(case: schemathesis.Case) -> None:
            response = case.call(base_url=base_url, headers={"Cookie": f"bm_session={cookie}"})
            case.validate_response(response, checks=CHECKS)

        check()
        tested.append(operation.path)
    return tested


async def test_read_only_routes_survive_generated_input(console: Console) -> None:
    await console.villager_says(VILLAGER, "办低保")
    number = await console.register(VILLAGER, "dibao")
    clerk = await console.login("mz_clerk")
    await clerk.post(f"/api/v1/tickets/{number}/reply", {"text": "<b>您好</b>"})
    doc = await (await console.client.get("/api/v1/openapi.json")).json()
    base = str(console.client.make_url("")).rstrip("/")
    admin = await console.login("admin")  # reads everything: the widest set of code paths
    tested = await asyncio.to_thread(fuzz, doc, base, admin.cookie)
    assert "/api/v1/tickets/{number}" in tested and "/api/v1/reports/summary" in tested
    assert len(tested) >= 20
    # A clerk takes the scoped branches (403s, department filters) of the ticket routes.
    scoped = await asyncio.to_thread(
        fuzz, doc, base, clerk.cookie, prefixes=("/api/v1/tickets", "/api/v1/pushes")
    )
    assert len(scoped) == 3
