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
row" or "row N".

Reading the file row by row is `upr_info_rows`'s (`read_upr_info_rows`); this module groups
the rows into recommendations and pledges. Neither touches a database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from app.importers.loading.text import comparable
from app.importers.parsing.upr_info_rows import (
    COLUMNS,
    EXPORT_ENCODING,
    PLEDGE,
    RESPONSES,
    UprInfoFormatError,
    UprInfoRow,
    read_upr_info_rows,
    upr_info_encoding,
)
from app.vocab import Position

__all__ = [
    "COLUMNS",
    "EXPORT_ENCODING",
    "PLEDGE",
    "RESPONSES",
    "UprInfoFile",
    "UprInfoFormatError",
    "UprInfoPledge",
    "UprInfoRecommendation",
    "UprInfoRow",
    "read_upr_info",
    "read_upr_info_rows",
    "upr_info_encoding",
]

_T = TypeVar("_T")


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
