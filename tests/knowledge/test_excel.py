"""Excel 事项清单: export -> import reproduces the catalog; bad sheets are refused by row."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from knowledge import texts
from knowledge.catalog import CatalogError, load_catalog
from knowledge.excel import export_xlsx, import_xlsx
from tests.knowledge.fixture_catalog import ITEMS, REAL_CATALOG


def header_index(sheet: openpyxl.worksheet.worksheet.Worksheet, label: str) -> int:
    return [c.value for c in sheet[1]].index(label) + 1


def test_export_has_one_row_per_item_case_material(catalog_dir: Path, tmp_path: Path) -> None:
    catalog = load_catalog(catalog_dir)
    export_xlsx(catalog, tmp_path / "list.xlsx")
    book = openpyxl.load_workbook(tmp_path / "list.xlsx")
    assert book.sheetnames == ["事项清单", "部门", "中心", "词库"]
    sheet = book["事项清单"]
    assert [c.value for c in sheet[1]][:4] == ["事项编码", "事项名称", "别名/俗称", "部门编码"]
    expected = sum(len(c.materials) for it in catalog.items for c in it.cases)
    assert sheet.max_row == 1 + expected
    rows = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "dibao"]
    case_col = header_index(sheet, "办理情形") - 1
    assert [r[case_col] for r in rows] == ["首次申请"] * 4 + ["复审"]
    required_col = header_index(sheet, "是否必需") - 1
    assert rows[3][required_col] == "否"


@pytest.mark.parametrize("source", ["fixture", "real"])
def test_roundtrip_reproduces_the_catalog(source: str, catalog_dir: Path, tmp_path: Path) -> None:
    root = catalog_dir if source == "fixture" else REAL_CATALOG
    if not (root / "lexicon.yaml").is_file():
        pytest.skip("catalog not written yet")
    catalog = load_catalog(root)
    export_xlsx(catalog, tmp_path / "list.xlsx")
    again = import_xlsx(tmp_path / "list.xlsx", tmp_path / "imported")
    assert again == catalog
    assert again.items == catalog.items and again.center == catalog.center
    assert again.lexicon == catalog.lexicon
    assert sorted(p.name for p in (tmp_path / "imported" / "items").iterdir()) == sorted(
        f"{it.id}.yaml" for it in catalog.items
    )


def test_reordered_columns_and_blank_repeats_import(catalog_dir: Path, tmp_path: Path) -> None:
    """County sheets often merge cells: item fields only on an item's first row."""
    catalog = load_catalog(catalog_dir)
    export_xlsx(catalog, tmp_path / "list.xlsx")
    book = openpyxl.load_workbook(tmp_path / "list.xlsx")
    sheet = book["事项清单"]
    sheet.move_range("A1:A200", cols=40)  # id column moved to the far right
    id_col = 41
    seen: set[str] = set()
    keep = {
        header_index(sheet, h)
        for h in ("办理情形", "材料名称", "原件/复印件", "份数", "材料来源", "是否必需", "材料备注")
    } | {id_col}
    for row in range(2, sheet.max_row + 1):
        item_id = sheet.cell(row=row, column=id_col).value
        if item_id in seen:
            for col in range(1, sheet.max_column + 1):
                if col not in keep:
                    sheet.cell(row=row, column=col).value = None
        seen.add(item_id)
    book.save(tmp_path / "merged.xlsx")
    assert import_xlsx(tmp_path / "merged.xlsx", tmp_path / "out") == catalog


def test_bad_cells_are_reported_by_row_and_nothing_is_written(
    catalog_dir: Path, tmp_path: Path
) -> None:
    catalog = load_catalog(catalog_dir)
    export_xlsx(catalog, tmp_path / "list.xlsx")
    book = openpyxl.load_workbook(tmp_path / "list.xlsx")
    sheet = book["事项清单"]
    sheet.cell(row=3, column=header_index(sheet, "份数")).value = "两份"
    sheet.cell(row=4, column=header_index(sheet, "是否必需")).value = "看情况"
    last = sheet.max_row
    sheet.cell(row=last, column=header_index(sheet, "部门编码")).value = "nosuch"
    book.save(tmp_path / "bad.xlsx")
    before = {p.name: p.read_bytes() for p in (catalog_dir / "items").iterdir()}
    with pytest.raises(CatalogError) as caught:
        import_xlsx(tmp_path / "bad.xlsx", catalog_dir)
    shown = [str(p) for p in caught.value.problems]
    assert "bad.xlsx[事项清单]:3: copies: '两份' is not a whole number" in shown
    assert "bad.xlsx[事项清单]:4: required: '看情况' must be 是 or 否" in shown
    assert {p.name: p.read_bytes() for p in (catalog_dir / "items").iterdir()} == before


def test_cross_reference_problems_point_at_the_items_first_row(
    catalog_dir: Path, tmp_path: Path
) -> None:
    catalog = load_catalog(catalog_dir)
    export_xlsx(catalog, tmp_path / "list.xlsx")
    book = openpyxl.load_workbook(tmp_path / "list.xlsx")
    sheet = book["事项清单"]
    rows = [r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == "tekun"]
    for r in rows:
        sheet.cell(row=r, column=header_index(sheet, "部门编码")).value = "nosuch"
    book.save(tmp_path / "bad.xlsx")
    with pytest.raises(CatalogError) as caught:
        import_xlsx(tmp_path / "bad.xlsx", tmp_path / "out")
    assert [str(p) for p in caught.value.problems] == [
        f"bad.xlsx[事项清单]:{rows[0]}: item 'tekun': department 'nosuch' is not in center.yaml"
    ]
    assert not (tmp_path / "out" / "items").exists()


def test_import_replaces_items_and_keeps_center_when_sheets_absent(
    make_catalog: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_catalog()
    catalog = load_catalog(root)
    export_xlsx(catalog, tmp_path / "list.xlsx")
    book = openpyxl.load_workbook(tmp_path / "list.xlsx")
    for name in (texts.XLSX_DEPT_SHEET, texts.XLSX_CENTER_SHEET, texts.XLSX_LEXICON_SHEET):
        del book[name]
    sheet = book["事项清单"]
    for r in range(sheet.max_row, 1, -1):
        if sheet.cell(row=r, column=1).value == "tekun":
            sheet.delete_rows(r)
    book.save(tmp_path / "items-only.xlsx")
    again = import_xlsx(tmp_path / "items-only.xlsx", root)
    assert "tekun" not in again.by_id and len(again.items) == len(ITEMS) - 1
    assert not (root / "items" / "tekun.yaml").exists()
    assert again.center == catalog.center and again.lexicon == catalog.lexicon
