"""Excel import/export of the catalog, in the shape county offices keep their 事项清单: one row
per item × case × material on the first sheet, plus sheets for departments, the center and the
lexicon. export -> import reproduces the catalog exactly.

Import validates everything before touching the catalog folder; on problems it raises
`CatalogError` and the folder is left as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from knowledge import texts
from knowledge.catalog import (
    CENTER_FILE,
    ITEMS_DIR,
    LEXICON_FILE,
    Catalog,
    CatalogError,
    Item,
    Problem,
    check_catalog,
    load_catalog,
)
from knowledge.excel_read import (
    SheetReader,
    read_center,
    read_departments,
    read_items,
    read_lexicon,
)
from knowledge.yamlwrite import dump

_LIST_JOIN = "\n"


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return texts.XLSX_YES if value else texts.XLSX_NO
    if isinstance(value, tuple | list):
        return _LIST_JOIN.join(value)
    return value


def _item_rows(item: Item) -> list[dict[str, Any]]:
    base = {
        "id": item.id,
        "name": item.name,
        "aliases": item.aliases,
        "department": item.department,
        "level": item.level,
        "kind": item.kind,
        "audience": item.audience,
        "basis": item.basis,
        "conditions": item.conditions,
        "steps": item.steps,
        "statutory": item.limits.statutory,
        "promised": item.limits.promised,
        "publicity_days": item.publicity_days,
        "fee": item.fee,
        "place": item.place,
        "hours": item.hours,
        "consult": item.phones.consult,
        "complaint": item.phones.complaint,
        "online": item.online,
        "online_how": item.online_how,
        "visits": item.visits,
        "result": item.result,
        "keywords": item.keywords,
    }
    rows = []
    for case in item.cases:
        if not case.materials:
            rows.append({**base, "case": case.name})
        for m in case.materials:
            rows.append(
                {
                    **base,
                    "case": case.name,
                    "material": m.name,
                    "form": m.form,
                    "copies": m.copies,
                    "source": m.source,
                    "required": m.required,
                    "note": m.note,
                }
            )
    return rows


def _write(
    sheet: Worksheet, columns: tuple[tuple[str, str], ...], rows: list[dict[str, Any]]
) -> None:
    sheet.append([header for _, header in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(row.get(key)) for key, _ in columns])
    for index, (_key, header) in enumerate(columns, 1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = max(10, min(40, 2 * len(header) + 4))
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"


def export_xlsx(catalog: Catalog, path: Path) -> None:
    """Write the whole catalog to one workbook."""
    book = openpyxl.Workbook()
    items = book.active
    assert items is not None
    items.title = texts.XLSX_ITEMS_SHEET
    _write(items, texts.XLSX_ITEM_COLUMNS, [r for item in catalog.items for r in _item_rows(item)])
    center = catalog.center
    _write(
        book.create_sheet(texts.XLSX_DEPT_SHEET),
        texts.XLSX_DEPT_COLUMNS,
        [vars(d) for d in center.departments],
    )
    values = {**vars(center), **vars(center.phones)}
    _write(
        book.create_sheet(texts.XLSX_CENTER_SHEET),
        texts.XLSX_CENTER_COLUMNS,
        [{"field": label, "value": values.get(key)} for key, label in texts.XLSX_CENTER_FIELDS],
    )
    lexicon = catalog.lexicon
    kinds = dict(texts.XLSX_LEXICON_KINDS)
    rows = [{"kind": kinds["synonym"], "word": k, "target": v} for k, v in lexicon.synonyms.items()]
    rows += [{"kind": kinds["filler"], "word": w} for w in lexicon.fillers]
    rows += [
        {"kind": kinds[intent], "word": w}
        for intent, words in lexicon.intents.items()
        for w in words
    ]
    _write(book.create_sheet(texts.XLSX_LEXICON_SHEET), texts.XLSX_LEXICON_COLUMNS, rows)
    book.save(path)


def _stage(path: Path, out_dir: Path, staging: Path, problems: list[Problem]) -> dict[str, int]:
    """Write the workbook as YAML into `staging`; returns item id -> first sheet row."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:

        def reader(
            sheet: str, columns: tuple[tuple[str, str], ...], required: tuple[str, ...]
        ) -> SheetReader | None:
            if sheet not in book.sheetnames:
                return None
            return SheetReader(f"{path.name}[{sheet}]", book[sheet], columns, problems, required)

        items = reader(texts.XLSX_ITEMS_SHEET, texts.XLSX_ITEM_COLUMNS, ("id", "name", "case"))
        if items is None:
            problems.append(Problem(path.name, 1, f"no sheet {texts.XLSX_ITEMS_SHEET!r}"))
            return {}
        item_dicts, first_rows = read_items(items)
        (staging / ITEMS_DIR).mkdir(parents=True)
        for data in item_dicts:
            (staging / ITEMS_DIR / f"{data['id']}.yaml").write_text(dump(data), encoding="utf-8")
        depts = reader(texts.XLSX_DEPT_SHEET, texts.XLSX_DEPT_COLUMNS, ("id", "name"))
        center = reader(texts.XLSX_CENTER_SHEET, texts.XLSX_CENTER_COLUMNS, ("field", "value"))
        if depts is not None and center is not None:
            data = read_center(center)
            data["departments"] = read_departments(depts)
            (staging / CENTER_FILE).write_text(dump(data), encoding="utf-8")
        elif (out_dir / CENTER_FILE).is_file():  # sheets absent: keep the current center.yaml
            shutil.copy(out_dir / CENTER_FILE, staging / CENTER_FILE)
        lexicon = reader(texts.XLSX_LEXICON_SHEET, texts.XLSX_LEXICON_COLUMNS, ("kind", "word"))
        if lexicon is not None:
            (staging / LEXICON_FILE).write_text(dump(read_lexicon(lexicon)), encoding="utf-8")
        elif (out_dir / LEXICON_FILE).is_file():
            shutil.copy(out_dir / LEXICON_FILE, staging / LEXICON_FILE)
        return first_rows
    finally:
        book.close()


def _locate(problem: Problem, staging: Path, book: str, first_rows: dict[str, int]) -> Problem:
    """Point a problem found in the staged YAML back at the workbook row it came from."""
    file = Path(problem.file)
    if file.parent == staging / ITEMS_DIR and file.stem in first_rows:
        return Problem(
            f"{book}[{texts.XLSX_ITEMS_SHEET}]",
            first_rows[file.stem],
            f"item {file.stem!r}: {problem.message}",
        )
    if file.parent == staging:
        return Problem(book, 1, f"{file.name}: {problem.message}")
    return problem


def import_xlsx(path: Path, out_dir: Path) -> Catalog:
    """Read the workbook, validate it as a catalog and only then write the YAML into `out_dir`
    (stale item files removed). Returns the loaded catalog; raises `CatalogError` otherwise."""
    path, out_dir = Path(path), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory(dir=out_dir.parent, prefix=".import-") as tmp:
        staging = Path(tmp) / "catalog"
        staging.mkdir()
        first_rows = _stage(path, out_dir, staging, problems)
        if not problems:
            problems = [_locate(p, staging, path.name, first_rows) for p in check_catalog(staging)]
        if problems:
            raise CatalogError(problems)
        (out_dir / ITEMS_DIR).mkdir(exist_ok=True)
        new_items = {f.name for f in (staging / ITEMS_DIR).glob("*.yaml")}
        for stale in (out_dir / ITEMS_DIR).glob("*.yaml"):
            if stale.name not in new_items:
                stale.unlink()
        for name in (CENTER_FILE, LEXICON_FILE):
            shutil.copy(staging / name, out_dir / name)
        for name in sorted(new_items):
            shutil.copy(staging / ITEMS_DIR / name, out_dir / ITEMS_DIR / name)
    return load_catalog(out_dir)
