"""The live catalog, its towns and their matchers: reloaded when the YAML changes
on disk, keeping the old catalog when the new one is invalid (the holder's rule)."""

from __future__ import annotations

import asyncio
import gc
import logging
import pickle
import subprocess
import sys
from pathlib import Path

from bot.clock import Clock
from knowledge.cache import catalog_path, prune
from knowledge.catalog import Catalog, CatalogError
from knowledge.matcher import Matcher
from knowledge.reloader import CatalogHolder
from knowledge.towns import MAIN, Town, load_towns, town_files

log = logging.getLogger(__name__)
_ROOT = Path(__file__).resolve().parent.parent  # where `bot` and `knowledge` import from
BUILT = "built"  # in a catalog's cache folder: a child process filled it


class KnowledgeService:
    def __init__(
        self, path: Path, *, cache_dir: Path | None = None, towns_dir: Path | None = None
    ) -> None:
        self.holder = CatalogHolder(path)  # raises CatalogError: the server refuses to start
        self.cache_dir = cache_dir
        # The server's wall clock (bot.serve): catalog folders unused for two weeks are
        # removed after each build. Not set elsewhere: tests' clocks are set in other years.
        self.prune_clock: Clock | None = None
        self.towns_dir = towns_dir
        towns, problems = load_towns(self.holder.current, towns_dir)
        if problems:
            raise CatalogError(problems)
        self._towns = towns
        self._towns_stamp = self._stamp()
        self._matchers: dict[str, Matcher] = {}
        self._refreshing = asyncio.Lock()

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
            cached = self._matchers[catalog.digest] = self._build(catalog)
            _refreeze()
        return cached

    def _build(self, catalog: Catalog) -> Matcher:
        if self.cache_dir is not None and catalog.digest:
            prebuild(catalog, self.cache_dir)
        matcher = Matcher(catalog, cache_dir=self.cache_dir)
        log.info("matcher built for %s: %d items", catalog.center.town, len(catalog.items))
        self._prune(catalog)
        return matcher

    def _prune(self, built: Catalog) -> None:
        """After a build (a start, an edited catalog): old catalogs' folders go."""
        if self.prune_clock is None or self.cache_dir is None:
            return
        live = [built.digest, *self._matchers]
        keep = [catalog_path(self.cache_dir, digest) for digest in live]
        now = self.prune_clock.now().timestamp()
        for folder in prune(self.cache_dir, now=now, keep=keep):
            log.info("removed the unused catalog cache %s", folder.name)

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
            _warm(self.matcher_for(town), self.catalog_for(town))

    def maybe_reload(self) -> None:
        """Cheap stat scan; rebuilds towns when the catalog or a town file changed (on
        the caller's thread: the CLI and tests; the server uses `refresh`)."""
        built = self._reload_and_build(build=False)
        if built is not None:
            self._swap(*built)

    async def refresh(self) -> None:
        """`maybe_reload` off the event loop. Reading the YAML and building a changed
        catalog's matchers (its jieba dictionary) take a second or more; meanwhile the
        webhook keeps answering from the old ones, then the new ones replace them at once."""
        async with self._refreshing:
            built = await asyncio.to_thread(self._reload_and_build, build=True)
            if built is not None:
                self._swap(*built)

    def _reload_and_build(
        self, *, build: bool
    ) -> tuple[dict[str, Town], tuple[tuple[str, float], ...], dict[str, Matcher]] | None:
        before = self.current.digest
        for p in self.holder.maybe_reload() or []:
            log.error("catalog not reloaded: %s", p)
        stamp = self._stamp()
        if self.current.digest == before and stamp == self._towns_stamp:
            return None
        towns, problems = load_towns(self.current, self.towns_dir)
        if problems:
            for p in problems:
                log.error("towns not reloaded: %s", p)
            return None
        old = dict(self._matchers)
        matchers: dict[str, Matcher] = {}
        for town in towns.values():
            digest = town.catalog.digest
            if digest in old:
                matchers[digest] = old[digest]
            elif build and digest not in matchers:
                matcher = matchers[digest] = self._build(town.catalog)
                _warm(matcher, town.catalog)
        return towns, stamp, matchers

    def _swap(
        self,
        towns: dict[str, Town],
        stamp: tuple[tuple[str, float], ...],
        matchers: dict[str, Matcher],
    ) -> None:
        self._towns, self._towns_stamp, self._matchers = towns, stamp, matchers
        _refreeze()

    def _stamp(self) -> tuple[tuple[str, float], ...]:
        if self.towns_dir is None:
            return ()
        return tuple((str(p), p.stat().st_mtime) for p in town_files(self.towns_dir))


def _refreeze() -> None:
    """A new matcher's long-lived tables join the start-up heap the server froze
    (bot.serve), so the collector does not walk them on every full collection."""
    if gc.get_freeze_count():
        gc.freeze()


def _warm(matcher: Matcher, catalog: Catalog) -> None:
    """One decision loads the word lists a matcher uses lazily; /metrics counts villagers."""
    matcher.decide(catalog.items[0].name if catalog.items else "")
    matcher.recent_hits = matcher.recent_misses = 0


def prebuild(catalog: Catalog, cache_dir: Path) -> None:
    """Fill a catalog's disk cache in a child process if it is not there yet. Building in
    the server kept the build's leftovers in its heap: 265 MB resident after a first start
    against 203 MB from a filled cache, above the 250 MB a county process may use, and
    more with every edited catalog. The child's memory goes back with it. A plain
    subprocess, not multiprocessing: spawn would re-run whatever script is __main__."""
    done = catalog_path(cache_dir, catalog.digest) / BUILT
    if done.exists():
        return
    command = [sys.executable, "-c", f"import {__name__} as k; k.fill_cache_from_stdin()"]
    try:
        child = subprocess.run(
            [*command, str(cache_dir)],
            input=pickle.dumps(catalog),
            cwd=_ROOT,
            capture_output=True,
            timeout=600,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):  # the server builds it itself, only fatter
        log.warning("could not build the catalog cache in a child process", exc_info=True)
        return
    if child.returncode != 0:
        tail = child.stderr.decode(errors="replace")[-2000:]
        log.warning(
            "catalog cache child failed (%s); building in process: %s", child.returncode, tail
        )
    elif not done.exists():  # the child ran other code: files on disk changed since start
        log.warning("the catalog cache child filled another folder; building in process")


def fill_cache_from_stdin() -> None:
    """The child's side of `prebuild`: the catalog pickled on stdin, the cache folder in argv."""
    catalog = pickle.loads(sys.stdin.buffer.read())
    cache_dir = Path(sys.argv[1])
    Matcher(catalog, cache_dir=cache_dir)
    # marked by the child, in the folder of the code it ran: the parent only reads it
    (catalog_path(cache_dir, catalog.digest) / BUILT).touch()
