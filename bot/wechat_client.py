"""The one outbound door to the WeChat API: one method per call, one function that
turns errcodes into typed errors, the base URL from settings (tests and the demo
point it at bot.fake_wechat). No other module in the product makes HTTP requests."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar

import aiohttp

from bot.clock import Clock
from bot.config import Settings
from bot.token_store import TokenStore, TokenUnavailable

log = logging.getLogger(__name__)


class WeChatError(Exception):
    """WeChat refused a call. `retryable`: the same call may succeed later without
    the villager doing anything (the push logic retries with back-off); otherwise
    fall back (template message, phone call) or give up."""

    retryable: ClassVar[bool] = False

    def __init__(self, errcode: int | None, errmsg: str, *, api: str = "") -> None:
        super().__init__(f"{api or 'wechat'}: errcode={errcode} {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg
        self.api = api


class TokenInvalid(WeChatError):
    retryable = True  # 40001/40014/42001, surfacing after the client's one refresh-and-retry


class TokenQuotaExceeded(WeChatError):
    retryable = True  # 45009: the day's API quota is used up; back off for hours


class ReplyWindowClosed(WeChatError):
    """45015: the villager's last message is older than 48 h (or they left)."""


class CustomQuotaExceeded(WeChatError):
    """45047: too many customer-service pushes since the villager's last message."""


class NotFollowing(WeChatError):
    """43004: the villager no longer follows the account."""


class SubscribeRefused(WeChatError):
    """43101: the villager refused this kind of notice."""


class IpNotWhitelisted(WeChatError):
    retryable = True  # 40164: works again once an operator whitelists this server's IP


class SystemBusy(WeChatError):
    retryable = True  # -1: WeChat says "system busy, try again later"


class WeChatNetworkError(WeChatError):
    retryable = True  # no usable answer: timeout, connection error, 5xx, not JSON


ERRORS: dict[int, type[WeChatError]] = {
    -1: SystemBusy,
    40001: TokenInvalid,
    40014: TokenInvalid,
    42001: TokenInvalid,
    45009: TokenQuotaExceeded,
    45015: ReplyWindowClosed,
    45047: CustomQuotaExceeded,
    43004: NotFollowing,
    43101: SubscribeRefused,
    40164: IpNotWhitelisted,
}


def raise_for_errcode(payload: dict[str, Any], api: str) -> None:
    """Raise the typed WeChatError for a non-zero errcode; return for success."""
    code = payload.get("errcode", 0)
    if code in (0, None):
        return
    errmsg = str(payload.get("errmsg", ""))
    if not isinstance(code, int):
        raise WeChatNetworkError(None, f"errcode is not a number: {code!r}", api=api)
    cls = ERRORS.get(code, WeChatError)
    if cls is IpNotWhitelisted:
        log.error(
            "WECHAT REFUSES THIS SERVER'S IP (40164): add it to the Official Account's "
            "IP whitelist (Settings and Development > Basic Configuration > IP whitelist); "
            "until then nothing is sent. %s",
            errmsg,
        )
    raise cls(code, errmsg, api=api)


@dataclass(frozen=True)
class Media:
    """A downloaded temporary media file (voice, image). Video media come back as a
    download URL instead (`video_url`, content empty)."""

    content: bytes
    content_type: str
    filename: str | None
    video_url: str | None = None


ARTICLE_KEYS = ("title", "description", "url", "picurl")
_TOKEN_IN_TEXT = re.compile(r"access_token=[^&\s'\"]+")


def new_http_session() -> aiohttp.ClientSession:
    """The ClientSession the app opens once at start-up and closes at shutdown."""
    return aiohttp.ClientSession(raise_for_status=False)


class WeChatClient:
    """Async WeChat API client.

    :param base_url: BIANMIN_WECHAT_API_BASE (the production API, or the fake)
    :param http: a shared aiohttp.ClientSession (see new_http_session)
    :param token_store: where the shared access_token lives (bot.token_store)
    :param timeout: seconds before a call is abandoned with WeChatNetworkError
    """

    def __init__(
        self,
        *,
        base_url: str,
        appid: str,
        secret: str,
        http: aiohttp.ClientSession,
        clock: Clock,
        token_store: TokenStore,
        timeout: float = 5.0,
    ) -> None:
        self._base = base_url.rstrip("/")
        self._appid = appid
        self._secret = secret
        self._http = http
        self._clock = clock
        self._store = token_store
        self._timeout = aiohttp.ClientTimeout(total=timeout)

    @classmethod
    def from_settings(cls, settings: Settings, **deps: Any) -> WeChatClient:
        """The client for BIANMIN_WECHAT_*; `deps` are http, clock and token_store."""
        s = settings
        return cls(
            base_url=s.wechat_api_base,
            appid=s.wechat_appid,
            secret=s.wechat_secret,
            timeout=s.wechat_timeout,
            **deps,
        )

    # -- the API, one method per call ------------------------------------------------
    async def access_token(self) -> str:
        return await self._token()

    async def send_text(self, openid: str, text: str) -> None:
        """A customer-service text (within 48 h of the villager's last message; ≤ 2048 bytes)."""
        body = {"touser": openid, "msgtype": "text", "text": {"content": text}}
        await self._call("POST", "/cgi-bin/message/custom/send", api="custom_send", json_body=body)

    async def send_news(self, openid: str, articles: list[dict[str, str]]) -> None:
        """A customer-service news card: each article has title, description, url,
        picurl. WeChat takes one article per message (45008 beyond)."""
        items = [{k: a.get(k, "") for k in ARTICLE_KEYS} for a in articles]
        body = {"touser": openid, "msgtype": "news", "news": {"articles": items}}
        await self._call("POST", "/cgi-bin/message/custom/send", api="custom_send", json_body=body)

    async def send_template(
        self, openid: str, template_id: str, data: dict[str, str], url: str | None = None
    ) -> int:
        """A template message (any time, to a follower); returns the msgid that the
        later TEMPLATESENDJOBFINISH event names."""
        body: dict[str, Any] = {
            "touser": openid,
            "template_id": template_id,
            "data": {key: {"value": value} for key, value in data.items()},
        }
        if url:
            body["url"] = url
        payload = await self._call(
            "POST", "/cgi-bin/message/template/send", api="template_send", json_body=body
        )
        try:
            return int(payload["msgid"])
        except (KeyError, TypeError, ValueError) as exc:
            raise WeChatNetworkError(None, "no msgid", api="template_send") from exc

    async def download_media(self, media_id: str) -> Media:
        """Temporary media (voice, image) a villager sent; WeChat keeps them 3 days."""
        result = await self._call(
            "GET", "/cgi-bin/media/get", api="media_get", params={"media_id": media_id}, raw=True
        )
        if isinstance(result, Media):
            return result
        return Media(b"", "application/json", None, video_url=str(result.get("video_url") or ""))

    async def create_menu(self, menu: dict[str, Any]) -> None:
        await self._call("POST", "/cgi-bin/menu/create", api="menu_create", json_body=menu)

    # -- access_token --------------------------------------------------------------
    async def _token(self, stale: str | None = None) -> str:
        try:
            if stale is None:
                return await self._store.get_token(self._appid, self._fetch_token)
            return await self._store.get_token(
                self._appid, partial(self._fetch_token, stale), force=True, stale_token=stale
            )
        except TokenUnavailable as exc:
            raise WeChatNetworkError(None, str(exc), api="stable_token") from exc

    async def _fetch_token(self, stale: str | None = None) -> tuple[str, int]:
        """POST /cgi-bin/stable_token. The normal mode first: a forced refresh would
        invalidate the token every other replica is using (and is limited per day)."""
        token, expires_in = await self._stable_token(force=False)
        if stale is not None and token == stale:
            # WeChat handed back the very token it refused: only force replaces it.
            token, expires_in = await self._stable_token(force=True)
        return token, expires_in

    async def _stable_token(self, *, force: bool) -> tuple[str, int]:
        api = "stable_token"
        body = {"grant_type": "client_credential", "force_refresh": force}
        body.update(appid=self._appid, secret=self._secret)
        payload = await self._request("POST", "/cgi-bin/stable_token", api=api, json_body=body)
        assert isinstance(payload, dict)
        token, expires_in = payload.get("access_token"), payload.get("expires_in")
        if not isinstance(token, str) or not token or not isinstance(expires_in, int):
            raise WeChatNetworkError(None, "answered without a token", api=api)
        return token, expires_in

    # -- transport ------------------------------------------------------------------
    async def _call(self, method: str, path: str, *, api: str, **options: Any) -> Any:
        """A call with the access_token. After 40001/40014/42001, refresh it (unless
        another process already has) and retry exactly once (WeChat's access_token
        guide); a second refusal surfaces as TokenInvalid."""
        params = options.pop("params", None) or {}
        token = await self._token()
        for attempt in (1, 2):
            try:
                query = {**params, "access_token": token}
                return await self._request(method, path, api=api, params=query, **options)
            except TokenInvalid as exc:
                if attempt == 2:
                    raise
                log.info("%s: token refused (%s); refresh, retry once", api, exc.errcode)
                token = await self._token(stale=token)

    async def _request(
        self,
        method: str,
        path: str,
        *,
        api: str,
        params: dict[str, str] | None = None,
        json_body: Any = None,
        raw: bool = False,
    ) -> dict[str, Any] | Media:
        send: dict[str, Any] = {"params": params, "timeout": self._timeout}
        if json_body is not None:
            # WeChat wants UTF-8 Chinese; \uXXXX escapes reach villagers literally.
            send["data"] = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
            send["headers"] = {"Content-Type": "application/json; charset=utf-8"}
        try:
            async with self._http.request(method, self._base + path, **send) as resp:
                body = await resp.read()
                status, ctype = resp.status, resp.content_type
                filename = resp.content_disposition.filename if resp.content_disposition else None
        except (TimeoutError, aiohttp.ClientError) as exc:
            detail = _TOKEN_IN_TEXT.sub("access_token=***", f"{type(exc).__name__} {exc}")
            raise WeChatNetworkError(None, detail.strip(), api=api) from exc
        if status != 200:
            raise WeChatNetworkError(None, f"HTTP {status}", api=api)
        # media/get answers errors (and video links) as JSON, often labelled text/plain.
        if raw and ctype not in {"application/json", "text/plain", "text/json"}:
            return Media(body, ctype, filename)
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise WeChatNetworkError(None, f"not JSON ({ctype})", api=api) from exc
        if not isinstance(payload, dict):
            raise WeChatNetworkError(None, "JSON is not an object", api=api)
        raise_for_errcode(payload, api)
        return payload
