"""Tracking entries as CSV: reading an upload (every problem found, by row) and exporting.

Upload columns (header row required, any order; only the first four are required):
`recommendation_id, status, status_date, source, note, evidence, responsible_institution,
indicators, supersedes`. Several evidence links or indicators in one cell are joined with "|".
Rows are numbered as a spreadsheet shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Select
from sqlmodel import Session

from app.tracking.queries import EntryRow, NewEntry, TrackingRejected
from app.tracking.schemas import LIST_SEPARATOR, TrackingEntryCreate

MAX_ROWS = 10_000
REQUIRED = ("recommendation_id", "status", "status_date", "source")
OPTIONAL = ("note", "evidence", "responsible_institution", "indicators", "supersedes")
LISTS = ("evidence", "indicators")
EXPORT_BATCH = 1000

EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "Entry id"),
    ("recommendation_id", "Recommendation id, e.g. `48-SVN-140.69`"),
    ("status", "not_started, in_progress, partially_implemented, fully_implemented, "
     "not_implemented or no_longer_relevant"),
    ("status_date", "The date the assessment refers to (YYYY-MM-DD)"),
    ("source", "government, nhri, civil_society or un"),
    ("note", "Free text"),
    ("evidence", "Links, joined with `|`"),
    ("responsible_institution", "Institution responsible for implementation"),
    ("indicators", "Indicators, joined with `|`"),
    ("supersedes", "Id of the entry this one corrects"),
    ("superseded_by", "Id of the entry that corrects this one"),
    ("author_key", "Public prefix of the API key that recorded it"),
    ("recorded_at", "When it was recorded (UTC, ISO 8601)"),
)  # fmt: skip


def read_upload(body: bytes) -> list[NewEntry]:
    """The entries of an uploaded CSV file, or `TrackingRejected` listing every problem."""
    try:
        content = body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TrackingRejected(
            [("body", f"not UTF-8 text (byte {error.start} cannot be decoded)")]
        ) from error
    reader = csv.DictReader(io.StringIO(content, newline=""))
    problems = _header_problems(reader.fieldnames)
    if problems:
        raise TrackingRejected(problems)
    entries: list[NewEntry] = []
    for number, row in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            raise TrackingRejected([("body", f"more than {MAX_ROWS} rows; split the file")])
        location = f"row {number}"
        if None in row:
            problems.append((location, "more cells than the header has columns"))
            continue
        if not any((value or "").strip() for value in row.values()):
            continue  # a blank line
        try:
            # CSV cells are text, so numbers are read from their digits here (JSON bodies
            # are strict).
            entry = TrackingEntryCreate.model_validate(_fields(row), strict=False)
        except ValidationError as error:
            problems += [(_where(location, item["loc"]), item["msg"]) for item in error.errors()]
            continue
        recommendation = (row.get("recommendation_id") or "").strip().upper()
        if not recommendation:
            problems.append((f"{location}.recommendation_id", "Field required"))
            continue
        entries.append(NewEntry(recommendation, entry, location))
    if problems:
        raise TrackingRejected(problems)
    if not entries:
        raise TrackingRejected([("body", "no rows after the header")])
    return entries


def _header_problems(columns: Sequence[str] | None) -> list[tuple[str, str]]:
    if not columns:
        return [("row 1", "the file is empty; the first row must name the columns")]
    names = [name.strip() for name in columns]
    problems = []
    unknown = [name for name in names if name not in REQUIRED + OPTIONAL]
    if unknown:
        problems.append(
            ("row 1", f"unknown column(s) {', '.join(unknown)}; the columns are "
             + ", ".join(REQUIRED + OPTIONAL))
        )  # fmt: skip
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        problems.append(("row 1", f"missing column(s) {', '.join(missing)}"))
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        problems.append(("row 1", f"repeated column(s) {', '.join(repeated)}"))
    return problems


def _fields(row: dict[str, Any]) -> dict[str, Any]:
    """A CSV row as the fields of `TrackingEntryCreate`: blanks left out, lists split."""
    fields: dict[str, Any] = {}
    for name, raw in row.items():
        name = name.strip()
        value = (raw or "").strip()
        if name == "recommendation_id" or not value:
            continue
        if name in LISTS:
            fields[name] = [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
        else:
            fields[name] = value
    return fields


def _where(location: str, loc: tuple[Any, ...]) -> str:
    field = str(loc[0]) if loc else ""
    if len(loc) > 1:
        field += f"[{loc[1]}]"
    return f"{location}.{field}" if field else location


def export_lines(db: Session, statement: Select[Any]) -> Iterator[str]:
    """The CSV export of the entries `statement` selects (see `queries.export_statement`),
    header first, streamed in batches."""
    yield _line([name for name, _about in EXPORT_COLUMNS])
    result = db.execute(statement.execution_options(yield_per=EXPORT_BATCH))
    try:
        for batch in result.partitions():
            yield "".join(_line(_cells(EntryRow(*row))) for row in batch)
    finally:
        result.close()


def _cells(row: EntryRow) -> list[Any]:
    entry = row.entry
    return [
        entry.id,
        entry.recommendation_id,
        entry.status.value,
        entry.status_date.isoformat(),
        entry.source.value,
        entry.note or "",
        LIST_SEPARATOR.join(entry.evidence),
        entry.responsible_institution or "",
        LIST_SEPARATOR.join(entry.indicators),
        entry.supersedes_id or "",
        row.superseded_by or "",
        row.author_key,
        entry.recorded_at.isoformat(),
    ]


def _line(cells: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()
