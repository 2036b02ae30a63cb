"""Villager-facing replies built from catalog data: the 一次性告知 guide, the numbered menu, the
"I don't know" answer and the center's hours/address. Plain text for WeChat, always under the
2000-byte limit of a text reply. Wording comes from texts.py; the HTML page from guide_page.py.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge import texts
from knowledge.catalog import Case, Center, Department, Item, Material
from knowledge.facts import consult_phone, department_of, hours_of, place_of
from knowledge.guide_page import guide_html
from knowledge.normalize import compact

__all__ = [
    "WECHAT_TEXT_LIMIT",
    "fits",
    "guide_html",
    "render_center_info",
    "render_guide",
    "render_followup",
    "followup_aspect",
    "materials_asked",
    "render_materials_asked",
    "render_menu",
    "render_unknown",
    "render_unknown_about",
]

WECHAT_TEXT_LIMIT = 2000  # bytes of UTF-8; WeChat refuses longer passive text replies
MAX_MATERIALS = 12  # beyond this even the first case is cut short and points to the full guide


def fits(text: str) -> bool:
    return len(text.encode("utf-8")) < WECHAT_TEXT_LIMIT


def _materials(case: Case, limit: int | None = None) -> list[str]:
    lines = [
        texts.material_line(n, m.name, m.form, m.copies, m.source, m.required, m.note)
        for n, m in enumerate(case.materials, 1)
    ]
    if limit is not None and len(lines) > limit:
        rest = len(lines) - limit
        lines = lines[:limit] + [texts.GUIDE_MORE_MATERIALS.format(count=rest)]
    return lines


def _guide(
    item: Item,
    center: Center,
    url: str,
    *,
    all_cases: bool,
    conditions: bool,
    material_limit: int | None,
) -> str:
    title = texts.GUIDE_TITLE.format(name=item.name)
    lines = [title, texts.GUIDE_INTRO_CASES if len(item.cases) > 1 else texts.GUIDE_INTRO]
    cases = item.cases if all_cases else item.cases[:1]
    for case in cases:
        if len(item.cases) > 1:
            lines.append(texts.GUIDE_CASE.format(name=case.name))
        lines.extend(_materials(case, material_limit))
    if not all_cases and len(item.cases) > 1:
        others = texts.LIST_SEP.join(c.name for c in item.cases[1:])
        lines.append(texts.GUIDE_OTHER_CASES.format(names=others))
    if conditions and item.conditions:
        lines.append(texts.GUIDE_CONDITIONS)
        lines.extend(texts.BULLET + c for c in item.conditions)
    lines.append(texts.GUIDE_PLACE.format(place=place_of(item, center)))
    lines.append(texts.GUIDE_HOURS.format(hours=hours_of(item, center)))
    lines.append(
        texts.GUIDE_LIMIT.format(
            limit=texts.limit_text(item.limits.statutory, item.limits.promised, item.publicity_days)
        )
    )
    lines.append(texts.GUIDE_FEE.format(fee=item.fee))
    phone = consult_phone(item, center)
    if phone:
        lines.append(texts.GUIDE_PHONE.format(phone=phone))
    if item.online and item.online_how:
        lines.append(texts.GUIDE_ONLINE.format(how=item.online_how))
    lines.append(texts.GUIDE_FULL.format(url=url))
    lines.append(texts.GUIDE_NEXT)
    return "\n".join(lines)


def render_guide(item: Item, center: Center, *, guide_url: str) -> str:
    """The 一次性告知 reply: every material of every case when it fits in one WeChat message;
    otherwise the same reply shortened step by step (conditions dropped, then only the first
    case, then fewer materials), always ending with the link to the full printable guide."""
    attempts: tuple[tuple[bool, bool, int | None], ...] = (
        (True, True, None),  # (all cases, conditions, material limit)
        (True, False, None),
        (False, False, None),
        (False, False, MAX_MATERIALS),
        (False, False, 5),
    )
    text = ""
    for all_cases, conditions, limit in attempts:
        text = _guide(
            item,
            center,
            guide_url,
            all_cases=all_cases,
            conditions=conditions,
            material_limit=limit,
        )
        if fits(text):
            return text
    return _cut(text)


def _word_table(aspects: dict[str, str]) -> dict[str, tuple[str, ...]]:
    return {aspect: tuple(words.split()) for aspect, words in aspects.items()}


_FOLLOWUP_WORDS = _word_table(texts.FOLLOWUP_ASPECTS)
_CENTER_WORDS = _word_table(texts.CENTER_ASPECTS)


def _asked(said: str, table: dict[str, tuple[str, ...]]) -> list[str]:
    """The aspects of `table` whose words the (compact) question holds, in the table's order."""
    return [aspect for aspect, words in table.items() if any(w in said for w in words)]


def followup_aspect(question: str) -> str | None:
    """The part of an item's notice a short follow-up asks about (the first found, in the
    order of FOLLOWUP_ASPECTS), or None."""
    return next(iter(_asked(compact(question), _FOLLOWUP_WORDS)), None)


MATERIAL_SHARED_MIN = 3  # characters a question must share with a material (身份证, 户口簿)
_MATERIAL_ASK = tuple(texts.MATERIAL_ASK_WORDS.split())
_MATERIAL_MISSING = tuple(texts.MATERIAL_MISSING_WORDS.split())


@dataclass(frozen=True)
class MaterialsAsked:
    """The materials of an item a question is about, and the words it shares with them."""

    shared: str
    found: tuple[tuple[Case, int, Material], ...]  # (case, number in the case, material)
    missing: bool  # 没有 / 丢了: the villager does not have it


def materials_asked(item: Item, question: str) -> MaterialsAsked | None:
    """要带死亡证明吗 / 火化证明没有咋办 / 身份证要复印吗: the materials of `item` the question
    names (the longest run of characters it shares with a material's name or note, at least
    MATERIAL_SHARED_MIN), when it asks whether to bring one or says one is missing."""
    q = compact(question)
    if not any(w in q for w in _MATERIAL_ASK):
        return None
    best, found = "", list[tuple[Case, int, Material]]()
    for case, number, material, hay in _material_texts(item):
        shared = _longest_shared(q, hay, max(MATERIAL_SHARED_MIN, len(best)))
        if not shared:
            continue
        if len(shared) > len(best):
            best, found = shared, []
        found.append((case, number, material))
    if not found:
        return None
    return MaterialsAsked(best, tuple(found), any(w in q for w in _MATERIAL_MISSING))


_MaterialText = tuple[Case, int, Material, str]
_TEXTS: dict[int, tuple[Item, tuple[_MaterialText, ...]]] = {}
_TEXTS_MAX = 4096  # items: a county's 17 towns of ~60 each, with room for a few edits


def _material_texts(item: Item) -> tuple[_MaterialText, ...]:
    """Each material of `item` with its name and note as the matcher reads them, worked out
    once per item (normalising them all took ~90 µs a question)."""
    kept = _TEXTS.get(id(item))
    if kept is not None and kept[0] is item:
        return kept[1]
    texts_ = tuple(
        (case, number, m, compact(m.name + (m.note or "")))
        for case in item.cases
        for number, m in enumerate(case.materials, 1)
    )
    if len(_TEXTS) > _TEXTS_MAX:  # items of catalogs replaced since (edits, reloads)
        _TEXTS.clear()
    _TEXTS[id(item)] = (item, texts_)
    return texts_


def _longest_shared(a: str, b: str, shortest: int) -> str:
    """The longest run of characters of `a` (a short question) that `b` holds, if it has at
    least `shortest` characters, else ""."""
    for size in range(len(a), shortest - 1, -1):
        for start in range(len(a) - size + 1):
            if a[start : start + size] in b:
                return a[start : start + size]
    return ""


def render_materials_asked(
    item: Item, center: Center, asked: MaterialsAsked, *, guide_url: str
) -> str:
    """The lines of the notice about the materials asked, under their cases' names."""
    lines = [texts.GUIDE_TITLE.format(name=item.name), texts.MATERIAL_LISTED]
    shown = None
    for case, number, m in asked.found:
        if len(item.cases) > 1 and case is not shown:
            lines.append(texts.GUIDE_CASE.format(name=case.name))
            shown = case
        lines.append(
            texts.material_line(number, m.name, m.form, m.copies, m.source, m.required, m.note)
        )
    if asked.missing:
        lines.append(texts.MATERIAL_MISSING)
    return _part_of_notice(lines, item, center, guide_url)


def render_followup(item: Item, center: Center, aspect: str, *, guide_url: str) -> str:
    """The part of the notice a follow-up asks about; the materials, being the notice's
    body, are the whole notice again."""
    if aspect == "materials":
        return render_guide(item, center, guide_url=guide_url)
    lines = [texts.GUIDE_TITLE.format(name=item.name)]
    if aspect == "conditions" and item.conditions:
        lines.append(texts.GUIDE_CONDITIONS)
        lines.extend(texts.BULLET + c for c in item.conditions)
    elif aspect == "conditions":
        lines.append(texts.GUIDE_NO_CONDITIONS)
    elif aspect == "steps" and item.steps:
        lines.append(texts.GUIDE_STEPS)
        lines.extend(texts.GUIDE_STEP.format(number=n, step=s) for n, s in enumerate(item.steps, 1))
    elif aspect in ("place", "steps"):  # no steps written down: where to go is the first step
        lines.append(texts.GUIDE_PLACE.format(place=place_of(item, center)))
        lines.append(texts.GUIDE_HOURS.format(hours=hours_of(item, center)))
    elif aspect == "limit":
        limit = texts.limit_text(item.limits.statutory, item.limits.promised, item.publicity_days)
        lines.append(texts.GUIDE_LIMIT.format(limit=limit))
    elif aspect == "fee":
        lines.append(texts.GUIDE_FEE.format(fee=item.fee))
    elif aspect == "proxy":
        proxy = any(texts.PROXY_MATERIAL in m.name for c in item.cases for m in c.materials)
        lines.append(texts.GUIDE_PROXY_YES if proxy else texts.GUIDE_PROXY_ASK)
    elif aspect == "online":
        online = item.online and item.online_how
        lines.append(
            texts.GUIDE_ONLINE.format(how=item.online_how) if online else texts.GUIDE_OFFLINE
        )
    return _part_of_notice(lines, item, center, guide_url)


def _part_of_notice(lines: list[str], item: Item, center: Center, guide_url: str) -> str:
    """A part of an item's notice, closed as the notice is: phone, full guide, what next."""
    phone = consult_phone(item, center)
    if phone:
        lines.append(texts.GUIDE_PHONE.format(phone=phone))
    lines.append(texts.GUIDE_FULL.format(url=guide_url))
    lines.append(texts.GUIDE_NEXT)
    text = "\n".join(lines)
    return text if fits(text) else _cut(text)


def _cut(text: str) -> str:
    """Last resort for absurdly long catalog entries: cut whole lines from the middle."""
    lines = text.split("\n")
    head, tail = lines[:-2], lines[-2:]
    while head and not fits("\n".join(head + tail)):
        head.pop()
    return "\n".join(head + tail)


def render_menu(candidates: Sequence[Item]) -> str:
    if len(candidates) == 1:
        return "\n".join((texts.MENU_ONE.format(name=candidates[0].name), texts.MENU_ONE_NONE))
    lines = [texts.MENU_INTRO]
    lines.extend(
        texts.MENU_LINE.format(number=n, name=item.name) for n, item in enumerate(candidates, 1)
    )
    lines.append(texts.MENU_NONE)
    return "\n".join(lines)


def render_unknown_about(item: Item, center: Center) -> str:
    """Not understood right after `item`'s notice (公示在哪看, 村里不给盖章咋办): who to ask about
    that item, not the center's list of fifteen departments."""
    dept = department_of(item, center)
    about = texts.UNKNOWN_ABOUT_ITEM.format(
        item=item.name,
        phone=consult_phone(item, center),
        department=dept.name if dept else center.name,
        place=place_of(item, center),
    )
    return "\n".join((texts.UNKNOWN_INTRO, about, texts.UNKNOWN_ABOUT_NEXT))


def render_unknown(center: Center) -> str:
    """Say we do not know, list what the center handles (department `handles`) and offer a person."""
    lines = [texts.UNKNOWN_INTRO, texts.UNKNOWN_CATEGORIES]
    lines.extend(
        texts.UNKNOWN_DEPT.format(name=d.name, handles=texts.LIST_SEP.join(d.handles))
        for d in center.departments
    )
    lines.append(texts.UNKNOWN_NEXT)
    if center.phones.consult:
        lines.append(texts.UNKNOWN_PHONE.format(phone=center.phones.consult))
    return _cut(text) if not fits(text := "\n".join(lines)) else text


def render_center_info(center: Center, question: str = "") -> str:
    """The center's address, hours and phones. A question about a visit alone (周六上班吗,
    中心在哪) gets the address, the hours and the consult phone; one about phones alone the
    phones; either with only the windows of the departments it names, if it names any. The
    whole card (every window) goes with the other questions."""
    said = compact(question)
    aspects = frozenset(_asked(said, _CENTER_WORDS))
    visit = bool(aspects) and aspects <= {"hours", "address"}
    phone = aspects == {"phone"}
    named = tuple(d for d in center.departments if _names(said, d))
    lines = [center.name]
    if not phone:
        lines.append(texts.CENTER_ADDRESS.format(address=center.address))
        lines.append(texts.CENTER_HOURS.format(hours=center.hours))
        if center.hours_note:
            lines.append(texts.CENTER_HOURS_NOTE.format(note=center.hours_note))
    phones = center.phones
    if phones.consult:
        lines.append(texts.CENTER_CONSULT.format(phone=phones.consult))
    if not visit:
        if phones.complaint:
            lines.append(texts.CENTER_COMPLAINT.format(phone=phones.complaint))
        if phones.county_hotline:
            lines.append(texts.CENTER_HOTLINE.format(phone=phones.county_hotline))
    short = visit or (phone and bool(named))
    windows = named if short else center.departments
    if windows:
        lines.append(texts.CENTER_WINDOWS)
        lines.extend(
            texts.CENTER_WINDOW.format(window=d.window, name=d.name, phone=d.phone) for d in windows
        )
    if short:
        lines.append(texts.CENTER_MORE)
    text = "\n".join(lines)
    return text if fits(text) else _cut(text)


def _names(said: str, department: Department) -> bool:
    """Whether the (compact) question names a department."""
    return any(w in said for w in _department_words(department.name, department.window))


@functools.cache
def _department_words(name: str, window: str) -> frozenset[str]:
    """How a question names a department: its name (民政办), a part in or out of its bracket
    (社会保障所, 人社), either without its ending (医保 of 医保工作站), or its window. Worked out
    once per department, not for every question."""
    parts = {name, window, *re.split(r"[()（）]", name)}
    words = {compact(p) for p in parts}
    words |= {w[: -len(e)] for w in words for e in texts.CENTER_DEPT_ENDINGS if w.endswith(e)}
    return frozenset(w for w in words if len(w) >= 2)
