"""转人工: the staff queue, a quiet bot while a person handles it, and back."""

from __future__ import annotations

from bot.clock import FixedClock
from storage.models import Handoff, InboundMessage, StaffNotice
from tests.handlers.conftest import Chat


async def test_handoff_keeps_the_bot_quiet_until_staff_close_it(
    chat: Chat, clock: FixedClock
) -> None:
    clerk = await chat.add_staff("clerk1", "clerk", "minzheng")
    await chat.add_staff("head1", "head", "minzheng")
    first = await chat.say("人工")
    assert "转给工作人员" in first and "请稍等" in first
    (handoff,) = await chat.rows(Handoff)
    assert (handoff.openid, handoff.status, handoff.unread) == (chat.openid, "waiting", 1)
    (notice,) = await chat.rows(StaffNotice)  # the clerks on duty hear of it, once
    assert (notice.staff_id, notice.kind) == (clerk, "handoff")

    # Quiet: no answer, not even to a question the bot knows, nor a picture.
    assert await chat.say("低保要带什么") == ""
    assert await chat.say("人工") == ""
    assert await chat.image("media-during-handoff") == ""
    (handoff,) = await chat.rows(Handoff)
    assert handoff.unread == 4
    texts = [m.text for m in await chat.rows(InboundMessage) if m.text]
    assert texts == ["人工", "低保要带什么", "人工"]  # stored anyway, for staff
    assert len(await chat.rows(StaffNotice)) == 1

    # Staff close it (the console does this): the very next message is the bot's again.
    async with chat.repos() as repos:
        row = await repos.handoffs.get(handoff.id)
        assert row is not None
        row.status, row.closed_at = "closed", clock.now()
    assert "最低生活保障" in await chat.say("低保要带什么")


async def test_after_hours_says_when_a_person_will_answer(chat: Chat, clock: FixedClock) -> None:
    clock.set("2026-11-28T10:00")  # Saturday
    reply = await chat.say("转人工")
    assert "下班时间" in reply and "11月30日（周一）上午8:30" in reply
    assert "0871-6512 3456" in reply  # the consult phone for the urgent
    (handoff,) = await chat.rows(Handoff)
    assert handoff.status == "waiting"


async def test_lunch_break_says_this_afternoon(chat: Chat, clock: FixedClock) -> None:
    clock.set("2026-11-24T12:30")
    assert "今天下午2:00" in await chat.say("人工")


async def test_evening_says_tomorrow_morning(chat: Chat, clock: FixedClock) -> None:
    clock.set("2026-11-24T19:00")
    assert "明天上午8:30" in await chat.say("人工")


async def test_working_hours_do_not_mention_closing(chat: Chat) -> None:
    reply = await chat.say("人工")
    assert "下班" not in reply
