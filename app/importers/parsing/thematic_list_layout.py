"""The layout of a thematic list's table: the role of each column, found by the words of its
header (`find_header`), the rows that open a theme group (`theme_row`), and a row's cells as
their whitespace-normalised lines (`row_lines`, `role_cell`). See
`app.importers.parsing.thematic_list` for the rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.importers.records import ParseError

if TYPE_CHECKING:
    from docx.table import _Row  # python-docx's table row, which it does not export by name

# Column roles and the header words that mean them, tried in this order (first match wins).
_COLUMN_WORDS = (
    ("sdgs", frozenset({"sdg", "sustainable"})),
    ("themes", frozenset({"theme", "thematic", "right", "area", "issue", "topic"})),
    ("assessment", frozenset({"assessment", "implementation", "comment"})),
    ("position", frozenset({"position", "response"})),
    ("recommendation", frozenset({"recommendation"})),
    ("states", frozenset({"state", "country", "recommending", "delegation"})),
    ("groups", frozenset({"person", "group", "people"})),
)
_THEME_WORDS = dict(_COLUMN_WORDS)["themes"]
_LABEL_CONNECTORS = frozenset({"and", "or", "of", "the"})
_LABELLED_ROW_RE = re.compile(r"^([A-Za-z][A-Za-z /&]{0,40}?)\s*:\s*(\S.*)$")


def row_lines(row: _Row) -> list[list[str]]:
    """The non-empty, whitespace-normalised lines of each grid cell of a table row."""
    cells: list[list[str]] = [[] for _ in range(row.grid_cols_before)]
    for cell in row.cells:
        lines = (clean(line) for p in cell.paragraphs for line in p.text.split("\n"))
        cells.append([line for line in lines if line])
    return cells


def clean(text: str) -> str:
    """A cell's text with every run of whitespace (non-breaking spaces too) one space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def role_cell(cells: list[list[str]], columns: dict[str, int], role: str) -> list[str]:
    """The lines of the row's cell in the column of `role` (none without such a column)."""
    index = columns.get(role)
    return cells[index] if index is not None and index < len(cells) else []


def header_error(file: str, t_no: int, rows: list[list[list[str]]]) -> ParseError:
    """The error for a table whose first rows have no recommendation and position columns."""
    heads = [" ".join(lines) for lines in rows[0]] if rows else []
    problem = f"no recommendation column and position column among headers {heads!r}"
    return ParseError(file, f"table {t_no} row 1", problem if rows else "the table is empty")


def find_header(
    rows: list[list[list[str]]], warnings: list[str], t_no: int
) -> tuple[int, dict[str, int] | None]:
    """The index of the header row among a table's first rows, and its column roles."""
    for index, cells in enumerate(rows[:3]):
        if columns := _find_columns(cells, warnings, t_no):
            return index, columns
    return 0, None


def _words(text: str) -> set[str]:
    """The words of a heading or label, lower-cased, plurals folded ("countries", "rights")."""
    words: set[str] = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        words.add(word)
    return words


def _column_role(heading: str) -> str | None:
    """The role of the column a heading names (`_COLUMN_WORDS`), or None."""
    words = _words(heading)
    return next((role for role, meaning in _COLUMN_WORDS if words & meaning), None)


def _find_columns(cells: list[list[str]], warnings: list[str], t_no: int) -> dict[str, int] | None:
    """Map column roles to indexes from a header row; None unless both key columns are there."""
    columns: dict[str, int] = {}
    for index, lines in enumerate(cells):
        if (role := _column_role(" ".join(lines))) is not None:
            columns.setdefault(role, index)
    if "recommendation" not in columns or "position" not in columns:
        return None
    for index, lines in enumerate(cells):
        if index not in columns.values() and lines:
            warnings.append(f"table {t_no}: column {' '.join(lines)!r} not recognised")
    return columns


def theme_row(text: str) -> str | None:
    """The theme a "Theme: ..." / "Right or area: ..." row opens, or None for any other row."""
    m = _LABELLED_ROW_RE.match(text)
    if m is None:
        return None
    words = _words(m.group(1))
    return (
        m.group(2) if words & _THEME_WORDS and words <= _THEME_WORDS | _LABEL_CONNECTORS else None
    )
