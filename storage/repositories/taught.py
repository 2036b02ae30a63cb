"""问题学习: the messages the bot did not understand, and the answers staff taught for them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, select
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
        m, t, v, s = InboundMessage, TaughtQuestion, Villager, Staff
        q = (
            select(*_COLUMNS, t.label, s.display_name, t.taught_at)
            .outerjoin(t, t.message_id == m.id)
            .outerjoin(v, v.openid == m.openid)
            .outerjoin(s, s.id == t.staff_id)
            .where(m.intent.in_(MISSED_INTENTS), m.msg_type.in_(WORDED), m.text.is_not(None))
            .where(t.id.is_not(None) if taught else t.id.is_(None))
        )
        if town_id is not None:
            q = q.where(v.town_id == town_id)
        if before is not None:
            q = q.where(m.id < before)
        rows = await self.session.execute(q.order_by(m.id.desc()).limit(limit))
        return [_missed(r) for r in rows]

    async def message(self, message_id: int) -> Missed | None:
        """A message that may be taught (one the bot missed), with its villager's town."""
        m, v = InboundMessage, Villager
        row = (
            await self.session.execute(
                select(*_COLUMNS)
                .outerjoin(v, v.openid == m.openid)
                .where(m.id == message_id, m.intent.in_(MISSED_INTENTS), m.msg_type.in_(WORDED))
            )
        ).first()
        return None if row is None or row.text is None else _missed(row)

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


_COLUMNS = (
    InboundMessage.id,
    InboundMessage.text,
    InboundMessage.intent,
    InboundMessage.received_at,
    Villager.town_id,
)


def _missed(row: Row[Any]) -> Missed:
    taught = tuple(row[5:8]) if len(row) > 5 else (None, None, None)
    return Missed(row[0], row[1], row[2], row[3], row[4], *taught)
