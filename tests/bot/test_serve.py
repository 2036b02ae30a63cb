"""`bianmin serve`'s start-up: the matchers are built before the first villager's
message and the start-up heap is frozen out of the garbage collector's scans
(full collections walked the word lists: 67-90 ms pauses of the event loop)."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable

from aiohttp.test_utils import TestClient, TestServer

from bot.config import Settings
from bot.runtime import RUNTIME
from bot.serve import build, configure_logging
from tests import helpers


async def test_serve_warms_the_matchers_and_freezes_the_start_up_heap(
    make_settings: Callable[..., Settings],
) -> None:
    app = build(make_settings(scheduler_interval=3600))
    try:
        async with TestClient(TestServer(app)) as client:
            knowledge = app[RUNTIME].knowledge
            assert gc.get_freeze_count() > 10_000  # the word lists, the catalog, the app
            (matcher,) = knowledge._matchers.values()
            assert (matcher.recent_hits, matcher.recent_misses) == (0, 0)  # warm-up not counted
            now = int(app[RUNTIME].clock.now().timestamp())
            resp = await client.post(
                helpers.query(now), data=helpers.text_xml("oServe", "低保要带什么", now)
            )
            assert "最低生活保障" in await resp.text()
            assert knowledge._matchers == {matcher.catalog.digest: matcher}  # no rebuild
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual


def test_the_scheduler_s_chatter_is_kept_out_of_the_log() -> None:
    """A job run is two INFO lines of APScheduler's; a missed run or a failing job, a
    WARNING or worse, still shows, and so does everything under debug logging."""
    root, scheduler = logging.getLogger(), logging.getLogger("apscheduler")
    saved = root.level, scheduler.level
    try:
        configure_logging("info")
        assert root.level == logging.INFO
        assert not scheduler.isEnabledFor(logging.INFO)
        assert scheduler.isEnabledFor(logging.WARNING)
        assert logging.getLogger("apscheduler.executors.default").isEnabledFor(logging.ERROR)
        configure_logging("debug")
        assert scheduler.isEnabledFor(logging.DEBUG)
    finally:
        root.setLevel(saved[0])
        scheduler.setLevel(saved[1])
