"""The learned classifier (knowledge/learned.py): the committed model is fresh and never saw
the held-out files; training, saving, loading and predicting agree; a broken model file is a
catalog problem, reported as `file:line: message` like any other."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge.blend import NON_ITEM
from knowledge.catalog import LEARNED_FILE, check_catalog, load_catalog
from knowledge.learned import PhraseModel, file_digest, train
from knowledge.teach import never_taught
from tests.knowledge.fixture_catalog import REAL_CATALOG

DATA = Path(__file__).resolve().parents[1] / "data"
# never fitted on, never read while developing, never taught (tests/data/README.md)
HELD_OUT = never_taught(Path(__file__).resolve().parents[2] / "Makefile")


@pytest.fixture(scope="module")
def model() -> PhraseModel:
    if not (REAL_CATALOG / LEARNED_FILE).is_file():
        pytest.skip("no learned model committed")
    return PhraseModel.load(REAL_CATALOG / LEARNED_FILE)


def test_the_committed_model_was_trained_on_the_current_files(model: PhraseModel) -> None:
    expected = {p.name: file_digest(p) for p in DATA.glob("questions*.tsv")}
    for name in HELD_OUT:
        expected.pop(name, None)
    assert dict(model.sources) == expected, "labelled files changed: run `make learn`"


def test_the_held_out_files_were_never_taught(model: PhraseModel) -> None:
    assert not HELD_OUT & {name for name, _ in model.sources}


def test_labels_are_catalog_items_or_intents(model: PhraseModel) -> None:
    catalog = load_catalog(REAL_CATALOG)
    assert set(model.labels) <= set(catalog.by_name) | NON_ITEM
    assert catalog.learned is not None and catalog.learned.labels == model.labels


SAMPLES = [
    ("pension", "how do I pay the old age pension"),
    ("pension", "pension payment for my father"),
    ("pension", "when is the pension paid out"),
    ("card", "lost my social security card"),
    ("card", "replace a broken social card"),
    ("card", "card lost how to replace"),
    ("unknown", "what is the weather tomorrow"),
    ("unknown", "where can I buy a cheap phone"),
    ("unknown", "tell me a joke about the weather"),
]


def _trained(min_df: int = 1) -> PhraseModel:
    return train(((label, q, tuple(q.split())) for label, q in SAMPLES), min_df=min_df)


def test_training_predicts_the_taught_label_for_new_words() -> None:
    model = _trained()
    guesses = model.predict("my pension is not paid", ("my", "pension", "is", "not", "paid"))
    assert guesses[0][0] == "pension"
    assert sum(p for _, p in guesses) == pytest.approx(1.0, abs=1e-5)
    assert [p for _, p in guesses] == sorted((p for _, p in guesses), reverse=True)


def test_words_never_seen_give_the_prior_not_an_error() -> None:
    guesses = _trained().predict("zzzz", ())
    assert {label for label, _ in guesses} == {"pension", "card", "unknown"}


def test_save_and_load_give_the_same_predictions(tmp_path: Path) -> None:
    model = _trained()
    model.save(tmp_path / "m.npz")
    again = PhraseModel.load(tmp_path / "m.npz")
    assert again.labels == model.labels and again.vocabulary == model.vocabulary
    text, tokens = "lost card", ("lost", "card")
    before, after = model.predict(text, tokens), again.predict(text, tokens)
    assert [label for label, _ in after] == [label for label, _ in before]
    # weights are stored as float16: probabilities agree to three places
    assert np.allclose([p for _, p in after], [p for _, p in before], atol=1e-3)


def test_a_feature_seen_once_is_dropped_by_default() -> None:
    assert len(_trained(min_df=2).vocabulary) < len(_trained(min_df=1).vocabulary)


def test_a_broken_model_file_is_a_catalog_problem(catalog_dir: Path) -> None:
    (catalog_dir / LEARNED_FILE).write_bytes(b"not a model")
    problems = check_catalog(catalog_dir)
    assert [(Path(p.file).name, p.line) for p in problems] == [(LEARNED_FILE, 1)]
    assert "learned phrase model" in problems[0].message


def test_a_model_of_another_format_is_refused(catalog_dir: Path) -> None:
    model = _trained()
    with open(catalog_dir / LEARNED_FILE, "wb") as out:
        np.savez_compressed(
            out,
            labels=np.array(model.labels),
            vocabulary=np.array(model.vocabulary),
            idf=model.idf,
            weights=model.weights,
            bias=model.bias,
            meta=np.array('{"format": 99}'),
        )
    problems = check_catalog(catalog_dir)
    assert problems and "format 99" in problems[0].message


def test_a_valid_model_beside_a_catalog_is_loaded(catalog_dir: Path) -> None:
    _trained().save(catalog_dir / LEARNED_FILE)
    catalog = load_catalog(catalog_dir)
    assert catalog.learned is not None and "pension" in catalog.learned.labels
