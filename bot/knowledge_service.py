"""The live catalog, its towns and their matchers: reloaded when the YAML changes
on disk, keeping the old catalog when the new one is invalid (the holder's rule)."""

from __future__ import annotations

import gc
import logging
from pathlib import Path

from knowledge.catalog import Catalog, CatalogError
from knowledge.matcher import Matcher
from knowledge.reloader import CatalogHolder
from knowledge.towns import MAIN, Town, load_towns, town_files

log = logging.getLogger(__name__)


class KnowledgeService:
    def __init__(
        self, path: Path, *, cache_dir: Path | None = None, towns_dir: Path | None = None
    ) -> None:
        self.holder = CatalogHolder(path)  # raises CatalogError: the server refuses to start
        self.cache_dir = cache_dir
        self.towns_dir = towns_dir
        towns, problems = load_towns(self.holder.current, towns_dir)
        if problems:
            raise CatalogError(problems)
        self._towns = towns
        self._towns_stamp = self._stamp()
        self._matchers: dict[str, Matcher] = {}

    @property
    def current(self) -> Catalog:
        return self.holder.current

    @property
    def matcher(self) -> Matcher:
        return self.matcher_for(MAIN)

    @property
    def towns(self) -> dict[str, Town]:
        return self._towns

    def catalog_for(self, town: str | None) -> Catalog:
        found = self._towns.get(town or MAIN)
        return found.catalog if found else self.current

    def matcher_for(self, town: str | None) -> Matcher:
        catalog = self.catalog_for(town)
        cached = self._matchers.get(catalog.digest)
        if cached is None:
            cached = Matcher(catalog, cache_dir=self.cache_dir)
            self._matchers[catalog.digest] = cached
            log.info("matcher built for %s: %d items", catalog.center.town, len(catalog.items))
            if gc.get_freeze_count():  # the server froze its start-up heap (bot.serve)
                gc.freeze()
        return cached

    def decision_counts(self) -> dict[str, int]:
        """Decisions of the live matchers: scored, or repeated text (`recent`)."""
        live = list(self._matchers.values())
        return {
            "scored": sum(m.recent_misses for m in live),
            "recent": sum(m.recent_hits for m in live),
        }

    def warm(self) -> None:
        """Build every town's matcher and load the word lists they use now, not on
        the first villager's message (about half a second)."""
        for town in self._towns or {MAIN: None}:
            catalog = self.catalog_for(town)
            question = catalog.items[0].name if catalog.items else ""
            matcher = self.matcher_for(town)
            matcher.decide(question)
            matcher.recent_hits = matcher.recent_misses = 0  # /metrics counts villagers

    def maybe_reload(self) -> None:
        """Cheap stat scan; rebuilds towns when the catalog or a town file changed."""
        before = self.current.digest
        for p in self.holder.maybe_reload() or []:
            log.error("catalog not reloaded: %s", p)
        stamp = self._stamp()
        if self.current.digest == before and stamp == self._towns_stamp:
            return
        towns, problems = load_towns(self.current, self.towns_dir)
        if problems:
            for p in problems:
                log.error("towns not reloaded: %s", p)
            return
        self._towns, self._towns_stamp = towns, stamp
        live = {t.catalog.digest for t in towns.values()}
        self._matchers = {d: m for d, m in self._matchers.items() if d in live}

    def _stamp(self) -> tuple[tuple[str, float], ...]:
        if self.towns_dir is None:
            return ()
        return tuple((str(p), p.stat().st_mtime) for p in town_files(self.towns_dir))
