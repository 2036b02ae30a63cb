"""What nobody else took, through the real app: a real question outside the center's work
gets the "I don't know" answer with the departments and a person; a lone digit where no
list waits gets one line that says what to reply instead."""

from __future__ import annotations

from tests.handlers.conftest import Chat


async def test_out_of_scope_gets_the_departments_and_a_person(chat: Chat) -> None:
    reply = await chat.say("今天天气怎么样")
    assert "答不上来" in reply and "民政办：" in reply and "人工" in reply


async def test_a_digit_after_a_guide_answer_points_to_banli(chat: Chat) -> None:
    """出生登记's notice lists its cases as ◆ 1. 2. …: replying 1 means nothing there."""
    await chat.say("孩子出生了怎么上户口")
    reply = await chat.say("1")
    assert "要登记【出生登记】，请回复“办理”" in reply and "民政办：" not in reply
    assert "第1步" in await chat.say("办理")  # the item is still the one to register


async def test_a_digit_out_of_the_blue(chat: Chat) -> None:
    reply = await chat.say("3")
    assert "没有要选的数字" in reply and "人工" in reply and "民政办：" not in reply


async def test_not_understood_right_after_a_notice_points_to_that_items_office(
    chat: Chat,
) -> None:
    """公示在哪看 after 低保's notice: 民政办's phone and window, not fifteen departments. A plainly
    other matter (天气) still gets the whole list; so does a long message."""
    await chat.say("低保要带啥")
    reply = await chat.say("公示在哪看")
    assert "关于【最低生活保障申请】的这个问题，请打电话 0871-6512 3403 问民政办" in reply, reply
    assert "3号窗口" in reply and "派出所户籍窗口：" not in reply
    assert "答不上来" in await chat.say("村里不给盖章咋办")
    weather = await chat.say("今天天气怎么样")
    assert "派出所户籍窗口：" in weather and "【最低生活保障申请】" not in weather


async def test_does_income_count_is_a_condition(chat: Chat) -> None:
    await chat.say("低保要带啥")
    reply = await chat.say("儿子在外打工收入算不算")
    assert reply.startswith("【最低生活保障申请】\n办理条件：") and "月人均收入" in reply, reply
