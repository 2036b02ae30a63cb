"""Villagers (WeChat followers)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from storage.models import Villager
from storage.repositories.prepared import Prepared
from storage.repositories.upsert import upsert_text
from storage.unit import orm_session

WINDOW = dt.timedelta(hours=48)
_NEW = ("openid", "first_seen_at", "subscribed", "window_pushes", "last_inbound_at")
_TABLE = cast(Table, Villager.__table__)
_ARRIVE_OPENS = Prepared(
    upsert_text(
        _TABLE,
        values=_NEW,
        conflict="openid",
        update={"last_inbound_at": "excluded.last_inbound_at", "window_pushes": "0"},
        returning=("town_id",),
    )
)
# No change, but RETURNING needs the row to be "updated".
_ARRIVE = Prepared(
    upsert_text(
        _TABLE,
        values=_NEW,
        conflict="openid",
        update={"openid": "excluded.openid"},
        returning=("town_id",),
    )
)
_REMEMBER = Prepared(
    update(Villager)
    .where(Villager.openid == bindparam("who"))
    .values(name=bindparam("n"), phone=bindparam("p"), village=bindparam("v"))
)
_APPLICANT = Prepared(
    select(Villager.name, Villager.phone, Villager.village).where(
        Villager.openid == bindparam("openid")
    )
)


@dataclass(frozen=True)
class Applicant:
    """Details remembered from the villager's last registration (offered, masked)."""

    name: str
    phone: str
    village: str


class VillagerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, openid: str) -> Villager | None:
        found: Villager | None = await self.session.scalar(
            select(Villager).where(Villager.openid == openid)
        )
        return found

    async def ensure(self, openid: str, now: dt.datetime) -> Villager:
        """Create the villager on first contact; safe against concurrent first messages."""
        await self.arrive(openid, now, opens_window=False)
        villager = await self.get(openid)
        assert villager is not None
        return villager

    async def arrive(self, openid: str, now: dt.datetime, *, opens_window: bool) -> str | None:
        """A message came in: create the villager on first contact and, for a message
        that opens the 48-hour window, restart it; returns the villager's town. One
        statement (the webhook's hot path: ensure + touch + get were three)."""
        rows = await (_ARRIVE_OPENS if opens_window else _ARRIVE).rows(
            self.session,
            {
                "openid": openid,
                "first_seen_at": now,
                "subscribed": True,
                "window_pushes": 0,
                "last_inbound_at": now if opens_window else None,
            },
        )
        town: str | None = rows[0][0]
        return town

    async def applicant(self, openid: str) -> Applicant | None:
        """The remembered name, phone and village, if all three are known."""
        rows = await _APPLICANT.rows(self.session, {"openid": openid})
        if not rows or not all(rows[0]):
            return None
        return Applicant(*rows[0])

    async def touch(self, openid: str, now: dt.datetime) -> None:
        """A message from the villager opens a new 48-hour customer-service window."""
        await self.session.execute(
            update(Villager)
            .where(Villager.openid == openid)
            .values(last_inbound_at=now, window_pushes=0)
        )

    async def set_subscribed(self, openid: str, subscribed: bool, scene: str | None = None) -> None:
        values: dict[str, object] = {"subscribed": subscribed}
        if scene:
            values["qrscene"] = scene
        await self.session.execute(
            update(Villager).where(Villager.openid == openid).values(**values)
        )

    async def count_window_push(self, openid: str) -> None:
        await self.session.execute(
            update(Villager)
            .where(Villager.openid == openid)
            .values(window_pushes=Villager.window_pushes + 1)
        )

    @staticmethod
    def in_window(villager: Villager, now: dt.datetime, quota: int) -> bool:
        """Whether a customer-service push is allowed now (48 h, quota per window)."""
        return (
            villager.last_inbound_at is not None
            and now - villager.last_inbound_at < WINDOW
            and villager.window_pushes < quota
        )

    async def remember_applicant(self, openid: str, *, name: str, phone: str, village: str) -> None:
        """Details from the last registration, offered (masked) next time (a prepared
        write: every registration makes it)."""
        await _REMEMBER.rows(self.session, {"who": openid, "n": name, "p": phone, "v": village})
        session = orm_session(self.session)
        if session is not None:  # a villager loaded before sees the new details
            for obj in list(session.identity_map.values()):
                if isinstance(obj, Villager) and obj.openid == openid:
                    # as the ORM's own UPDATE would ("evaluate"): no reload needed
                    for key, value in (("name", name), ("phone", phone), ("village", village)):
                        set_committed_value(obj, key, value)

    async def window_states(self, openids: list[str]) -> dict[str, tuple[dt.datetime | None, int]]:
        """(last inbound time, pushes used in the window) per openid, in one query."""
        rows = await self.session.execute(
            select(Villager.openid, Villager.last_inbound_at, Villager.window_pushes).where(
                Villager.openid.in_(openids)
            )
        )
        return {r.openid: (r.last_inbound_at, r.window_pushes) for r in rows}

    async def set_town(self, openid: str, town: str) -> None:
        await self.session.execute(
            update(Villager).where(Villager.openid == openid).values(town_id=town)
        )
