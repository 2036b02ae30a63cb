"""Report tables as CSV (UTF-8 with BOM, so Excel on a township PC opens it in
Chinese) and as an Excel workbook, with the town each row covers in the last
column. Cells that a spreadsheet would run as a formula are defused with a
leading apostrophe."""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import Workbook

from bot.console import texts

COLUMNS = tuple(texts.REPORT_COLUMNS)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def _town(report: dict[str, Any], row: dict[str, Any]) -> str:
    """A per-town row covers its town; every other row the report's towns."""
    by_town = report["group"] == "town" and row is not report["totals"]
    return str(row["label"] if by_town else report["town_name"])


def table(report: dict[str, Any]) -> list[list[Any]]:
    header = [*(texts.REPORT_COLUMNS[c] for c in COLUMNS), texts.REPORT_TOWN_COLUMN]
    body = [
        [*(_cell(r[c]) for c in COLUMNS), _cell(_town(report, r))]
        for r in [*report["rows"], report["totals"]]
    ]
    return [header, *body]


def to_csv(report: dict[str, Any]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(table(report))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(report: dict[str, Any]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = texts.REPORT_SHEET
    for line in table(report):
        sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
