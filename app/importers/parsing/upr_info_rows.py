"""UPR Info's CSV export read row by row (`read_upr_info_rows`), each row as far as it could be
read (`UprInfoRow`): the file's encoding (`upr_info_encoding`), its lines and CSV records, the
columns found by their header label, and every cell's value with the problems found. How the
values are read is `app.importers.parsing.upr_info`'s description; a file that is not such an
export raises `UprInfoFormatError`.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.importers.parsing.cells import cell_text, header_label
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
        label = header_label(value)
        if label in labels and label in {header_label(name) for name in COLUMNS.values()}:
            raise UprInfoFormatError(
                file,
                where,
                f"column {value.strip()} appears twice (columns {labels[label] + 1} and "
                f"{index + 1})",
            )
        labels.setdefault(label, index)
    missing = [name for name in COLUMNS.values() if header_label(name) not in labels]
    if missing:
        raise UprInfoFormatError(
            file, where, f"not a UPR Info export: no column {', '.join(missing)}"
        )
    return {name: labels[header_label(label)] for name, label in COLUMNS.items()}


def _text(value: str | None) -> str | None:
    """A cell with character references decoded and runs of whitespace made one space; None if
    empty."""
    if value is None:
        return None
    return cell_text(_CHARACTER_REFERENCE.sub(_character, value))


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
