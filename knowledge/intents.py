"""Recognize the non-item intents of a message: a ticket number, the pattern families of cues.py
(status, complaint, human, center_info, greeting) and the trigger phrases of lexicon.yaml (which
an admin can extend without code), plus the lexicon's out-of-scope hints.

Only evidence is collected here; whether an intent outranks an item is decided in decision.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from knowledge import cues, texts
from knowledge.context import request_clauses
from knowledge.normalize import basic, compact

# Ticket numbers look like BM20261121-0007 (interfaces.md); villagers may drop the dash, add
# spaces (BM 2026 1117 0035), type full-width letters (NFKC folds them), drop the BM when the
# dash stays (20261118-0054: a date and a dash, never a phone number), and voice input spells
# the digits out (BM二零二六一一零五杠零零一八).
_DATE = r"(20\d\d)\s*(0[1-9]|1[0-2])\s*(0[1-9]|[12]\d|3[01])"
TICKET = re.compile(r"b\s*m\s*" + _DATE + r"\s*[-_\s\u6760]?\s*(\d{4})(?!\d)", re.IGNORECASE)
BARE_TICKET = re.compile(r"(?<!\d)" + _DATE + r"\s*[-_\u6760]\s*(\d{4})(?!\d)")
SPOKEN_DIGITS = str.maketrans(texts.SPOKEN_DIGITS, "001234567891")
MIN_GAPPED = 3
INTENTS = ("human", "complaint", "status", "center_info", "greeting", "out_of_scope_hints")
FAMILIES = (
    *INTENTS,
    "human_weak",
    "advice",
    "vague",
    "elsewhere",
    "apply_q",
    "center_dept",
    "complaint_bare",
    "elsewhere_asked",
    "commercial",
)
# the families that say a message is another office's business (dropped when that office only asks
# for a certificate, is the alternative to the center, or is what a certificate is needed for)
OTHERS_FAMILIES = ("out_of_scope_hints", "elsewhere", "elsewhere_asked")
# a message is "about the center alone" when at most this many characters are left after the
# time/place/contact question and the words that may stand around it are taken out
BARE_REST = 1
CJK_OR_ALNUM = re.compile(r"[\u4e00-\u9fffa-z0-9]")
# an office or employer named as a cue, alone or heading a frame about its business (信用社办贷款):
# dropped when it only asks for a certificate
_ASKED_BY = re.compile(
    "(?:"
    + cues.alternation(cues.words("institutions"))
    + "|"
    + cues.alternation(cues.words("employer"))
    + ")"
)


_OTHER_TOPICS = frozenset(cues.words("elsewhere").split())


def story_hints(text: str, intents: Mapping[str, list[str]], named: str, query: str) -> bool:
    """Whether the out-of-scope hints of `text` (the lexicon's, other offices' topics by word, not
    by frame) all stand in clauses that only tell the story, while a clause of the scored `query`
    that asks names the item `named` (要去外地比赛得坐飞机，第一次办身份证要带什么; 钱被骗光了
    乡里能救个急不): the hint says why the item is wanted."""
    others = intents.get("elsewhere", [])
    found = [*intents.get("out_of_scope_hints", []), *others]
    # one hint only: several (冻结, 转账) tell another office's story, not a reason
    if len(set(found)) != 1 or set(intents) & {"advice", "elsewhere_asked"}:
        return False
    if not all(cue in _OTHER_TOPICS for cue in others):  # frames: 厂里给交, 去医院看
        return False
    if request_clauses(text) is None or asked_in(text, found):
        return False
    # the item's phrase as scored (救个急 -> 救急) when the message does not hold it as written
    return asked_in(text, [named]) if named in text else asked_in(query, [named], strict=True)


def asked_in(text: str, words: list[str], *, strict: bool = False) -> bool:
    """Whether one of the words stands in a clause of the text that asks. Every clause asks when
    none only tells the story, unless `strict`: then none does."""
    asking = request_clauses(text)
    if asking is None:
        return not strict and any(word in text for word in words)
    for word in words:
        at = text.find(word)
        while at >= 0:
            if any(a <= at < b for a, b in asking):
                return True
            at = text.find(word, at + 1)
    return False


def find_ticket(text: str) -> str | None:
    folded = unicodedata.normalize("NFKC", text)
    for candidate in (folded, folded.translate(SPOKEN_DIGITS)):
        match = TICKET.search(candidate) or BARE_TICKET.search(candidate)
        if match is not None:
            year, month, day, serial = match.groups()
            return f"BM{year}{month}{day}-{serial}"
    return None


def gapped_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """Phrases of 3+ characters also match with one extra character inside, because villagers
    insert measure words and particles: 给我打电话 ~ 给我打个电话, 办到哪了 ~ 办到哪里了."""
    alternatives: set[str] = set()
    for phrase in phrases:
        if not phrase:
            continue
        alternatives.add(re.escape(phrase))
        if len(phrase) >= MIN_GAPPED:
            for cut in range(1, len(phrase)):
                alternatives.add(re.escape(phrase[:cut]) + "[^ ]" + re.escape(phrase[cut:]))
    if not alternatives:
        return None
    return re.compile("|".join(sorted(alternatives, key=lambda a: (-len(a), a))))


def _rest(text: str, *patterns: re.Pattern[str]) -> str:
    """The letters and digits left after removing what the patterns match (in order)."""
    for pattern in patterns:
        text = pattern.sub(" ", text)
    return "".join(CJK_OR_ALNUM.findall(text))


def status_cues(text: str) -> list[str]:
    """A progress word (批了没, 办到哪一步, 进度), or a question about when a result comes (啥时候能
    下来, 怎么样了) together with a reference to one's own earlier request (上个月交的, 我的)."""
    # round 17: not inside a question of how long the item takes in general (当天能办好吗)
    period = [m.span() for m in cues.PERIOD_ASKED.finditer(text)]
    found = [
        m.group(0)
        for m in cues.STATUS_PROGRESS.finditer(text)
        if not any(a <= m.start() and m.end() <= b for a, b in period)
    ]
    if not found:
        # years of contributions (交了十几年农保) are no request of one's own (啥时候能领: the pension)
        paid = [m.span() for m in cues.CONTRIBUTIONS.finditer(text)] + period

        def first(pattern: re.Pattern[str]) -> re.Match[str] | None:
            return next(
                (
                    m
                    for m in pattern.finditer(text)
                    if not any(a < m.end() and m.start() < b for a, b in paid)
                ),
                None,
            )

        when, own = first(cues.STATUS_WHEN), first(cues.STATUS_OWN)
        if when and own:
            found = [own.group(0) + "…" + when.group(0)]
    return found


def bare_complaint(found: list[str]) -> list[str]:
    """The complaint cues when every one only says that something is complained of or was done to
    the villager (投诉, 被交警扣), naming no wrongdoing (拉票, 乱收费, 态度差): with a topic of
    another office such a complaint is that office's (decision.choose)."""
    if found and all(cues.COMPLAINT_BARE.fullmatch(cue) for cue in found):
        return list(found)
    return []


def center_cues(text: str) -> list[str]:
    """A time, place or contact question about the center: attached to 你们 / 中心 / 窗口 ..., or
    asked with nothing else (周六上班吗, 在哪儿). 低保在哪里办 is not one: its place is part of the
    item's notice."""
    found: list[str] = []
    for clause in text.split(" "):
        if cues.CENTER_REF_RE.search(clause):
            found += [m.group(0) for m in cues.CENTER_Q.finditer(clause)]
    if found:
        return found
    questions = [m.group(0) for m in cues.CENTER_Q.finditer(text)]
    if (
        questions
        and len(_rest(text, cues.ROUTE_ORIGIN, cues.CENTER_Q, cues.CENTER_FILLER_RE)) <= BARE_REST
    ):
        return questions
    return []


def department_cues(text: str, departments: re.Pattern[str] | None) -> list[str]:
    """A time, place or contact question about one of the center's departments or windows in the
    same clause (残联在几楼, 退役军人服务站在中心哪个位置, 民政办电话多少): about the center, even
    when the department's name shares words with an item."""
    if departments is None:
        return []
    found: list[str] = []
    for clause in text.split(" "):
        names = departments.findall(clause)
        if names:
            rest = departments.sub(" ", clause)
            found += [f"{names[0]}…{m.group(0)}" for m in cues.CENTER_Q.finditer(rest)]
    return found


def is_greeting(text: str, extra: re.Pattern[str] | None = None) -> list[str]:
    """Hello, thanks, bye or ok, with nothing else but fillers: 你好呀小助手, 好的谢谢. `extra`:
    more greeting phrases (the lexicon's)."""
    patterns = [p for p in (extra, cues.GREETING_RE) if p is not None]
    words = [m.group(0) for p in patterns for m in p.finditer(text)]
    if not words:
        return []
    return words if not _rest(text, *patterns, cues.GREETING_REST) else []


def vague(text: str) -> list[str]:
    """A request with nothing but generic words: 我想申请个补贴, 我要办证, 要带什么材料."""
    compact = "".join(CJK_OR_ALNUM.findall(text))
    return [compact] if compact and cues.VAGUE_RE.match(compact) else []


@dataclass(frozen=True)
class IntentPhrases:
    """The lexicon's trigger phrases per intent (normalized like messages are), on top of the
    pattern families."""

    patterns: Mapping[str, re.Pattern[str] | None]
    elsewhere: re.Pattern[str] | None = None
    seen_there: re.Pattern[str] | None = None  # being seen at another office (cues.SEEN_COVERED)
    departments: re.Pattern[str] | None = None

    @classmethod
    def build(
        cls,
        intents: Mapping[str, tuple[str, ...]],
        covered: Callable[[str], bool] | None = None,
        titled: Callable[[str], bool] | None = None,
        places: Iterable[str] = (),
        office_titled: Callable[[str], bool] | None = None,
    ) -> IntentPhrases:
        """`covered`: whether the catalog's items describe a topic; topics of other offices they
        describe (讨薪 for legal aid, 交通事故 compensation) are no sign of out-of-scope. `titled`:
        whether an item is named after a document (a catalog that does issue passports); a
        document merely required or paid into (营业执照, 银行卡) stays another office's.
        `places`: the names of the center's departments and windows (社会保障所(人社) gives
        社会保障所 and 人社 too). `office_titled` (default `titled`): whether an item is named
        after an office itself, not only after a word that holds it (银行 is the bank's, though
        国家开发银行 is a keyword of the student loan)."""

        def foreign(name: str, known: Callable[[str], bool] | None) -> str:
            return " ".join(w for w in cues.words(name).split() if known is None or not known(w))

        others, docs = foreign("elsewhere", covered), foreign("foreign_docs", titled)
        office_titled = office_titled or titled
        patterns = [cues.alternation(others)] if others else []
        if docs:
            patterns += [
                cues.expand(t).replace(
                    cues.alternation(cues.words("foreign_docs")), cues.alternation(docs)
                )
                for t in texts.CUE_PATTERNS["foreign_doc_q"]
            ]
        # other offices by name, in the frames of elsewhere_frame; an office the catalog names or
        # the center houses (a 派出所户籍窗口) is the center's own
        houses = " ".join(compact(p) for p in places)
        offices = " ".join(
            w
            for w in cues.words("institutions").split()
            if (office_titled is None or not office_titled(w)) and w not in houses
        )

        def at_offices(name: str) -> list[str]:
            return [
                cues.expand(t).replace(
                    cues.alternation(cues.words("institutions")), cues.alternation(offices or "_")
                )
                for t in texts.CUE_PATTERNS[name]
            ]

        patterns += at_offices("elsewhere_frame")
        seen = at_offices("seen_there")
        return cls(
            {name: gapped_pattern(compact(p) for p in intents.get(name, ())) for name in INTENTS},
            re.compile("|".join(patterns)) if patterns else None,
            re.compile("|".join(seen)) if seen else None,
            re.compile(
                cues.alternation(
                    " ".join(
                        {
                            part
                            for place in places
                            for part in (basic(place).split()[0], compact(place))
                            if len(part) >= 2
                        }
                    )
                )
            )
            if places
            else None,
        )

    def elsewhere_cues(self, text: str) -> list[str]:
        """Topics, documents and offices of others; being seen at another office (去县医院做胃镜)
        only when the message does not ask what an item does about it (回来咋报销)."""
        return self._elsewhere(text)[0]

    def _elsewhere(self, text: str) -> tuple[list[str], list[str]]:
        """elsewhere_cues, and from the same scan (the longest pattern there is) the topics,
        documents and offices of others that the question itself is about: asked how, where,
        what it costs or whether it is right right after them (结婚登记要带什么, 学籍怎么转,
        乐队一般多少钱), not only told of in the story."""
        if self.elsewhere is None:
            return [], []
        matches = list(self.elsewhere.finditer(text))
        found = [m.group(0) for m in matches]
        asked = [m.group(0) for m in matches if cues.ELSEWHERE_ASKED.match(text[m.end() :])]
        if self.seen_there is not None and not cues.SEEN_COVERED.search(text):
            found += self.seen_there.findall(text)
        return found, asked

    def find(self, text: str) -> dict[str, list[str]]:
        """intent -> the cues found in the normalized text (spaces mark punctuation)."""
        families = {
            "status": status_cues(text),
            "complaint": (complaint := [m.group(0) for m in cues.COMPLAINT.finditer(text)]),
            "complaint_bare": bare_complaint(complaint),
            "human": [m.group(0) for m in cues.HUMAN_RE.finditer(text)],
            "human_weak": [m.group(0) for m in cues.HUMAN_WEAK_RE.finditer(text)],
            "center_info": center_cues(text),
            "greeting": is_greeting(text, self.patterns.get("greeting")),
            "advice": [m.group(0) for m in cues.ADVICE_RE.finditer(text)],
            "vague": vague(text),
            "elsewhere": (elsewhere := self._elsewhere(text))[0],
            "apply_q": [m.group(0) for m in cues.APPLY_Q.finditer(text)],
            "center_dept": department_cues(text, self.departments),
            "elsewhere_asked": elsewhere[1],
            # round 20: 商业保险住院报销: a commercial policy's claim, the insurer's business
            "commercial": [m.group(0) for m in cues.COMMERCIAL_CLAIM.finditer(text)],
        }
        hits: dict[str, list[str]] = {}
        # an office that asks for a certificate, or that is only the alternative to the center
        # (在银行办还是在你们这办), is not what the message is about
        aside = cues.ASKED_BY_OFFICE.search(text) or cues.PLACE_CHOICE.search(text)
        asked_by = _ASKED_BY.match if aside else None
        # what a certificate is needed for (办退休需要开个户口证明) is not what is asked
        purposes = [m.group(m.lastindex or 0) for m in cues.PURPOSE_CERTIFICATE.finditer(text)]
        # the app a payment is made with (微信上能交吗) is how, not what, is asked
        purposes += [m.group(0) for m in cues.MEANS_PAID.finditer(text)]
        # another office's document asked for as a material (落户要房产证吗) is what to bring
        purposes += [m.group(0) for m in cues.MATERIAL_DOC.finditer(text)]
        # another office as where someone works or has just been (儿子在银行上班) is background
        purposes += [m.group(0) for m in cues.OFFICE_VISITED.finditer(text)]
        # round 17: one aspect of an item told with another office's word (申请低保要交手续费吗,
        # 养老金想换一张银行卡来领) is that item's fee or payout card
        purposes += [m.group(0) for m in cues.OWN_ASPECT.finditer(text)]
        if cues.GRADE_CHOICE.search(text):  # 交哪个档次划算: the insurance's own choice
            families.pop("advice")
        # 被人打了想告他 没钱请律师: a lawyer wanted for the wrong is legal aid, not a complaint
        lawyer = cues.LAWYER_WANTED.search(text) is not None
        for name in FAMILIES:
            found = list(families.get(name, ()))
            pattern = self.patterns.get(name)
            if pattern is not None and name != "greeting":  # greeting phrases: in is_greeting
                found += pattern.findall(text)
            if asked_by is not None and name in OTHERS_FAMILIES:
                # the office that asks for a certificate is not what the message is about
                found = [cue for cue in found if not asked_by(cue)]
            if purposes and name in OTHERS_FAMILIES:
                found = [cue for cue in found if not any(cue in p for p in purposes)]
            if found and not (lawyer and name in ("complaint", "complaint_bare")):
                hits[name] = found
        return hits
