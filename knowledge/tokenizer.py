"""A dedicated jieba tokenizer whose dictionary is built from the catalog and cached on disk.

jieba's full dictionary (350k words) takes >1 s to load, too slow for `bianmin ask`. We keep the
words that can matter (common words plus words written only with characters the catalog uses)
and add the catalog's own terms with a high frequency so they are never cut apart. The result is
cached in the catalog's cache folder (cache.py). Never touches jieba's global state except its
log level.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import jieba

from knowledge.cache import write_atomic

jieba.setLogLevel(logging.WARNING)  # jieba logs every dictionary load at DEBUG to stderr

COMMON_FREQ = 200  # base words at least this frequent are kept whatever their characters
CATALOG_CHAR_FREQ = 3  # base words made only of catalog characters are kept from this frequency
DOMAIN_FREQ = 60_000  # high enough that a catalog term beats any split into common words


def _base_dictionary() -> Path:
    return Path(jieba.__file__).resolve().parent / "dict.txt"


def base_frequencies() -> dict[str, int]:
    """jieba's bundled word frequencies (read once per build; not used at query time)."""
    freqs: dict[str, int] = {}
    with _base_dictionary().open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                freqs[parts[0]] = int(parts[1])
    return freqs


def dictionary_lines(domain_words: Iterable[str], charset: set[str]) -> list[str]:
    """The dictionary file: `word freq` lines, base words filtered, catalog terms boosted."""
    freqs = {
        word: freq
        for word, freq in base_frequencies().items()
        if freq >= COMMON_FREQ or (freq >= CATALOG_CHAR_FREQ and all(ch in charset for ch in word))
    }
    for word in domain_words:
        word = word.strip()
        if word and " " not in word:
            freqs[word] = max(freqs.get(word, 0), DOMAIN_FREQ)
    return [f"{word} {freq}" for word, freq in sorted(freqs.items())]


def load_tokenizer(
    domain_words: Iterable[str], charset: set[str], folder: Path
) -> tuple[jieba.Tokenizer, dict[str, int]]:
    """A ready jieba.Tokenizer plus its word frequencies, built once per catalog in `folder`."""
    dict_path = folder / "dict.txt"
    if not dict_path.is_file():
        write_atomic(dict_path, "\n".join(dictionary_lines(domain_words, charset)) + "\n")
    tokenizer = jieba.Tokenizer(dictionary=str(dict_path))
    tokenizer.tmp_dir = str(folder)
    tokenizer.cache_file = "jieba.cache"  # jieba's own marshal cache, next to our dictionary
    tokenizer.initialize()
    return tokenizer, tokenizer.FREQ
