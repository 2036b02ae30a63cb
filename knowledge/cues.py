"""Pattern families of the non-item intents and of context: how villagers ask about their own
request's progress, complain, ask for a person, ask about the center's hours or place, say hello,
ask for advice a service center does not give, or say nothing specific; and the markers of
context versus need used by context.py and actions.py.

Each family is a few patterns built from small word classes (a progress word after a reference
to one's own earlier request; a time/place/contact question attached to 你们 / 中心 / 窗口 ...),
so a new phrasing made of known parts is recognized without listing it. The words and patterns
are language data in texts.py (CUE_WORDS, CUE_PATTERNS); this module compiles them. Patterns run
on normalized, Simplified text in which spaces stand for punctuation, so gaps never cross a
clause boundary.
"""

from __future__ import annotations

import re

from knowledge import texts
from knowledge.retrie import trie_alternation

_PART = re.compile("«(@?)([^«»]*)»")


def words(name: str) -> str:
    """A word list of texts.CUE_WORDS (space-separated words, or one string)."""
    return texts.CUE_WORDS[name]


def alternation(words: str) -> str:
    """A regex alternation of space-separated words, longest first ('_' is the empty word),
    written as a trie (retrie.py)."""
    return trie_alternation(("" if w == "_" else w for w in words.split()), guard=True)


def expand(template: str) -> str:
    """A CUE_PATTERNS template as a regex: «a b» alternation, «@name» word list, «~n» gap."""

    def part(match: re.Match[str]) -> str:
        named, body = match.group(1), match.group(2)
        if named:
            return alternation(words(body))
        if body.startswith("~"):
            return "[^ ]{0," + body[1:] + "}"
        return alternation(body)

    return _PART.sub(part, template)


def pattern(name: str) -> re.Pattern[str]:
    """The compiled cue: any of its patterns."""
    return re.compile("|".join(expand(t) for t in texts.CUE_PATTERNS[name]))


STATUS_PROGRESS = pattern("status_progress")
STATUS_OWN = pattern("status_own")
STATUS_WHEN = pattern("status_when")
PERIOD_ASKED = pattern("period_asked")
OWN_ASPECT = pattern("own_aspect")
CONTRIBUTIONS = pattern("contributions")
APPLY_Q = pattern("apply_q")
FRAME = pattern("frame")
COMPLAINT = pattern("complaint")
COMPLAINT_BARE = pattern("complaint_bare")
HUMAN_RE = pattern("human")
HUMAN_WEAK_RE = pattern("human_weak")
CENTER_REF_RE = pattern("center_ref")
CENTER_Q = pattern("center_q")
CENTER_FILLER_RE = pattern("center_filler")
ROUTE_ORIGIN = pattern("route_origin")
GREETING_RE = pattern("greeting")
GREETING_REST = pattern("greeting_rest")
ADVICE_RE = pattern("advice")
SEEN_COVERED = pattern("seen_covered")
ASKED_BY_OFFICE = pattern("asked_by_office")
PURPOSE_CERTIFICATE = pattern("purpose_certificate")
GRADE_CHOICE = pattern("grade_choice")
LAWYER_WANTED = pattern("lawyer_wanted")
MEANS_PAID = pattern("means_paid")
MATERIAL_DOC = pattern("material_doc")
OFFICE_VISITED = pattern("office_visited")
PLACE_CHOICE = pattern("place_choice")
VAGUE_RE = pattern("vague")
DEATH_RE = pattern("death")
BIRTH_RE = pattern("birth")
BIRTH_ASIDE = pattern("birth_aside")
FELLING_RE = pattern("felling")
# what a need is said with (读书的补助, 猪病死了 保险赔不赔): a word of its item is added
TOPIC_CUES = tuple(
    (pattern(name), words(name + "_word"))
    for name in (
        "school_aid",
        "farm_loss",
        "after_insurance",
        "refund_after",
        "pension_join",
        "household_move",
        "household_proof",
        "card_again",
        "disability_cert",
        "medical_fee",
        "medical_paid",
        "assistance_review",
        "aged_allowance",
        "payout_card",
        "child_unsupported",
        "pension_estate",
        "disabled_monthly",
        "land_lease",
        "veteran_card",
        "death_register",
        "insured_away",
        "pension_due",
        "house_failing",
        "newborn_insured",
        "newborn_card",
    )
)
ONLY_CHILD_RE = pattern("only_child_struck")
ONLY_CHILD_AGED_RE = pattern("only_child_aged")
ELSEWHERE_ASKED = pattern("elsewhere_asked")
COMMERCIAL_CLAIM = pattern("commercial_claim")  # round 20: 商业保险住院报销
