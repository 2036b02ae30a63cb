"""Vocabulary lints: catalog edits that are valid YAML and pass `kb check` but quietly change what
the matcher does. Warnings, not errors (the catalog still loads):

- a synonym key written inside another item's name, alias or keyword: the synonym rewrites that
  item's own text (vocab.item_text applies the synonyms to item texts as to messages), so the item
  no longer matches what its editor wrote;
- a synonym key that normalisation changes (Traditional characters, dialect words, punctuation,
  case) or that holds a filler word: messages are normalised and fillers stripped before synonyms
  apply, so the key as written never fires, and its normalised form may fire where nobody meant;
- an alias or keyword that reads (pinyin) like another item's alias or keyword, or like a
  dictionary word villagers write: homophone repair (地保 -> 低保) then either gives up on both
  (two targets) or rewrites that word into the alias.

Run `python -m knowledge.lint [CATALOG_DIR]` (exit 0; one `file:line: warning: ...` per finding).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from knowledge.catalog import Catalog, Item, Problem, load_catalog
from knowledge.normalize import Replacer, compact, is_cjk, shielded
from knowledge.scoring import COMMON_WORD_FREQ as REPAIR_SAFE_FREQ

LEXICON = "lexicon.yaml"
# Dictionary words at least this frequent (jieba corpus) are written now and then (地保, 20, is
# taken as a typo); homophone repair leaves words from scoring.COMMON_WORD_FREQ on alone, so a
# homophone alias rewrites those in between.
HOMOPHONE_WORD_FREQ = 30


def _line_of(file: str, text: str) -> int:
    """The first line of `file` that writes `text` (1 when none does)."""
    try:
        lines = Path(file).read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    return next((n for n, line in enumerate(lines, 1) if text in line), 1)


def _titles(item: Item) -> list[tuple[str, str]]:
    return [
        ("name", item.name),
        *(("alias", a) for a in item.aliases),
        *(("keyword", k) for k in item.keywords),
    ]


def _doubled(text: str) -> bool:
    """Whether a piece of 2+ characters repeats back to back (出生出生登记)."""
    n = len(text)
    return any(
        text[i : i + k] == text[i + k : i + 2 * k]
        for k in range(2, n // 2 + 1)
        for i in range(n - 2 * k + 1)
    )


def synonym_rewrites(catalog: Catalog) -> list[Problem]:
    """Synonym keys that rewrite an item's name, alias or keyword when the synonym is meant for
    another item (its target is in none of this item's titles: 上户 -> 出生登记 rewriting another
    item's 户口), or garble it (出生上户 -> 出生出生登记)."""
    mapping = {compact(k): compact(v) for k, v in catalog.lexicon.synonyms.items() if compact(k)}
    words = {compact(t) for item in catalog.items for t in (*item.aliases, *item.keywords)}
    synonyms = Replacer(shielded(mapping, words))
    found: list[Problem] = []
    for item in catalog.items:
        own = "\n".join(compact(t) for _, t in _titles(item))
        for field, title in _titles(item):
            written = compact(title)
            rewritten, applied = synonyms.apply(written)
            rewritten = rewritten.replace(" ", "")
            if rewritten == written or written in mapping:
                continue  # a title that is itself a synonym key maps on purpose
            foreign = [(k, v) for k, v in applied if v not in own]
            garbled = _doubled(rewritten) and not _doubled(written)
            if not foreign and not garbled:
                continue
            keys = ", ".join(sorted({f"{k} -> {v}" for k, v in foreign or applied}))
            why = (
                "a word of other items, so this item's own word is lost"
                if foreign
                else "a garbled word"
            )
            found.append(
                Problem(
                    item.source_file,
                    _line_of(item.source_file, title),
                    f"warning: synonym {keys} rewrites the {field} {title!r} of item "
                    f"{item.id!r} to {rewritten!r}, {why} (add a longer synonym for the "
                    f"whole word, which wins over the shorter key, or narrow the key)",
                )
            )
    return found


def unreachable_synonyms(catalog: Catalog, lexicon_file: str) -> list[Problem]:
    """Synonym keys that normalisation changes or whose filler words are stripped first."""
    fillers = [f for f in (compact(f) for f in catalog.lexicon.fillers) if f]
    found: list[Problem] = []
    for key, value in catalog.lexicon.synonyms.items():
        normal = compact(key)
        line = _line_of(lexicon_file, key)
        if normal != key.replace(" ", "") and normal != compact(value):
            found.append(
                Problem(
                    lexicon_file,
                    line,
                    f"warning: synonym key {key!r} is normalised to {normal!r} before synonyms "
                    f"apply: as written it is never seen, and the entry rewrites every "
                    f"{normal!r} into {value!r}",
                )
            )
        inside = [f for f in fillers if f in normal]
        if inside:
            found.append(
                Problem(
                    lexicon_file,
                    line,
                    f"warning: synonym key {key!r} holds the filler {inside[0]!r}, which is "
                    f"stripped from messages before synonyms apply: it never fires",
                )
            )
    return found


def _readings(word: str, reading: Callable[[str], str]) -> tuple[str, ...] | None:
    found = tuple(reading(ch) for ch in word)
    return found if all(found) else None


def homophones(
    catalog: Catalog,
    dictionary: Mapping[str, int],
    reading: Callable[[str], str],
) -> list[Problem]:
    """Aliases and keywords (2-4 Chinese characters) that read like another item's alias or
    keyword, or like a dictionary word written often enough (HOMOPHONE_WORD_FREQ) that homophone
    repair would still rewrite (below REPAIR_SAFE_FREQ)."""
    titles: dict[tuple[str, ...], dict[str, set[str]]] = {}  # pinyin -> word -> item ids
    where: dict[str, tuple[Item, str]] = {}
    for item in catalog.items:
        for field, title in _titles(item):
            if field == "name":
                continue
            word = compact(title)
            if not (2 <= len(word) <= 4 and is_cjk(word)):
                continue
            key = _readings(word, reading)
            if key is None:
                continue
            titles.setdefault(key, {}).setdefault(word, set()).add(item.id)
            where.setdefault(word, (item, title))
    synonyms = {compact(k): compact(v) for k, v in catalog.lexicon.synonyms.items()}

    def canonical(word: str) -> str:
        return synonyms.get(word, word)

    found: list[Problem] = []
    for key, words in titles.items():
        if len({canonical(w) for w in words}) > 1:
            if len(set().union(*words.values())) > 1:
                listed = ", ".join(f"{w} ({'/'.join(sorted(ids))})" for w, ids in words.items())
                for word in sorted(words):
                    item, title = where[word]
                    found.append(
                        Problem(
                            item.source_file,
                            _line_of(item.source_file, title),
                            f"warning: {title!r} reads {' '.join(key)} like {listed}: homophone "
                            f"repair of a typo for either gives up (two targets)",
                        )
                    )
    for word, freq in dictionary.items():
        if not (HOMOPHONE_WORD_FREQ <= freq < REPAIR_SAFE_FREQ) or not 2 <= len(word) <= 4:
            continue
        if not is_cjk(word):
            continue
        key = _readings(word, reading)
        if key is None or key not in titles or word in titles[key]:
            continue
        for alias in sorted(titles[key]):
            item, title = where[alias]
            found.append(
                Problem(
                    item.source_file,
                    _line_of(item.source_file, title),
                    f"warning: {title!r} reads {' '.join(key)} like the word {word!r} (corpus "
                    f"frequency {freq}): homophone repair would turn {word!r} in messages into "
                    f"{alias!r}",
                )
            )
    return found


def vocabulary_warnings(
    catalog: Catalog,
    lexicon_file: str,
    dictionary: Mapping[str, int] | None = None,
    reading: Callable[[str], str] | None = None,
) -> list[Problem]:
    """All vocabulary warnings of a loaded catalog (`dictionary`: word -> corpus frequency,
    default jieba's; `reading`: a character's usual toneless pinyin, default pinyin.py's)."""
    if dictionary is None:
        from knowledge.tokenizer import base_frequencies

        dictionary = base_frequencies()
    if reading is None:
        from knowledge.pinyin import char_reading

        reading = char_reading
    return [
        *unreachable_synonyms(catalog, lexicon_file),
        *synonym_rewrites(catalog),
        *homophones(catalog, dictionary, reading),
    ]


def lint_catalog(path: Path) -> list[Problem]:
    """Vocabulary warnings of the catalog in `path` (which must load)."""
    return vocabulary_warnings(load_catalog(path), str(Path(path) / LEXICON))


def main(argv: Iterable[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    path = Path(args[0]) if args else Path("knowledge/catalog")
    warnings = lint_catalog(path)
    for problem in warnings:
        print(problem)
    print(f"{path}: {len(warnings)} vocabulary warning(s)")


if __name__ == "__main__":
    main()
