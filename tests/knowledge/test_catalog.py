"""Loading and validating the catalog: every problem reported, each at its file and line."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge.catalog import CatalogError, Problem, check_catalog, load_catalog
from tests.knowledge.fixture_catalog import ITEMS, REAL_CATALOG, write_catalog

MakeCatalog = Callable[..., Path]


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_valid_catalog_loads_with_lookups(catalog_dir: Path) -> None:
    catalog = load_catalog(catalog_dir)
    assert len(catalog.items) == len(ITEMS)
    dibao = catalog.by_id["dibao"]
    assert catalog.by_name["最低生活保障申请"] is dibao
    assert dibao.aliases[:2] == ("低保", "吃低保")
    assert dibao.cases[0].materials[3].required is False  # 容缺
    assert dibao.limits.statutory == 45 and dibao.limits.promised == 30
    assert catalog.by_id["gaoling_jintie"].limits.statutory is None
    assert catalog.department("minzheng").window == "3号窗口"
    assert catalog.center.phones.county_hotline == "12345"
    assert len(catalog.digest) == 64
    assert dibao.source_file.endswith("items/dibao.yaml")
    with pytest.raises(dataclasses.FrozenInstanceError):
        dibao.name = "x"  # type: ignore[misc]
    with pytest.raises(KeyError):
        catalog.department("nosuch")


def test_fee_defaults_to_free_and_digest_tracks_content(catalog_dir: Path) -> None:
    path = catalog_dir / "items" / "tekun.yaml"
    before = load_catalog(catalog_dir).digest
    edit(path, "fee: 不收费\n", "")
    catalog = load_catalog(catalog_dir)
    assert catalog.by_id["tekun"].fee == "不收费"
    assert catalog.digest != before


def test_unknown_department_is_reported_at_its_line(catalog_dir: Path) -> None:
    path = catalog_dir / "items" / "tekun.yaml"
    edit(path, "department: minzheng", "department: minzhengban")
    problems = check_catalog(catalog_dir)
    assert problems == [
        Problem(
            str(path),
            line_of(path, "department:"),
            "department 'minzhengban' is not in center.yaml",
        )
    ]
    assert str(problems[0]).startswith(f"{path}:{line_of(path, 'department:')}: department")


def test_all_problems_are_reported_at_once(catalog_dir: Path) -> None:
    tekun = catalog_dir / "items" / "tekun.yaml"
    dibao = catalog_dir / "items" / "dibao.yaml"
    edit(tekun, "promised: 20", "promised: 二十天")
    edit(tekun, "aliases:\n- 特困\n", "aliases:\n- 特困\n- 低保\n")  # 低保 belongs to dibao
    edit(dibao, "copies: 1", "copies: -1")
    edit(dibao, "form: 原件和复印件", "form: 原件或复印件")
    edit(dibao, "result:", "reslut: x\nresult:")
    with pytest.raises(CatalogError) as caught:
        load_catalog(catalog_dir)
    found = {(Path(p.file).name, p.line, p.message) for p in caught.value.problems}
    assert (
        "tekun.yaml",
        line_of(tekun, "promised:"),
        "limits.promised must be a whole number, not '二十天'",
    ) in found
    assert (
        "tekun.yaml",
        line_of(tekun, "- 低保"),
        "alias '低保' is also claimed by item 'dibao'",
    ) in found
    assert (
        "dibao.yaml",
        line_of(dibao, "copies: -1"),
        "cases[0].materials[0].copies must be at least 0",
    ) in found
    assert (
        "dibao.yaml",
        line_of(dibao, "form: 原件或复印件"),
        "cases[0].materials[0].form must be one of 原件, 复印件, 原件和复印件, not '原件或复印件'",
    ) in found
    assert ("dibao.yaml", line_of(dibao, "reslut"), "unknown field reslut") in found
    assert len(found) == 5


def test_yaml_syntax_error_and_duplicate_key_have_lines(catalog_dir: Path) -> None:
    tekun = catalog_dir / "items" / "tekun.yaml"
    edit(tekun, "kind: 承诺件", "kind: 承诺件\nkind: 即办件")
    broken = catalog_dir / "items" / "dibao.yaml"
    broken.write_text("id: dibao\nname: [最低生活保障申请\naliases: x\n", encoding="utf-8")
    problems = check_catalog(catalog_dir)
    assert Problem(str(tekun), line_of(tekun, "kind: 即办件"), "duplicate key 'kind'") in problems
    syntax = [p for p in problems if p.file == str(broken)]
    assert len(syntax) == 1 and syntax[0].message.startswith("YAML syntax error")
    assert syntax[0].line in (2, 3, 4)


def test_id_must_match_file_name_and_cases_are_required(make_catalog: MakeCatalog) -> None:
    bad = dict(ITEMS[1], id="tekun2", cases=[])
    root = make_catalog(items=[ITEMS[0], bad])
    messages = {p.message for p in check_catalog(root)}
    # the file is written under the item's id, so rename it to provoke the mismatch
    assert messages == {"an item needs at least one case"}
    (root / "items" / "tekun2.yaml").rename(root / "items" / "tekun.yaml")
    messages = {p.message for p in check_catalog(root)}
    assert "id 'tekun2' must equal the file name 'tekun'" in messages


def test_promised_limit_cannot_exceed_statutory(make_catalog: MakeCatalog) -> None:
    root = make_catalog(items=[dict(ITEMS[0], limits={"statutory": 10, "promised": 20})])
    assert [p.message for p in check_catalog(root)] == [
        "promised limit 20 exceeds the statutory limit 10"
    ]


def test_center_and_lexicon_are_checked(make_catalog: MakeCatalog) -> None:
    from tests.knowledge.fixture_catalog import CENTER, LEXICON

    center = dict(CENTER, departments=[*CENTER["departments"], dict(CENTER["departments"][0])])
    lexicon = dict(LEXICON, synonyms={"甲": "乙", "乙": "甲"}, intents={"humans": ["人工"]})
    root = make_catalog(center=center, lexicon=lexicon)
    messages = sorted(p.message for p in check_catalog(root))
    assert "duplicate department id 'minzheng'" in messages
    assert "unknown field intents.humans" in messages
    assert any(m.startswith("synonym cycle") for m in messages)


def test_missing_files_are_problems(tmp_path: Path) -> None:
    problems = check_catalog(tmp_path)
    assert {p.message for p in problems} == {"file is missing", "no item files (items/*.yaml)"}


def test_synonym_chains_are_followed(make_catalog: MakeCatalog) -> None:
    from tests.knowledge.fixture_catalog import LEXICON

    lexicon = dict(LEXICON, synonyms={"农合": "新农合", "新农合": "医保"})
    catalog = load_catalog(make_catalog(lexicon=lexicon))
    assert catalog.lexicon.synonyms == {"农合": "医保", "新农合": "医保"}


@pytest.mark.skipif(not (REAL_CATALOG / "lexicon.yaml").is_file(), reason="catalog not written yet")
def test_repository_catalog_is_valid() -> None:
    assert [str(p) for p in check_catalog(REAL_CATALOG)] == []
    catalog = load_catalog(REAL_CATALOG)
    assert len(catalog.items) >= 55
    for item in catalog.items:
        assert catalog.department(item.department)
        assert item.cases and all(case.materials for case in item.cases), item.id


def test_catalog_written_by_write_catalog_roundtrips(tmp_path: Path) -> None:
    root = write_catalog(tmp_path / "a")
    first = load_catalog(root)
    from knowledge.yamlwrite import write_catalog as dump_catalog

    dump_catalog(first, tmp_path / "b")
    assert load_catalog(tmp_path / "b") == first
