"""The service catalog (办事指南) as frozen dataclasses, and loading it from `knowledge/catalog/`.

Loading reports ALL problems at once as `file:line: message` (see `schema.py` for the checks).
No matching, no rendering here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.learned import PhraseModel

CENTER_FILE = "center.yaml"
LEXICON_FILE = "lexicon.yaml"
ITEMS_DIR = "items"
LEARNED_FILE = "learned.npz"  # learned.py's model, trained from labelled messages (optional)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the catalog, printed as `file:line: message`."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class CatalogError(Exception):
    """The catalog is invalid; `problems` lists every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Phones:
    consult: str | None = None  # 咨询电话
    complaint: str | None = None  # 监督投诉电话
    county_hotline: str | None = None


@dataclass(frozen=True)
class Department:
    id: str
    name: str
    window: str
    phone: str
    handles: tuple[str, ...]


@dataclass(frozen=True)
class Center:
    name: str
    town: str
    county: str
    address: str
    hours: str
    hours_note: str | None
    phones: Phones
    departments: tuple[Department, ...]


@dataclass(frozen=True)
class Material:
    name: str
    form: str  # 原件 | 复印件 | 原件和复印件
    copies: int
    source: str  # 自备 | 村委出具 | 部门核发
    required: bool  # False = 容缺 (may be supplied later)
    note: str | None = None


@dataclass(frozen=True)
class Case:
    name: str
    materials: tuple[Material, ...]


@dataclass(frozen=True)
class Limits:
    statutory: int | None  # 法定时限, working days; None when the law sets none
    promised: int  # 承诺时限, working days; 0 = 即办


@dataclass(frozen=True)
class Item:
    id: str
    name: str
    aliases: tuple[str, ...]
    department: str
    level: str
    kind: str
    audience: str
    basis: tuple[str, ...]
    conditions: tuple[str, ...]
    cases: tuple[Case, ...]
    steps: tuple[str, ...]
    limits: Limits
    publicity_days: int
    fee: str
    place: str | None
    hours: str | None
    phones: Phones
    online: bool
    online_how: str | None
    visits: int
    result: str
    keywords: tuple[str, ...]
    source_file: str = field(default="", compare=False)


@dataclass(frozen=True)
class Lexicon:
    synonyms: Mapping[str, str]  # colloquial/variant -> canonical catalog word
    fillers: tuple[str, ...]
    intents: Mapping[str, tuple[str, ...]]  # intent -> trigger phrases


@dataclass(frozen=True)
class Catalog:
    center: Center
    items: tuple[Item, ...]
    lexicon: Lexicon
    digest: str = field(default="", compare=False)
    learned: PhraseModel | None = field(default=None, compare=False, repr=False)
    by_id: Mapping[str, Item] = field(init=False, repr=False, compare=False)
    by_name: Mapping[str, Item] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {item.id: item for item in self.items})
        object.__setattr__(self, "by_name", {item.name: item for item in self.items})

    def department(self, dept_id: str) -> Department:
        """The department with this id; KeyError if there is none (validated at load)."""
        for dept in self.center.departments:
            if dept.id == dept_id:
                return dept
        raise KeyError(dept_id)


def catalog_files(path: Path) -> list[Path]:
    """Every file that makes up the catalog, in a stable order."""
    files = [path / CENTER_FILE, path / LEXICON_FILE]
    items_dir = path / ITEMS_DIR
    if items_dir.is_dir():
        files.extend(sorted(items_dir.glob("*.yaml")))
    if (path / LEARNED_FILE).is_file():
        files.append(path / LEARNED_FILE)
    return files


def catalog_digest(path: Path) -> str:
    """sha256 over the catalog files' names and bytes: a cache key for derived data."""
    digest = hashlib.sha256()
    for file in catalog_files(path):
        digest.update(file.relative_to(path).as_posix().encode())
        digest.update(b"\0")
        try:
            digest.update(file.read_bytes())
        except OSError:
            digest.update(b"<missing>")
        digest.update(b"\0")
    return digest.hexdigest()


def load_catalog(path: Path) -> Catalog:
    """Load and validate the catalog in `path`; raise `CatalogError` listing every problem."""
    from knowledge.schema import parse_catalog  # schema imports the dataclasses above

    catalog, problems = parse_catalog(Path(path))
    if problems or catalog is None:
        raise CatalogError(problems)
    return catalog


def check_catalog(path: Path) -> list[Problem]:
    """All problems of the catalog in `path` (empty list: valid)."""
    from knowledge.schema import parse_catalog

    return parse_catalog(Path(path))[1]
