"""公示 from the console: the deadline pauses for the item's public-notice period
and the villager is told. (issue #4)"""

from __future__ import annotations

from tests.bot.console.conftest import Console


async def test_publicity_from_the_console(console: Console) -> None:
    number = await console.register("oPublicityVillager", "dibao")  # 7-day 公示期
    clerk = await console.login("mz_clerk")
    before = (await clerk.get(f"/api/v1/tickets/{number}"))["due_at"]
    await clerk.post(f"/api/v1/tickets/{number}/publicity", {"note": "村务公开栏公示"})
    after = await clerk.get(f"/api/v1/tickets/{number}")
    assert after["due_at"] > before
    assert any(e["kind"] == "publicity" for e in after["timeline"])
    again = await clerk.request("POST", f"/api/v1/tickets/{number}/publicity", json={})
    assert again.status == 409  # one public-notice period at a time
    other = await console.register("oPublicityVillager", "gaoling_jintie")  # no 公示期
    refused = await clerk.request("POST", f"/api/v1/tickets/{other}/publicity", json={})
    assert refused.status == 409
