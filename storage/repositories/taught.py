"""问题学习: the messages the bot did not understand, and the answers staff taught for them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import InboundMessage, Staff, TaughtQuestion, Villager

# What the router logged for a message the matcher could not answer with one item:
# handlers/unknown.py and handlers/clarify.py (a menu). Text and recognised voice only.
MISSED_INTENTS = ("unknown", "clarify")
WORDED = ("text", "voice")


@dataclass(frozen=True)
class Missed:
    message_id: int
    text: str
    intent: str
    received_at: dt.datetime
    town_id: str | None
    label: str | None = None  # set once taught (None there: dismissed)
    taught_by: str | None = None
    taught_at: dt.datetime | None = None


class TaughtRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def missed(
        self, *, town_id: str | None, taught: bool, before: int | None = None, limit: int = 50
    ) -> list[Missed]:
        """Newest first: not yet taught (taught=False), or taught and dismissed ones (True).
        town_id limits to one town's villagers; None: every town."""
        t, v = TaughtQuestion, Villager
        q = self._listing().where(t.id.is_not(None) if taught else t.id.is_(None))
        if town_id is not None:
            q = q.where(v.town_id == town_id)
        if before is not None:
            q = q.where(InboundMessage.id < before)
        rows = await self.session.execute(q.order_by(InboundMessage.id.desc()).limit(limit))
        return [_missed(r) for r in rows]

    async def one(self, message_id: int) -> Missed | None:
        """One message the bot missed, with what it was taught if it was."""
        row = (
            await self.session.execute(self._listing().where(InboundMessage.id == message_id))
        ).first()
        return None if row is None else _missed(row)

    @staticmethod
    def _listing() -> Select[Any]:
        m, t, v, s = InboundMessage, TaughtQuestion, Villager, Staff
        return (
            # in Missed's order
            select(
                m.id,
                m.text,
                m.intent,
                m.received_at,
                v.town_id,
                t.label,
                s.display_name,
                t.taught_at,
            )
            .outerjoin(t, t.message_id == m.id)
            .outerjoin(v, v.openid == m.openid)
            .outerjoin(s, s.id == t.staff_id)
            .where(m.intent.in_(MISSED_INTENTS), m.msg_type.in_(WORDED), m.text.is_not(None))
        )

    async def teach(
        self, missed: Missed, *, label: str | None, staff_id: int, now: dt.datetime
    ) -> None:
        """Label (or, with None, dismiss) the message; teaching it again replaces the label."""
        found = await self.session.scalar(
            select(TaughtQuestion).where(TaughtQuestion.message_id == missed.message_id)
        )
        if found is None:
            found = TaughtQuestion(message_id=missed.message_id, text=missed.text)
            self.session.add(found)
        found.label, found.staff_id, found.taught_at = label, staff_id, now
        found.town_id = missed.town_id
        await self.session.flush()

    async def lines(self, town_id: str | None = None) -> list[tuple[str, str]]:
        """(label, text) of every taught message, oldest first; dismissed ones left out."""
        q = select(TaughtQuestion.label, TaughtQuestion.text).where(
            TaughtQuestion.label.is_not(None)
        )
        if town_id is not None:
            q = q.where(TaughtQuestion.town_id == town_id)
        rows = await self.session.execute(q.order_by(TaughtQuestion.id))
        return [(str(label), text) for label, text in rows]


def _missed(row: Row[Any]) -> Missed:
    return Missed(*row)
