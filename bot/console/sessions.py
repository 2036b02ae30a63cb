"""Console sessions: random tokens in an HttpOnly cookie, their SHA-256 in the
database, a CSRF token bound to each. Idle and absolute lifetimes come from the
injected clock."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from storage.models import Staff, StaffSession
from storage.repositories.console import ConsoleRepos

IDLE = dt.timedelta(hours=2)  # a console left alone this long asks for the password again
ABSOLUTE = dt.timedelta(hours=12)  # one working day, whatever the activity
TOUCH_EVERY = dt.timedelta(minutes=5)  # write last_seen at most this often (reads stay reads)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def start(
    db: ConsoleRepos,
    staff: Staff,
    *,
    now: dt.datetime,
    ip: str | None,
    user_agent: str | None,
    enrol_only: bool,
) -> tuple[str, StaffSession]:
    """A new session; returns the cookie token (never stored) and the row."""
    token = secrets.token_urlsafe(32)
    row = await db.sessions.create(
        session_id=hash_token(token),
        staff_id=staff.id,
        csrf_token=secrets.token_urlsafe(32),
        now=now,
        expires_at=now + IDLE,
        ip=ip,
        user_agent=(user_agent or "")[:256] or None,
        enrol_only=enrol_only,
    )
    return token, row


async def resolve(
    db: ConsoleRepos, token: str, now: dt.datetime
) -> tuple[StaffSession, Staff] | None:
    if not token or len(token) > 128:
        return None
    found = await db.sessions.live(hash_token(token), now)
    if found is None:
        return None
    login, staff = found
    if now - login.last_seen_at >= TOUCH_EVERY:
        login.last_seen_at = now
        login.expires_at = min(now + IDLE, login.created_at + ABSOLUTE)
    return login, staff
