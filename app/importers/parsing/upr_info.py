"""Reader for UPR Info's database export (CSV): rows, then recommendations and pledges.

UPR Info's export of its database of UPR recommendations (August 2015, sessions 1-20, one
file per few Working Group sessions, plus `voluntary.csv`) is comma-separated text with old
Mac line endings (CR); CR, LF and CRLF are all read. Its 8-bit text is Mac Roman, not Latin-1:
"é" is byte 0x8E and "°" byte 0xA1, which Latin-1 would read as a control character and "¡".
A file whose bytes are valid UTF-8 (a re-saved export) is read as UTF-8; any other file as Mac
Roman, unless the caller names the encoding. Numeric character references, which the export
writes for brackets ("&#40;Unknown&#41;"), are decoded.

Columns are found by their header label (case and spacing ignored), never by position. The
columns read are `To` (state under review), `Text`, `From` (recommending state), `Response`,
`Action`, `Issue` and `Session`; `To-Rgrp`, `To-Org`, `From-Rgrp` and `From-Org` (regional
group and organisations) are ignored. Values are read as follows:

- `Response` "Accepted", "Noted" and "Pending" (UPR Info's three categories, see its
  methodology on responses) give `Position.supported`, `.noted` and `.pending`; "Voluntary
  Pledge" marks a pledge of the state under review (in `voluntary.csv`, where `From` is the
  state itself), which has no position. Any other value is reported, not guessed.
- `Action` is UPR Info's action category, 1 (minimal action) to 5 (specific action).
- `Issue` lists issue names of UPR Info's taxonomy separated by commas ("Justice,Women's
  rights"); no issue name has a comma of its own, so the cell is split at every comma.
- `Session` is the Working Group session number; `From` "(Unknown)" (a few 1st-session rows)
  gives no recommending state.
- Text cells have runs of whitespace made one space.

The export has one row per recommending state: a recommendation made by three states is three
rows with the same `To`, `Session` and text. `read_upr_info` groups them, by session, state
under review as written and text folded by `comparable`, into one `UprInfoRecommendation`
in the order of its first row; grouped rows that disagree (on response, action or issues), or
that repeat a state, stay one recommendation whose `problems` say which rows. Pledges are kept
apart, one per row. Nothing is dropped: a row without a session, a state under review or a
text, or whose cells do not line up with the header, is listed as malformed; every row's
`problems` say in words what could not be read, naming the column. A file that cannot be read
as such an export at all (a workbook, UTF-16 or binary data, an empty file, a header without
a column) raises `UprInfoFormatError`, which names the file and the place: "file", "header
row" or "row N". The module touches no database.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from app.importers.loading.text import comparable
from app.importers.records import ParseError
from app.vocab import Position

# Field of UprInfoRow -> the export's header label.
COLUMNS = {
    "state_under_review": "To",
    "text": "Text",
    "recommending_state": "From",
    "response": "Response",
    "action_category": "Action",
    "issues": "Issue",
    "session": "Session",
}
RESPONSES = {
    "accepted": Position.supported,
    "noted": Position.noted,
    "pending": Position.pending,
}
PLEDGE = "voluntary pledge"
EXPORT_ENCODING = "mac_roman"
_UNKNOWN_STATES = frozenset({"(unknown)", "unknown"})
_CHUNK = 1 << 16
# Byte signatures of files that are not text, with what they are.
_SIGNATURES = (
    (b"PK\x03\x04", "an XLSX workbook or other zip archive, not a CSV export"),
    (b"\xd0\xcf\x11\xe0", "an Excel 97-2003 workbook, not a CSV export"),
    (b"%PDF", "a PDF document, not a CSV export"),
    (codecs.BOM_UTF32_LE, "UTF-32 text; the export is 8-bit text"),
    (codecs.BOM_UTF32_BE, "UTF-32 text; the export is 8-bit text"),
    (codecs.BOM_UTF16_LE, "UTF-16 text; the export is 8-bit text"),
    (codecs.BOM_UTF16_BE, "UTF-16 text; the export is 8-bit text"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CHARACTER_REFERENCE = re.compile(r"&#(?:(\d{1,7})|[xX]([0-9a-fA-F]{1,6}));")
_INTEGER = re.compile(r"^\d+$")
_EMPTY = "the file is empty: no header row"
_T = TypeVar("_T")


class UprInfoFormatError(ParseError):
    """A file that cannot be read as UPR Info's CSV export (a workbook, UTF-16 or binary data,
    empty, a header without a column); the message names the file, the place (`where`: "file",
    "header row" or "row N") and the problem, with the column where there is one."""


@dataclass(frozen=True)
class UprInfoRow:
    """One row of the export, as far as it could be read.

    `row` is the line number in the file (the header is line 1). `response` is the cell as
    written; `position` is what it maps to, None for a pledge and for a value that does not
    map. `shifted` says that the row has more or fewer cells than the header, so that its
    values may have moved to other columns. `problems` says, in words and naming the column,
    what could not be read; an empty tuple means the row was read completely.
    """

    row: int
    state_under_review: str | None
    text: str | None
    recommending_state: str | None
    response: str | None
    position: Position | None
    pledge: bool
    action_category: int | None
    issues: tuple[str, ...]
    session: int | None
    problems: tuple[str, ...] = ()
    shifted: bool = False

    @property
    def malformed(self) -> bool:
        """Whether the row cannot make a recommendation or pledge: it lacks a session, a state
        under review or a text, or its cells do not line up with the header."""
        return (
            self.session is None
            or self.state_under_review is None
            or self.text is None
            or self.shifted
        )


@dataclass(frozen=True)
class UprInfoRecommendation:
    """One recommendation: the rows of one session, state under review and text, one per
    recommending state.

    `position` and `action_category` are None when the rows disagree on them (or none gives
    one); `issues` joins the rows' issues in order. `recommending_states` are in row order
    without repeats, and leave out rows that name no state. `problems` holds the rows'
    own problems ("row 12: ...") and what the rows disagree on, naming them.
    """

    session: int
    state_under_review: str
    text: str
    position: Position | None
    action_category: int | None
    issues: tuple[str, ...]
    recommending_states: tuple[str, ...]
    rows: tuple[int, ...]
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class UprInfoPledge:
    """A voluntary pledge of the state under review, from one row. `problems` holds the row's
    own problems and says when another pledge row has the same session, state and text."""

    session: int
    state_under_review: str
    text: str
    action_category: int | None
    issues: tuple[str, ...]
    row: int
    problems: tuple[str, ...] = ()


@dataclass
class UprInfoFile:
    """What one export file gives. `malformed` lists the rows that make neither a
    recommendation nor a pledge (see `UprInfoRow.malformed`); `rows` counts the data rows read
    and `encoding` is the one the file was read in."""

    file: str
    recommendations: list[UprInfoRecommendation]
    pledges: list[UprInfoPledge]
    malformed: list[UprInfoRow]
    rows: int = 0
    encoding: str = EXPORT_ENCODING


def upr_info_encoding(path: Path) -> str:
    """The encoding to read an export in: "utf-8" (or "utf-8-sig" with a byte order mark) if
    its bytes are valid UTF-8, else the export's own Mac Roman. Raises `UprInfoFormatError` for
    an empty file and for a workbook, a PDF or UTF-16/32 text, recognised by their first
    bytes."""
    file = str(path)
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    try:
        with path.open("rb") as stream:
            start = stream.read(_CHUNK)
            _check_start(file, start)
            chunk = start
            while chunk and utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
                chunk = stream.read(_CHUNK)
            if utf8:
                try:
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError:
                    utf8 = False
    except OSError as error:
        raise UprInfoFormatError(file, "file", f"cannot be read ({error})") from error
    if not utf8:
        return EXPORT_ENCODING
    return "utf-8-sig" if start.startswith(codecs.BOM_UTF8) else "utf-8"


def read_upr_info_rows(path: Path, *, encoding: str | None = None) -> Iterator[UprInfoRow]:
    """Stream the rows of an export, one per non-blank line (or quoted run of lines), in file
    order. `encoding` defaults to `upr_info_encoding(path)`. Raises `UprInfoFormatError` if the
    file is not such an export (see the module's description)."""
    file = str(path)
    try:
        if encoding is None:
            encoding = upr_info_encoding(path)
        else:
            with path.open("rb") as stream:
                _check_start(file, stream.read(_CHUNK))
        with path.open(encoding=encoding, errors="strict", newline="") as stream:
            records = _records(file, _lines(file, stream))
            header = next(records, None)
            if header is None:
                raise UprInfoFormatError(file, "header row", _EMPTY)
            header_line, _, header_cells = header
            indexes = _column_indexes(file, header_line, header_cells)
            for first, last, cells in records:
                yield _row(first, last, cells, indexes, len(header_cells))
    except UnicodeDecodeError as error:
        raise UprInfoFormatError(
            file, "file", f"cannot be decoded as {encoding} ({error.reason})"
        ) from error
    except OSError as error:
        raise UprInfoFormatError(file, "file", f"cannot be read ({error})") from error


def read_upr_info(path: Path, *, encoding: str | None = None) -> UprInfoFile:
    """Read a whole export: its recommendations (rows grouped, in the order of each group's
    first row), its pledges and its malformed rows."""
    encoding = encoding or upr_info_encoding(path)
    groups: dict[tuple[int, str, str], list[UprInfoRow]] = {}
    pledges: list[UprInfoRow] = []
    malformed: list[UprInfoRow] = []
    count = 0
    for row in read_upr_info_rows(path, encoding=encoding):
        count += 1
        if row.malformed:
            malformed.append(row)
        elif row.pledge:
            pledges.append(row)
        else:
            assert row.session is not None and row.state_under_review and row.text
            key = (row.session, row.state_under_review, comparable(row.text))
            groups.setdefault(key, []).append(row)
    return UprInfoFile(
        file=str(path),
        recommendations=[_recommendation(rows) for rows in groups.values()],
        pledges=_pledges(pledges),
        malformed=malformed,
        rows=count,
        encoding=encoding,
    )


def _check_start(file: str, start: bytes) -> None:
    """Refuse an empty file, and a file whose first bytes show it is no text."""
    if not start:
        raise UprInfoFormatError(file, "header row", _EMPTY)
    for signature, what in _SIGNATURES:
        if start.startswith(signature):
            raise UprInfoFormatError(file, "file", what)


def _lines(file: str, stream: Iterable[str]) -> Iterator[str]:
    """The file's physical lines; a line with a control character (NUL bytes of UTF-16 text
    or binary data) raises `UprInfoFormatError` naming it."""
    for number, line in enumerate(stream, start=1):
        control = _CONTROL.search(line)
        if control:
            where = "header row" if number == 1 else f"row {number}"
            raise UprInfoFormatError(
                file,
                where,
                f"control character {control.group()!r} at column {control.start() + 1}: "
                "binary data or UTF-16 text, not a CSV export",
            )
        yield line


def _records(file: str, lines: Iterator[str]) -> Iterator[tuple[int, int, list[str]]]:
    """(first line, last line, cells) of each non-blank CSV record of the lines."""
    reader = csv.reader(lines)
    last = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise UprInfoFormatError(
                file, f"row {last + 1}", f"not readable as CSV ({error})"
            ) from error
        first, last = last + 1, reader.line_num
        if any(cell.strip() for cell in cells):
            yield first, last, cells


def _column_indexes(file: str, line: int, header: list[str]) -> dict[str, int]:
    """Field name -> column index, found by header label (case and spacing ignored)."""
    where = "header row" if line == 1 else f"header row (line {line})"
    labels: dict[str, int] = {}
    for index, value in enumerate(header):
        label = _label(value)
        if label in labels and label in {_label(name) for name in COLUMNS.values()}:
            raise UprInfoFormatError(
                file,
                where,
                f"column {value.strip()} appears twice (columns {labels[label] + 1} and "
                f"{index + 1})",
            )
        labels.setdefault(label, index)
    missing = [name for name in COLUMNS.values() if _label(name) not in labels]
    if missing:
        raise UprInfoFormatError(
            file, where, f"not a UPR Info export: no column {', '.join(missing)}"
        )
    return {name: labels[_label(label)] for name, label in COLUMNS.items()}


def _label(value: str) -> str:
    return " ".join(value.split()).casefold()


def _text(value: str | None) -> str | None:
    """A cell with character references decoded and runs of whitespace made one space; None if
    empty."""
    if value is None:
        return None
    text = " ".join(_CHARACTER_REFERENCE.sub(_character, value).split())
    return text or None


def _character(match: re.Match[str]) -> str:
    code = int(match[1]) if match[1] else int(match[2], 16)
    return chr(code) if 0 < code <= 0x10FFFF else match.group()


def _row(
    first: int, last: int, cells: list[str], indexes: dict[str, int], width: int
) -> UprInfoRow:
    """Read one record's cells; every problem found is kept in the row."""
    problems: list[str] = []
    if last > first:
        problems.append(f"the row runs over lines {first}-{last} (a quoted cell holds line breaks)")
    shifted = len(cells) < width or any(cell.strip() for cell in cells[width:])
    if shifted:
        problems.append(
            f"the row has {len(cells)} cells and the header {width}: "
            "its values may be in the wrong columns"
        )

    def cell(name: str) -> str | None:
        index = indexes[name]
        return _text(cells[index]) if index < len(cells) else None

    state = cell("state_under_review")
    if state is None:
        problems.append("no state under review (column To)")
    text = cell("text")
    if text is None:
        problems.append("no text (column Text)")
    response = cell("response")
    position, pledge = _response(response, problems)
    recommending = cell("recommending_state")
    if recommending is not None and recommending.casefold() in _UNKNOWN_STATES:
        problems.append(f"From {recommending!r} names no recommending state (column From)")
        recommending = None
    elif recommending is None and not pledge:
        problems.append("no recommending state (column From)")
    if pledge and recommending is not None and state is not None and recommending != state:
        problems.append(
            f"a pledge whose From {recommending!r} is not the state under review (column From)"
        )
    return UprInfoRow(
        row=first,
        state_under_review=state,
        text=text,
        recommending_state=recommending,
        response=response,
        position=position,
        pledge=pledge,
        action_category=_action(cell("action_category"), problems),
        issues=_issues(cell("issues")),
        session=_session(cell("session"), problems),
        problems=tuple(problems),
        shifted=shifted,
    )


def _response(response: str | None, problems: list[str]) -> tuple[Position | None, bool]:
    """(position, whether a pledge) of a `Response` cell."""
    if response is None:
        problems.append("no response (column Response)")
        return None, False
    folded = response.casefold()
    if folded == PLEDGE:
        return None, True
    position = RESPONSES.get(folded)
    if position is None:
        problems.append(
            f"Response {response!r} is not Accepted, Noted, Pending or Voluntary Pledge "
            "(column Response)"
        )
    return position, False


def _action(value: str | None, problems: list[str]) -> int | None:
    if value is None:
        problems.append("no action category (column Action)")
        return None
    if _INTEGER.match(value) and 1 <= int(value) <= 5:
        return int(value)
    problems.append(f"Action {value!r} is not an action category 1-5 (column Action)")
    return None


def _session(value: str | None, problems: list[str]) -> int | None:
    if value is None:
        problems.append("no session (column Session)")
        return None
    if _INTEGER.match(value) and int(value) >= 1:
        return int(value)
    problems.append(f"Session {value!r} is not a Working Group session number (column Session)")
    return None


def _issues(value: str | None) -> tuple[str, ...]:
    """Issue names of an `Issue` cell, in order, without repeats."""
    parts = (part.strip() for part in (value or "").split(","))
    return tuple(dict.fromkeys(part for part in parts if part))


def _recommendation(rows: list[UprInfoRow]) -> UprInfoRecommendation:
    """One recommendation of its rows (at least one, all with session, state and text)."""
    first = rows[0]
    assert first.session is not None and first.state_under_review and first.text
    problems = [f"row {row.row}: {problem}" for row in rows for problem in row.problems]
    position = _agreed(
        "Response", [(row.row, row.position, row.response) for row in rows], problems
    )
    action = _agreed(
        "Action", [(row.row, row.action_category, row.action_category) for row in rows], problems
    )
    issues = tuple(dict.fromkeys(issue for row in rows for issue in row.issues))
    if len({row.issues for row in rows}) > 1:
        problems.append(
            "the rows give different issues ("
            + "; ".join(f"row {row.row}: {', '.join(row.issues) or 'none'}" for row in rows)
            + "); all of them are kept (column Issue)"
        )
    states: dict[str, list[int]] = {}
    for row in rows:
        if row.recommending_state is not None:
            states.setdefault(row.recommending_state, []).append(row.row)
    for state, numbers in states.items():
        if len(numbers) > 1:
            problems.append(
                f"{state} is the recommending state of rows {_numbers(numbers)}: a repeated "
                "row, or two recommendations with the same text (column From)"
            )
    return UprInfoRecommendation(
        session=first.session,
        state_under_review=first.state_under_review,
        text=first.text,
        position=position,
        action_category=action,
        issues=issues,
        recommending_states=tuple(states),
        rows=tuple(row.row for row in rows),
        problems=tuple(problems),
    )


def _agreed(
    column: str, values: list[tuple[int, _T | None, object]], problems: list[str]
) -> _T | None:
    """The value all rows give, or None with a problem naming which rows say what."""
    distinct = dict.fromkeys(value for _, value, _ in values)
    if len(distinct) == 1:
        return next(iter(distinct))
    said: dict[str, list[int]] = {}
    for row, _, written in values:
        said.setdefault("nothing" if written is None else repr(written), []).append(row)
    problems.append(
        f"the rows disagree on {column}: "
        + "; ".join(
            f"{value} in {'rows' if len(rows) > 1 else 'row'} {_numbers(rows)}"
            for value, rows in said.items()
        )
        + f" (column {column})"
    )
    return None


def _numbers(numbers: list[int]) -> str:
    return ", ".join(str(number) for number in numbers)


def _pledges(rows: list[UprInfoRow]) -> list[UprInfoPledge]:
    """One pledge per row; a row repeating an earlier one's session, state and text says so."""
    seen: dict[tuple[int, str, str], int] = {}
    pledges = []
    for row in rows:
        assert row.session is not None and row.state_under_review and row.text
        key = (row.session, row.state_under_review, comparable(row.text))
        problems = list(row.problems)
        if key in seen:
            problems.append(f"the same pledge (session, state and text) as row {seen[key]}")
        else:
            seen[key] = row.row
        pledges.append(
            UprInfoPledge(
                session=row.session,
                state_under_review=row.state_under_review,
                text=row.text,
                action_category=row.action_category,
                issues=row.issues,
                row=row.row,
                problems=tuple(problems),
            )
        )
    return pledges
