"""Write catalog dataclasses back as YAML in the layout of knowledge/SCHEMA.md (field order kept,
short word lists in flow style, Chinese unescaped), so imported catalogs read like hand-written
ones. No validation here: the caller loads the result back through `load_catalog`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from knowledge.catalog import CENTER_FILE, ITEMS_DIR, LEXICON_FILE, Catalog, Center, Item, Lexicon


class _Dumper(yaml.SafeDumper):  # type: ignore[misc]
    pass


def _list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    """Short word lists in flow style (`aliases: [低保, 吃低保]`), everything else one per line."""
    short = (
        bool(data)
        and all(isinstance(v, str) and len(v) <= 12 for v in data)
        and sum(len(v) for v in data) <= 60
    )
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=short)


_Dumper.add_representer(list, _list)
_Dumper.add_representer(tuple, _list)


def dump(data: Any) -> str:
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1000,
        default_flow_style=False,
    )
    return text


def center_data(center: Center) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": center.name,
        "town": center.town,
        "county": center.county,
        "address": center.address,
        "hours": center.hours,
    }
    if center.hours_note:
        data["hours_note"] = center.hours_note
    data["phones"] = {k: v for k, v in vars(center.phones).items() if v}
    data["departments"] = [
        {
            "id": d.id,
            "name": d.name,
            "window": d.window,
            "phone": d.phone,
            "handles": list(d.handles),
        }
        for d in center.departments
    ]
    return data


def lexicon_data(lexicon: Lexicon) -> dict[str, Any]:
    return {
        "synonyms": dict(lexicon.synonyms),
        "fillers": list(lexicon.fillers),
        "intents": {k: list(v) for k, v in lexicon.intents.items() if v},
    }


def item_data(item: Item) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item.id,
        "name": item.name,
        "aliases": list(item.aliases),
        "department": item.department,
        "level": item.level,
        "kind": item.kind,
        "audience": item.audience,
        "basis": list(item.basis),
        "conditions": list(item.conditions),
        "cases": [],
        "steps": list(item.steps),
        "limits": {"statutory": item.limits.statutory, "promised": item.limits.promised},
        "publicity_days": item.publicity_days,
        "fee": item.fee,
    }
    for case in item.cases:
        materials = []
        for m in case.materials:
            entry: dict[str, Any] = {
                "name": m.name,
                "form": m.form,
                "copies": m.copies,
                "source": m.source,
                "required": m.required,
            }
            if m.note:
                entry["note"] = m.note
            materials.append(entry)
        data["cases"].append({"name": case.name, "materials": materials})
    optional = {"place": item.place, "hours": item.hours}
    data.update({k: v for k, v in optional.items() if v})
    phones = {
        k: v
        for k, v in (("consult", item.phones.consult), ("complaint", item.phones.complaint))
        if v
    }
    if phones:
        data["phones"] = phones
    data["online"] = item.online
    if item.online_how:
        data["online_how"] = item.online_how
    data["visits"] = item.visits
    data["result"] = item.result
    if item.keywords:
        data["keywords"] = list(item.keywords)
    return data


def write_catalog(catalog: Catalog, folder: Path) -> None:
    """Write center.yaml, lexicon.yaml and items/<id>.yaml into `folder` (created if needed)."""
    (folder / ITEMS_DIR).mkdir(parents=True, exist_ok=True)
    (folder / CENTER_FILE).write_text(dump(center_data(catalog.center)), encoding="utf-8")
    (folder / LEXICON_FILE).write_text(dump(lexicon_data(catalog.lexicon)), encoding="utf-8")
    for item in catalog.items:
        (folder / ITEMS_DIR / f"{item.id}.yaml").write_text(dump(item_data(item)), encoding="utf-8")
