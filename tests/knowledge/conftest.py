"""Fixtures of the knowledge tests (the catalog builders live in fixture_catalog.py)."""

from dataclasses import replace

import pytest

from knowledge.catalog import load_catalog
from knowledge.matcher import Matcher
from tests.knowledge.fixture_catalog import REAL_CATALOG, catalog_dir, make_catalog

__all__ = ["catalog_dir", "make_catalog", "real", "rules"]


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    """A matcher on the repository's own catalog, one per test module."""
    if not (REAL_CATALOG / "lexicon.yaml").is_file():
        pytest.skip("catalog not written yet")
    return Matcher(load_catalog(REAL_CATALOG), cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    """The same matcher with the rules alone (no learned model, knowledge/blend.py): the probes
    of the fitting rounds were written for the rules and keep checking them."""
    if not (REAL_CATALOG / "lexicon.yaml").is_file():
        pytest.skip("catalog not written yet")
    catalog = replace(load_catalog(REAL_CATALOG), learned=None)
    return Matcher(catalog, cache_dir=tmp_path_factory.mktemp("cache"))
