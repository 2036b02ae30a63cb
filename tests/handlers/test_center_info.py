"""Questions about the center itself, through the real app: a question about a visit gets
the short card (address, hours, the consult phone), one about phones the phones, others the
whole card; `bianmin ask` gives the same text."""

from __future__ import annotations

from tests.handlers.conftest import Chat


async def test_saturday_hours_get_the_short_card(chat: Chat) -> None:
    reply = await chat.say("你们周六上班吗")
    assert "周六上午9:00-12:00" in reply and "地址：" in reply and "咨询电话：" in reply
    assert "各窗口：" not in reply and "回复“中心电话”" in reply
    phones = await chat.say("中心电话")
    assert "各窗口：" in phones and "监督投诉电话" in phones and "地址：" not in phones


async def test_a_named_window_s_phone(chat: Chat) -> None:
    reply = await chat.say("医保窗口电话多少")
    assert "医保工作站" in reply and reply.count("· ") == 1


async def test_which_floor_a_window_is_on(chat: Chat) -> None:
    """几楼 asks where: the address (镇政府一楼) with that window alone, not all fifteen."""
    reply = await chat.say("医保窗口在几楼")
    assert "一楼" in reply and "4号窗口 医保工作站" in reply, reply
    assert reply.count("· ") == 1 and "监督投诉电话" not in reply
