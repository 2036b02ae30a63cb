"""Settings: one frozen object built from BIANMIN_* environment variables (and an
optional TOML file). The only module that reads os.environ. Validation errors name
the variable so an operator knows what to fix."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_API_BASE = "https://api.weixin.qq.com"
DEMO = {
    "wechat_token": "bianmin-demo-token",
    "wechat_appid": "wxbianmindemo0001",
    "wechat_secret": "bianmin-demo-secret-0123456789abcd",
    "wechat_aes_key": "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
}


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


def _setting(default: Any, help: str, *, secret: bool = False) -> Any:
    return field(default=default, metadata={"help": help, "secret": secret})


@dataclass(frozen=True)
class Settings:
    database_url: str = _setting(
        "sqlite+aiosqlite:///data/bianmin.db",
        "SQLAlchemy async URL: sqlite+aiosqlite:///path or postgresql+asyncpg://user@host/db.",
    )
    redis_url: str = _setting(
        "", "Optional Redis URL shared by several replicas (token lock, live updates)."
    )
    wechat_token: str = _setting(
        "", "Token configured in the Official Account's server settings.", secret=True
    )
    wechat_appid: str = _setting("", "AppID of the Official Account.")
    wechat_secret: str = _setting("", "AppSecret of the Official Account.", secret=True)
    wechat_aes_key: str = _setting(
        "", "EncodingAESKey (43 chars). Unset: plaintext mode only.", secret=True
    )
    wechat_aes_key_previous: str = _setting(
        "", "The previous EncodingAESKey, tried when decryption fails (key rotation).", secret=True
    )
    wechat_api_base: str = _setting(
        PRODUCTION_API_BASE, "Base URL of the WeChat API (tests and demo: the local fake)."
    )
    wechat_template_status: str = _setting("", "Template id for ticket status notices.")
    wechat_timeout: float = _setting(
        5.0, "Seconds before an outbound WeChat API call is abandoned."
    )
    kb_dir: str = _setting("knowledge/catalog", "Directory of the service catalog (YAML).")
    towns_dir: str = _setting(
        "",
        "Directory of town overlays for a county deployment (see knowledge/towns_example). Empty: one town.",
    )
    host: str = _setting("127.0.0.1", "Address the server listens on.")
    port: int = _setting(8080, "Port the server listens on.")
    public_url: str = _setting(
        "",
        "Public base URL used in links sent to villagers (e.g. https://bm.example.gov.cn). Empty: http://host:port.",
    )
    trusted_proxies: str = _setting(
        "",
        "Comma-separated addresses of reverse proxies (e.g. 127.0.0.1 for nginx on the same host) whose X-Forwarded-For is believed for login throttling and the audit log.",
    )
    reply_budget: float = _setting(
        4.0,
        "Seconds the webhook waits for a reply before answering `success` and pushing later (WeChat gives up at 5).",
    )
    timestamp_window: int = _setting(
        300, "Seconds a signed request's timestamp may differ from now before it is refused."
    )
    max_body_bytes: int = _setting(65536, "Largest webhook body accepted; larger gets 413.")
    scheduler_interval: int = _setting(60, "Seconds between scheduler ticks.")
    count_from: str = _setting(
        "next_day",
        "Deadline counting starts on the acceptance day (`same_day`) or the next working day (`next_day`).",
    )
    form_idle_minutes: int = _setting(
        30, "Minutes of silence after which a half-filled registration form expires."
    )
    claim_after_minutes: int = _setting(
        120, "Working minutes an unclaimed ticket waits before it is assigned round-robin."
    )
    idle_nudge_days: int = _setting(
        2, "Working days an assignee may leave a ticket untouched before a nudge (then the head)."
    )
    warn_days_before: int = _setting(
        1, "Working days before the deadline that the assignee is warned."
    )
    callback_days: int = _setting(
        5,
        "Working days a department head has to call back a villager who rated the service 4 or 5 (dissatisfied).",
    )
    villager_hours: str = _setting(
        "08:00-20:00", "Daytime window in which villagers receive notices (HH:MM-HH:MM)."
    )
    push_max_attempts: int = _setting(
        5, "Tries before a push is given up and shown to staff as undelivered."
    )
    push_lease_seconds: int = _setting(
        120,
        "Seconds a claimed push stays with its worker; after that another worker takes it (a crashed worker's pushes are not lost).",
    )
    cs_window_quota: int = _setting(
        5,
        "Customer-service pushes allowed per villager per 48-hour window before template messages are used.",
    )
    attachments_dir: str = _setting("data/attachments", "Where pictures villagers send are stored.")
    demo: bool = _setting(False, "Demo mode: fake WeChat API, sandbox at /sim, demo staff.")
    log_level: str = _setting("INFO", "Python logging level.")

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, *, demo: bool | None = None
    ) -> Settings:
        """Build settings from BIANMIN_* variables; BIANMIN_CONFIG may name a TOML file
        whose keys are the field names (environment wins)."""
        env = dict(os.environ if environ is None else environ)
        values: dict[str, Any] = {}
        config_file = env.get("BIANMIN_CONFIG")
        if config_file:
            try:
                with open(config_file, "rb") as fh:
                    values.update(tomllib.load(fh))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"BIANMIN_CONFIG: cannot read {config_file}: {exc}") from exc
            unknown = set(values) - {f.name for f in fields(cls)}
            if unknown:
                raise ConfigError(f"BIANMIN_CONFIG: unknown keys {sorted(unknown)}")
        for f in fields(cls):
            var = env_name(f.name)
            if var in env:
                values[f.name] = env[var]
        if demo is not None:
            values["demo"] = demo
        converted = {name: _convert(name, raw) for name, raw in values.items()}
        settings = cls(**converted)
        if settings.demo:
            settings = dataclasses.replace(
                settings, **{k: v for k, v in DEMO.items() if not getattr(settings, k)}
            )
        settings.validate()
        return settings

    def validate(self) -> None:
        if not self.database_url.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ConfigError(
                "BIANMIN_DATABASE_URL: must start with sqlite+aiosqlite:// or postgresql+asyncpg://"
            )
        for name in ("wechat_aes_key", "wechat_aes_key_previous"):
            key = getattr(self, name)
            if key and not _valid_aes_key(key):
                raise ConfigError(
                    f"{env_name(name)}: must be 43 characters of base64 (EncodingAESKey)"
                )
        if self.wechat_aes_key_previous and not self.wechat_aes_key:
            raise ConfigError("BIANMIN_WECHAT_AES_KEY_PREVIOUS: set BIANMIN_WECHAT_AES_KEY too")
        if not self.wechat_token:
            raise ConfigError("BIANMIN_WECHAT_TOKEN: required (or run with --demo)")
        if self.wechat_aes_key and not self.wechat_appid:
            raise ConfigError("BIANMIN_WECHAT_APPID: required when BIANMIN_WECHAT_AES_KEY is set")
        if not self.wechat_api_base.startswith(("http://", "https://")):
            raise ConfigError("BIANMIN_WECHAT_API_BASE: must be an http(s) URL")
        if not 0.1 <= self.reply_budget <= 4.8:
            raise ConfigError("BIANMIN_REPLY_BUDGET: must be between 0.1 and 4.8 seconds")
        if self.count_from not in ("same_day", "next_day"):
            raise ConfigError("BIANMIN_COUNT_FROM: must be same_day or next_day")
        try:
            _ = self.villager_window
        except ValueError:
            raise ConfigError(
                "BIANMIN_VILLAGER_HOURS: expected HH:MM-HH:MM, e.g. 08:00-20:00"
            ) from None
        for name in (
            "timestamp_window",
            "max_body_bytes",
            "scheduler_interval",
            "port",
            "form_idle_minutes",
            "claim_after_minutes",
            "idle_nudge_days",
            "callback_days",
            "push_max_attempts",
            "push_lease_seconds",
            "cs_window_quota",
        ):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{env_name(name)}: must be positive")

    @property
    def base_url(self) -> str:
        return self.public_url.rstrip("/") or f"http://{self.host}:{self.port}"

    @property
    def trusted_proxy_set(self) -> frozenset[str]:
        return frozenset(p.strip() for p in self.trusted_proxies.split(",") if p.strip())

    @property
    def towns_path(self) -> Path | None:
        if not self.towns_dir:
            return None
        path = Path(self.towns_dir)
        return path if path.is_absolute() else PROJECT_ROOT / path

    @property
    def villager_window(self) -> tuple[dt.time, dt.time]:
        start, end = self.villager_hours.split("-")
        first, last = dt.time.fromisoformat(start.strip()), dt.time.fromisoformat(end.strip())
        if first >= last:
            raise ValueError(self.villager_hours)
        return first, last

    @property
    def kb_path(self) -> Path:
        path = Path(self.kb_dir)
        return path if path.is_absolute() else PROJECT_ROOT / path

    def describe(self) -> list[tuple[str, str, str]]:
        """(variable, default, help) for every setting: the README table and --help-settings."""
        return [(env_name(f.name), str(f.default), f.metadata["help"]) for f in fields(self)]


def env_name(field_name: str) -> str:
    return "BIANMIN_" + field_name.upper()


def _convert(name: str, raw: Any) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}.get(name)
    if kind is None:
        raise ConfigError(f"{env_name(name)}: unknown setting")
    try:
        if kind == "bool":
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{env_name(name)}: expected {kind}, got {raw!r}") from exc


def _valid_aes_key(key: str) -> bool:
    if len(key) != 43:
        return False
    try:
        return len(base64.b64decode(key + "=", validate=True)) == 32
    except (binascii.Error, ValueError):
        return False
