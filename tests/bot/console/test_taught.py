"""问题学习 (issue #3): the admin lists what villagers asked that the bot answered with
"unknown" or a menu, says what the right answer was (or dismisses it), and exports the taught
lines for `bianmin kb learn --taught`. Messages arrive through the real webhook. Tried: a label
that is no item, a message the bot did understand, a message that does not exist, a clerk,
teaching twice, a town's admin and another town's villager, a message with a tab and a newline."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from storage.models import AuditLog, InboundMessage, TaughtQuestion
from tests import helpers
from tests.bot.console.conftest import Console

LIST = "/api/v1/admin/questions"
TRACTOR = "二手拖拉机现在多少钱一台"  # another trade's question: unknown
HELP = "救助"  # one word several items share: a menu
GUIDED = "低保要带什么材料"  # understood: never listed


async def message_id(console: Console, text: str) -> int:
    async with console.rt.sessionmaker() as session:
        found = await session.scalar(select(InboundMessage.id).where(InboundMessage.text == text))
    assert found is not None, text
    return int(found)


async def subscribe(console: Console, openid: str, town: str) -> None:
    """A villager follows the account through a town's QR code (binds them to the town)."""
    created = int(console.clock.now().timestamp())
    event = helpers.xml(openid, created, "event", Event="subscribe", EventKey=f"qrscene_{town}")
    assert (await console.client.post(helpers.query(created), data=event)).status == 200


def texts(listing: dict[str, Any]) -> list[str]:
    return [m["text"] for m in listing["items"]]


async def test_the_admin_teaches_what_the_bot_missed(console: Console) -> None:
    for openid, text in (("oTeach1", TRACTOR), ("oTeach2", GUIDED), ("oTeach3", HELP)):
        await console.villager_says(openid, text)
    admin = await console.login("admin")
    missed = await admin.get(LIST)
    assert texts(missed) == [HELP, TRACTOR]  # newest first; the understood one is not there
    assert [m["intent"] for m in missed["items"]] == ["clarify", "unknown"]
    assert all(m["label"] is None and m["taught_at"] is None for m in missed["items"])

    tractor, help_, guided = [await message_id(console, t) for t in (TRACTOR, HELP, GUIDED)]
    await admin.post(f"{LIST}/{tractor}/teach", {"label": "no such item"}, status=400)
    await admin.post(f"{LIST}/{tractor}/teach", {}, status=400)  # the label must be given
    await admin.post(f"{LIST}/{guided}/teach", {"label": "unknown"}, status=404)
    await admin.post(f"{LIST}/999999/teach", {"label": "unknown"}, status=404)
    clerk = await console.login("mz_clerk")
    await clerk.post(f"{LIST}/{tractor}/teach", {"label": "unknown"}, status=403)
    await clerk.get(LIST, status=403)

    taught = await admin.post(f"{LIST}/{tractor}/teach", {"label": "unknown"})
    assert taught["label"] == "unknown" and taught["taught_by"] == "admin"
    await admin.post(f"{LIST}/{help_}/teach", {"label": "特困人员救助供养申请"})
    again = await admin.post(f"{LIST}/{help_}/teach", {"label": "临时救助申请"})  # a second look
    assert again["label"] == "临时救助申请"

    assert texts(await admin.get(LIST)) == []
    done = await admin.get(f"{LIST}?taught=true")
    assert [(m["text"], m["label"]) for m in done["items"]] == [
        (HELP, "临时救助申请"),
        (TRACTOR, "unknown"),
    ]
    export = await admin.get(f"{LIST}/export")
    assert export == f"unknown\t{TRACTOR}\n临时救助申请\t{HELP}\n"
    async with console.rt.sessionmaker() as session:
        rows = (await session.scalars(select(TaughtQuestion))).all()
        actions = (
            await session.scalars(select(AuditLog.action).where(AuditLog.action.like("question.%")))
        ).all()
    assert len(rows) == 2  # taught twice, stored once
    assert sorted(actions) == ["question.export"] + ["question.teach"] * 3


async def test_dismissed_messages_leave_the_list_and_stay_out_of_the_export(
    console: Console,
) -> None:
    await console.villager_says("oTeach4", "嗯嗯那个\t就是\n你们那个")
    admin = await console.login("admin")
    (row,) = (await admin.get(LIST))["items"]
    dismissed = await admin.post(f"{LIST}/{row['id']}/teach", {"label": None})
    assert dismissed["label"] is None and dismissed["taught_at"] is not None
    assert (await admin.get(LIST))["items"] == []
    assert await admin.get(f"{LIST}/export") == ""
    relabelled = await admin.post(f"{LIST}/{row['id']}/teach", {"label": "human"})
    assert relabelled["label"] == "human"
    # the villager's line break and tab do not break the TSV line
    assert await admin.get(f"{LIST}/export") == "human\t嗯嗯那个 就是 你们那个\n"


async def test_paging_goes_back_in_time(console: Console) -> None:
    for n in range(5):
        await console.villager_says(f"oTeachPage{n}", f"{TRACTOR}第{n}回问")
    admin = await console.login("admin")
    first = await admin.get(f"{LIST}?limit=2")
    assert len(first["items"]) == 2
    rest = await admin.get(f"{LIST}?limit=10&before={first['items'][-1]['id']}")
    assert texts(first) + texts(rest) == [f"{TRACTOR}第{n}回问" for n in range(4, -1, -1)]
    await admin.get(f"{LIST}?limit=0", status=400)


async def test_a_towns_admin_sees_and_teaches_their_town_only(county: Console) -> None:
    await subscribe(county, "oTeachBaisha", "baisha")
    await subscribe(county, "oTeachHeping", "heping")
    await county.villager_says("oTeachBaisha", TRACTOR)
    await county.villager_says("oTeachHeping", "帮我看看明天下不下雨")
    town_admin = await county.login("bs_admin")
    (mine,) = (await town_admin.get(LIST))["items"]
    assert mine["text"] == TRACTOR and mine["town"] == "baisha"
    await town_admin.get(f"{LIST}?town=heping", status=403)
    heping = await message_id(county, "帮我看看明天下不下雨")
    await town_admin.post(f"{LIST}/{heping}/teach", {"label": "unknown"}, status=403)
    await town_admin.post(f"{LIST}/{mine['id']}/teach", {"label": "unknown"})

    county_admin = await county.login("admin")
    assert texts(await county_admin.get(LIST)) == ["帮我看看明天下不下雨"]
    await county_admin.post(f"{LIST}/{heping}/teach", {"label": "unknown"})
    assert await county_admin.get(f"{LIST}/export?town=heping") == "unknown\t帮我看看明天下不下雨\n"
    assert await town_admin.get(f"{LIST}/export") == f"unknown\t{TRACTOR}\n"


async def test_numbers_a_villager_wrote_stay_out_of_the_training_lines(console: Console) -> None:
    text = "我电话13812345678 身份证410102195001011234 帮我看看明天下不下雨"
    await console.villager_says("oTeachPhone", text)
    admin = await console.login("admin")
    (row,) = (await admin.get(LIST))["items"]
    assert row["text"] == text  # the admin reads what was written
    await admin.post(f"{LIST}/{row['id']}/teach", {"label": "unknown"})
    assert await admin.get(f"{LIST}/export") == (
        f"unknown\t我电话{'#' * 11} 身份证{'#' * 18} 帮我看看明天下不下雨\n"
    )
