"""Typed field readers over line-tracking YAML: each read either returns a value or records a
`Problem` at the right line. Used by `schema.py`; knows nothing about the catalog's meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from knowledge.catalog import Problem
from knowledge.yamlsrc import LineDict, LineList

SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
_MISSING = object()


class Fields:
    """Reads the keys of one YAML mapping; problems go to the shared `problems` list."""

    def __init__(self, file: str, data: LineDict, problems: list[Problem], where: str = "") -> None:
        self.file = file
        self.data = data
        self.problems = problems
        self.where = where  # e.g. "cases[0].materials[2]." to make messages precise

    def problem(self, key: str | None, message: str) -> None:
        line = self.data.line_of(key) if key is not None else self.data.line
        self.problems.append(Problem(self.file, line, message))

    def line(self, key: str) -> int:
        return self.data.line_of(key)

    def known(self, allowed: Iterable[str]) -> None:
        """Report keys not in `allowed` (usually a typo such as `aliase:`)."""
        allowed_set = set(allowed)
        for key in self.data:
            if key not in allowed_set:
                self.problem(key, f"unknown field {self.where}{key}")

    def _raw(self, key: str, required: bool) -> Any:
        value = self.data.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.problem(None if value is _MISSING else key, f"missing field {self.where}{key}")
            return _MISSING
        return value

    def text(self, key: str, *, required: bool = True, default: str | None = None) -> str | None:
        value = self._raw(key, required)
        if value is _MISSING:
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(key, f"{self.where}{key} must be text")
            return default
        value = str(value).strip()
        if not value:
            if required:
                self.problem(key, f"{self.where}{key} must not be empty")
            return default
        return value

    def req_text(self, key: str) -> str:
        return self.text(key) or ""

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.text(key)
        if value is not None and value not in choices:
            self.problem(
                key, f"{self.where}{key} must be one of {', '.join(choices)}, not {value!r}"
            )
        return value or (choices[0] if choices else "")

    def integer(
        self,
        key: str,
        *,
        required: bool = True,
        minimum: int = 0,
        nullable: bool = False,
        default: int | None = 0,
    ) -> int | None:
        value = self.data.get(key, _MISSING)
        if value is None and nullable:
            return None
        if value is _MISSING or value is None:
            if required:
                self.problem(None if value is _MISSING else key, f"missing field {self.where}{key}")
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, f"{self.where}{key} must be a whole number, not {value!r}")
            return default
        if value < minimum:
            self.problem(key, f"{self.where}{key} must be at least {minimum}")
            return default
        return value

    def boolean(self, key: str, *, required: bool = True, default: bool = False) -> bool:
        value = self._raw(key, required)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.problem(key, f"{self.where}{key} must be true or false, not {value!r}")
            return default
        return value

    def texts(self, key: str, *, required: bool = False, nonempty: bool = False) -> tuple[str, ...]:
        value = self._raw(key, required)
        if value is _MISSING:
            return ()
        if not isinstance(value, LineList):
            self.problem(key, f"{self.where}{key} must be a list")
            return ()
        out: list[str] = []
        for index, element in enumerate(value):
            if (
                isinstance(element, bool)
                or not isinstance(element, str | int | float)
                or not str(element).strip()
            ):
                self.problems.append(
                    Problem(
                        self.file,
                        value.line_of(index),
                        f"{self.where}{key}[{index}] must be non-empty text",
                    )
                )
                continue
            out.append(str(element).strip())
        if nonempty and not out:
            self.problem(key, f"{self.where}{key} must list at least one entry")
        return tuple(out)

    def mapping(self, key: str, *, required: bool = False) -> LineDict | None:
        value = self._raw(key, required)
        if value is _MISSING:
            return None
        if not isinstance(value, LineDict):
            self.problem(key, f"{self.where}{key} must be a mapping")
            return None
        return value

    def sequence(self, key: str, *, required: bool = True) -> LineList:
        value = self._raw(key, required)
        if value is _MISSING:
            return LineList(self.data.line)
        if not isinstance(value, LineList):
            self.problem(key, f"{self.where}{key} must be a list")
            return LineList(self.line(key))
        return value

    def child(self, container: LineList, index: int, where: str) -> Fields | None:
        """Fields over the mapping at `container[index]`, or None (problem recorded)."""
        element = container[index]
        if not isinstance(element, LineDict):
            self.problems.append(
                Problem(self.file, container.line_of(index), f"{where} must be a mapping")
            )
            return None
        return Fields(self.file, element, self.problems, where + ".")
