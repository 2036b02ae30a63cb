"""Pictures a villager sent while a ticket was open are downloaded by the tick
through the WeChat client and stored with the ticket. (issue #4)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from bot.clock import FixedClock
from bot.fake_wechat.api import FakeWeChat
from bot.tickets.calendar import load_calendar
from bot.tickets.desk import TicketDesk
from bot.tickets.media import fetch_pending
from storage.repositories import Repos
from tests.conftest import runtime

JPEG = b"\xff\xd8\xff\xe0" + b"photo of a household register" + b"\xff\xd9"


async def test_pending_pictures_are_downloaded_and_stored(
    app_client: TestClient[Any, Any],
    fake_wechat: tuple[FakeWeChat, TestServer],
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    fake, _ = fake_wechat
    fake.add_media("media-hukou", JPEG, "image/jpeg")
    rt = runtime(app_client)
    async with rt.sessionmaker() as session, session.begin():
        repos = Repos.bind(session)
        await repos.villagers.ensure("oMediaVillager", clock.now())
        desk = TicketDesk(
            repos=repos,
            clock=clock,
            settings=rt.settings,
            catalog=rt.knowledge.current,
            calendar=await load_calendar(repos),
        )
        ticket = await desk.register(
            openid="oMediaVillager",
            item=rt.knowledge.current.by_id["dibao"],
            case=None,
            name="钱七",
            phone="13500002222",
            village="石门村",
        )
        await repos.attachments.add(ticket_id=ticket.id, media_id="media-hukou", now=clock.now())
        await repos.attachments.add(ticket_id=ticket.id, media_id="media-expired", now=clock.now())
    assert rt.client is not None
    stored = await fetch_pending(rt.sessionmaker, rt.client, tmp_path)
    assert stored == ["media-hukou"]
    async with rt.sessionmaker() as session:
        rows = {a.media_id: a for a in await Repos.bind(session).attachments.for_ticket(ticket.id)}
    good, gone = rows["media-hukou"], rows["media-expired"]
    assert good.status == "stored" and good.content_type == "image/jpeg" and good.size == len(JPEG)
    assert Path(good.path or "").read_bytes() == JPEG
    # WeChat keeps media 3 days; an unknown media id is a final error, not a retry loop.
    assert gone.status == "failed" and gone.attempts == 1
    assert await fetch_pending(rt.sessionmaker, rt.client, tmp_path) == []
