"""Admin: staff accounts (create, edit, reset password, deactivate), the per-role
2FA policy, and the audit log. Only the admin reaches these routes."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from aiohttp import web

from bot.console import inputs, scope
from bot.console.auth import MIN_PASSWORD
from bot.console.routing import ADMIN, ADMINS, Call, Param, Routes
from bot.console.schemas import BOOL, STR, body, listing, ref
from bot.console.security import fail, json_response
from bot.passwords import hash_password
from storage.models import Staff
from storage.repositories.staff import ROLES

routes = Routes("admin")
USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")
DEPARTMENTAL = ("clerk", "head")  # roles that belong to one department
STAFF_ID = Param("id", {"type": "integer", "minimum": 1, "maximum": inputs.MAX_ID}, "path", True)
ROLE_ENUM = {"type": "string", "enum": list(ROLES)}
NAME = {"type": "string", "minLength": 1, "maxLength": 64}


def account_json(s: Staff) -> dict[str, Any]:
    return {
        "id": s.id,
        "username": s.username,
        "display_name": s.display_name,
        "role": s.role,
        "department_id": s.department_id,
        "town_id": s.town_id,
        "on_duty": s.on_duty,
        "active": s.active,
        "totp_enabled": bool(s.totp_secret),
        "failed_logins": s.failed_logins,
        "locked_until": s.locked_until.isoformat() if s.locked_until else None,
        "created_at": s.created_at.isoformat(),
    }


async def _check_department(call: Call, role: str, department: str | None) -> None:
    if role in DEPARTMENTAL and not department:
        fail(400, "department_required")
    if department and not await call.repos.staff.department_exists(department):
        fail(400, "unknown_department")


def _town(call: Call, town: str | None) -> str | None:
    """A known town the admin may manage (a town's admin: only their own; None: county-wide)."""
    if town is not None and town not in call.rt.knowledge.towns:
        fail(400, "bad_request", field="town_id")
    if call.staff.town_id is not None and town != call.staff.town_id:
        fail(403, "forbidden")
    return town


async def _password(data: dict[str, Any]) -> str:
    password = inputs.text(data, "password", max_len=256, strip=False)
    if len(password) < MIN_PASSWORD:
        fail(400, "weak_password", n=MIN_PASSWORD)
    return await asyncio.to_thread(hash_password, password)


@routes.get(
    "/api/v1/admin/staff",
    roles=ADMINS,
    summary="All staff accounts",
    response=listing("StaffAccount"),
)
async def list_staff(call: Call) -> web.StreamResponse:
    members = [s for s in await call.repos.staff.all() if scope.same_town(call.staff, s.town_id)]
    return json_response({"items": [account_json(s) for s in members]})


@routes.post(
    "/api/v1/admin/staff",
    roles=ADMINS,
    summary="Create a staff account",
    body=body(
        {
            "username": STR,
            "display_name": NAME,
            "role": ROLE_ENUM,
            "department_id": STR,
            "town_id": STR,
            "password": STR,
            "on_duty": BOOL,
        },
        required=("username", "role", "password"),
    ),
    response=ref("StaffAccount"),
)
async def create_staff(call: Call) -> web.StreamResponse:
    data = await call.body()
    username = inputs.text(data, "username", max_len=64)
    if not USERNAME.match(username):
        fail(400, "bad_request", field="username")
    role = inputs.choice(data, "role", ROLES) or ""
    department = inputs.optional_text(data, "department_id", max_len=32)
    display = inputs.optional_text(data, "display_name", max_len=64) or username
    town = _town(call, inputs.optional_text(data, "town_id", max_len=32) or call.staff.town_id)
    await _check_department(call, role, department)
    if await call.repos.staff.by_username(username) is not None:
        fail(409, "username_taken")
    member = await call.repos.staff.add(
        username=username,
        display_name=display,
        role=role,
        department_id=department,
        password_hash=await _password(data),
        now=call.now(),
    )
    member.on_duty = inputs.boolean(data, "on_duty", required=False) is not False
    member.town_id = town
    await call.audit(
        "staff.create", f"staff:{member.id}", username=username, role=role, department=department
    )
    return json_response(account_json(member))


async def _member(call: Call) -> Staff:
    member = await call.repos.staff.get(inputs.path_id(call.request))
    if member is None:
        fail(404, "not_found")
    _town(call, member.town_id)
    return member


@routes.patch(
    "/api/v1/admin/staff/{id}",
    roles=ADMINS,
    summary="Edit an account (role, department, duty, 2FA reset, unlock)",
    params=(STAFF_ID,),
    body=body(
        {
            "display_name": NAME,
            "role": ROLE_ENUM,
            "department_id": {"type": "string", "nullable": True},
            "on_duty": BOOL,
            "active": BOOL,
            "reset_totp": BOOL,
            "unlock": BOOL,
        }
    ),
    response=ref("StaffAccount"),
)
async def edit_staff(call: Call) -> web.StreamResponse:
    member = await _member(call)
    data = await call.body()
    role = inputs.choice(data, "role", ROLES, required=False) or member.role
    department = (
        inputs.optional_text(data, "department_id", max_len=32)
        if "department_id" in data
        else member.department_id
    )
    active = inputs.boolean(data, "active", required=False)
    if member.id == call.staff.id and (role != ADMIN or active is False):
        fail(400, "self_deactivate")  # the last admin must not lock everyone out
    await _check_department(call, role, department)
    member.role, member.department_id = role, department
    member.display_name = (
        inputs.optional_text(data, "display_name", max_len=64) or member.display_name
    )
    on_duty = inputs.boolean(data, "on_duty", required=False)
    member.on_duty = member.on_duty if on_duty is None else on_duty
    now = call.now()
    if active is not None:
        member.active = active
        if not active:
            await call.db.sessions.revoke_all(member.id, now)
    if inputs.boolean(data, "reset_totp", required=False):
        member.totp_secret = None
        await call.db.auth.forget_totp(member.id)
    if inputs.boolean(data, "unlock", required=False):
        await call.db.auth.clear_failures(member.id)
        member.failed_logins, member.locked_until = 0, None
    changed = sorted(
        k
        for k in data
        if k
        in ("display_name", "role", "department_id", "on_duty", "active", "reset_totp", "unlock")
    )
    await call.audit("staff.edit", f"staff:{member.id}", fields=changed)
    return json_response(account_json(member))


@routes.post(
    "/api/v1/admin/staff/{id}/password",
    roles=ADMINS,
    summary="Set a new password (ends their sessions)",
    params=(STAFF_ID,),
    body=body({"password": STR}, required=("password",)),
    response=ref("StaffAccount"),
)
async def reset_password(call: Call) -> web.StreamResponse:
    member = await _member(call)
    member.password_hash = await _password(await call.body())
    keep = call.login.id if member.id == call.staff.id else None
    await call.db.sessions.revoke_all(member.id, call.now(), keep=keep)
    await call.audit("staff.password_reset", f"staff:{member.id}")
    return json_response(account_json(member))


@routes.delete(
    "/api/v1/admin/staff/{id}",
    roles=ADMINS,
    summary="Deactivate an account (kept for the record)",
    params=(STAFF_ID,),
    response=ref("StaffAccount"),
)
async def deactivate_staff(call: Call) -> web.StreamResponse:
    member = await _member(call)
    if member.id == call.staff.id:
        fail(400, "self_deactivate")
    member.active = False
    await call.db.sessions.revoke_all(member.id, call.now())
    await call.audit("staff.deactivate", f"staff:{member.id}")
    return json_response(account_json(member))


@routes.get(
    "/api/v1/admin/policies",
    roles=ADMINS,
    summary="Per-role security policy (mandatory 2FA)",
    response=listing("Policy"),
)
async def policies(call: Call) -> web.StreamResponse:
    current = await call.db.auth.policies()
    return json_response(
        {"items": [{"role": r, "require_totp": current.get(r, False)} for r in ROLES]}
    )


@routes.put(
    "/api/v1/admin/policies/{role}",
    roles=ADMINS,
    summary="Make 2FA mandatory (or not) for a role",
    params=(Param("role", {"type": "string", "enum": list(ROLES)}, "path", True),),
    body=body({"require_totp": BOOL}, required=("require_totp",)),
    response=ref("Policy"),
)
async def set_policy(call: Call) -> web.StreamResponse:
    role = call.request.match_info["role"]
    if role not in ROLES:
        fail(404, "not_found")
    require = bool(inputs.boolean(await call.body(), "require_totp"))
    await call.db.auth.set_policy(role, require_totp=require, now=call.now(), by=call.staff.id)
    await call.audit("policy.set", f"role:{role}", require_totp=require)
    return json_response({"role": role, "require_totp": require})
