"""Context versus need in a message. A villager often names one item only to describe who they
are or what they already have, and asks for another: 低保户的孩子上学有啥补助 (低保 is who the
family is, the need is the school grant), 残疾证办下来了，每个月还能领补助吗 (the card is done,
the need is the allowance), 办社保卡要带身份证吗 (the ID card is a material, not the request),
除了医保报销还有啥救助 (what is excluded), 不想打官司 (what is not wanted).

`is_context` tells why a mention is background; scoring.py then weighs its phrase bonus and its
words less. `request_clauses` tells which clauses carry the request, so mentions in the others
(家里困难吃低保，有没有上门照顾的补贴) weigh less too. `verb_role` tells done verbs (交了十五年)
from wanted ones (才能领). Pure functions over the prepared query text.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping

from knowledge import cues

# X as a state the villager is in or already has, or the cause of another need: 我是低保户,
# 家里又是特困户, 已经有残疾证了, 因为宅基地界线; not 有没有X (a question), not 要是X (if). A grade
# or a time may stand between (领了几年养老金).
_BEFORE_STATE = cues.pattern("before_state")
# ...but 从来没交过养老保险 is a topic never dealt with: still the need
_NEVER = cues.pattern("never")
# X that is not wanted: 不想打官司, 没办准生证, 不用交医保
_BEFORE_NEGATED = cues.pattern("before_negated")
# ...of which not wanted at all: 不想打官司 (能不能找人说和) asks for something else
_BEFORE_REFUSED = cues.pattern("before_refused")
# a clause about the past: 以前在厂里交的职工养老保险, 生前一直交着农村养老保险
_PAST_CLAUSE = cues.pattern("past_clause")
# X asked about as a step before what the clause names first (上户口是不是要先办准生证): not the need
_PREREQUISITE = cues.pattern("prerequisite")
# X modifying a following noun that is not a generic one: 低保户的孩子, 残疾人家的房子; but not
# 低保的条件 (X is still what is asked about) nor X的 + verb: 当过兵的能领什么证 (X的 = those
# who are X, the subject)
_AFTER_MODIFIER = cues.pattern("after_modifier")
# X already obtained: 残疾证办下来了, 低保批了, 优待证领到了; X with its grade: 残疾证一级
_AFTER_DONE = cues.pattern("after_done")
# X that ends in its own verb, then 了: 户口注销了要开个证明, 地流转了补贴归谁
_VERB_END = cues.pattern("verb_end")
_AFTER_VERB_DONE = cues.pattern("after_verb_done")
# X put off to later (丧葬补助我之后再问, 低保先不问): not asked now, like a refused mention
_AFTER_DEFERRED = cues.pattern("after_deferred")
# X as what another thing is needed for (他领养老金要用，急着补一张社保卡): a purpose, not the need
_AFTER_PURPOSE = cues.pattern("after_purpose")
# a kind of household as the subject of another need: 特困户看病自付的部分能救助吗 (but not
# 五保户怎么申请, 低保户要什么条件: then the household kind is what is asked about)
_HOUSEHOLD = cues.pattern("household")
_AFTER_HOUSEHOLD_ASKED = cues.pattern("after_household_asked")
# ...and always after the home it is (家里低保户，想改浴室): who the family is
_HOUSEHOLD_OWNER = cues.pattern("household_owner")
# X asked about as a material of something else: 要带身份证吗, 要村里开证明不, 社保卡要不要带
# (X要带什么 asks for X's own materials: not this)
_BEFORE_MATERIAL = cues.pattern("before_material")
_MATERIAL_OBTAINED = cues.pattern("material_obtained")
_BEFORE_OBTAINED = cues.pattern("before_obtained")
_AFTER_MATERIAL = cues.pattern("after_material")
_AFTER_MATERIAL_QUESTION = cues.pattern("after_material_question")
# X asked about as one of two options is not context: 是该办低保还是特困
_AFTER_CHOICE = cues.pattern("after_choice")

WINDOW = 6

# Verbs that say what the villager wants done with a topic (交 养老保险 / 领 养老金 / 转 社保):
# done or relative (交了十五年, 外省交的) they are background; after 能/要/怎么 they are the need;
# after 不想/没 (不想回来再跑报销) they are not wanted at all.
ACTION_VERBS = frozenset(cues.words("action_verbs").split())
_DONE_AFTER = cues.pattern("done_after")
_NEED_BEFORE = cues.pattern("need_before")
_NOT_WANTED_BEFORE = cues.pattern("not_wanted_before")
_NOT_DONE_BEFORE = cues.pattern("not_done_before")
DONE, NEED, REFUSED = "done", "need", "refused"

# A clause asks for something when it has a question or request word; the others tell the story.
_REQUEST = cues.pattern("request")


def span_index(phrases: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """First character -> the lengths of the phrases starting with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        if phrase:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
    return {head: tuple(sorted(found, reverse=True)) for head, found in lengths.items()}


def phrase_spans(
    text: str, phrases: Container[str], lengths: Mapping[str, tuple[int, ...]]
) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of the phrases found left to right, longest first at each position
    (the positional twin of normalize.longest_matches); `lengths` from span_index(phrases)."""
    found: list[tuple[int, int, str]] = []
    pos = 0
    size = len(text)
    while pos < size:
        for n in lengths.get(text[pos], ()):
            end = pos + n
            if end <= size and text[pos:end] in phrases:
                found.append((pos, end, text[pos:end]))
                pos = end
                break
        else:
            pos += 1
    return found


def is_context(text: str, start: int, end: int, is_material: Callable[[str], bool]) -> str | None:
    """Why the mention text[start:end] is background rather than the request, or None."""
    before = text[max(0, start - WINDOW) : start]
    after = text[end : end + WINDOW]
    if _AFTER_CHOICE.match(after):
        return None
    if _BEFORE_NEGATED.search(before):
        return "refused" if _BEFORE_REFUSED.search(before) else "negated"
    if _AFTER_DEFERRED.match(after):
        return "refused"
    if _BEFORE_STATE.search(before) and not _NEVER.search(before):
        return "state"
    clause_start = text.rfind(" ", 0, start) + 1
    if _PAST_CLAUSE.search(text, clause_start, start):
        return "past"
    if _PREREQUISITE.search(text, clause_start, start):
        return "prerequisite"
    if _AFTER_DONE.match(after) or (
        _VERB_END.search(text, start, end) and _AFTER_VERB_DONE.match(after)
    ):
        return "done"
    if _AFTER_PURPOSE.match(after):
        return "purpose"
    if _AFTER_MODIFIER.match(after):
        return "modifier"
    if _HOUSEHOLD.search(text, start, end) and _HOUSEHOLD_OWNER.search(before):
        return "state"
    if _HOUSEHOLD.search(text, start, end) and not _AFTER_HOUSEHOLD_ASKED.match(after):
        return "household"
    # 要办暂住证不, 要不要办身份证: what is to be obtained is asked about, not brought
    obtained = _MATERIAL_OBTAINED.match(text, start, end) or _BEFORE_OBTAINED.search(before)
    if (
        is_material(text[start:end])
        and not obtained
        and (
            (start > 0 and _BEFORE_MATERIAL.search(before) and _AFTER_MATERIAL.match(after))
            or _AFTER_MATERIAL_QUESTION.match(after)
        )
    ):
        return "material"
    return None


def request_clauses(text: str) -> list[tuple[int, int]] | None:
    """(start, end) of the clauses that ask for something, when some clause only tells the
    story; None when every clause asks (or there is one clause: voice messages have no marks)."""
    clauses: list[tuple[int, int]] = []
    start = 0
    for part in text.split(" "):
        if part:
            clauses.append((start, start + len(part)))
        start += len(part) + 1
    asking = [(a, b) for a, b in clauses if _REQUEST.search(text, a, b)]
    if not asking or len(asking) == len(clauses):
        return None
    return asking


def verb_role(query: str, start: int, end: int, *, force: bool = False) -> str | None:
    """Whether the action verb query[start:end] is background (done), not wanted, or the need,
    or neither (`force`: any word, not only ACTION_VERBS)."""
    if not force and query[start:end] not in ACTION_VERBS:
        return None
    before = query[max(0, start - 6) : start]
    if _NOT_WANTED_BEFORE.search(before) or _NOT_DONE_BEFORE.search(before):
        return REFUSED
    if _DONE_AFTER.match(query[end : end + 8]):
        return DONE
    if _NEED_BEFORE.search(before[-4:]):
        return NEED
    return None
