"""Fixtures of the knowledge tests (the catalog builders live in fixture_catalog.py)."""

from tests.knowledge.fixture_catalog import catalog_dir, make_catalog

__all__ = ["catalog_dir", "make_catalog"]
