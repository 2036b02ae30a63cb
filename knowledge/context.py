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

import re
from collections.abc import Callable, Container, Iterable, Mapping


def _words(words: str) -> str:
    return "|".join(sorted(words.split(), key=len, reverse=True))


# who is in a state: 我是低保户, 家里又是特困户, 已经有残疾证了
_OWNER = "我 俺 咱 他 她 们 家 里 人 子 女 儿 伴 爸 妈 娘 爹 叔 婶 哥 姐 弟 妹 又 也 都 本身 已经 原来 以前 本来"
# X as a state the villager is in or already has, or the cause of another need (因为宅基地界线);
# not 有没有X (a question), not 要是X (if). A grade or a time may stand between (领了几年养老金).
_BEFORE_STATE = re.compile(
    "(?:(?:" + _words(_OWNER) + ")[是有]|已有|属于|算是|享受着?|吃着|领着|拿着|持有|因为|由于|有了"
    "|评上了?|纳入了|坐着?|用着?|戴着?|拄着?|靠着|除了|(?:交|缴|买|参加|领|拿|办|评|吃|报|申请)[了着过])"
    "(?:了|个|张|本|着|一个|一张)?[一二三四五六七八九十几\\d级重轻度老年个月天多]{0,4}$"
)
# X that is not wanted: 不想打官司, 没办准生证, 不用交医保
_BEFORE_NEGATED = re.compile(
    "(?:(?<!想)不想|(?<!要)不要|(?<!用)不用|不打算|不愿意?|(?<!去)不去|别|(?<!有)没有?|还没|从没)"
    "(?:办|去|找|交|申请|领)?$"
)
# a clause about the past: 以前在厂里交的职工养老保险, 生前一直交着农村养老保险
_PAST_CLAUSE = re.compile(
    "以前|之前|过去|早年|原来|当年|年轻时|那时候|那会儿|早些年|生前|在世时|活着的时候"
)
# X modifying a following noun that is not a generic one: 低保户的孩子, 残疾人家的房子; but not
# 低保的条件 (X is still what is asked about) nor X的 + verb: 当过兵的能领什么证 (X的 = those
# who are X, the subject)
_GENERIC_HEADS = (
    "话 时候 条件 材料 手续 流程 标准 钱 事 问题 政策 要求 资格 规定 人 地方 窗口 电话 时间 办法 情况 "
    "东西 资料 证明 费用 金额 待遇 申请 办理 那个 这个 一个 多少 什么 啥 怎么 咋 能 可以 可不可以 要 有 "
    "没 去 来 给 发 办 领 交 是 都 也 还 在 就 该 需 得 想 让 叫 找 到 补 算 会 应该"
)
_AFTER_MODIFIER = re.compile(
    "^(?:户|家庭|家|户家)?(?:的|家的)(?!" + _words(_GENERIC_HEADS) + ")[\u4e00-\u9fff]{2}"
)
# X already obtained: 残疾证办下来了, 低保批了, 优待证领到了; X with its grade: 残疾证一级
_AFTER_DONE = re.compile(
    "^(?:已经|都|早就|也)?(?:办|领|批|拿|评|鉴定|发|弄|下来)(?:下来|好|到|完|过|了)(?:了|的)?"
    "|^(?:是|评的|评了|定的)?[一二三四1-4]级"
)
# X asked about as a material of something else: 要带身份证吗, 要村里开证明不, 社保卡要不要带
_BEFORE_MATERIAL = re.compile("(?:要|带|需要|得|提供|出具|交|拿)[^ ]{0,3}$")
_AFTER_MATERIAL = re.compile("^(?:吗|么|不|没|嘛|啊|呢|$| |不要|没有)")
_AFTER_MATERIAL_QUESTION = re.compile("^(?:要不要|用不用|需不需要|需要|得|要)(?:带|拿|交|提供|复印)")
# X asked about as one of two options is not context: 是该办低保还是特困
_AFTER_CHOICE = re.compile("^[^ ]{0,2}还是")

WINDOW = 6

# Verbs that say what the villager wants done with a topic (交 养老保险 / 领 养老金 / 转 社保):
# done or relative (交了十五年, 外省交的) they are background; after 能/要/怎么 they are the need;
# after 不想/没 (不想回来再跑报销) they are not wanted at all.
ACTION_VERBS = frozenset(
    "交 缴 买 参加 参保 投保 续 领 拿 领取 转 迁 转移 接续 报 报销 补 补办 换 销 注销 开 登记 备案 "
    "评 鉴定 办".split()
)
_DONE_AFTER = re.compile("^(?:了|过|完|的|好了|上了|下来了|着)")
_NEED_BEFORE = re.compile(
    "(?:能|可以|要|想|怎么|咋|咋个|去|才能|还能|该|如何|在哪|哪里|哪儿|得|准备|打算|需要|能不能"
    "|可不可以|怎样|好|再|重新|接着)$"
)
_NOT_WANTED_BEFORE = re.compile(
    "(?:(?<!想)不想|(?<!要)不要|(?<!用)不用|不打算|不愿意?|免得|省得)[^ ]{0,4}$"
)
DONE, NEED = "done", "need"

# A clause asks for something when it has a question or request word; the others tell the story.
_REQUEST = re.compile(
    "怎么|咋|如何|能不能|可不可以|可以|能否|有没有|有啥|有什么|要带|带啥|带什么|需要|要什么|要啥|哪些"
    "|去哪|在哪|哪里|哪儿|吗|么|嘛|呢|多少|几|啥|谁|什么|要不要|行不行|中不中|能|申请|想办|想要|想申请"
    "|想问|请问|咨询|是不是|不\\s*$|没\\s*$"
)


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
        return "negated"
    if _BEFORE_STATE.search(before):
        return "state"
    clause_start = text.rfind(" ", 0, start) + 1
    if _PAST_CLAUSE.search(text, clause_start, start):
        return "past"
    if _AFTER_DONE.match(after):
        return "done"
    if _AFTER_MODIFIER.match(after):
        return "modifier"
    if is_material(text[start:end]) and (
        (start > 0 and _BEFORE_MATERIAL.search(before) and _AFTER_MATERIAL.match(after))
        or _AFTER_MATERIAL_QUESTION.match(after)
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
    if _NOT_WANTED_BEFORE.search(before):
        return DONE
    if _DONE_AFTER.match(query[end : end + 3]):
        return DONE
    if _NEED_BEFORE.search(before[-4:]):
        return NEED
    return None
