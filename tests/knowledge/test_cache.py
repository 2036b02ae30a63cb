"""The disk cache of derived catalog data (knowledge/cache.py) is keyed by the catalog's files
and by the code that derives it: an upgrade that changes normalisation never reads the
dictionary the old code wrote. What was tried: a changed code file, an unchanged one, a
damaged cached file."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import cache


@pytest.fixture
def code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "knowledge"
    folder.mkdir()
    (folder / "texts.py").write_text('DIALECT_ASK_NOT_AFTER = "砍采"\n', encoding="utf-8")
    (folder / "normalize.py").write_text("def basic(text): return text\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_CODE", folder)
    cache.recipe.cache_clear()
    yield folder
    cache.recipe.cache_clear()


def test_a_code_change_moves_the_cache_folder(code: Path, tmp_path: Path) -> None:
    before = cache.catalog_path(tmp_path / "c", "ab" * 32)
    cache.recipe.cache_clear()
    assert cache.catalog_path(tmp_path / "c", "ab" * 32) == before  # nothing changed
    (code / "texts.py").write_text('DIALECT_ASK_NOT_AFTER = "砍采禁"\n', encoding="utf-8")
    cache.recipe.cache_clear()
    after = cache.catalog_path(tmp_path / "c", "ab" * 32)
    assert after != before and after.parent == before.parent
    assert after.name.endswith("-" + "ab" * 12)  # still the catalog's digest


def test_a_damaged_file_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "derived.json"
    path.write_text('{"half', encoding="utf-8")
    assert cache.cached_json(path, lambda: {"words": ["低保"]}) == {"words": ["低保"]}
    assert cache.cached_json(path, lambda: pytest.fail("rebuilt twice")) == {"words": ["低保"]}


def _aged(path: Path, days: float, now: float) -> Path:
    import os

    path.mkdir(parents=True, exist_ok=True)
    os.utime(path, (now - days * 86_400, now - days * 86_400))
    return path


def test_prune_removes_only_catalog_folders_unused_for_two_weeks(tmp_path: Path) -> None:
    """What was tried: an old catalog folder (goes), a recent one, an old one still in use
    (`keep`), an old folder of something else, an old file named like a catalog (all stay)."""
    now = 1_800_000_000.0
    root = tmp_path / "cache"
    old = _aged(root / "catalog-4-aaaaaaaaaa-111111111111111111111111", 30, now)
    (old / "jieba.cache").write_text("x", encoding="utf-8")
    recent = _aged(root / "catalog-4-bbbbbbbbbb-222222222222222222222222", 3, now)
    in_use = _aged(root / "catalog-4-cccccccccc-333333333333333333333333", 90, now)
    other = _aged(root / "uploads", 90, now)
    stray = root / "catalog-notes.txt"
    stray.write_text("kept", encoding="utf-8")
    removed = cache.prune(root, now=now, keep=[in_use])
    assert removed == [old]
    assert not old.exists()
    assert recent.exists() and in_use.exists() and other.exists() and stray.exists()
    assert cache.prune(tmp_path / "missing", now=now) == []  # no cache yet: nothing to do


def test_loading_a_folder_marks_it_used(tmp_path: Path) -> None:
    import time

    folder = cache.catalog_path(tmp_path, "cd" * 32)
    _aged(folder, 30, time.time())
    assert cache.catalog_folder(tmp_path, "cd" * 32) == folder
    assert time.time() - folder.stat().st_mtime < 60  # a matcher loaded it just now
