"""Train learned.py's model from labelled files (`bianmin kb learn`, `make learn`).

Each message is prepared by the matcher's own analysis (normalized, repaired, segmented), so
the model sees what it will see when serving. Labels that are neither a catalog item nor a
non-item intent are refused: a renamed item must be relabelled first.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from knowledge.blend import NON_ITEM
from knowledge.catalog import Catalog
from knowledge.evaluate import load_labelled
from knowledge.learned import PhraseModel, file_digest, train
from knowledge.scoring import Scorer


def learn(catalog: Catalog, files: Sequence[Path], cache_dir: Path | None = None) -> PhraseModel:
    scorer = Scorer(catalog, cache_dir=cache_dir)
    samples: list[tuple[str, str, tuple[str, ...]]] = []
    unknown_labels: set[str] = set()
    for file in files:
        for label, question in load_labelled(file):
            if label not in catalog.by_name and label not in NON_ITEM:
                unknown_labels.add(f"{file.name}: {label}")
                continue
            analysis = scorer.analyze(question)
            samples.append((label, analysis.query, analysis.tokens))
    if unknown_labels:
        raise ValueError("labels that are not catalog items: " + ", ".join(sorted(unknown_labels)))
    sources = [(f.name, file_digest(f)) for f in sorted(files, key=lambda f: f.name)]
    return train(samples, sources)
