"""Column types shared by the models."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import DateTime
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

TZ = ZoneInfo("Asia/Shanghai")
_SQLITE_DATETIME = sqlite.DATETIME._storage_format  # what isoformat(" ", "microseconds") gives


class Instant(TypeDecorator[dt.datetime]):
    """An aware datetime stored as naive UTC, so SQLite and PostgreSQL agree and
    comparisons in SQL are plain string/number comparisons."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to an Instant column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any] | None:
        """On SQLite, the conversion and SQLAlchemy's DATETIME string in one step
        (the same text): every webhook message binds four to six instants, and the
        two-step path was a tenth of its statements' CPU (bench/README.md)."""
        impl = self.impl_instance.dialect_impl(dialect)
        if getattr(impl, "_storage_format", None) != _SQLITE_DATETIME:
            return super().bind_processor(dialect)
        to_utc = self.process_bind_param

        def process(value: dt.datetime | None) -> str | None:
            naive = to_utc(value, dialect)
            # = SQLite DATETIME's storage format "%Y-%m-%d %H:%M:%S.%f"
            return None if naive is None else naive.isoformat(" ", "microseconds")

        return process

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        stored: dt.datetime = value
        return stored.replace(tzinfo=dt.UTC).astimezone(TZ)
