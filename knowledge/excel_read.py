"""Read the 事项清单 workbook into YAML-shaped dicts, checking cell types and reporting problems as
`book.xlsx[sheet]:row: message`. Columns are found by their header, so a county office may reorder
them or add its own. Blank item-level cells mean "same as the row above" for the same item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from knowledge import texts
from knowledge.catalog import Problem

LIST_FIELDS = ("basis", "conditions", "steps")  # one entry per line in the cell
WORD_FIELDS = ("aliases", "keywords", "handles")  # short words: several separators allowed
INT_FIELDS = ("statutory", "promised", "publicity_days", "visits", "copies")
BOOL_FIELDS = ("online", "required")
CASE_FIELDS = ("case",)
MATERIAL_FIELDS = ("material", "form", "copies", "source", "required", "note")
_WORD_SPLIT = re.compile("|".join(re.escape(s) for s in texts.XLSX_WORD_SEPARATORS))


class SheetReader:
    def __init__(
        self,
        label: str,
        sheet: Worksheet,
        columns: tuple[tuple[str, str], ...],
        problems: list[Problem],
        required: tuple[str, ...],
    ) -> None:
        self.label = label
        self.problems = problems
        self.sheet = sheet
        rows = sheet.iter_rows(min_row=1, max_row=1, values_only=True)
        header = [str(v).strip() if v is not None else "" for v in next(rows, ())]
        by_header = {h: k for k, h in columns}
        self.index = {by_header[h]: i for i, h in enumerate(header) if h in by_header}
        for key in required:
            if key not in self.index:
                self.problem(1, f"missing column {dict(columns)[key]!r}")

    def problem(self, row: int, message: str) -> None:
        self.problems.append(Problem(self.label, row, message))

    def rows(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """(row number, key -> raw cell value) for every non-empty data row."""
        for number, values in enumerate(self.sheet.iter_rows(min_row=2, values_only=True), 2):
            cells = {k: values[i] if i < len(values) else None for k, i in self.index.items()}
            if any(v is not None and str(v).strip() for v in cells.values()):
                yield number, cells

    def text(self, row: int, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        return text or None

    def convert(self, row: int, key: str, value: Any) -> Any:
        """A cell as the YAML value of field `key`; None when blank or wrong (problem recorded)."""
        text = self.text(row, value)
        if text is None:
            return None
        if key in INT_FIELDS:
            if isinstance(value, bool) or not re.fullmatch(r"\d+", text):
                self.problem(row, f"{key}: {text!r} is not a whole number")
                return None
            return int(text)
        if key in BOOL_FIELDS:
            lowered = text.lower()
            if lowered in texts.XLSX_TRUE_WORDS:
                return True
            if lowered in texts.XLSX_FALSE_WORDS:
                return False
            self.problem(row, f"{key}: {text!r} must be {texts.XLSX_YES} or {texts.XLSX_NO}")
            return None
        if key in LIST_FIELDS:
            return [line.strip() for line in text.splitlines() if line.strip()]
        if key in WORD_FIELDS:
            return [w.strip() for w in _WORD_SPLIT.split(text) if w.strip()]
        return text


def read_items(reader: SheetReader) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Item dicts in sheet order, and the first row of each item (to point problems at)."""
    items: dict[str, dict[str, Any]] = {}
    first_row: dict[str, int] = {}
    item_keys = [k for k, _ in texts.XLSX_ITEM_COLUMNS if k not in CASE_FIELDS + MATERIAL_FIELDS]
    for row, cells in reader.rows():
        item_id = reader.text(row, cells.get("id"))
        if item_id is None:
            reader.problem(row, "missing item id")
            continue
        values = {k: reader.convert(row, k, cells.get(k)) for k in cells}
        data = items.get(item_id)
        if data is None:
            data = items[item_id] = {"_fields": {}, "cases": []}
            first_row[item_id] = row
        fields: dict[str, Any] = data["_fields"]
        for key in item_keys:
            value = values.get(key)
            if value is None:
                continue
            if key in fields and fields[key] != value:
                reader.problem(row, f"{key} of item {item_id!r} differs from an earlier row")
            fields.setdefault(key, value)
        case_name = values.get("case")
        cases: list[dict[str, Any]] = data["cases"]
        if case_name is None and cases:
            case_name = cases[-1]["name"]  # blank 办理情形: same case as the row above
        if case_name is None:
            reader.problem(row, f"missing case name of item {item_id!r}")
            continue
        if not cases or cases[-1]["name"] != case_name:
            cases.append({"name": case_name, "materials": []})
        if values.get("material") is not None:
            material = {
                "name": values["material"],
                "form": values.get("form"),
                "copies": values.get("copies"),
                "source": values.get("source"),
                "required": True if values.get("required") is None else values["required"],
            }
            if values.get("note"):
                material["note"] = values["note"]
            cases[-1]["materials"].append(material)
    return [_item_dict(item_id, data) for item_id, data in items.items()], first_row


def _item_dict(item_id: str, data: dict[str, Any]) -> dict[str, Any]:
    f = data["_fields"]
    out: dict[str, Any] = {"id": item_id}
    for key in (
        "name",
        "aliases",
        "department",
        "level",
        "kind",
        "audience",
        "basis",
        "conditions",
    ):
        out[key] = f.get(key, [] if key in ("aliases", "basis", "conditions") else None)
    out["cases"] = data["cases"]
    out["steps"] = f.get("steps", [])
    out["limits"] = {"statutory": f.get("statutory"), "promised": f.get("promised")}
    out["publicity_days"] = f.get("publicity_days", 0)
    out["fee"] = f.get("fee")
    for key in ("place", "hours"):
        if f.get(key) is not None:
            out[key] = f[key]
    phones = {k: f[k] for k in ("consult", "complaint") if f.get(k) is not None}
    if phones:
        out["phones"] = phones
    out["online"] = bool(f.get("online", False))
    if f.get("online_how") is not None:
        out["online_how"] = f["online_how"]
    out["visits"] = f.get("visits", 1)
    out["result"] = f.get("result")
    if f.get("keywords"):
        out["keywords"] = f["keywords"]
    return out


def read_departments(reader: SheetReader) -> list[dict[str, Any]]:
    depts = []
    for row, cells in reader.rows():
        values = {k: reader.convert(row, k, v) for k, v in cells.items()}
        depts.append(
            {
                "id": values.get("id"),
                "name": values.get("name"),
                "window": values.get("window"),
                "phone": values.get("phone"),
                "handles": values.get("handles") or [],
            }
        )
    return depts


def read_center(reader: SheetReader) -> dict[str, Any]:
    by_label = {label: key for key, label in texts.XLSX_CENTER_FIELDS}
    center: dict[str, Any] = {}
    phones: dict[str, Any] = {}
    for row, cells in reader.rows():
        label = reader.text(row, cells.get("field")) or ""
        key = by_label.get(label)
        if key is None:
            reader.problem(row, f"unknown center field {label!r}")
            continue
        value = reader.text(row, cells.get("value"))
        if key in ("consult", "complaint", "county_hotline"):
            phones[key] = value
        elif value is not None:
            center[key] = value
    center["phones"] = {k: v for k, v in phones.items() if v is not None}
    return center


def read_lexicon(reader: SheetReader) -> dict[str, Any]:
    by_label = {label: key for key, label in texts.XLSX_LEXICON_KINDS}
    synonyms: dict[str, str] = {}
    fillers: list[str] = []
    intents: dict[str, list[str]] = {}
    for row, cells in reader.rows():
        kind = by_label.get(reader.text(row, cells.get("kind")) or "")
        word = reader.text(row, cells.get("word"))
        if kind is None or word is None:
            reader.problem(row, "a lexicon row needs a known category and a word")
            continue
        if kind == "synonym":
            target = reader.text(row, cells.get("target"))
            if target is None:
                reader.problem(row, f"synonym {word!r} needs a standard word")
                continue
            synonyms[word] = target
        elif kind == "filler":
            fillers.append(word)
        else:
            intents.setdefault(kind, []).append(word)
    return {"synonyms": synonyms, "fillers": fillers, "intents": intents}
