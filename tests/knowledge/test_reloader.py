"""Live reload: a valid edit is picked up without restart; an invalid one keeps the old catalog."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from knowledge.catalog import CatalogError
from knowledge.reloader import CatalogHolder


def touch_forward(path: Path, seconds: int = 5) -> None:
    """Move mtime forward so the change is seen even on coarse-grained file systems."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + seconds * 1_000_000_000))


def test_valid_edit_is_reloaded(catalog_dir: Path) -> None:
    holder = CatalogHolder(catalog_dir)
    old = holder.current
    assert holder.maybe_reload() == [] and holder.current is old  # nothing changed
    path = catalog_dir / "items" / "tekun.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("promised: 20", "promised: 15"), encoding="utf-8"
    )
    touch_forward(path)
    assert holder.maybe_reload() == []
    assert holder.current is not old
    assert holder.current.by_id["tekun"].limits.promised == 15
    assert holder.current.digest != old.digest


def test_invalid_edit_keeps_the_old_catalog(catalog_dir: Path) -> None:
    holder = CatalogHolder(catalog_dir)
    old = holder.current
    path = catalog_dir / "items" / "tekun.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("department: minzheng", "department: gone"),
        encoding="utf-8",
    )
    touch_forward(path)
    problems = holder.maybe_reload()
    assert [p.message for p in problems] == ["department 'gone' is not in center.yaml"]
    assert holder.current is old and holder.problems == problems
    assert holder.maybe_reload() == []  # the same broken files are not re-read every tick
    path.write_text(path.read_text(encoding="utf-8").replace("gone", "minzheng"), encoding="utf-8")
    touch_forward(path, 10)
    assert holder.maybe_reload() == [] and holder.current is not old and holder.problems == []


def test_new_and_removed_files_are_noticed(catalog_dir: Path) -> None:
    holder = CatalogHolder(catalog_dir)
    (catalog_dir / "items" / "tekun.yaml").unlink()
    assert holder.maybe_reload() == []
    assert "tekun" not in holder.current.by_id


def test_explicit_reload_reports_problems(catalog_dir: Path) -> None:
    holder = CatalogHolder(catalog_dir)
    (catalog_dir / "center.yaml").write_text("name: [", encoding="utf-8")
    problems = holder.reload()
    assert problems and problems[0].file.endswith("center.yaml")
    assert holder.current.center.name == "青石镇便民服务中心"


def test_invalid_catalog_refuses_to_start(catalog_dir: Path) -> None:
    (catalog_dir / "lexicon.yaml").unlink()
    with pytest.raises(CatalogError) as caught:
        CatalogHolder(catalog_dir)
    assert [p.message for p in caught.value.problems] == ["file is missing"]
