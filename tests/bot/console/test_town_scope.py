"""On a several-town deployment staff see their own town's tickets; county staff
(no town) see all. (issue #6)"""

from __future__ import annotations

from sqlalchemy import update

from bot.tickets.calendar import load_calendar
from bot.tickets.desk import TicketDesk
from storage.models import Staff
from storage.repositories import Repos
from tests.bot.console.conftest import Console


async def ticket_in(console: Console, town: str, openid: str) -> str:
    rt = console.rt
    async with rt.sessionmaker() as session, session.begin():
        repos = Repos.bind(session)
        await repos.villagers.ensure(openid, console.clock.now())
        desk = TicketDesk(
            repos=repos,
            clock=rt.clock,
            settings=rt.settings,
            catalog=rt.knowledge.current,
            calendar=await load_calendar(repos),
            town=town,
        )
        ticket = await desk.register(
            openid=openid,
            item=rt.knowledge.current.by_id["dibao"],
            case=None,
            name="赵六",
            phone="13600001111",
            village="白沙村",
        )
        return ticket.number


async def test_town_staff_see_only_their_town(console: Console) -> None:
    main = await ticket_in(console, "main", "oTownScopeMain")
    baisha = await ticket_in(console, "baisha", "oTownScopeBaisha")
    async with console.rt.sessionmaker() as session, session.begin():
        await session.execute(
            update(Staff).where(Staff.id == console.ids["mz_clerk2"]).values(town_id="baisha")
        )
    town_clerk = await console.login("mz_clerk2")
    await town_clerk.get(f"/api/v1/tickets/{baisha}")
    await town_clerk.get(f"/api/v1/tickets/{main}", status=403)
    listed = await town_clerk.get("/api/v1/tickets?view=department")
    assert [t["number"] for t in listed["tickets"]] == [baisha]
    county_clerk = await console.login("mz_clerk")  # no town: the county's view
    listed = await county_clerk.get("/api/v1/tickets?view=department")
    assert sorted(t["number"] for t in listed["tickets"]) == sorted([main, baisha])
