"""Report tables as CSV (UTF-8 with BOM, so Excel on a township PC opens it in
Chinese) and as an Excel workbook. Cells that a spreadsheet would run as a
formula are defused with a leading apostrophe."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook

from bot.console import texts

COLUMNS = tuple(texts.REPORT_COLUMNS)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def table(rows: Sequence[dict[str, Any]], totals: dict[str, Any]) -> list[list[Any]]:
    header = [texts.REPORT_COLUMNS[c] for c in COLUMNS]
    body = [[_cell(r[c]) for c in COLUMNS] for r in [*rows, totals]]
    return [header, *body]


def to_csv(rows: Sequence[dict[str, Any]], totals: dict[str, Any]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(table(rows, totals))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(rows: Sequence[dict[str, Any]], totals: dict[str, Any]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = texts.REPORT_SHEET
    for line in table(rows, totals):
        sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
