"""The fake WeChat's access_token rules: credentials, stable_token's normal and
forced modes, the 5-minute handover, the classic /cgi-bin/token, and the token
checks on every API call. Plain HTTP against a real server."""

from __future__ import annotations

import aiohttp
import pytest

from bot.clock import FixedClock
from tests import helpers
from tests.bot.fake_wechat.fake_calls import CUSTOM, OPENID, Fake, post, stable, text, token

# -- access_token ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("over", "errcode"),
    [
        ({"appid": "wxnotours00000000"}, 40013),
        ({"secret": "wrong"}, 40125),
        ({"grant_type": "password"}, 40002),
    ],
)
async def test_stable_token_checks_credentials(
    fake_wechat: Fake, http: aiohttp.ClientSession, over: dict[str, str], errcode: int
) -> None:
    fake, server = fake_wechat
    assert (await stable(http, server, **over))["errcode"] == errcode
    assert fake.issued == 0


async def test_stable_token_normal_mode_returns_the_same_token(
    fake_wechat: Fake, http: aiohttp.ClientSession, clock: FixedClock
) -> None:
    fake, server = fake_wechat
    first = await stable(http, server)
    assert first["expires_in"] == 7200 and "errcode" not in first
    clock.advance(seconds=600)
    again = await stable(http, server)
    assert again["access_token"] == first["access_token"] and again["expires_in"] == 6600
    assert fake.issued == 1


async def test_stable_token_renews_in_the_last_five_minutes_and_old_keeps_working(
    fake_wechat: Fake, http: aiohttp.ClientSession, clock: FixedClock
) -> None:
    fake, server = fake_wechat
    old = await token(http, server)
    clock.advance(seconds=7200 - 299)
    new = await token(http, server)
    assert new != old and fake.issued == 2
    assert fake.check_token(old) == 0  # the handover: both valid until the old expires
    clock.advance(seconds=300)
    assert fake.check_token(old) == 42001 and fake.check_token(new) == 0


async def test_force_refresh_invalidates_the_previous_token(
    fake_wechat: Fake, http: aiohttp.ClientSession
) -> None:
    fake, server = fake_wechat
    old = await token(http, server)
    new = (await stable(http, server, force=True))["access_token"]
    assert new != old
    assert (await post(http, server, CUSTOM, text("hi"), token=old))["errcode"] == 40001
    assert fake.check_token(new) == 0


async def test_force_refresh_is_limited_per_day(
    fake_wechat: Fake, http: aiohttp.ClientSession
) -> None:
    fake, server = fake_wechat
    fake.force_refresh_daily_limit = 2
    for _ in range(2):
        assert "access_token" in await stable(http, server, force=True)
    assert (await stable(http, server, force=True))["errcode"] == 45009


async def test_classic_token_is_new_each_time_with_five_minute_overlap(
    fake_wechat: Fake, http: aiohttp.ClientSession, clock: FixedClock
) -> None:
    fake, server = fake_wechat
    q = {"grant_type": "client_credential", "appid": helpers.APPID, "secret": helpers.SECRET}
    tokens = []
    for _ in range(2):
        async with http.get(server.make_url("/cgi-bin/token"), params=q) as resp:
            tokens.append((await resp.json())["access_token"])
    assert tokens[0] != tokens[1]
    assert fake.check_token(tokens[0]) == 0
    clock.advance(seconds=301)
    assert fake.check_token(tokens[0]) == 40001 and fake.check_token(tokens[1]) == 0
    async with http.get(server.make_url("/cgi-bin/token"), params={**q, "secret": "x"}) as resp:
        assert (await resp.json())["errcode"] == 40125


async def test_token_checks_on_api_calls(
    fake_wechat: Fake, http: aiohttp.ClientSession, clock: FixedClock
) -> None:
    fake, server = fake_wechat
    fake.record_interaction(OPENID)
    assert (await post(http, server, CUSTOM, text("hi")))["errcode"] == 41001
    assert (await post(http, server, CUSTOM, text("hi"), token="forged"))["errcode"] == 40001
    good = await token(http, server)
    clock.advance(seconds=7201)
    assert (await post(http, server, CUSTOM, text("hi"), token=good))["errcode"] == 42001
