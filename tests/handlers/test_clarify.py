"""The menu after an unsure match: a number picks an item; when the matcher was
unsure about one item only, the menu is a question and "是的" answers it too."""

from __future__ import annotations

import datetime as dt

from tests.handlers.conftest import Chat


async def _ask_about(chat: Chat, *item_ids: str) -> None:
    """Leave the villager where the bot just showed a menu of these items."""
    async with chat.repos() as repos:
        now = chat.clock.now()
        await repos.conversation.save(
            chat.openid, "clarify", "menu", {"items": list(item_ids)}, now, dt.timedelta(minutes=30)
        )


async def test_yes_answers_a_one_item_question(chat: Chat) -> None:
    await _ask_about(chat, "dibao")
    reply = await chat.say("是的。")
    assert "【最低生活保障申请】" in reply and "办理" in reply
    state = await chat.state()
    assert state is None or state.flow != "clarify"


async def test_yes_does_not_pick_from_a_longer_menu(chat: Chat) -> None:
    await _ask_about(chat, "youdaizheng_tuiyi", "laonian_youdaizheng")
    reply = await chat.say("对")
    assert "【" not in reply  # not a guide: "对" is not one of the numbers
    state = await chat.state()
    assert state is None or state.flow != "clarify"  # the menu answers only the next message


async def test_a_number_still_works_for_one_item(chat: Chat) -> None:
    await _ask_about(chat, "dibao")
    assert "【最低生活保障申请】" in await chat.say("1")
