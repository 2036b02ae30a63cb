"""Train learned.py's model from labelled files (`bianmin kb learn`, `make learn`).

Each message is prepared by the matcher's own analysis (normalized, repaired, segmented), so
the model sees what it will see when serving. Labels that are neither a catalog item nor a
non-item intent are refused: a renamed item must be relabelled first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from knowledge.blend import NON_ITEM
from knowledge.catalog import Catalog
from knowledge.evaluate import load_labelled
from knowledge.learned import PhraseModel, file_digest, train
from knowledge.scoring import Scorer

TAUGHT_SOURCE = "taught (console)"  # the source name of lines staff taught in the console


def never_taught(makefile: Path) -> frozenset[str]:
    """The labelled files `make learn` leaves out (the Makefile's HELD_OUT, the one list):
    never fitted on, never read while developing, never taught (tests/data/README.md)."""
    for line in makefile.read_text(encoding="utf-8").splitlines():
        if line.startswith("HELD_OUT"):
            stems = line.split(",", 1)[1].rstrip(")").replace(".tsv", "").split()
            return frozenset(f"questions_{w}.tsv" for w in stems)
    raise ValueError(f"{makefile}: no HELD_OUT line")


def is_label(catalog: Catalog, label: str) -> bool:
    """What a labelled message may be labelled: a catalog item's name or a non-item intent."""
    return label in catalog.by_name or label in NON_ITEM


def learn(
    catalog: Catalog,
    files: Sequence[Path],
    cache_dir: Path | None = None,
    taught: Sequence[tuple[str, str]] = (),
) -> tuple[PhraseModel, list[str]]:
    """The model, and the labels of `taught` lines that were skipped. `taught`: (label,
    question) lines staff labelled in the console (问题学习); one whose item has since been
    renamed or removed is skipped, not refused (nobody can relabel it in a file)."""
    scorer = Scorer(catalog, cache_dir=cache_dir)
    samples: list[tuple[str, str, tuple[str, ...]]] = []
    unknown_labels: set[str] = set()

    def add(label: str, question: str) -> None:
        analysis = scorer.analyze(question)
        samples.append((label, analysis.query, analysis.tokens))

    for file in files:
        for label, question in load_labelled(file):
            if is_label(catalog, label):
                add(label, question)
            else:
                unknown_labels.add(f"{file.name}: {label}")
    if unknown_labels:
        raise ValueError("labels that are not catalog items: " + ", ".join(sorted(unknown_labels)))
    sources = [(f.name, file_digest(f)) for f in sorted(files, key=lambda f: f.name)]
    skipped = [label for label, _ in taught if not is_label(catalog, label)]
    kept = [(label, question) for label, question in taught if is_label(catalog, label)]
    for label, question in kept:
        add(label, question)
    if kept:
        lines = "".join(f"{label}\t{question}\n" for label, question in kept)
        sources.append((TAUGHT_SOURCE, hashlib.sha256(lines.encode()).hexdigest()))
    return train(samples, sources), skipped
