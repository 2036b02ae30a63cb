"""Several towns on one deployment (issue #6): a town's own center and overrides,
binding by QR scene or by choosing once, tickets carrying their town."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import xmltodict
from aiohttp.test_utils import TestClient, TestServer

from bot.app import make_app
from bot.clock import FixedClock
from bot.config import PROJECT_ROOT, Settings
from bot.knowledge_service import KnowledgeService
from knowledge.catalog import load_catalog
from knowledge.towns import MAIN, load_towns
from storage.repositories import Repos
from tests import helpers
from tests.conftest import runtime

EXAMPLE = PROJECT_ROOT / "knowledge" / "towns_example"
CATALOG = PROJECT_ROOT / "knowledge" / "catalog"


@pytest.fixture(scope="module")
def county() -> KnowledgeService:
    return KnowledgeService(CATALOG, cache_dir=PROJECT_ROOT / "data" / "cache", towns_dir=EXAMPLE)


@pytest.fixture
async def client(
    make_settings: Callable[..., Settings], clock: FixedClock, county: KnowledgeService
) -> AsyncIterator[TestClient[Any, Any]]:
    app = make_app(make_settings(towns_dir=str(EXAMPLE)), clock=clock, knowledge=county)
    c: TestClient[Any, Any] = TestClient(TestServer(app))
    await c.start_server()
    yield c
    await c.close()


async def send(client: TestClient[Any, Any], clock: FixedClock, body: str) -> str:
    resp = await client.post(helpers.query(int(clock.now().timestamp())), data=body)
    text = await resp.text()
    return "" if text == "success" else str(xmltodict.parse(text)["xml"]["Content"])


def test_towns_load_with_overrides_and_extra_items() -> None:
    base = load_catalog(CATALOG)
    towns, problems = load_towns(base, EXAMPLE)
    assert problems == []
    assert set(towns) == {MAIN, "baisha", "heping"}
    baisha = towns["baisha"].catalog
    assert baisha.center.town == "白沙镇" and baisha.by_id["dibao"].limits.promised == 15
    assert baisha.by_id["dibao"].place and "白沙镇" in baisha.by_id["dibao"].place
    assert "chaye_butie" in baisha.by_id and "chaye_butie" not in towns[MAIN].catalog.by_id
    assert towns["heping"].catalog.by_id["dibao"].limits.promised == 20  # not overridden


def test_bad_overrides_are_reported_with_file_and_line(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "towns")
    (tmp_path / "towns" / "baisha" / "overrides.yaml").write_text(
        "items:\n  dibao:\n    promised: 99\n  nosuchitem:\n    place: x\n", encoding="utf-8"
    )
    _, problems = load_towns(load_catalog(CATALOG), tmp_path / "towns")
    messages = [str(p) for p in problems]
    assert any("overrides.yaml:3:" in m and "promised 99" in m for m in messages)
    assert any("overrides.yaml:4:" in m and "nosuchitem" in m for m in messages)


async def test_a_town_qr_code_binds_the_villager(
    client: TestClient[Any, Any], clock: FixedClock
) -> None:
    openid = "oTownVillagerQr000000000001"
    ts = int(clock.now().timestamp())
    welcome = await send(
        client,
        clock,
        helpers.xml(openid, ts, "event", Event="subscribe", EventKey="qrscene_baisha"),
    )
    assert "白沙镇" in welcome
    answer = await send(client, clock, helpers.text_xml(openid, "低保要带什么材料", ts + 1))
    assert "最低生活保障" in answer
    async with runtime(client).sessionmaker() as session:
        villager = await Repos.bind(session).villagers.get(openid)
    assert villager is not None and villager.town_id == "baisha"


async def test_without_a_qr_code_the_villager_chooses_once(
    client: TestClient[Any, Any], clock: FixedClock
) -> None:
    openid = "oTownVillagerChoose00000001"
    ts = int(clock.now().timestamp())
    menu = await send(client, clock, helpers.text_xml(openid, "茶园补贴怎么申请", ts))
    assert "哪个乡镇" in menu and "白沙镇" in menu and "和平乡" in menu
    lines = [line for line in menu.splitlines() if "白沙镇" in line]
    digit = lines[0].split(".")[0].strip()
    answer = await send(client, clock, helpers.text_xml(openid, digit, ts + 1))
    assert (
        "白沙镇" in answer and "茶园提质增效补贴" in answer
    )  # the first question, answered for 白沙镇
    again = await send(client, clock, helpers.text_xml(openid, "低保要带啥", ts + 2))
    assert "哪个乡镇" not in again  # chosen once


async def test_tickets_carry_their_town(
    client: TestClient[Any, Any], clock: FixedClock, county: KnowledgeService
) -> None:
    rt = runtime(client)
    async with rt.sessionmaker() as session, session.begin():
        repos = Repos.bind(session)
        await repos.villagers.ensure("oTownTicket", clock.now())
        desk = await rt.dispatcher.make_desk(repos, county.catalog_for("baisha"), "baisha")  # type: ignore[misc]
        ticket = await desk.register(
            openid="oTownTicket",
            item=county.catalog_for("baisha").by_id["dibao"],
            case=None,
            name="王五",
            phone="13700001111",
            village="白沙村",
        )
    assert ticket.town_id == "baisha" and ticket.promised_days == 15
