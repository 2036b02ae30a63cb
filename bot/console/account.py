"""The caller's own account: who am I (with the CSRF token for a reloaded page),
two-factor enrolment (start → secret and otpauth URI; confirm with a code), and
changing one's password."""

from __future__ import annotations

import asyncio

from aiohttp import web

from bot.console import inputs, sessions, totp
from bot.console.auth import MIN_PASSWORD, check_password, https, me_json
from bot.console.routing import EVERYONE, Call, Routes
from bot.console.schemas import STR, body, ref
from bot.console.security import fail, json_response, set_session_cookie
from bot.passwords import hash_password

routes = Routes("account")


@routes.get(
    "/api/v1/me",
    roles=EVERYONE,
    summary="The caller's account and CSRF token",
    enrol_ok=True,
    response=ref("Me"),
)
async def me(call: Call) -> web.StreamResponse:
    unread = await call.repos.notices.unread_count(call.staff.id)
    return json_response(me_json(call.staff, call.login, call.rt, unread))


@routes.post(
    "/api/v1/me/2fa/start",
    roles=EVERYONE,
    summary="Begin TOTP enrolment: a new secret and otpauth URI",
    enrol_ok=True,
    response={
        "type": "object",
        "properties": {"secret": STR, "otpauth_uri": STR},
        "required": ["secret", "otpauth_uri"],
    },
)
async def totp_start(call: Call) -> web.StreamResponse:
    if call.staff.totp_secret:
        fail(409, "already_enrolled")
    secret = totp.new_secret()
    call.login.pending_totp = secret
    await call.audit("totp_start", f"staff:{call.staff.id}")
    issuer = call.rt.knowledge.catalog_for(call.staff.town_id).center.name
    return json_response(
        {
            "secret": secret,
            "otpauth_uri": totp.uri(secret, username=call.staff.username, issuer=issuer),
        }
    )


@routes.post(
    "/api/v1/me/2fa/confirm",
    roles=EVERYONE,
    summary="Finish TOTP enrolment with a current code",
    enrol_ok=True,
    body=body({"code": STR}, required=("code",)),
    response=ref("LoginResult"),
)
async def totp_confirm(call: Call) -> web.StreamResponse:
    code = inputs.text(await call.body(), "code", max_len=16)
    pending = call.login.pending_totp
    if not pending:
        fail(400, "no_enrolment")
    now = call.now()
    step = totp.accept(pending, code, now, last_step=0)
    if step is None:
        fail(400, "bad_otp")
    call.staff.totp_secret = pending
    await call.db.auth.use_totp_step(call.staff.id, step, now, enrolled=True)
    # A session that gained rights gets a new id (no fixation), and other sessions end.
    await call.db.sessions.revoke_all(call.staff.id, now)
    token, row = await sessions.start(
        call.db,
        call.staff,
        now=now,
        ip=call.ip,
        user_agent=call.request.headers.get("User-Agent"),
        enrol_only=False,
    )
    await call.audit("totp_enrolled", f"staff:{call.staff.id}")
    me = me_json(call.staff, row, call.rt, await call.repos.notices.unread_count(call.staff.id))
    response = json_response({"csrf_token": row.csrf_token, "enrol_required": False, "staff": me})
    set_session_cookie(response, token, https=https(call.rt))
    return response


@routes.post(
    "/api/v1/me/password",
    roles=EVERYONE,
    summary="Change one's own password (ends other sessions)",
    body=body({"current": STR, "new": STR}, required=("current", "new")),
    response=ref("Ok"),
)
async def change_password(call: Call) -> web.StreamResponse:
    data = await call.body()
    current = inputs.text(data, "current", max_len=256, strip=False)
    new = inputs.text(data, "new", max_len=256, strip=False)
    if not await check_password(call.staff.password_hash, current):
        fail(400, "bad_current_password")
    if len(new) < MIN_PASSWORD:
        fail(400, "weak_password", n=MIN_PASSWORD)
    call.staff.password_hash = await asyncio.to_thread(hash_password, new)
    await call.db.sessions.revoke_all(call.staff.id, call.now(), keep=call.login.id)
    await call.audit("password_changed", f"staff:{call.staff.id}")
    return json_response({"ok": True})
