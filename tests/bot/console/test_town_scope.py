"""On a several-town deployment staff see their own town's tickets; county staff
(no town) see all. (issue #6)"""

from __future__ import annotations

from sqlalchemy import update

from storage.models import Staff
from tests.bot.console.conftest import Console


async def test_town_staff_see_only_their_town(console: Console) -> None:
    main = await console.register("oTownScopeMain", town="main")
    baisha = await console.register("oTownScopeBaisha", town="baisha")
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
