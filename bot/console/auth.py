"""Logging in and out, with the login throttle and lockout. (The caller's own account and
2FA enrolment live in account.py.)

Throttling: N failed logins lock an account for M minutes (counted atomically on
the staff row); unknown usernames lock the same way (counted from login attempts,
so the answer never tells which usernames exist); one IP gets a larger budget
across all usernames. Every time comes from the injected clock."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from aiohttp import web

from bot.console import inputs, sessions, totp, towns
from bot.console.routing import EVERYONE, Call, Routes, client_ip
from bot.console.schemas import STR, body, ref
from bot.console.security import (
    ApiError,
    clear_session_cookie,
    fail,
    json_response,
    set_session_cookie,
)
from bot.passwords import hash_password, verify_password
from bot.runtime import RUNTIME, Runtime
from storage.models import Staff, StaffSession
from storage.repositories.console import ConsoleRepos

MAX_FAILURES = 5  # per username, then the account locks
LOCK_FOR = dt.timedelta(minutes=15)
IP_MAX_FAILURES = 20  # per IP across usernames within WINDOW
WINDOW = dt.timedelta(minutes=15)
COUNTED = ("bad_password", "bad_otp", "unknown_user", "inactive")
MIN_PASSWORD = 10

routes = Routes("auth")
_DUMMY_HASH: list[str] = []  # verified against for unknown users, so timing tells nothing


def https(rt: Runtime) -> bool:
    return rt.settings.public_url.startswith("https://")


def me_json(staff: Staff, login: StaffSession, rt: Runtime, unread: int) -> dict[str, Any]:
    department = None
    if staff.department_id:
        try:
            department = (
                rt.knowledge.catalog_for(staff.town_id).department(staff.department_id).name
            )
        except KeyError:
            department = staff.department_id
    return {
        "id": staff.id,
        "username": staff.username,
        "display_name": staff.display_name,
        "role": staff.role,
        "department_id": staff.department_id,
        "department": department,
        "town_id": staff.town_id,  # None: county staff, who see every town
        "town": towns.name(rt.knowledge, staff.town_id) if staff.town_id else None,
        "on_duty": staff.on_duty,
        "totp_enabled": bool(staff.totp_secret),
        "enrol_required": login.enrol_only,
        "csrf_token": login.csrf_token,
        "unread_notices": unread,
    }


async def check_password(stored: str | None, password: str) -> bool:
    """argon2 takes tens of milliseconds: run it off the event loop."""
    if stored is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(await asyncio.to_thread(hash_password, "no such user"))
        await asyncio.to_thread(verify_password, _DUMMY_HASH[0], password)
        return False
    return await asyncio.to_thread(verify_password, stored, password)


LOGIN_BODY = body({"username": STR, "password": STR, "otp": STR}, required=("username", "password"))


@routes.post(
    "/api/v1/login",
    roles=None,
    summary="Log in; sets the session cookie, returns the CSRF token",
    body=LOGIN_BODY,
    response=ref("LoginResult"),
)
async def login(request: web.Request) -> web.StreamResponse:
    rt = request.app[RUNTIME]
    data = await inputs.body(request)
    username = inputs.text(data, "username", max_len=64)
    password = inputs.text(data, "password", max_len=256, strip=False)
    otp = inputs.text(data, "otp", max_len=16, required=False)
    ip = client_ip(request)
    now = rt.clock.now()
    async with rt.sessionmaker() as session, session.begin():
        db = ConsoleRepos.bind(session)
        staff = await db.core.staff.by_username(username)
        refusal = await _throttled(db, staff, username, ip, now)
        if refusal is not None:
            await db.auth.record_attempt(
                username=username, ip=ip, ok=False, reason="throttled", now=now
            )
    if refusal is not None:
        raise refusal
    good = await check_password(staff.password_hash if staff else None, password)
    async with rt.sessionmaker() as session, session.begin():
        db = ConsoleRepos.bind(session)
        staff = await db.core.staff.by_username(username)
        reason = await _second_factor(db, staff, good, otp, now)
        if reason is not None:
            await _refuse(db, staff, username, ip, reason, now)
        else:
            assert staff is not None
            await db.auth.clear_failures(staff.id)
            enrol_only = await db.auth.requires_totp(staff.role) and not staff.totp_secret
            token, row = await sessions.start(
                db,
                staff,
                now=now,
                ip=ip,
                user_agent=request.headers.get("User-Agent"),
                enrol_only=enrol_only,
            )
            await db.auth.record_attempt(username=username, ip=ip, ok=True, reason=None, now=now)
            await db.audit.add(
                at=now,
                action="login",
                staff_id=staff.id,
                username=staff.username,
                target=None,
                ip=ip,
                town_id=staff.town_id,
            )
            me = me_json(staff, row, rt, await db.core.notices.unread_count(staff.id))
    if reason is not None:
        fail(
            401,
            "otp_required"
            if reason == "otp_required"
            else "bad_otp"
            if reason == "bad_otp"
            else "bad_credentials",
        )
    response = json_response(
        {"csrf_token": row.csrf_token, "enrol_required": enrol_only, "staff": me}
    )
    set_session_cookie(response, token, https=https(rt))
    return response


async def _throttled(
    db: ConsoleRepos, staff: Staff | None, username: str, ip: str, now: dt.datetime
) -> ApiError | None:
    """The refusal to give before even checking the password, if any."""
    since = now - WINDOW
    if await db.auth.failures_since(since, reasons=COUNTED, ip=ip) >= IP_MAX_FAILURES:
        return ApiError(429, "throttled", retry_after=_seconds(WINDOW))
    if staff is not None:
        if staff.locked_until is not None and staff.locked_until > now:
            return ApiError(429, "locked", retry_after=_seconds(staff.locked_until - now))
    elif await db.auth.failures_since(since, reasons=COUNTED, username=username) >= MAX_FAILURES:
        return ApiError(429, "locked", retry_after=_seconds(LOCK_FOR))
    return None


async def _second_factor(
    db: ConsoleRepos, staff: Staff | None, good: bool, otp: str, now: dt.datetime
) -> str | None:
    """None when the login may proceed, else the reason it may not."""
    if staff is None:
        return "unknown_user"
    if not good:
        return "bad_password"
    if not staff.active:
        return "inactive"
    if staff.totp_secret:
        if not otp:
            return "otp_required"
        step = totp.accept(
            staff.totp_secret, otp, now, last_step=await db.auth.last_totp_step(staff.id)
        )
        if step is None:
            return "bad_otp"
        await db.auth.use_totp_step(staff.id, step, now)
    return None


async def _refuse(
    db: ConsoleRepos, staff: Staff | None, username: str, ip: str, reason: str, now: dt.datetime
) -> None:
    await db.auth.record_attempt(username=username, ip=ip, ok=False, reason=reason, now=now)
    if staff is not None and reason in COUNTED:
        locked = await db.auth.count_failure(
            staff.id, now=now, limit=MAX_FAILURES, lock_for=LOCK_FOR
        )
        if locked:
            await db.audit.add(
                at=now,
                action="account_locked",
                staff_id=staff.id,
                username=staff.username,
                target=f"staff:{staff.id}",
                ip=ip,
                town_id=staff.town_id,
            )


def _seconds(delta: dt.timedelta) -> int:
    return max(1, int(delta.total_seconds()))


@routes.post(
    "/api/v1/logout", roles=EVERYONE, summary="End this session", enrol_ok=True, response=ref("Ok")
)
async def logout(call: Call) -> web.StreamResponse:
    await call.db.sessions.revoke(call.login.id, call.now())
    await call.audit("logout")
    response = json_response({"ok": True})
    clear_session_cookie(response, https=https(call.rt))
    return response
