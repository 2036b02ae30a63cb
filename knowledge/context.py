"""Context versus need in a message. A villager often names one item only to describe who they
are or what they already have, and asks for another: 低保户的孩子上学有啥补助 (低保 is who the
family is, the need is the school grant), 残疾证办下来了，每个月还能领补助吗 (the card is done,
the need is the allowance), 办社保卡要带身份证吗 (the ID card is a material, not the request).

`context_spans` finds such mentions; scoring.py then weighs their phrase bonus and their words
less. Pure functions over the prepared (compact) query text; no catalog scoring here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container

# X as a state the villager is in or already has: 我是低保户, 家里又是特困户, 已经有残疾证了,
# 因为宅基地界线 (the cause of another need). Not 有没有X (a question) and not 要是X (if).
_BEFORE_STATE = re.compile(
    r"(?:(?:我|俺|咱|他|她|们|家|里|人|子|女|儿|伴|爸|妈|娘|爹|叔|婶|哥|姐|弟|妹|又|也|都|本身|已经"
    r"|原来|以前|本来)是|(?:我|俺|咱|他|她|们|家|里|人|子|女|儿|伴|爸|妈|娘|爹|已经|都|也|早就|本来)有"
    r"|已有|属于|算是|享受着?|吃着|领着|拿着|持有|因为"
    r"|由于|办了|领了|有了|评上了?|评了|纳入了|坐着?|用着?|戴着?|拄着?|靠着)"
    r"(?:了|个|张|本|着|一个|一张)?[一二三四五六七八九十\d级重轻度老]{0,3}$"
)
# a clause about the past: 以前在厂里交的职工养老保险, 年轻时候当过兵
_PAST_CLAUSE = re.compile(r"(?:以前|之前|过去|早年|原来|当年|年轻时|那时候|那会儿|早些年)")
# X modifying a following noun that is not a generic one: 低保户的孩子, 残疾人家的房子;
# but not 低保的条件 / 低保的材料 (X is still what is asked about).
# ...nor X的 followed by a verb or adverb: 当过兵的能领什么证 (X的 = those who are X, the subject)
_GENERIC_HEADS = (
    "话",
    "时候",
    "条件",
    "材料",
    "手续",
    "流程",
    "标准",
    "钱",
    "事",
    "问题",
    "政策",
    "要求",
    "资格",
    "规定",
    "人",
    "地方",
    "窗口",
    "电话",
    "时间",
    "办法",
    "情况",
    "东西",
    "资料",
    "证明",
    "费用",
    "金额",
    "待遇",
    "申请",
    "办理",
    "那个",
    "这个",
    "一个",
    "多少",
    "什么",
    "啥",
    "怎么",
    "咋",
    "能",
    "可以",
    "可不可以",
    "要",
    "有",
    "没",
    "去",
    "来",
    "给",
    "发",
    "办",
    "领",
    "交",
    "是",
    "都",
    "也",
    "还",
    "在",
    "就",
    "该",
    "需",
    "得",
    "想",
    "让",
    "叫",
    "找",
    "到",
    "补",
    "算",
    "会",
    "应该",
)
_AFTER_MODIFIER = re.compile(
    r"^(?:户|家庭|家|户家)?(?:的|家的)(?!" + "|".join(_GENERIC_HEADS) + r")[\u4e00-\u9fff]{2}"
)
# X already obtained: 残疾证办下来了, 低保批了, 优待证领到了
_AFTER_DONE = re.compile(
    r"^(?:已经|都|早就|也)?(?:办|领|批|拿|评|鉴定|发|弄|下来)(?:下来|好|到|完|过|了)(?:了|的)?"
)
# X asked about as a material of something else: 要带身份证吗, 要村里开证明不
_BEFORE_MATERIAL = re.compile(r"(?:要|带|需要|得|提供|出具|交|拿)[^ ]{0,3}$")
_AFTER_MATERIAL = re.compile(r"^(?:吗|么|不|没|嘛|啊|呢|$|不要|没有)")
# X asked about as one of two options is not context: 是该办低保还是特困
_AFTER_CHOICE = re.compile(r"^[^ ]{0,2}还是")

WINDOW = 6

# Verbs that say what the villager wants done with a topic (交 养老保险 / 领 养老金 / 转 社保):
# done or relative (交了十五年, 外省交的) they are background; after 能/要/怎么 they are the need.
ACTION_VERBS = frozenset(
    "交 缴 买 参加 参保 投保 续 领 拿 领取 转 迁 转移 接续 报 报销 补 补办 换 销 注销 开 登记 备案 "
    "评 鉴定 办".split()
)
_DONE_AFTER = re.compile(r"^(?:了|过|完|的|好了|上了|下来了|着)")
_NEED_BEFORE = re.compile(
    r"(?:能|可以|要|想|怎么|咋|咋个|去|才能|还能|该|如何|在哪|哪里|哪儿|得|准备|打算|需要|能不能"
    r"|可不可以|怎样|好|再|重新|接着)$"
)
DONE, NEED = "done", "need"


def verb_role(query: str, start: int, end: int, *, force: bool = False) -> str | None:
    """Whether the action verb query[start:end] is background (done) or the need, or neither
    (`force`: any word, not only ACTION_VERBS)."""
    if not force and query[start:end] not in ACTION_VERBS:
        return None
    if _DONE_AFTER.match(query[end : end + 3]):
        return DONE
    if _NEED_BEFORE.search(query[max(0, start - 4) : start]):
        return NEED
    return None


def phrase_spans(text: str, phrases: Container[str], max_len: int) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of the phrases found left to right, longest first at each position
    (the positional twin of normalize.longest_matches)."""
    found: list[tuple[int, int, str]] = []
    pos = 0
    while pos < len(text):
        for end in range(min(len(text), pos + max_len), pos, -1):
            if text[pos:end] in phrases:
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
    if _BEFORE_STATE.search(before):
        return "state"
    clause_start = text.rfind(" ", 0, start) + 1
    if _PAST_CLAUSE.search(text, clause_start, start):
        return "past"
    if _AFTER_DONE.match(after):
        return "done"
    if _AFTER_MODIFIER.match(after):
        return "modifier"
    if (
        start > 0
        and _BEFORE_MATERIAL.search(before)
        and _AFTER_MATERIAL.match(after)
        and is_material(text[start:end])
    ):
        return "material"
    return None
