"""What the matcher derives from the catalog: normalized document fields per item, the phrase
table (names, aliases, keywords) and the domain vocabulary for jieba and pinyin repair.

No scoring and no tokenizing here: text is normalized with `normalize.basic` and the lexicon's
synonyms, exactly as villager messages are, so both sides meet in the same vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from knowledge import texts
from knowledge.catalog import Catalog, Item
from knowledge.normalize import Replacer, basic, is_cjk

# Kinds of phrase hit and how much each is worth relative to an alias (the base weights are
# PHRASE_BASE and PHRASE_PER_CHAR in scoring.py).


PHRASE_KINDS = {"name": 1.0, "alias": 1.0, "core": 0.9, "keyword": 0.6, "partial": 0.5}
PARTIAL_MIN = 3  # a piece of one item's title this long identifies it (护理补贴, 实际种粮)
# Any piece of a name or of a short alias may stand for the item (户口迁 of 户口迁移); of a longer
# alias or a keyword, written colloquially (证件过期了怎么办, 每个月给好多钱), only a run of whole
# telling words (护理补贴 of 重度残疾人护理补贴), never 过期了, 好多钱, 每个月.
PARTIAL_SHORT = 5


@dataclass(frozen=True)
class ItemText:
    """One item's matchable text, normalized, by field."""

    name: str
    aliases: tuple[str, ...]
    keywords: tuple[str, ...]
    body: tuple[str, ...]  # audience, conditions, result, case names
    materials: tuple[str, ...]


def _core_name(name: str) -> str | None:
    """The item name without a generic suffix (申请, 办理 ...) when enough remains to be telling."""
    for suffix in texts.NAME_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


def item_text(item: Item, synonyms: Replacer) -> ItemText:
    def norm(text: str) -> str:
        return synonyms.apply(basic(text))[0]

    body = [item.audience, item.result, *item.conditions, *(case.name for case in item.cases)]
    materials = [m.name for case in item.cases for m in case.materials]
    return ItemText(
        name=norm(item.name),
        aliases=tuple(norm(a) for a in item.aliases),
        keywords=tuple(norm(k) for k in item.keywords),
        body=tuple(norm(b) for b in body if b),
        materials=tuple(dict.fromkeys(norm(m) for m in materials)),
    )


def phrase_table(items: list[ItemText]) -> dict[str, list[tuple[int, str]]]:
    """phrase -> [(item index, kind)]: what a message containing the phrase points to."""
    table: dict[str, list[tuple[int, str]]] = {}

    def add(phrase: str, index: int, kind: str) -> None:
        phrase = phrase.replace(" ", "")
        if len(phrase) < 2:
            return
        entries = table.setdefault(phrase, [])
        if all(i != index for i, _ in entries):
            entries.append((index, kind))

    for index, text in enumerate(items):
        add(text.name, index, "name")
        for alias in text.aliases:
            add(alias, index, "alias")
        core = _core_name(text.name)
        if core:
            add(core, index, "core")
    for index, text in enumerate(items):  # keywords last: names and aliases take precedence
        for keyword in text.keywords:
            add(keyword, index, "keyword")
    return table


def domain_words(catalog: Catalog, items: list[ItemText], synonyms: Replacer) -> set[str]:
    """Short catalog terms jieba must keep whole and pinyin repair may map typos onto."""
    words: set[str] = set()
    for text in items:
        words.update(text.aliases)
        words.update(text.keywords)
        core = _core_name(text.name)
        if core:
            words.add(core)
    for dept in catalog.center.departments:
        words.update(synonyms.apply(basic(h))[0] for h in dept.handles)
    lexicon = catalog.lexicon
    words.update(basic(w) for w in lexicon.synonyms)
    words.update(basic(w) for w in lexicon.synonyms.values())
    return {w for w in words if 2 <= len(w) <= 8 and " " not in w}


def pinyin_vocabulary(words: set[str], name_tokens: set[str]) -> set[str]:
    """Words a homophone typo may be repaired to: catalog terms and name words (2-4 chars)."""
    return {w for w in words | name_tokens if 2 <= len(w) <= 4 and is_cjk(w)}


def charset(catalog: Catalog) -> set[str]:
    """Every character the catalog writes (after Simplified conversion)."""
    chars: set[str] = set()
    for item in catalog.items:
        chars.update(basic(item.name + "".join(item.aliases) + "".join(item.keywords)))
        chars.update(basic("".join(item.conditions) + item.audience + item.result))
        for case in item.cases:
            chars.update(basic(case.name + "".join(m.name for m in case.materials)))
    lexicon = catalog.lexicon
    for phrase in [*lexicon.synonyms, *lexicon.synonyms.values(), *lexicon.fillers]:
        chars.update(basic(phrase))
    for phrases in lexicon.intents.values():
        for phrase in phrases:
            chars.update(basic(phrase))
    return {c for c in chars if c.strip()}


def partial_pieces(
    items: list[ItemText],
    is_word: Callable[[str], bool],
    telling: Callable[[str], bool],
    max_len: int = 8,
) -> dict[str, list[int]]:
    """Pieces that may stand for their item: every PARTIAL_MIN+ piece of its name and of its
    aliases up to PARTIAL_SHORT characters; of longer aliases and of keywords, only pieces made
    of dictionary words of two or more characters (`is_word`, not the whole title) that are all
    `telling` (specific): 护理补贴 = 护理 + 补贴, not 好多钱 = 好多 + 钱, 过期了, 每个月."""
    found: dict[str, set[int]] = {}
    for number, text in enumerate(items):
        loose = [text.name, *(a for a in text.aliases if len(a) <= PARTIAL_SHORT)]
        for title in loose:
            title = title.replace(" ", "")
            for start in range(len(title)):
                for end in range(start + PARTIAL_MIN, min(len(title), start + max_len) + 1):
                    found.setdefault(title[start:end], set()).add(number)
        strict = [*(a for a in text.aliases if len(a) > PARTIAL_SHORT), *text.keywords]
        for title in strict:
            title = title.replace(" ", "")
            n = len(title)
            spans: dict[int, list[int]] = {}
            for i in range(n):
                for j in range(i + 1, min(n, i + max_len) + 1):
                    word = title[i:j]
                    if 2 <= j - i < n and is_word(word) and telling(word):
                        spans.setdefault(i, []).append(j)
            for start in spans:
                reach = {start}
                for k in range(start, min(n, start + max_len)):
                    if k in reach:
                        reach.update(j for j in spans.get(k, ()) if j - start <= max_len)
                for end in reach:
                    if end - start >= PARTIAL_MIN:
                        found.setdefault(title[start:end], set()).add(number)
    return {piece: sorted(owners) for piece, owners in found.items()}


def partial_titles(
    ngrams: Mapping[str, frozenset[int]],
    phrases: Mapping[str, list[tuple[int, str]]],
    pieces: Mapping[str, list[int]] | None = None,
) -> dict[str, list[tuple[int, str]]]:
    """Pieces (PARTIAL_MIN+ characters) of exactly one item's name, aliases or keywords that are
    not phrases themselves: villagers name items by part of their official title (护理补贴 of
    重度残疾人护理补贴, 户口迁 of 户口迁入). With `pieces` (partial_pieces), only those."""
    return {
        gram: [(next(iter(owners)), "partial")]
        for gram, owners in ngrams.items()
        if len(owners) == 1
        and len(gram) >= PARTIAL_MIN
        and gram not in phrases
        and (pieces is None or gram in pieces)
    }


def title_ngrams(items: list[ItemText], max_len: int = 8) -> dict[str, frozenset[int]]:
    """Every substring (2..max_len characters) of every item's name, aliases and keywords ->
    the items that contain it. Lets a message match part of a title (护理补贴 inside
    重度残疾人护理补贴) and tells how specific a piece of text is (in how many titles it occurs)."""
    index: dict[str, set[int]] = {}
    for number, text in enumerate(items):
        for title in (text.name, *text.aliases, *text.keywords):
            title = title.replace(" ", "")
            for start in range(len(title)):
                for end in range(start + 2, min(len(title), start + max_len) + 1):
                    index.setdefault(title[start:end], set()).add(number)
    return {gram: frozenset(owners) for gram, owners in index.items()}
