"""Time-based one-time passwords (RFC 6238, the 6 digits of any authenticator app)
on the injected clock, with a replay guard: a step once used is never accepted again."""

from __future__ import annotations

import datetime as dt
import hmac

import pyotp

DRIFT_STEPS = 1  # accept the previous and next 30-second code: phone clocks drift


def new_secret() -> str:
    return pyotp.random_base32()


def uri(secret: str, *, username: str, issuer: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=issuer)


def accept(secret: str, code: str, now: dt.datetime, *, last_step: int) -> int | None:
    """The time step `code` belongs to, if valid now and newer than `last_step`."""
    code = code.strip()
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        if step > last_step and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def code_at(secret: str, at: dt.datetime) -> str:
    """The code an authenticator shows at `at` (tests and the demo use it)."""
    return pyotp.TOTP(secret).at(at)
