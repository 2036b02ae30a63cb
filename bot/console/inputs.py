"""Reading and checking what a console request sends: JSON bodies, query and path
parameters. Every refusal is a 400/404/415 with a JSON body, never a 500."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from typing import Any

from aiohttp import web

from bot.console.security import fail

MAX_ID = 2**31 - 1  # beyond this SQLite and PostgreSQL integers overflow: treat as "no such row"
_NUMBER = re.compile(r"^[A-Za-z]{1,4}\d{8}-\d{1,6}$")


async def body(request: web.Request) -> dict[str, Any]:
    """The JSON object sent ({} when nothing was); 415 unless declared JSON, which an
    HTML form on another site cannot forge."""
    if not request.body_exists:
        return {}
    if request.content_type != "application/json":
        fail(415, "json_required")
    try:
        data = json.loads(await request.text())
    except (ValueError, UnicodeDecodeError):
        fail(400, "bad_json")
    if not isinstance(data, dict):
        fail(400, "bad_json")
    return data


def _clean(value: str, name: str, max_len: int, *, strip: bool = True) -> str:
    if "\x00" in value:  # PostgreSQL refuses NUL in text; refuse it everywhere alike
        fail(400, "bad_request", field=name)
    value = value.strip() if strip else value
    if len(value) > max_len:
        fail(400, "bad_request", field=name)
    return value


def text(
    data: dict[str, Any],
    name: str,
    *,
    max_len: int = 2000,
    required: bool = True,
    strip: bool = True,
) -> str:
    """A string field; `strip=False` for secrets, whose spaces are part of them."""
    value = data.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        fail(400, "bad_request", field=name)
    value = _clean(value, name, max_len, strip=strip)
    if required and not value:
        fail(400, "bad_request", field=name)
    return value


def optional_text(data: dict[str, Any], name: str, *, max_len: int = 2000) -> str | None:
    if data.get(name) is None:
        return None
    return text(data, name, max_len=max_len, required=False) or None


def integer(
    data: dict[str, Any], name: str, *, lo: int, hi: int, required: bool = True
) -> int | None:
    value = data.get(name)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        fail(400, "bad_request", field=name)
    return value


def boolean(data: dict[str, Any], name: str, *, required: bool = True) -> bool | None:
    value = data.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, bool):
        fail(400, "bad_request", field=name)
    return value


def choice(
    data: dict[str, Any], name: str, choices: Sequence[str], *, required: bool = True
) -> str | None:
    value = data.get(name)
    if value is None and not required:
        return None
    if value not in choices:
        fail(400, "bad_request", field=name)
    return str(value)


def text_list(
    data: dict[str, Any], name: str, *, max_items: int = 50, max_len: int = 200
) -> list[str]:
    value = data.get(name, [])
    if (
        not isinstance(value, list)
        or len(value) > max_items
        or not all(isinstance(v, str) for v in value)
    ):
        fail(400, "bad_request", field=name)
    cleaned = [_clean(v, name, max_len) for v in value]
    return [v for v in cleaned if v]


def id_list(data: dict[str, Any], name: str, *, max_items: int = 500) -> list[int]:
    value = data.get(name, [])
    if not isinstance(value, list) or len(value) > max_items:
        fail(400, "bad_request", field=name)
    if not all(isinstance(v, int) and not isinstance(v, bool) and 0 < v <= MAX_ID for v in value):
        fail(400, "bad_request", field=name)
    return list(value)


def path_id(request: web.Request, name: str = "id") -> int:
    raw = request.match_info[name]
    if not raw.isascii() or not raw.isdigit() or not 0 < int(raw) <= MAX_ID:
        fail(404, "not_found")
    return int(raw)


def path_number(request: web.Request) -> str:
    raw = request.match_info["number"]
    if not _NUMBER.match(raw):
        fail(404, "not_found")
    return raw.upper()


# Dates the console may ask about: far wider than any ticket's, narrow enough that the day's
# midnight in the center's zone still converts to UTC (0001-01-01 does not: found by fuzzing).
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2199, 12, 31)


def _sane_date(raw: str) -> dt.date:
    day = dt.date.fromisoformat(raw)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(raw)
    return day


def path_date(request: web.Request, name: str = "day") -> dt.date:
    try:
        return _sane_date(request.match_info[name])
    except ValueError:
        fail(404, "not_found")


def query_choice(request: web.Request, name: str, choices: Sequence[str], default: str) -> str:
    value = request.query.get(name, default)
    if value not in choices:
        fail(400, "bad_request", field=name)
    return value


def query_int(
    request: web.Request, name: str, *, lo: int, hi: int, default: int | None
) -> int | None:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isascii() or not raw.lstrip("-").isdigit() or not lo <= int(raw) <= hi:
        fail(400, "bad_request", field=name)
    return int(raw)


def query_date(request: web.Request, name: str, default: dt.date) -> dt.date:
    raw = request.query.get(name)
    if not raw:
        return default
    try:
        return _sane_date(raw)
    except ValueError:
        fail(400, "bad_request", field=name)


def query_bool(request: web.Request, name: str, default: bool) -> bool:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    if raw not in ("true", "false"):
        fail(400, "bad_request", field=name)
    return raw == "true"


def query_text(request: web.Request, name: str, *, max_len: int = 64) -> str | None:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return None
    if len(raw) > max_len or "\x00" in raw:
        fail(400, "bad_request", field=name)
    return raw
