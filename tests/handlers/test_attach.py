"""Pictures sent while a ticket is open are attached to it."""

from __future__ import annotations

from storage.models import Attachment
from tests.handlers.conftest import OTHER, Chat


async def test_picture_without_a_ticket_is_not_attached(chat: Chat) -> None:
    reply = await chat.image("media-no-ticket")
    assert "图片收到了" in reply and "要办什么事" in reply
    assert await chat.rows(Attachment) == []


async def test_picture_goes_to_the_open_ticket(chat: Chat) -> None:
    ticket = await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    await chat.say("进度")  # the ticket need not be the last thing talked about
    reply = await chat.image("media-hukou-page-1")
    assert ticket.number in reply and "最低生活保障申请" in reply
    await chat.image("media-hukou-page-2")
    rows = await chat.rows(Attachment)
    assert [(a.ticket_id, a.media_id, a.status) for a in rows] == [
        (ticket.id, "media-hukou-page-1", "pending"),
        (ticket.id, "media-hukou-page-2", "pending"),
    ]


async def test_picture_goes_to_no_closed_ticket(chat: Chat) -> None:
    ticket = await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    await chat.say(f"撤回 {ticket.number}")
    await chat.say("是")
    reply = await chat.image("media-late")
    assert ticket.number not in reply
    assert await chat.rows(Attachment) == []


async def test_someone_elses_ticket_gets_no_pictures(chat: Chat) -> None:
    await chat.register("低保要带什么", "张建明", "13812345678", "青石村", "1", "确认")
    reply = await chat.as_(OTHER).image("media-stranger")
    assert "BM" not in reply
    assert await chat.rows(Attachment) == []
