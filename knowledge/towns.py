"""Several towns on one deployment: each town directory holds its own center
(address, phones, departments and windows), per-item overrides of the shared
catalog (place, phones, promised limit) and extra items of its own. No I/O
beyond reading those files; validated like the catalog, `file:line: message`.

    towns/<town_id>/center.yaml       same format as the catalog's center.yaml
    towns/<town_id>/overrides.yaml    items: {item_id: {place, promised, phones: {consult, complaint}}}
    towns/<town_id>/items/*.yaml      extra items, same format as the catalog's items
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path

from knowledge.catalog import Catalog, Item, Limits, Phones, Problem
from knowledge.fields import SLUG, Fields
from knowledge.schema import parse_center, parse_item
from knowledge.yamlsrc import LineDict, load_yaml

MAIN = "main"  # the town described by the catalog's own center.yaml
OVERRIDE_KEYS = ("place", "promised", "phones")


@dataclass(frozen=True)
class Town:
    id: str
    catalog: Catalog

    @property
    def name(self) -> str:
        return self.catalog.center.town


def town_files(towns_dir: Path) -> list[Path]:
    """Every file of every town, in a stable order (for reload detection)."""
    if not towns_dir.is_dir():
        return []
    return sorted(p for p in towns_dir.rglob("*.yaml") if p.is_file())


def load_towns(base: Catalog, towns_dir: Path | None) -> tuple[dict[str, Town], list[Problem]]:
    """The towns of a deployment. Without a towns directory there is one town, MAIN."""
    towns = {MAIN: Town(MAIN, base)}
    problems: list[Problem] = []
    if towns_dir is None or not towns_dir.is_dir():
        return towns, problems
    for directory in sorted(p for p in towns_dir.iterdir() if p.is_dir()):
        if not SLUG.match(directory.name) or directory.name == MAIN:
            problems.append(
                Problem(
                    str(directory),
                    1,
                    f"town id {directory.name!r} must be a lowercase ascii slug, not {MAIN!r}",
                )
            )
            continue
        town = _load_town(base, directory, problems)
        if town is not None:
            towns[town.id] = town
    return towns, problems


def _read_mapping(path: Path, problems: list[Problem]) -> LineDict | None:
    data, issues = load_yaml(path)
    problems.extend(Problem(str(path), i.line, i.message) for i in issues)
    if data is not None and not isinstance(data, LineDict):
        problems.append(Problem(str(path), 1, "the file must hold a mapping (key: value lines)"))
        return None
    return data


def _load_town(base: Catalog, directory: Path, problems: list[Problem]) -> Town | None:
    before = len(problems)
    center_file = directory / "center.yaml"
    if not center_file.is_file():
        problems.append(Problem(str(center_file), 1, "file is missing"))
        return None
    center_data = _read_mapping(center_file, problems)
    if center_data is None:
        return None
    center = parse_center(str(center_file), center_data, problems)
    items = {item.id: item for item in base.items}
    overrides = directory / "overrides.yaml"
    if overrides.is_file():
        data = _read_mapping(overrides, problems)
        if data is not None:
            _apply_overrides(str(overrides), data, items, problems)
    for file in sorted((directory / "items").glob("*.yaml")):
        data = _read_mapping(file, problems)
        if data is None:
            continue
        item = parse_item(str(file), data, problems, file.stem)
        if item.id in items:
            Fields(str(file), data, problems).problem(
                "id", f"item {item.id!r} already exists in the shared catalog; use overrides.yaml"
            )
        items[item.id] = item
    departments = {d.id for d in center.departments}
    for item in items.values():
        if item.department not in departments:
            problems.append(
                Problem(
                    str(center_file),
                    1,
                    f"department {item.department!r} (item {item.id!r}) is missing in this town",
                )
            )
    if len(problems) > before:
        return None
    digest = hashlib.sha256(base.digest.encode())
    for file in town_files(directory):
        digest.update(file.read_bytes())
    catalog = Catalog(
        center=center,
        items=tuple(items.values()),
        lexicon=base.lexicon,
        digest=digest.hexdigest(),
        learned=base.learned,  # a town's extra items are the rules' alone (blend.py)
    )
    return Town(directory.name, catalog)


def _apply_overrides(
    file: str, data: LineDict, items: dict[str, Item], problems: list[Problem]
) -> None:
    f = Fields(file, data, problems)
    f.known(("items",))
    table = f.mapping("items", required=True)
    if table is None:
        return
    for item_id in list(table):
        item = items.get(item_id)
        if item is None:
            problems.append(Problem(file, table.line_of(item_id), f"unknown item {item_id!r}"))
            continue
        spec = table[item_id]
        if not isinstance(spec, LineDict):
            problems.append(
                Problem(file, table.line_of(item_id), f"{item_id}: expected place/promised/phones")
            )
            continue
        o = Fields(file, spec, problems, f"items.{item_id}.")
        o.known(OVERRIDE_KEYS)
        changes: dict[str, object] = {}
        place = o.text("place", required=False)
        if place:
            changes["place"] = place
        promised = o.integer("promised", required=False, default=None)
        if promised is not None:
            statutory = item.limits.statutory
            if promised < 0 or (statutory is not None and promised > statutory):
                o.problem(
                    "promised",
                    f"promised {promised} must be between 0 and the statutory {statutory}",
                )
            else:
                changes["limits"] = Limits(statutory, promised)
        phones = o.mapping("phones", required=False)
        if phones is not None:
            p = Fields(file, phones, problems, f"items.{item_id}.phones.")
            p.known(("consult", "complaint"))
            changes["phones"] = Phones(
                consult=p.text("consult", required=False) or item.phones.consult,
                complaint=p.text("complaint", required=False) or item.phones.complaint,
            )
        items[item_id] = dataclasses.replace(item, **changes)  # type: ignore[arg-type]
