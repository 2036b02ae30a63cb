"""The /wechat callback through a real server: signatures, limits, bad input,
every message type, and what lands in the database. (issue #2)"""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp.test_utils import TestClient
from sqlalchemy import select

from bot.clock import FixedClock
from storage.models import InboundMessage, Villager
from tests import helpers
from tests.conftest import runtime

OPENID = "oVillager0000000000000000001"


def now_ts(clock: FixedClock) -> int:
    return int(clock.now().timestamp())


async def post(client: TestClient[Any, Any], clock: FixedClock, body: str | bytes, **q: str) -> Any:
    return await client.post(helpers.query(now_ts(clock), **q), data=body)


async def rows(client: TestClient[Any, Any], model: Any) -> list[Any]:
    async with runtime(client).sessionmaker() as session:
        return list(await session.scalars(select(model)))


def content_of(xml_text: str) -> str:
    import xmltodict

    return str(xmltodict.parse(xml_text)["xml"]["Content"])


async def test_url_verification_echoes(app_client: TestClient[Any, Any], clock: FixedClock) -> None:
    resp = await app_client.get(helpers.query(now_ts(clock), echostr="echo-123"))
    assert resp.status == 200
    assert await resp.text() == "echo-123"


async def test_url_verification_refuses_bad_signature(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    resp = await app_client.get(helpers.query(now_ts(clock), token="wrong", echostr="x"))
    assert resp.status == 403


async def test_text_question_gets_the_catalog_answer(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    resp = await post(
        app_client, clock, helpers.text_xml(OPENID, "办低保要带什么材料", now_ts(clock))
    )
    assert resp.status == 200
    body = await resp.text()
    import xmltodict

    reply = xmltodict.parse(body)["xml"]
    assert reply["ToUserName"] == OPENID and reply["FromUserName"] == helpers.ACCOUNT
    assert "最低生活保障" in reply["Content"]
    assert "身份证" in reply["Content"]
    (msg,) = await rows(app_client, InboundMessage)
    assert msg.text == "办低保要带什么材料" and msg.state == "replied" and msg.intent == "guide"
    (villager,) = await rows(app_client, Villager)
    assert villager.openid == OPENID and villager.last_inbound_at == clock.now()


async def test_wechat_stickers_in_a_text_are_read_as_words(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    # WeChat sends its own stickers inside the text as [名字]: [合十] is thanks, [捂脸] nothing
    import xmltodict

    resp = await post(app_client, clock, helpers.text_xml(OPENID, "您好[合十]", now_ts(clock)))
    assert "小助手" in xmltodict.parse(await resp.text())["xml"]["Content"]
    resp = await post(
        app_client, clock, helpers.text_xml(OPENID, "低保咋办[捂脸][捂脸]", now_ts(clock))
    )
    assert "最低生活保障" in xmltodict.parse(await resp.text())["xml"]["Content"]
    intents = sorted(m.intent for m in await rows(app_client, InboundMessage))
    assert intents == ["greeting", "guide"]


async def test_metrics_count_repeated_questions_answered_from_recent_decisions(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    async def metric(source: str) -> int:
        text = await (await app_client.get("/metrics")).text()
        line = f'bianmin_matcher_decisions_total{{source="{source}"}} '
        return int(next(x for x in text.splitlines() if x.startswith(line)).split()[-1])

    scored, recent = await metric("scored"), await metric("recent")
    replies = []
    for n, who in enumerate(("oMetricsA", "oMetricsB")):
        xml = helpers.text_xml(who, "残疾证咋个办", now_ts(clock), msg_id=9100 + n)
        replies.append(content_of(await (await post(app_client, clock, xml)).text()))
    assert replies[0] == replies[1]  # the second villager gets the same full answer
    assert await metric("scored") == scored + 1 and await metric("recent") == recent + 1


async def test_missing_signature_is_forbidden(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    resp = await app_client.post("/wechat", data=helpers.text_xml(OPENID, "低保", now_ts(clock)))
    assert resp.status == 403
    assert await rows(app_client, InboundMessage) == []


async def test_bad_signature_is_forbidden(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    resp = await post(
        app_client, clock, helpers.text_xml(OPENID, "低保", now_ts(clock)), token="forged"
    )
    assert resp.status == 403
    assert await rows(app_client, InboundMessage) == []


async def test_stale_timestamp_is_forbidden(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    old = now_ts(clock) - 3600  # an hour old: a replay
    resp = await app_client.post(helpers.query(old), data=helpers.text_xml(OPENID, "低保", old))
    assert resp.status == 403


async def test_oversize_body_is_413(app_client: TestClient[Any, Any], clock: FixedClock) -> None:
    huge = helpers.text_xml(OPENID, "低" * 30000, now_ts(clock))  # ~90 KB of UTF-8
    resp = await post(app_client, clock, huge)
    assert resp.status == 413


async def test_oversize_chunked_body_is_413(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(20):
            yield b"x" * 8192  # no Content-Length: the limit must hold while streaming

    resp = await app_client.post(helpers.query(now_ts(clock)), data=chunks())
    assert resp.status == 413


async def test_malformed_xml_answers_success(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    for body in (
        "<xml><ToUserName>gh",
        "not xml at all",
        "",
        "<xml></xml>",
        "<xml><MsgType>text</MsgType></xml>",
    ):
        resp = await post(app_client, clock, body)
        assert resp.status == 200, body
        assert await resp.text() == "success", body


async def test_entity_declarations_are_refused(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f"<xml><FromUserName>{OPENID}</FromUserName><CreateTime>{now_ts(clock)}</CreateTime>"
        "<MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>"
    )
    laughs = (
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><xml>&lol2;</xml>'
    )
    for body in (xxe, laughs):
        resp = await post(app_client, clock, body)
        assert resp.status == 400
        assert "root:" not in await resp.text()
    assert await rows(app_client, InboundMessage) == []


async def test_control_characters_are_survived(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    # A phone keyboard's stray \x08 and \x1b break XML parsers; the message still counts.
    body = helpers.text_xml(OPENID, "低保\x08要带\x1b什么", now_ts(clock))
    resp = await post(app_client, clock, body)
    assert resp.status == 200
    text = await resp.text()
    assert "最低生活保障" in content_of(text)
    (msg,) = await rows(app_client, InboundMessage)
    assert "\x08" not in (msg.text or "")


async def test_odd_unicode_is_answered_as_text(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    for content in ("👴🏻低保😀", "\u200b\u200b", "ｄｉｂａｏ　低保", "\U0002a6a5\U0002a6a6?"):
        resp = await post(app_client, clock, helpers.text_xml(OPENID, content, now_ts(clock)))
        assert resp.status == 200
        text = await resp.text()
        assert text == "success" or content_of(text)


async def test_reply_with_cdata_terminator_stays_well_formed(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    from bot.protocol import render_reply
    from handlers.types import Reply

    xml = render_reply(Reply.say("a]]>b"), {"ToUserName": "gh", "FromUserName": OPENID}, 1)
    assert xml is not None and content_of(xml) == "a]]>b"


async def test_retries_get_the_same_reply_and_are_handled_once(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    body = helpers.text_xml(OPENID, "医保怎么交", now_ts(clock), msg_id=helpers.next_msg_id())
    responses = await asyncio.gather(*(post(app_client, clock, body) for _ in range(3)))
    texts = [await r.text() for r in responses]
    assert all(r.status == 200 for r in responses)
    assert len({content_of(t) for t in texts}) == 1
    await runtime(app_client).dispatcher.drain()  # retries are counted in the background
    (msg,) = await rows(app_client, InboundMessage)
    assert msg.retries == 2 and msg.state == "replied"


async def test_event_retries_are_deduplicated_by_sender_time_event(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    body = helpers.xml(
        OPENID, now_ts(clock), "event", Event="subscribe", EventKey="qrscene_qingshi"
    )
    first = await (await post(app_client, clock, body)).text()
    second = await (await post(app_client, clock, body)).text()
    assert first == second and "欢迎" in content_of(first)
    (msg,) = await rows(app_client, InboundMessage)
    assert msg.retries == 1
    (villager,) = await rows(app_client, Villager)
    assert villager.qrscene == "qingshi" and villager.subscribed


async def test_every_message_type_parses(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    t = now_ts(clock)
    mid = helpers.next_msg_id
    cases: list[tuple[str, str | None]] = [
        (
            helpers.xml(
                OPENID,
                t,
                "voice",
                MediaId="m1",
                Format="amr",
                Recognition="低保要带什么",
                MsgId=mid(),
            ),
            "最低生活保障",
        ),
        (
            helpers.xml(
                OPENID, t, "voice", MediaId="m2", Format="amr", Recognition="", MsgId=mid()
            ),
            "没听清",
        ),
        (
            helpers.xml(OPENID, t, "image", PicUrl="http://x/p.jpg", MediaId="m3", MsgId=mid()),
            "图片收到了",
        ),
        (
            helpers.xml(
                OPENID,
                t,
                "location",
                Location_X="25.04",
                Location_Y="102.71",
                Scale=15,
                Label="青石镇",
                MsgId=mid(),
            ),
            "便民服务中心在",
        ),
        (
            helpers.xml(OPENID, t, "link", Title="t", Description="d", Url="http://x", MsgId=mid()),
            "链接收到了",
        ),
        (
            helpers.xml(OPENID, t, "video", MediaId="m4", ThumbMediaId="m5", MsgId=mid()),
            "视频收到了",
        ),
        (
            helpers.xml(OPENID, t, "shortvideo", MediaId="m6", ThumbMediaId="m7", MsgId=mid()),
            "视频收到了",
        ),
        (helpers.xml(OPENID, t, "miniprogrampage", Title="x", MsgId=mid()), None),
        (
            helpers.xml(OPENID, t + 1, "event", Event="SCAN", EventKey="town2", Ticket="tk"),
            "又见面",
        ),
        (helpers.xml(OPENID, t + 2, "event", Event="CLICK", EventKey="ask:医保怎么交"), "医疗保险"),
        (
            helpers.xml(
                OPENID, t + 3, "event", Event="VIEW", EventKey="https://bm.example.gov.cn/"
            ),
            None,
        ),
        (
            helpers.xml(
                OPENID,
                t + 4,
                "event",
                Event="LOCATION",
                Latitude="25.0",
                Longitude="102.7",
                Precision="65",
            ),
            None,
        ),
        (helpers.xml(OPENID, t + 5, "event", Event="some_new_event"), None),
        (helpers.xml(OPENID, t + 6, "event", Event="unsubscribe"), None),
    ]
    for body, expected in cases:
        resp = await post(app_client, clock, body)
        assert resp.status == 200, body
        text = await resp.text()
        if expected is None:
            assert text == "success", body
        else:
            assert expected in content_of(text), (body, text)
    stored = await rows(app_client, InboundMessage)
    assert len(stored) == len(cases)
    (villager,) = await rows(app_client, Villager)
    assert villager.subscribed is False  # the last event was unsubscribe


async def test_template_delivery_report_is_recorded(
    app_client: TestClient[Any, Any], clock: FixedClock
) -> None:
    rt = runtime(app_client)
    from storage.repositories import Repos

    async with rt.sessionmaker() as session, session.begin():
        repos = Repos.bind(session)
        await repos.outbox.enqueue(
            key="k1", openid=OPENID, kind="template", body={"data": {}}, now=clock.now()
        )
        (row,) = await repos.outbox.for_openid(OPENID)
        await repos.outbox.mark_sent(row.id, clock.now(), "200163836")
    body = helpers.xml(
        OPENID,
        now_ts(clock),
        "event",
        Event="TEMPLATESENDJOBFINISH",
        MsgID=200163836,
        Status="failed:user block",
    )
    resp = await post(app_client, clock, body)
    assert await resp.text() == "success"
    async with rt.sessionmaker() as session:
        (row,) = await Repos.bind(session).outbox.for_openid(OPENID)
    assert row.delivery == "failed:user block"
