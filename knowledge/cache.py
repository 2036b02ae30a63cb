"""Derived data kept on disk so that `bianmin ask` starts fast: one folder per catalog digest
and version of the matcher's code (the jieba dictionary, tokenized item fields, pinyin of the
vocabulary) and one table of character readings shared by all catalogs. Writes are atomic; a
damaged file is rebuilt.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

CACHE_VERSION = "4"  # bump when anything derived changes shape
_CATALOG = "catalog-"  # the prefix of every catalog's folder (and of nothing else here)
UNUSED_FOR = 14 * 86_400  # seconds: a folder no matcher loaded for this long may go
_CODE = Path(__file__).resolve().parent  # the matcher's code: knowledge/*.py


@functools.cache
def recipe() -> str:
    """A fingerprint of the code that derives the cached data. The catalog's digest covers
    only its files; a change of normalisation (texts.py, normalize.py...) changes the derived
    dictionary too, and an upgraded server must not read the old one."""
    digest = hashlib.sha256()
    for file in sorted(_CODE.glob("*.py")):
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:10]


def default_cache_dir() -> Path:
    return Path(tempfile.gettempdir()) / "bianmin-cache"


def catalog_path(cache_dir: Path | None, key: str) -> Path:
    """Where the derived data of a catalog (its digest: `key`) lives, for this code."""
    return (cache_dir or default_cache_dir()) / f"{_CATALOG}{CACHE_VERSION}-{recipe()}-{key[:24]}"


def catalog_folder(cache_dir: Path | None, key: str) -> Path:
    folder = catalog_path(cache_dir, key)
    folder.mkdir(parents=True, exist_ok=True)
    os.utime(folder)  # last used now: `prune` goes by it
    return folder


def prune(
    cache_dir: Path | None, *, now: float, keep: Iterable[Path] = (), unused_for: float = UNUSED_FOR
) -> list[Path]:
    """Remove the catalog folders no matcher has loaded for `unused_for` seconds (`now`:
    the wall clock, as file times are). Every catalog edit and every upgrade of the
    matcher's code makes a new folder of about 5 MB, one per town with its own catalog:
    a county editing weekly would pile up gigabytes. A folder still in use elsewhere (a
    replica not yet restarted) is at worst derived again when that replica next builds."""
    root = cache_dir or default_cache_dir()
    kept = {p.resolve() for p in keep}
    try:
        entries = list(root.iterdir())
    except OSError:
        return []
    removed = []
    for entry in entries:
        if not entry.name.startswith(_CATALOG) or entry.resolve() in kept:
            continue
        try:
            if not entry.is_dir() or now - entry.stat().st_mtime <= unused_for:
                continue
        except OSError:  # gone meanwhile (another replica pruned it)
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename: a concurrent reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def cached_json(path: Path, build: Callable[[], Any]) -> Any:
    """The JSON value stored at `path`, built (and stored) first if missing or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        value = build()
        write_atomic(path, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
        return value
