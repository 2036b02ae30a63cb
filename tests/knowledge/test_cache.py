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
