"""One owner each, checked on the source of `app`: transactions end only in the unit of work,
and only the dialect module asks which database it is on."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"

TRANSACTION_OWNERS = {"app/unit_of_work.py"}
DIALECT_READERS = {
    "app/kit/dialect.py",
    "app/health/routes.py",  # reports the database's name; decides nothing by it
}


def _calls(method: str) -> Iterator[str]:
    """`module:line` of every call of a method named `method` in `app`."""
    for path in sorted(APP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == method
            ):
                yield f"{path.relative_to(APP.parent)}:{node.lineno}"


def _dialect_names() -> Iterator[str]:
    """`module:line` of every `<something>.dialect.name` in `app`."""
    for path in sorted(APP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "name"
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "dialect"
            ):
                yield f"{path.relative_to(APP.parent)}:{node.lineno}"


def _outside(found: Iterator[str], allowed: set[str]) -> list[str]:
    return [place for place in found if place.split(":")[0] not in allowed]


def test_only_the_unit_of_work_commits() -> None:
    assert _outside(_calls("commit"), TRANSACTION_OWNERS) == []


def test_only_the_unit_of_work_rolls_back() -> None:
    assert _outside(_calls("rollback"), TRANSACTION_OWNERS) == []


def test_the_checks_see_commits_where_they_are() -> None:
    assert any(place.startswith("app/unit_of_work.py:") for place in _calls("commit"))
    assert any(place.startswith("app/kit/dialect.py:") for place in _dialect_names())


def test_only_the_dialect_module_asks_which_database_it_is() -> None:
    assert _outside(_dialect_names(), DIALECT_READERS) == []
