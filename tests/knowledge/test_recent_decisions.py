"""The matcher keeps its last decisions by exact text: same answer, no re-scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import matcher as matcher_module
from knowledge.catalog import load_catalog
from knowledge.decision import DEFAULT_MODEL
from knowledge.matcher import Matcher

CATALOG = Path(__file__).resolve().parents[2] / "knowledge" / "catalog"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_catalog(CATALOG))


def test_a_repeated_text_is_answered_from_the_recent_decisions(matcher: Matcher) -> None:
    first = matcher.decide("低保要带啥")
    hits, misses = matcher.recent_hits, matcher.recent_misses
    again = matcher.decide("低保要带啥")
    assert again is first
    assert (matcher.recent_hits, matcher.recent_misses) == (hits + 1, misses)
    # Not normalised for the cache: another spelling is scored afresh (and agrees).
    other = matcher.decide("低保要带啥？")
    assert matcher.recent_misses == misses + 1
    assert other.item == first.item


def test_the_oldest_decisions_make_room(matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matcher_module, "RECENT", 3)
    fresh = Matcher(matcher.catalog)
    for text in ("低保", "医保", "残疾证", "户口"):
        fresh.decide(text)
    assert list(fresh._recent) == ["医保", "残疾证", "户口"]
    fresh.decide("医保")  # used again: now the newest
    fresh.decide("身份证")
    assert list(fresh._recent) == ["户口", "医保", "身份证"]


def test_another_model_does_not_reuse_the_decisions(matcher: Matcher) -> None:
    matcher.decide("养老保险")
    clone = matcher.with_model(DEFAULT_MODEL)
    assert clone.recent_hits == 0 and not clone._recent
