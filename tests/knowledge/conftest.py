"""Fixtures of the knowledge tests (the catalog builders live in fixture_catalog.py)."""

import pytest

from knowledge.catalog import load_catalog
from knowledge.matcher import Matcher
from tests.knowledge.fixture_catalog import REAL_CATALOG, catalog_dir, make_catalog

__all__ = ["catalog_dir", "make_catalog", "real"]


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    """A matcher on the repository's own catalog, one per test module."""
    if not (REAL_CATALOG / "lexicon.yaml").is_file():
        pytest.skip("catalog not written yet")
    return Matcher(load_catalog(REAL_CATALOG), cache_dir=tmp_path_factory.mktemp("cache"))
