"""Validate the raw catalog YAML and build the `Catalog` dataclasses.

Checks the schema of knowledge/SCHEMA.md field by field plus the cross-references (department
exists, ids match file names, no alias claimed by two items, synonyms without cycles). Collects
every problem instead of stopping at the first, so an admin fixes a catalog in one pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from knowledge import texts
from knowledge.catalog import (
    CENTER_FILE,
    ITEMS_DIR,
    LEARNED_FILE,
    LEXICON_FILE,
    Case,
    Catalog,
    Center,
    Department,
    Item,
    Limits,
    Material,
    Phones,
    Problem,
    catalog_digest,
)
from knowledge.fields import SLUG, Fields
from knowledge.lexicon_schema import parse_lexicon
from knowledge.yamlsrc import LineDict, LineList, load_yaml

if TYPE_CHECKING:
    from knowledge.learned import PhraseModel

ITEM_KEYS = (
    "id",
    "name",
    "aliases",
    "department",
    "level",
    "kind",
    "audience",
    "basis",
    "conditions",
    "cases",
    "steps",
    "limits",
    "publicity_days",
    "fee",
    "place",
    "hours",
    "phones",
    "online",
    "online_how",
    "visits",
    "result",
    "keywords",
)


def _read(path: Path, shown: str, problems: list[Problem]) -> LineDict | None:
    if not path.is_file():
        problems.append(Problem(shown, 1, "file is missing"))
        return None
    data, issues = load_yaml(path)
    problems.extend(Problem(shown, issue.line, issue.message) for issue in issues)
    if data is None:
        return None
    if not isinstance(data, LineDict):
        problems.append(Problem(shown, 1, "the file must hold a mapping (key: value lines)"))
        return None
    return data


def _phones(f: Fields, key: str, allowed: tuple[str, ...], *, required: bool) -> Phones:
    data = f.mapping(key, required=required)
    if data is None:
        return Phones()
    sub = Fields(f.file, data, f.problems, f"{key}.")
    sub.known(allowed)
    values = {name: sub.text(name, required=False) for name in allowed}
    return Phones(**values)


def parse_center(file: str, data: LineDict, problems: list[Problem]) -> Center:
    f = Fields(file, data, problems)
    f.known(("name", "town", "county", "address", "hours", "hours_note", "phones", "departments"))
    departments: list[Department] = []
    seq = f.sequence("departments")
    seen: set[str] = set()
    for index in range(len(seq)):
        d = f.child(seq, index, f"departments[{index}]")
        if d is None:
            continue
        d.known(("id", "name", "window", "phone", "handles"))
        dept_id = d.req_text("id")
        if dept_id and not SLUG.match(dept_id):
            d.problem("id", f"department id {dept_id!r} must be a lowercase ascii slug")
        if dept_id in seen:
            d.problem("id", f"duplicate department id {dept_id!r}")
        seen.add(dept_id)
        departments.append(
            Department(
                dept_id,
                d.req_text("name"),
                d.req_text("window"),
                d.req_text("phone"),
                d.texts("handles", nonempty=True),
            )
        )
    if not departments and seq:
        f.problem("departments", "no valid department")
    return Center(
        name=f.req_text("name"),
        town=f.req_text("town"),
        county=f.req_text("county"),
        address=f.req_text("address"),
        hours=f.req_text("hours"),
        hours_note=f.text("hours_note", required=False),
        phones=_phones(f, "phones", ("consult", "complaint", "county_hotline"), required=True),
        departments=tuple(departments),
    )


def _materials(f: Fields, case_where: str) -> tuple[Material, ...]:
    seq = f.sequence("materials")
    out: list[Material] = []
    for index in range(len(seq)):
        m = f.child(seq, index, f"{case_where}.materials[{index}]")
        if m is None:
            continue
        m.known(("name", "form", "copies", "source", "required", "note"))
        out.append(
            Material(
                name=m.req_text("name"),
                form=m.choice("form", texts.FORMS),
                copies=m.integer("copies") or 0,
                source=m.choice("source", texts.SOURCES),
                required=m.boolean("required", required=False, default=True),
                note=m.text("note", required=False),
            )
        )
    return tuple(out)


def parse_item(file: str, data: LineDict, problems: list[Problem], expected_id: str) -> Item:
    f = Fields(file, data, problems)
    f.known(ITEM_KEYS)
    item_id = f.req_text("id")
    if item_id and item_id != expected_id:
        f.problem("id", f"id {item_id!r} must equal the file name {expected_id!r}")
    if item_id and not SLUG.match(item_id):
        f.problem("id", f"id {item_id!r} must be a lowercase ascii slug")
    cases: list[Case] = []
    seq = f.sequence("cases")
    for index in range(len(seq)):
        c = f.child(seq, index, f"cases[{index}]")
        if c is not None:
            c.known(("name", "materials"))
            cases.append(Case(c.req_text("name"), _materials(c, f"cases[{index}]")))
    if not seq:
        f.problem("cases", "an item needs at least one case")
    limits_data = f.mapping("limits", required=True)
    limits = Limits(None, 0)
    if limits_data is not None:
        lf = Fields(file, limits_data, problems, "limits.")
        lf.known(("statutory", "promised"))
        statutory = lf.integer("statutory", nullable=True, required=False, default=None)
        promised = lf.integer("promised") or 0
        if statutory is not None and promised > statutory:
            lf.problem(
                "promised", f"promised limit {promised} exceeds the statutory limit {statutory}"
            )
        limits = Limits(statutory, promised)
    return Item(
        id=item_id or expected_id,
        name=f.req_text("name"),
        aliases=f.texts("aliases"),
        department=f.req_text("department"),
        level=f.choice("level", texts.LEVELS),
        kind=f.choice("kind", texts.KINDS),
        audience=f.req_text("audience"),
        basis=f.texts("basis"),
        conditions=f.texts("conditions"),
        cases=tuple(cases),
        steps=f.texts("steps"),
        limits=limits,
        publicity_days=f.integer("publicity_days", required=False) or 0,
        fee=f.text("fee", required=False) or texts.FEE_DEFAULT,
        place=f.text("place", required=False),
        hours=f.text("hours", required=False),
        phones=_phones(f, "phones", ("consult", "complaint"), required=False),
        online=f.boolean("online", required=False),
        online_how=f.text("online_how", required=False),
        visits=f.integer("visits", required=False, default=1) or 0,
        result=f.req_text("result"),
        keywords=f.texts("keywords"),
        source_file=file,
    )


def _cross_check(
    center: Center, items: list[tuple[Item, LineDict]], problems: list[Problem]
) -> None:
    dept_ids = {d.id for d in center.departments}
    owner: dict[str, str] = {}  # alias or name -> item id
    for item, data in items:
        f = Fields(item.source_file, data, problems)
        if item.department and dept_ids and item.department not in dept_ids:
            f.problem("department", f"department {item.department!r} is not in center.yaml")
        if item.name in owner:
            f.problem("name", f"name {item.name!r} is also used by item {owner[item.name]!r}")
        owner.setdefault(item.name, item.id)
    for item, data in items:
        f = Fields(item.source_file, data, problems)
        seen: set[str] = set()
        for index, alias in enumerate(item.aliases):
            aliases = data.get("aliases")
            line = aliases.line_of(index) if isinstance(aliases, LineList) else f.line("aliases")
            if alias in seen:
                problems.append(Problem(item.source_file, line, f"alias {alias!r} is listed twice"))
            seen.add(alias)
            other = owner.setdefault(alias, item.id)
            if other != item.id:
                problems.append(
                    Problem(
                        item.source_file, line, f"alias {alias!r} is also claimed by item {other!r}"
                    )
                )


def parse_catalog(path: Path) -> tuple[Catalog | None, list[Problem]]:
    """Parse and validate every file; returns the catalog (None if unusable) and all problems."""
    problems: list[Problem] = []
    center_data = _read(path / CENTER_FILE, str(path / CENTER_FILE), problems)
    lexicon_data = _read(path / LEXICON_FILE, str(path / LEXICON_FILE), problems)
    center = parse_center(str(path / CENTER_FILE), center_data, problems) if center_data else None
    lexicon = (
        parse_lexicon(str(path / LEXICON_FILE), lexicon_data, problems) if lexicon_data else None
    )
    items: list[tuple[Item, LineDict]] = []
    files = sorted((path / ITEMS_DIR).glob("*.yaml")) if (path / ITEMS_DIR).is_dir() else []
    if not files:
        problems.append(Problem(str(path / ITEMS_DIR), 1, "no item files (items/*.yaml)"))
    for file in files:
        data = _read(file, str(file), problems)
        if data is not None:
            items.append((parse_item(str(file), data, problems, file.stem), data))
    if center is not None:
        _cross_check(center, items, problems)
    learned = _learned(path, problems)
    if center is None or lexicon is None or problems:
        return None, problems
    catalog = Catalog(
        center=center,
        items=tuple(item for item, _ in items),
        lexicon=lexicon,
        digest=catalog_digest(path),
        learned=learned,
    )
    return catalog, problems


def _learned(path: Path, problems: list[Problem]) -> PhraseModel | None:
    """The learned model beside the catalog, if there is one (a broken file is a problem)."""
    from knowledge.learned import PhraseModel  # numpy only when a model is there

    file = path / LEARNED_FILE
    if not file.is_file():
        return None
    try:
        return PhraseModel.load(file)
    except ValueError as exc:
        problems.append(Problem(str(file), 1, str(exc)))
        return None
