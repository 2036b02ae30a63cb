"""The server's catalog reload (KnowledgeService.refresh): an edited catalog is read
and its matcher built on a worker thread while the event loop goes on answering
from the old matcher, then swapped in whole. What was tried: a valid edit (a new
colloquial name), a broken edit (the old catalog and matcher stay), no edit at all
(nothing rebuilt), a first start (the disk cache is filled by a child process) and a
child that fails (the server builds it itself)."""

from __future__ import annotations

import asyncio
import logging
import shutil
import threading
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.knowledge_service import KnowledgeService
from knowledge.cache import catalog_path

CATALOG = PROJECT_ROOT / "knowledge" / "catalog"
NEW_NAME = "救命钱补助"


@pytest.fixture
def service(tmp_path: Path) -> KnowledgeService:
    copy = tmp_path / "catalog"
    shutil.copytree(CATALOG, copy)
    made = KnowledgeService(copy, cache_dir=tmp_path / "cache")
    made.warm()
    return made


def _edit(service: KnowledgeService, old: str, new: str) -> None:
    path = service.holder.path / "items" / "dibao.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


async def test_an_edited_catalog_is_built_off_the_loop_and_swapped_in_whole(
    service: KnowledgeService, caplog: pytest.LogCaptureFixture
) -> None:
    old = service.matcher
    assert old.decide(NEW_NAME).item is None or old.decide(NEW_NAME).item.id != "dibao"
    _edit(service, "aliases: [低保,", f"aliases: [{NEW_NAME}, 低保,")
    seen: list[bool] = []

    async def webhook() -> None:  # what a villager's message would meet meanwhile
        while True:
            seen.append(service.matcher is old)
            await asyncio.sleep(0.001)

    loop_thread = threading.get_ident()
    with caplog.at_level(logging.INFO, logger="bot.knowledge_service"):
        task = asyncio.create_task(webhook())
        await service.refresh()
        task.cancel()
    built = [r for r in caplog.records if r.getMessage().startswith("matcher built")]
    assert built and all(r.thread != loop_thread for r in built)
    # the loop ran during the build (several turns), always with the old matcher
    assert len(seen) > 1 and all(seen)
    new = service.matcher
    assert new is not old
    decision = new.decide(NEW_NAME)
    assert decision.item is not None and decision.item.id == "dibao"
    assert new.recent_hits == new.recent_misses - 1 == 0  # the warm-up is not counted


async def test_a_broken_edit_keeps_the_old_catalog_and_matcher(
    service: KnowledgeService,
) -> None:
    old, digest = service.matcher, service.current.digest
    _edit(service, "name: 最低生活保障申请", "name: [unclosed")
    await service.refresh()
    assert service.matcher is old and service.current.digest == digest
    assert service.holder.problems and "dibao.yaml" in str(service.holder.problems[0])


async def test_no_edit_rebuilds_nothing(
    service: KnowledgeService, caplog: pytest.LogCaptureFixture
) -> None:
    old = service.matcher
    with caplog.at_level(logging.INFO, logger="bot.knowledge_service"):
        await service.refresh()
    assert service.matcher is old
    assert not [r for r in caplog.records if r.getMessage().startswith("matcher built")]


def _cache_files(cache: Path) -> set[str]:
    return {p.relative_to(cache).as_posix() for p in cache.rglob("*") if p.is_file()}


def test_a_first_start_fills_the_cache_in_a_child_process(tmp_path: Path) -> None:
    """The build's leftovers stay in the child (resident memory after a cold start was
    265 MB against 203 MB from a filled cache); the server then reads the files."""
    cache = tmp_path / "cache"
    first = KnowledgeService(CATALOG, cache_dir=cache)
    first.warm()
    files = _cache_files(cache)
    folder = catalog_path(cache, first.current.digest).relative_to(cache).as_posix()
    assert {f"{folder}/built", f"{folder}/derived-v2.json", f"{folder}/jieba.cache"} <= files
    stamps = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    again = KnowledgeService(CATALOG, cache_dir=cache)
    again.warm()  # from the files: nothing rewritten
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()} == stamps
    assert again.matcher.decide("低保怎么申请").item.id == "dibao"


def test_a_failing_child_leaves_the_build_to_the_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr("bot.knowledge_service.sys.executable", "/bin/false")
    cache = tmp_path / "cache"
    with caplog.at_level(logging.WARNING, logger="bot.knowledge_service"):
        service = KnowledgeService(CATALOG, cache_dir=cache)
        service.warm()
    assert any("cache child failed" in r.getMessage() for r in caplog.records)
    assert not [f for f in _cache_files(cache) if f.endswith("/built")]  # tried again next start
    assert service.matcher.decide("低保怎么申请").item.id == "dibao"


def test_code_changed_on_disk_meanwhile_leaves_the_build_to_the_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """An upgrade writing new code while the old server runs: the child fills the new code's
    folder, the server (still the old code) finds its own empty and builds it itself."""
    monkeypatch.setattr("knowledge.cache.recipe", lambda: "oldcode000")
    cache = tmp_path / "cache"
    with caplog.at_level(logging.WARNING, logger="bot.knowledge_service"):
        service = KnowledgeService(CATALOG, cache_dir=cache)
        service.warm()
    assert any("another folder" in r.getMessage() for r in caplog.records)
    folders = {p.name.split("-")[2] for p in cache.glob("catalog-*")}
    assert "oldcode000" in folders and len(folders) == 2  # the child's, and the server's own
    assert service.matcher.decide("低保怎么申请").item.id == "dibao"


def test_the_server_removes_old_catalog_caches_after_a_build(tmp_path: Path) -> None:
    """Every catalog edit and every upgrade leaves a folder of ~5 MB behind; a server
    (bot.serve sets `prune_clock`) removes those unused for two weeks, not its own."""
    import os

    from bot.clock import SystemClock

    cache = tmp_path / "cache"
    stale = cache / "catalog-4-0ldc0de000-000000000000000000000000"
    stale.mkdir(parents=True)
    month_ago = SystemClock().now().timestamp() - 30 * 86_400
    os.utime(stale, (month_ago, month_ago))
    untouched = KnowledgeService(CATALOG, cache_dir=cache)
    untouched.warm()  # no server clock: a test or a CLI removes nothing
    assert stale.exists()
    served = KnowledgeService(CATALOG, cache_dir=cache)
    served.prune_clock = SystemClock()
    own = catalog_path(cache, served.current.digest)
    os.utime(own, (month_ago, month_ago))  # its own folder, last loaded a month ago
    served.warm()
    assert not stale.exists()
    assert own.exists() and (own / "built").exists()
    assert served.matcher.decide("低保怎么申请").item.id == "dibao"
