"""Console login, lockout, sessions, CSRF, security headers and two-factor login.
All times come from the FixedClock (Mon 2026-11-23 10:00)."""

from __future__ import annotations

from sqlalchemy import select

from bot.console import totp
from bot.console.auth import IP_MAX_FAILURES, LOCK_FOR, MAX_FAILURES
from storage.models import AuditLog, LoginAttempt, StaffSession
from tests.bot.console.conftest import PASSWORD, Console


async def test_login_sets_a_strict_httponly_secure_cookie_and_returns_csrf(
    console: Console,
) -> None:
    resp = await console.attempt("mz_clerk")
    assert resp.status == 200
    body = await resp.json()
    assert body["staff"]["username"] == "mz_clerk" and body["staff"]["role"] == "clerk"
    assert body["csrf_token"] and body["enrol_required"] is False
    cookie = resp.cookies["bm_session"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert cookie["secure"]  # settings.public_url is https in the test settings
    async with console.rt.sessionmaker() as session:
        (row,) = list(await session.scalars(select(StaffSession)))
        audit = list(await session.scalars(select(AuditLog)))
    assert row.id != cookie.value and len(row.id) == 64  # only the hash is stored
    assert [(a.action, a.ip) for a in audit] == [("login", "127.0.0.1")]


async def test_bad_password_is_401_and_recorded(console: Console) -> None:
    resp = await console.attempt("mz_clerk", "wrong-password")
    assert resp.status == 401
    assert (await resp.json())["error"] == "bad_credentials"
    unknown = await console.attempt("nobody", "wrong-password")
    assert unknown.status == 401 and (await unknown.json())["error"] == "bad_credentials"
    assert "bm_session" not in resp.cookies
    async with console.rt.sessionmaker() as session:
        reasons = [
            a.reason for a in await session.scalars(select(LoginAttempt).order_by(LoginAttempt.id))
        ]
    assert reasons == ["bad_password", "unknown_user"]


async def test_lockout_after_n_failures_and_unlock_after_the_period(console: Console) -> None:
    for _ in range(MAX_FAILURES):
        assert (await console.attempt("sb_clerk", "guess")).status == 401
    locked = await console.attempt("sb_clerk")  # even the right password is refused now
    assert locked.status == 429
    body = await locked.json()
    assert (
        body["error"] == "locked" and int(locked.headers["Retry-After"]) == LOCK_FOR.total_seconds()
    )
    console.clock.advance(minutes=LOCK_FOR.total_seconds() / 60 - 1)
    assert (await console.attempt("sb_clerk")).status == 429
    console.clock.advance(minutes=1, seconds=1)
    assert (await console.attempt("sb_clerk")).status == 200
    async with console.rt.sessionmaker() as session:
        actions = [a.action for a in await session.scalars(select(AuditLog).order_by(AuditLog.id))]
    assert actions == ["account_locked", "login"]


async def test_unknown_usernames_lock_the_same_way(console: Console) -> None:
    for _ in range(MAX_FAILURES):
        assert (await console.attempt("ghost", "guess")).status == 401
    assert (
        await console.attempt("ghost", "guess")
    ).status == 429  # indistinguishable from a real account


async def test_one_ip_is_throttled_across_usernames(console: Console) -> None:
    names = sorted(console.ids)  # spread so that no single account locks
    for i in range(IP_MAX_FAILURES):
        assert (await console.attempt(names[i % len(names)], "guess")).status == 401
    resp = await console.attempt("mz_clerk")
    assert resp.status == 429 and (await resp.json())["error"] == "throttled"


async def test_logout_ends_the_session(console: Console) -> None:
    clerk = await console.login("mz_clerk")
    await clerk.get("/api/v1/me")
    resp = await clerk.request("POST", "/api/v1/logout")
    assert resp.status == 200
    assert "bm_session" in resp.headers["Set-Cookie"] and "Max-Age=0" in resp.headers["Set-Cookie"]
    assert (await clerk.request("GET", "/api/v1/me")).status == 401


async def test_session_expires_when_idle(console: Console) -> None:
    clerk = await console.login("mz_clerk")
    console.clock.advance(hours=2, seconds=1)
    assert (await clerk.request("GET", "/api/v1/me")).status == 401


async def test_me_returns_the_csrf_token_for_a_reloaded_page(console: Console) -> None:
    clerk = await console.login("mz_clerk")
    me = await clerk.get("/api/v1/me")
    assert me["csrf_token"] == clerk.csrf and me["department"] == "民政办"


async def test_state_changing_requests_need_the_csrf_token(console: Console) -> None:
    clerk = await console.login("mz_clerk")
    for token in (None, "forged"):
        headers = {"X-CSRF-Token": token} if token else {}
        resp = await clerk.request(
            "POST", "/api/v1/notices/read", csrf=False, json={"all": True}, headers=headers
        )
        assert resp.status == 403
        assert (await resp.json())["error"] == "csrf"
    other = await console.login("mz_clerk2")  # a token is bound to its own session
    resp = await clerk.request(
        "POST",
        "/api/v1/notices/read",
        csrf=False,
        json={"all": True},
        headers={"X-CSRF-Token": other.csrf},
    )
    assert resp.status == 403
    assert (await clerk.request("POST", "/api/v1/notices/read", json={"all": True})).status == 200


async def test_form_posts_are_refused(console: Console) -> None:
    # A cross-site HTML form can only send form encodings; the API only takes JSON.
    resp = await console.client.post(
        "/api/v1/login", data={"username": "mz_clerk", "password": PASSWORD}
    )
    assert resp.status == 415


async def test_security_headers_on_every_response(console: Console) -> None:
    clerk = await console.login("mz_clerk")
    responses = [
        await clerk.request("GET", "/api/v1/me"),
        await console.client.get("/api/v1/tickets"),  # 401
        await console.client.get("/api/v1/no-such-route"),  # 404 from the router
        await clerk.request("GET", "/api/v1/admin/staff"),  # 403
        await console.client.get("/console/"),  # pages are covered too
    ]
    for resp in responses:
        assert "default-src 'self'" in resp.headers["Content-Security-Policy"], resp.url
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert resp.headers["X-Frame-Options"] == "DENY"
        assert resp.headers["Referrer-Policy"] == "same-origin"
    assert responses[1].status == 401 and (await responses[1].json())["error"] == "unauthenticated"
    assert responses[2].status == 404 and (await responses[2].json())["error"] == "not_found"
    assert responses[0].headers["Cache-Control"] == "no-store"
    health = await console.client.get("/healthz")
    assert "X-Frame-Options" not in health.headers  # the middleware stays out of other paths


async def test_totp_login(console: Console) -> None:
    clerk = await console.login("mz_clerk")
    start = await clerk.post("/api/v1/me/2fa/start")
    assert start["otpauth_uri"].startswith("otpauth://totp/") and "mz_clerk" in start["otpauth_uri"]
    bad = await clerk.post("/api/v1/me/2fa/confirm", {"code": "000000"}, status=400)
    assert bad["error"] == "bad_otp"
    confirmed = await clerk.post(
        "/api/v1/me/2fa/confirm", {"code": totp.code_at(start["secret"], console.clock.now())}
    )
    assert confirmed["staff"]["totp_enabled"] is True
    assert (
        await clerk.request("GET", "/api/v1/me")
    ).status == 401  # the old session id was replaced
    need = await console.attempt("mz_clerk")
    assert need.status == 401 and (await need.json())["error"] == "otp_required"
    console.clock.advance(seconds=30)
    code = totp.code_at(start["secret"], console.clock.now())
    assert (
        await console.attempt("mz_clerk", otp="123456" if code != "123456" else "654321")
    ).status == 401
    assert (await console.attempt("mz_clerk", otp=code)).status == 200
    replay = await console.attempt("mz_clerk", otp=code)  # the same code twice is a replay
    assert replay.status == 401 and (await replay.json())["error"] == "bad_otp"


async def test_mandatory_totp_for_a_role_allows_only_enrolment(console: Console) -> None:
    admin = await console.login("admin")
    await admin.call("PUT", "/api/v1/admin/policies/head", json={"require_totp": True})
    head = await console.login("mz_head")
    assert head.me["enrol_required"] is True
    refused = await head.request("GET", "/api/v1/tickets")
    assert refused.status == 403 and (await refused.json())["error"] == "enrol_required"
    assert (await head.get("/api/v1/me"))["enrol_required"] is True
    start = await head.post("/api/v1/me/2fa/start")
    done = await head.post(
        "/api/v1/me/2fa/confirm", {"code": totp.code_at(start["secret"], console.clock.now())}
    )
    assert done["enrol_required"] is False
    console.clock.advance(seconds=30)
    full = await console.login("mz_head", otp=totp.code_at(start["secret"], console.clock.now()))
    assert full.me["enrol_required"] is False
    await full.get("/api/v1/tickets")
    # Other roles are unaffected by the head policy.
    assert (await console.login("mz_clerk")).me["enrol_required"] is False


async def test_password_change_needs_the_current_password_and_ends_other_sessions(
    console: Console,
) -> None:
    first = await console.login("mz_clerk")
    second = await console.login("mz_clerk")
    refused = await first.post(
        "/api/v1/me/password", {"current": "nope", "new": "another-long-one"}, status=400
    )
    assert refused["error"] == "bad_current_password"
    weak = await first.post(
        "/api/v1/me/password", {"current": PASSWORD, "new": "short"}, status=400
    )
    assert weak["error"] == "weak_password"
    await first.post("/api/v1/me/password", {"current": PASSWORD, "new": "another-long-one"})
    assert (await first.request("GET", "/api/v1/me")).status == 200
    assert (await second.request("GET", "/api/v1/me")).status == 401
    assert (await console.attempt("mz_clerk", "another-long-one")).status == 200
