"""Reader for exports of the SDG–Human Rights Data Explorer (XLSX), one typed record per row.

The Danish Institute for Human Rights' explorer exports one row per recommendation and
recommending state: a recommendation made by three states is three rows with the same paragraph
id. Columns are found by their header text, never by position; the labels are the export's
own, which are shifted: `Recommendation` holds the state under review and `Tekst` the text.
The columns read are `Recommendation`, `Tekst`, `Response`, `Recommending state`, `Goals`,
`Targets`, `Keywords`, `field_year` and `Document`; others are ignored.

Values are read as follows:

- `Document` ("Source:A/HRC/28/10|124.1|") gives the Working Group report's symbol and the
  paragraph id. A symbol without a paragraph, a paragraph without its item number ("|46|",
  "|42.|") or anything else that does not read as a symbol and "N.N" makes the row malformed.
- `Response` "Supported"/"Noted" gives `Position.supported`/`Position.noted`.
- `Targets` ("5.2, 8.7"): spreadsheet software turned some into numbers, so a cell may hold
  16.100000000000001 for "16.1"; such numbers are read back as their shortest decimal form.
  A lone "16.10" damaged that way is indistinguishable from 16.1 and is read as 16.1.
- `Goals` ("5. Gender equality,8. Decent work and economic growth" or "No SDG link
  identified") gives the goal numbers.
- `Keywords` names affected groups run together without separators ("Women and
  girlsChildrenLGBTI"); they are split where a lower-case letter meets a capital, or a run of
  capitals meets a capitalised word.
- `field_year` ("2014 Cycle 2") gives the year and the UPR cycle.

Nothing is dropped: every non-empty row gives an `ExplorerRecord`, and a record whose row
could not be read completely lists what is wrong in `problems` (the unreadable fields are
None or left out). A file that cannot be read as such an export (not a workbook, a damaged
zip member or worksheet, a header without a column) raises `ExplorerFormatError`, which names
the file and the place: "file", "header row" or the row being read. The module touches no
database.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError as XmlParseError

from lxml.etree import XMLSyntaxError
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from app.importers.parsing.cells import cell_text, header_label
from app.importers.records import ParseError
from app.vocab import Position

# Field of ExplorerRecord -> the export's header label (its labels, shifted as they are).
COLUMNS = {
    "state_under_review": "Recommendation",
    "text": "Tekst",
    "response": "Response",
    "recommending_state": "Recommending state",
    "goals": "Goals",
    "targets": "Targets",
    "keywords": "Keywords",
    "year": "field_year",
    "document": "Document",
}
_RESPONSES = {"supported": Position.supported, "noted": Position.noted}
_DOCUMENT_RE = re.compile(r"^Source:\s*(?P<symbol>[^|]*?)\s*(?:\|(?P<paragraph>[^|]*)\|?)?\s*$")
_SYMBOL_RE = re.compile(r"^A/HRC/\d+/\d+$")
_PARAGRAPH_RE = re.compile(r"^\d+\.\d+$")
_TARGET_RE = re.compile(r"^(\d{1,2})\.([1-9]\d?|[a-z])$")
_FLOAT_TEXT_RE = re.compile(r"^\d{1,2}\.\d{3,}$")  # "16.100000000000001", a number as text
_GOAL_RE = re.compile(r"(?:^|,)\s*(\d{1,2})\.\s")
_GROUP_BOUNDARY_RE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_YEAR_RE = re.compile(r"^(\d{4})\s+Cycle\s+(\d{1,2})$", re.IGNORECASE)
_NO_GOAL = "no sdg link identified"
# What openpyxl lets escape from a damaged package: the zip, its compressed data, its XML.
_DAMAGED = (
    InvalidFileException,
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,  # a compression method zipfile does not know
    XmlParseError,
    XMLSyntaxError,
    KeyError,
    IndexError,  # a shared string's index out of range
    ValueError,
    TypeError,
    OSError,
)


class ExplorerFormatError(ParseError):
    """A file that cannot be read as an SDG–HR Data Explorer export (not XLSX, damaged, columns
    missing); the message names the file, the place (`where`) and the problem."""


@dataclass(frozen=True)
class ExplorerRecord:
    """One row of the export, as far as it could be read.

    `row` is the spreadsheet row number (the header is row 1). `symbol` ("A/HRC/28/10") and
    `paragraph` ("124.1") come from the `Document` cell and are None when it does not give
    them; `position` is None when `Response` is neither Supported nor Noted. `targets` are SDG
    target codes ("16.1", "5.c"), repaired where the export damaged them into numbers;
    `goals` are SDG goal numbers. `problems` says, in words, what could not be read; an
    empty tuple means the row was read completely.
    """

    row: int
    symbol: str | None
    paragraph: str | None
    state_under_review: str | None
    text: str | None
    position: Position | None
    recommending_states: tuple[str, ...]
    goals: tuple[int, ...]
    targets: tuple[str, ...]
    affected_groups: tuple[str, ...]
    year: int | None
    cycle: int | None
    document: str | None
    problems: tuple[str, ...] = ()

    @property
    def malformed(self) -> bool:
        """Whether some of the row could not be read (see `problems`)."""
        return bool(self.problems)

    @property
    def hrc_session(self) -> int | None:
        """The Human Rights Council session of the symbol (28 for "A/HRC/28/10"), which adopted
        the outcome of the Working Group session that made the recommendation."""
        return int(self.symbol.split("/")[2]) if self.symbol else None


def read_explorer(path: Path) -> Iterator[ExplorerRecord]:
    """Stream the records of an export's first worksheet, one per non-empty row, in row order.

    The workbook is opened read-only, so memory stays flat however long the file is. Raises
    `ExplorerFormatError` if the file is not a workbook or its header lacks a column.
    """
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except _DAMAGED as error:
        raise ExplorerFormatError(
            str(path), "file", f"not a readable XLSX workbook ({error!r})"
        ) from error
    try:
        if not workbook.worksheets:
            raise ExplorerFormatError(str(path), "file", "the workbook has no worksheet")
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # read every row, whatever range the file claims to span
        rows = _rows(path, sheet.iter_rows(values_only=True))
        _, header = next(rows, (1, ()))
        indexes = _column_indexes(path, header)
        for number, values in rows:
            if all(cell_text(value) is None for value in values):
                continue
            cells = {
                field: values[index] if index < len(values) else None
                for field, index in indexes.items()
            }
            yield _record(number, cells)
    finally:
        workbook.close()


def _rows(
    path: Path, rows: Iterator[tuple[object, ...]]
) -> Iterator[tuple[int, tuple[object, ...]]]:
    """(row number, values) of the worksheet's rows; a damaged worksheet raises
    `ExplorerFormatError` naming the row being read."""
    number = 1
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except _DAMAGED as error:
            where = "header row" if number == 1 else f"row {number}"
            raise ExplorerFormatError(
                str(path), where, f"unreadable worksheet ({error!r})"
            ) from error
        yield number, values
        number += 1


def _column_indexes(path: Path, header: tuple[object, ...]) -> dict[str, int]:
    """Field name -> column index, found by header label (case and spacing ignored)."""
    labels = {header_label(value): index for index, value in enumerate(header) if value is not None}
    missing = [label for label in COLUMNS.values() if header_label(label) not in labels]
    if missing:
        raise ExplorerFormatError(
            str(path),
            "header row",
            f"not an SDG–HR Data Explorer export: no column {', '.join(missing)}",
        )
    return {field: labels[header_label(label)] for field, label in COLUMNS.items()}


def _record(row: int, cells: dict[str, object]) -> ExplorerRecord:
    """Read one row's cells; every problem found is kept in the record."""
    problems: list[str] = []
    document = cell_text(cells["document"])
    symbol, paragraph = _document(document, problems)
    state = cell_text(cells["state_under_review"])
    if state is None:
        problems.append("no state under review (column Recommendation)")
    text = cell_text(cells["text"])
    if text is None:
        problems.append("no recommendation text (column Tekst)")
    response = cell_text(cells["response"])
    position = _RESPONSES.get((response or "").casefold())
    if position is None:
        problems.append(f"Response {response!r} is neither Supported nor Noted")
    recommending = cell_text(cells["recommending_state"])
    if recommending is None:
        problems.append("no recommending state")
    year, cycle = _year(cell_text(cells["year"]), problems)
    return ExplorerRecord(
        row=row,
        symbol=symbol,
        paragraph=paragraph,
        state_under_review=state,
        text=text,
        position=position,
        recommending_states=(recommending,) if recommending else (),
        goals=_goals(cell_text(cells["goals"])),
        targets=_targets(cells["targets"], problems),
        affected_groups=_groups(cell_text(cells["keywords"])),
        year=year,
        cycle=cycle,
        document=document,
        problems=tuple(problems),
    )


def _document(document: str | None, problems: list[str]) -> tuple[str | None, str | None]:
    """(symbol, paragraph) of a `Document` cell, each None where it does not give one."""
    match = _DOCUMENT_RE.match(document or "")
    if match is None:
        problems.append(f"Document {document!r} is not 'Source:SYMBOL|PARAGRAPH|'")
        return None, None
    symbol: str | None = match["symbol"]
    if not _SYMBOL_RE.match(symbol or ""):
        problems.append(f"Document {document!r}: {symbol!r} is not a symbol such as A/HRC/28/10")
        symbol = None
    paragraph = match["paragraph"]
    if paragraph is None:
        problems.append(f"Document {document!r} gives no paragraph")
    elif not _PARAGRAPH_RE.match(paragraph):
        problems.append(
            f"Document {document!r}: paragraph {paragraph!r} is not an id such as 124.1"
        )
        paragraph = None
    return symbol, paragraph


def _targets(value: object, problems: list[str]) -> tuple[str, ...]:
    """SDG target codes of a `Targets` cell, repaired from numbers; unreadable parts reported."""
    if isinstance(value, int | float):
        parts = [repr(float(value))]  # the shortest form that reads back as the same number
    else:
        parts = [part.strip() for part in (cell_text(value) or "").split(",") if part.strip()]
    targets: list[str] = []
    for part in parts:
        code = repr(float(part)) if _FLOAT_TEXT_RE.match(part) else part.lower()
        match = _TARGET_RE.match(code)
        if match is None or not 1 <= int(match[1]) <= 17:
            problems.append(f"Targets: {part!r} is not an SDG target such as 16.1")
        elif code not in targets:
            targets.append(code)
    return tuple(targets)


def _goals(value: str | None) -> tuple[int, ...]:
    """SDG goal numbers of a `Goals` cell ("5. Gender equality,8. Decent work ...")."""
    if value is None or value.casefold() == _NO_GOAL:
        return ()
    return tuple(dict.fromkeys(int(goal) for goal in _GOAL_RE.findall(value)))


def _groups(value: str | None) -> tuple[str, ...]:
    """Affected groups of a `Keywords` cell, whose labels are run together."""
    if value is None:
        return ()
    parts = (part.strip() for part in _GROUP_BOUNDARY_RE.split(value))
    return tuple(dict.fromkeys(part for part in parts if part))


def _year(value: str | None, problems: list[str]) -> tuple[int | None, int | None]:
    """(year, cycle) of a `field_year` cell ("2014 Cycle 2")."""
    match = _YEAR_RE.match(value or "")
    if match is None:
        problems.append(f"field_year {value!r} is not 'YEAR Cycle N'")
        return None, None
    return int(match[1]), int(match[2])
