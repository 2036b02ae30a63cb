"""Keep the current catalog in memory and swap in an edited one without a restart.

A reload that finds problems keeps the old catalog (the server must never answer from a
half-edited one). `maybe_reload` is a cheap stat scan the server calls every few seconds.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from knowledge.catalog import Catalog, CatalogError, Problem, catalog_files, load_catalog

log = logging.getLogger(__name__)

Signature = tuple[tuple[str, int, int], ...]


def _signature(path: Path) -> Signature:
    """(file, mtime_ns, size) of every catalog file: changes when any file is edited,
    added or removed."""
    entries = []
    for file in catalog_files(path):
        try:
            stat = file.stat()
        except OSError:
            entries.append((str(file), -1, -1))
            continue
        entries.append((str(file), stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


class CatalogHolder:
    """Holds the live catalog. Raises `CatalogError` at construction if the catalog is invalid,
    which is how the server refuses to start on a broken catalog."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._signature = _signature(self.path)
        self._current = load_catalog(self.path)
        self.problems: list[Problem] = []  # problems of the last rejected reload, if any

    @property
    def current(self) -> Catalog:
        return self._current

    def reload(self) -> list[Problem]:
        """Load the catalog again; on problems keep the old one and return them."""
        with self._lock:
            signature = _signature(self.path)
            try:
                catalog = load_catalog(self.path)
            except CatalogError as exc:
                self._signature = signature  # do not retry the same broken files every tick
                self.problems = exc.problems
                log.warning(
                    "catalog reload rejected, keeping digest %s: %d problem(s)",
                    self._current.digest[:12],
                    len(exc.problems),
                )
                return exc.problems
            self._signature = signature
            self.problems = []
            if catalog.digest != self._current.digest:
                log.info(
                    "catalog reloaded: digest %s -> %s",
                    self._current.digest[:12],
                    catalog.digest[:12],
                )
            self._current = catalog
            return []

    def maybe_reload(self) -> list[Problem]:
        """Reload if any catalog file changed since the last look (a cheap stat scan).

        Returns the problems of a rejected reload (the old catalog stays current), else [];
        compare `current.digest` to learn whether a new catalog was swapped in."""
        if _signature(self.path) == self._signature:
            return []
        return self.reload()
