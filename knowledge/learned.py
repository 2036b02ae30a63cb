"""A classifier learned from labelled villager messages: what other villagers' own words teach.

The rules (scoring.py, decision.py) read a message through the catalog's words; a phrasing they
never met falls to "unknown" or to a sibling item. Scored on writers nobody fitted rules on, a
multinomial logistic regression over the message's character n-grams and jieba tokens, learned
from thousands of labelled messages by many writers, names the right item first about 97 times
in 100 and the right one is among its first five nearly always (docs/matcher-rounds.md).
blend.py combines its probabilities with the rules' verdict.

Inference needs numpy only. Training (`bianmin kb learn`) needs scikit-learn, a dev dependency:
the model is trained once, saved beside the catalog (LEARNED_FILE) and committed, so a server
starts without training. The input is the matcher's prepared query (normalized, Traditional
folded, synonyms and typos repaired) and its search tokens, so the rules' repairs help both.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

FORMAT = 1  # bump when features() changes: a model saved under another format is refused
NGRAMS = (1, 2, 3)
TOP = 10  # labels kept from one prediction (the menu shows at most 5)
# regularisation and the fewest messages a feature must appear in: chosen by cross-validating
# the whole matcher across writers (bench/learn_cv.py, docs/matcher-rounds.md round 22)
C, MIN_DF = 20.0, 2


def features(query: str, tokens: Sequence[str]) -> list[str]:
    """Character 1-3-grams of the prepared query without spaces, then its tokens (marked):
    n-grams carry the misspellings and dialect words no dictionary holds, tokens the words."""
    text = query.replace(" ", "")
    grams = [text[i : i + n] for n in NGRAMS for i in range(len(text) - n + 1)]
    return grams + ["\x01" + t for t in tokens]


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@dataclass(frozen=True, eq=False)
class PhraseModel:
    """Weights of a multinomial logistic regression over tf-idf features (sublinear tf, l2)."""

    labels: tuple[str, ...]
    vocabulary: tuple[str, ...]
    idf: np.ndarray  # float32 [features]
    weights: np.ndarray  # float32 [features, labels]
    bias: np.ndarray  # float32 [labels]
    sources: tuple[tuple[str, str], ...] = ()  # (file name, sha256) it was trained on
    index: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {f: i for i, f in enumerate(self.vocabulary)})

    def predict(self, query: str, tokens: Sequence[str]) -> tuple[tuple[str, float], ...]:
        """The most probable labels, best first, with their probabilities."""
        found = [i for i in map(self.index.get, features(query, tokens)) if i is not None]
        if found:
            rows, counts = np.unique(np.array(found, dtype=np.intp), return_counts=True)
            x = (1.0 + np.log(counts, dtype=np.float32)) * self.idf[rows]
            x /= float(np.sqrt(np.dot(x, x)))
            z = x @ self.weights[rows] + self.bias
        else:
            z = self.bias.copy()
        z = np.exp(z - z.max())
        p = z / z.sum()
        best = np.argsort(-p)[:TOP]
        return tuple((self.labels[i], float(p[i])) for i in best)

    def save(self, path: Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        meta = {"format": FORMAT, "sources": [list(s) for s in self.sources]}
        with open(path, "wb") as out:  # np.savez would append .npz to a name without it
            np.savez_compressed(
                out,
                labels=np.array(self.labels),
                vocabulary=np.array(self.vocabulary),
                idf=self.idf,
                weights=self.weights.astype(np.float16),  # half the file; predictions unchanged
                bias=self.bias,
                meta=np.array(json.dumps(meta, ensure_ascii=False)),
            )

    @classmethod
    def load(cls, path: Path) -> PhraseModel:
        """Raises ValueError for a file that is not a model of this FORMAT."""
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                model = cls(
                    labels=tuple(str(s) for s in data["labels"]),
                    vocabulary=tuple(str(s) for s in data["vocabulary"]),
                    idf=data["idf"].astype(np.float32),
                    weights=data["weights"].astype(np.float32),
                    bias=data["bias"].astype(np.float32),
                    sources=tuple((str(n), str(h)) for n, h in meta.get("sources", [])),
                )
        except (OSError, KeyError, ValueError, TypeError) as exc:
            raise ValueError(f"not a learned phrase model: {exc}") from exc
        if meta.get("format") != FORMAT:
            raise ValueError(f"learned model format {meta.get('format')}, expected {FORMAT}")
        n, k = len(model.vocabulary), len(model.labels)
        if model.idf.shape != (n,) or model.weights.shape != (n, k) or model.bias.shape != (k,):
            raise ValueError("learned model arrays do not fit together")
        return model


def train(
    samples: Iterable[tuple[str, str, Sequence[str]]],
    sources: Sequence[tuple[str, str]] = (),
    *,
    c: float = C,
    min_df: int = MIN_DF,
) -> PhraseModel:
    """Fit on (label, prepared query, tokens); by default a feature seen in one message only is
    dropped."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = list(samples)
    vectorizer = TfidfVectorizer(analyzer=lambda x: x, sublinear_tf=True, min_df=min_df)
    x = vectorizer.fit_transform([features(q, t) for _, q, t in rows])
    classifier = LogisticRegression(C=c, max_iter=300)
    classifier.fit(x, [label for label, _, _ in rows])
    vocabulary = vectorizer.get_feature_names_out()
    return PhraseModel(
        labels=tuple(str(s) for s in classifier.classes_),
        vocabulary=tuple(str(s) for s in vocabulary),
        idf=vectorizer.idf_.astype(np.float32),
        weights=np.ascontiguousarray(classifier.coef_.T, dtype=np.float32),
        bias=classifier.intercept_.astype(np.float32),
        sources=tuple(sources),
    )
