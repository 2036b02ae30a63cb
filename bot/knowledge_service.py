"""The live catalog and its matcher: reloaded when the YAML changes on disk,
keeping the old catalog when the new one is invalid (the holder's rule)."""

from __future__ import annotations

import logging
from pathlib import Path

from knowledge.catalog import Catalog
from knowledge.matcher import Matcher
from knowledge.reloader import CatalogHolder

log = logging.getLogger(__name__)


class KnowledgeService:
    def __init__(self, path: Path, *, cache_dir: Path | None = None) -> None:
        self.holder = CatalogHolder(path)  # raises CatalogError: the server refuses to start
        self.cache_dir = cache_dir
        self._matcher = Matcher(self.holder.current, cache_dir=cache_dir)
        self._digest = self.holder.current.digest

    @property
    def current(self) -> Catalog:
        return self.holder.current

    @property
    def matcher(self) -> Matcher:
        catalog = self.holder.current
        if catalog.digest != self._digest:
            self._matcher = Matcher(catalog, cache_dir=self.cache_dir)
            self._digest = catalog.digest
            log.info("catalog reloaded: %d items", len(catalog.items))
        return self._matcher

    def maybe_reload(self) -> None:
        problems = self.holder.maybe_reload()
        for p in problems or []:
            log.error("catalog not reloaded: %s", p)
