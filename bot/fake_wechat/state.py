"""The fake WeChat platform's memory and rules: tokens, followers, the 48-hour
customer-service window, pushes received, and injected faults. No HTTP (api.py
serves it) and no wall clock: time comes from the injected Clock."""

from __future__ import annotations

import datetime as dt
import itertools
import secrets
from collections import deque
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from bot.clock import Clock
from bot.fake_wechat import checks

DEMO_TEMPLATE_ID = "bianmin-status-demo"
TOKEN_TTL = 7200  # seconds: "access_token的有效期目前为2个小时"
# New and old tokens overlap for 5 minutes on a normal refresh (获取Access token).
HANDOVER = dt.timedelta(minutes=5)

APIS = {
    "stable_token": "/cgi-bin/stable_token",
    "token": "/cgi-bin/token",
    "custom_send": "/cgi-bin/message/custom/send",
    "template_send": "/cgi-bin/message/template/send",
    "media_get": "/cgi-bin/media/get",
    "menu_create": "/cgi-bin/menu/create",
}


@dataclass(frozen=True)
class Fault:
    kind: Literal["errcode", "delay", "http", "drop"]
    value: float = 0


@dataclass
class Push:
    """A message WeChat accepted for delivery to a villager."""

    id: int
    openid: str
    kind: str  # text | news | template | ...
    body: dict[str, Any]
    time: dt.datetime
    msgid: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "time": self.time.isoformat()}


@dataclass
class Recorded:
    """One API request as received (access_token kept so tests can see which was used)."""

    id: int
    api: str
    access_token: str | None
    body: dict[str, Any] | None
    raw: bytes
    time: dt.datetime
    errcode: int = 0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(time=self.time.isoformat(), raw=self.raw.decode("utf-8", "replace"))
        return data


@dataclass
class Token:
    value: str
    source: Literal["stable", "classic"]
    expires_at: dt.datetime
    invalid_from: dt.datetime | None = None  # superseded by a newer token


@dataclass
class Media:
    content: bytes
    content_type: str
    filename: str
    created_at: dt.datetime


@dataclass(kw_only=True)
class FakeWeChat:
    """In-memory WeChat for one Official Account. `custom_quota` is the number of
    customer-service pushes allowed per 48 h window; the window (re)opens and the
    count resets whenever the villager interacts. Real WeChat documents up to 20 for
    service accounts; the default of 5 matches what the center's bot should use."""

    appid: str
    secret: str
    clock: Clock
    account_id: str = "gh_bianmin000001"
    custom_quota: int = 5
    window: dt.timedelta = dt.timedelta(hours=48)
    force_refresh_daily_limit: int = 20
    templates: set[str] = field(default_factory=lambda: {DEMO_TEMPLATE_ID})
    media: dict[str, Media] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget tokens, villagers, pushes and faults; keep config, templates, media."""
        self.tokens: dict[str, Token] = {}
        self.issued = 0
        self.followers: dict[str, bool] = {}
        self.last_interaction: dict[str, dt.datetime] = {}
        self.window_pushes: dict[str, int] = {}
        self.pushes: list[Push] = []
        self.requests: list[Recorded] = []
        self.faults: dict[str, deque[Fault]] = {}
        self._forced: dict[dt.date, int] = {}
        self._ids = itertools.count(1)
        self._msgids = itertools.count(200_000_001)

    # -- failure injection ------------------------------------------------------
    def fail(self, api: str, errcode: int, times: int = 1) -> None:
        """The next `times` calls of `api` answer with `errcode`."""
        self._inject(api, Fault("errcode", errcode), times)

    def delay(self, api: str, seconds: float, times: int = 1) -> None:
        """The next `times` calls of `api` wait `seconds` before being handled."""
        self._inject(api, Fault("delay", seconds), times)

    def drop(self, api: str, times: int = 1) -> None:
        """The next `times` calls of `api` have their connection closed, no answer."""
        self._inject(api, Fault("drop"), times)

    def fail_http(self, api: str, status: int = 502, times: int = 1) -> None:
        """The next `times` calls of `api` get an HTTP error page (a gateway in between)."""
        self._inject(api, Fault("http", status), times)

    def _inject(self, api: str, fault: Fault, times: int) -> None:
        name = api_name(api)
        self.faults.setdefault(name, deque()).extend([fault] * times)

    def next_fault(self, api: str) -> Fault | None:
        queue = self.faults.get(api)
        return queue.popleft() if queue else None

    # -- villagers and content ---------------------------------------------------
    def follow(self, openid: str) -> None:
        self.followers[openid] = True

    def unfollow(self, openid: str) -> None:
        self.followers[openid] = False

    def record_interaction(self, openid: str, at: dt.datetime | None = None) -> None:
        """A message or qualifying event from the villager: opens a new 48 h window."""
        self.followers[openid] = True
        self.last_interaction[openid] = at or self.clock.now()
        self.window_pushes[openid] = 0

    def window_open(self, openid: str) -> bool:
        last = self.last_interaction.get(openid)
        return last is not None and self.clock.now() - last < self.window

    def add_media(
        self,
        media_id: str,
        content: bytes,
        content_type: str = "image/jpeg",
        filename: str | None = None,
    ) -> None:
        ext = content_type.split("/")[-1]
        self.media[media_id] = Media(
            content, content_type, filename or f"{media_id}.{ext}", self.clock.now()
        )

    def add_template(self, template_id: str) -> None:
        self.templates.add(template_id)

    def pushes_for(self, openid: str | None = None, after: int = 0) -> list[Push]:
        return [p for p in self.pushes if p.id > after and openid in (None, p.openid)]

    def record(
        self, api: str, token: str | None, body: dict[str, Any] | None, raw: bytes
    ) -> Recorded:
        entry = Recorded(next(self._ids), api, token, body, raw, self.clock.now())
        self.requests.append(entry)
        return entry

    # -- access_token -----------------------------------------------------------
    def check_credentials(self, appid: Any, secret: Any) -> int:
        if appid != self.appid:
            return 40013
        return 40125 if secret != self.secret else 0

    def stable_token(self, force: bool) -> tuple[int, dict[str, Any]]:
        """POST /cgi-bin/stable_token: the normal mode returns the current token while
        more than 5 minutes remain; force_refresh invalidates it (limited per day)."""
        # WeChat doc 获取稳定版接口调用凭据.
        now = self.clock.now()
        live = self._valid("stable", now)
        if force:
            used = self._forced.get(now.date(), 0)
            if used >= self.force_refresh_daily_limit:
                return 45009, {}
            self._forced[now.date()] = used + 1
            for token in live:
                token.invalid_from = now
        elif live and live[-1].expires_at - now > HANDOVER:
            current = live[-1]
            return 0, {
                "access_token": current.value,
                "expires_in": int((current.expires_at - now).total_seconds()),
            }
        return 0, self._issue("stable", now)

    def classic_token(self) -> tuple[int, dict[str, Any]]:
        """GET /cgi-bin/token: always a new token; the previous ones work 5 more minutes."""
        now = self.clock.now()
        for token in self._valid("classic", now):
            token.invalid_from = min(token.expires_at, now + HANDOVER)
        return 0, self._issue("classic", now)

    def _valid(self, source: str, now: dt.datetime) -> list[Token]:
        return [
            t for t in self.tokens.values() if t.source == source and self._token_error(t, now) == 0
        ]

    def _issue(self, source: Literal["stable", "classic"], now: dt.datetime) -> dict[str, Any]:
        self.issued += 1
        value = f"FAKE{self.issued:04d}_{secrets.token_hex(24)}"
        self.tokens[value] = Token(value, source, now + dt.timedelta(seconds=TOKEN_TTL))
        return {"access_token": value, "expires_in": TOKEN_TTL}

    def check_token(self, value: str | None) -> int:
        if not value:
            return 41001
        token = self.tokens.get(value)
        return 40001 if token is None else self._token_error(token, self.clock.now())

    @staticmethod
    def _token_error(token: Token, now: dt.datetime) -> int:
        if token.invalid_from is not None and now >= token.invalid_from:
            return 40001
        return 42001 if now >= token.expires_at else 0

    # -- messages -----------------------------------------------------------------
    def _recipient_error(self, openid: str) -> int:
        if openid not in self.followers:
            return 40003
        return 0 if self.followers[openid] else 43004

    def custom_send(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Customer-service message: only within 48 h of the villager's last
        interaction, and at most `custom_quota` per window."""
        code = checks.custom_message(body) or self._recipient_error(body["touser"])
        if code:
            return code, {}
        openid = body["touser"]
        if not self.window_open(openid):
            return 45015, {}
        if self.window_pushes.get(openid, 0) >= self.custom_quota:
            return 45047, {}
        self.window_pushes[openid] = self.window_pushes.get(openid, 0) + 1
        self._push(openid, body["msgtype"], body)
        return 0, {}

    def template_send(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Template message: any time, to a follower, with a template the account added."""
        code = checks.template_message(body, self.templates) or self._recipient_error(
            body["touser"]
        )
        if code:
            return code, {}
        msgid = next(self._msgids)
        self._push(body["touser"], "template", body, msgid)
        return 0, {"msgid": msgid}

    def _push(self, openid: str, kind: str, body: dict[str, Any], msgid: int | None = None) -> None:
        self.pushes.append(Push(next(self._ids), openid, kind, body, self.clock.now(), msgid))

    def media_get(self, media_id: str | None) -> Media | None:
        """Temporary media are kept for 3 days."""
        item = self.media.get(media_id or "")
        if item is None or self.clock.now() - item.created_at > dt.timedelta(days=3):
            return None
        return item


def api_name(api: str) -> str:
    """Accept a short name ("custom_send") or a path ("/cgi-bin/message/custom/send")."""
    if api in APIS:
        return api
    for name, path in APIS.items():
        if api == path:
            return name
    raise ValueError(f"unknown fake WeChat API {api!r}; one of {sorted(APIS)}")
