"""Test helpers: signed WeChat callbacks built by hand (not by our gateway code)."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

TOKEN = "test-token"
APPID = "wxtest00000000001"
SECRET = "test-secret-0123456789"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
ACCOUNT = "gh_testaccount01"

_msgids = itertools.count(10_000_000_001)


def sign(token: str, timestamp: int | str, nonce: str, *extra: str) -> str:
    return hashlib.sha1(
        "".join(sorted([token, str(timestamp), nonce, *extra])).encode()
    ).hexdigest()


def query(timestamp: int, nonce: str = "nonce42", token: str = TOKEN, **extra: str) -> str:
    params = {
        "signature": sign(token, timestamp, nonce),
        "timestamp": str(timestamp),
        "nonce": nonce,
    }
    params.update(extra)
    return "/wechat?" + urlencode(params)


def cdata(value: str) -> str:
    return "<![CDATA[" + value + "]]>"


def text_xml(openid: str, content: str, created: int, msg_id: int | None = None) -> str:
    mid = msg_id if msg_id is not None else next(_msgids)
    return (
        f"<xml><ToUserName>{cdata(ACCOUNT)}</ToUserName><FromUserName>{cdata(openid)}</FromUserName>"
        f"<CreateTime>{created}</CreateTime><MsgType>{cdata('text')}</MsgType>"
        f"<Content>{cdata(content)}</Content><MsgId>{mid}</MsgId></xml>"
    )


def xml(openid: str, created: int, msg_type: str, **fields: str | int) -> str:
    body = "".join(
        f"<{k}>{v}</{k}>" if isinstance(v, int) else f"<{k}>{cdata(v)}</{k}>"
        for k, v in fields.items()
    )
    return (
        f"<xml><ToUserName>{cdata(ACCOUNT)}</ToUserName><FromUserName>{cdata(openid)}</FromUserName>"
        f"<CreateTime>{created}</CreateTime><MsgType>{cdata(msg_type)}</MsgType>{body}</xml>"
    )


def next_msg_id() -> int:
    return next(_msgids)


async def add_staff(
    sessionmaker: Any,
    now: dt.datetime,
    password_hash: str,
    accounts: Iterable[tuple[str, str, str, str | None, str | None]],
) -> dict[str, int]:
    """Staff accounts (username, display name, role, department, town or None for
    county staff) in one transaction; returns their ids by username."""
    from storage.repositories import Repos

    ids: dict[str, int] = {}
    async with sessionmaker() as session, session.begin():
        repos = Repos.bind(session)
        for username, name, role, department, town in accounts:
            member = await repos.staff.add(
                username=username,
                display_name=name,
                role=role,
                department_id=department,
                password_hash=password_hash,
                now=now,
            )
            member.town_id = town
            ids[username] = member.id
    return ids


async def ticket_desk(rt: Any, repos: Any, town: str = "main") -> Any:
    """The ticket desk of a town's center, as the dispatcher makes it per message."""
    from bot.tickets.calendar import load_calendar
    from bot.tickets.desk import TicketDesk

    return TicketDesk(
        repos=repos,
        clock=rt.clock,
        settings=rt.settings,
        catalog=rt.knowledge.catalog_for(town),
        calendar=await load_calendar(repos),
        town=town,
    )


async def register_ticket(
    rt: Any,
    openid: str,
    item_id: str = "dibao",
    *,
    town: str = "main",
    name: str = "张三",
    phone: str = "13812345678",
    village: str = "石桥村",
) -> str:
    """A ticket as the registration flow makes it (the desk, one unit of work);
    returns its number."""
    from storage.repositories import Repos

    async with rt.sessionmaker() as session, session.begin():
        repos = Repos.bind(session)
        await repos.villagers.ensure(openid, rt.clock.now())
        desk = await ticket_desk(rt, repos, town)
        ticket = await desk.register(
            openid=openid,
            item=desk.catalog.by_id[item_id],
            case=None,
            name=name,
            phone=phone,
            village=village,
        )
        return str(ticket.number)
