"""投诉/举报/信访/矛盾纠纷/意见建议: a ticket for the 综治中心 and a notice for the leader on duty."""

from __future__ import annotations

from handlers.complaint import category_of
from storage.models import StaffNotice, Ticket
from tests.handlers.conftest import Chat


async def test_complaint_asks_for_the_matter_then_registers_it(chat: Chat) -> None:
    leader = await chat.add_staff("leader1", "leader")
    head = await chat.add_staff("zongzhi_head", "head", "zongzhi")
    ask = await chat.say("我要投诉")
    assert "一段话" in ask and "取消" in ask
    assert await chat.tickets() == []  # nothing registered from "I want to complain" alone

    reply = await chat.say("邻居把我家地界的树砍了，村里调解了两次都没用")
    (ticket,) = await chat.tickets()
    assert ticket.kind == "complaint" and ticket.department_id == "zongzhi"
    assert (
        ticket.item_name == "矛盾纠纷"
        and ticket.content == "邻居把我家地界的树砍了，村里调解了两次都没用"
    )
    for part in (ticket.number, "矛盾纠纷", "综治中心（信访办）", "15个工作日", "值班领导"):
        assert part in reply, part
    notices = await chat.rows(StaffNotice, StaffNotice.ticket_id == ticket.id)
    assert {n.staff_id for n in notices} == {leader, head}
    assert all(ticket.number in n.text for n in notices)
    assert await chat.state() is None


async def test_a_long_first_message_is_the_description(chat: Chat) -> None:
    await chat.add_staff("leader1", "leader")
    reply = await chat.say("我要举报村干部优亲厚友，把低保给了自己亲戚")
    (ticket,) = await chat.tickets()
    assert ticket.item_name == "举报" and "优亲厚友" in (ticket.content or "")
    assert ticket.number in reply
    assert await chat.rows(StaffNotice, StaffNotice.kind == "complaint") != []


async def test_complaint_can_be_cancelled(chat: Chat) -> None:
    await chat.say("我要投诉")
    assert "不反映了" in await chat.say("取消")
    assert await chat.rows(Ticket) == []


async def test_a_too_short_description_is_asked_again(chat: Chat) -> None:
    await chat.say("信访")
    assert "详细" in await chat.say("有事")
    await chat.say("去年修路占了我家两分地，补偿款到现在还没发")
    (ticket,) = await chat.tickets()
    assert ticket.item_name == "信访"


def test_categories_from_keywords() -> None:
    assert category_of("我要举报有人贪污") == "举报"
    assert category_of("和邻居因为地界吵架") == "矛盾纠纷"
    assert category_of("我提个建议，大厅多放几把椅子") == "意见建议"
    assert category_of("上访") == "信访"
    assert category_of("窗口办事拖拉") == "投诉"
    assert category_of("说不清楚是什么") == "投诉"
