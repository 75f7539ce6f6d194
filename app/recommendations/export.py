"""Streamed exports of recommendations: CSV, NDJSON and JSON, in constant memory.

Rows are read from one statement, relationships aggregated in its columns
(`app.recommendations.related`), through a streaming cursor (a server-side cursor on
PostgreSQL) in batches of `BATCH`; each batch is encoded straight from the rows (no per-row
objects besides the cells) and handed to the client before the next batch is read. Nothing
caps the number of rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from enum import StrEnum
from typing import Any

import orjson
from sqlalchemy import Select, String, case, cast, func, select
from sqlmodel import Session, col

from app.db import read
from app.recommendations import queries, related
from app.recommendations.models import Recommendation as R
from app.recommendations.queries import RecommendationFilters
from app.search import backend_for
from app.states.models import State

BATCH = 1000
BOM = "\ufeff"


class ExportFormat(StrEnum):
    """File formats of the export."""

    csv = "csv"
    ndjson = "ndjson"
    json = "json"


MEDIA_TYPES = {
    ExportFormat.csv: "text/csv; charset=utf-8",
    ExportFormat.ndjson: "application/x-ndjson",
    ExportFormat.json: "application/json",
}

# CSV columns: (name, description); several values in one cell are joined with "; ".
CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "Recommendation id, `{session}-{ISO3}-{paragraph}`"),
    ("review_id", "Review id, `{session}-{ISO3}`"),
    ("session", "Working Group session number"),
    ("cycle", "UPR cycle"),
    ("state_under_review", "ISO3 code of the state under review"),
    ("state_under_review_name", "Name of the state under review"),
    ("paragraph", "Paragraph number in the Working Group report"),
    ("text", "Text of the recommendation"),
    ("position", "supported, noted, supported_in_part, pending, unclear, or empty"),
    ("position_source", "Document (and paragraph) the position was read from"),
    ("recommending_states", "ISO3 codes of the recommending states, in document order"),
    ("recommending_state_names", "Names of the recommending states, in the same order"),
    ("themes", "Theme names"),
    ("affected_groups", "Affected group names"),
    ("sdgs", "SDG goals and targets"),
    ("external_ids", "Other databases' ids as `system:value` (e.g. `uhri:…`)"),
)


def file_name(filters: RecommendationFilters, format: ExportFormat) -> str:
    """A descriptive file name, e.g. `upr-recommendations-SVN-s48.csv`."""
    parts = ["upr-recommendations"]
    if filters.state_under_review and len(filters.state_under_review) <= 3:
        parts += filters.state_under_review
    if filters.session and len(filters.session) <= 3:
        parts += [f"s{session}" for session in filters.session]
    return "-".join(parts) + f".{format.value}"


def batches(db: Session, filters: RecommendationFilters) -> Iterator[Sequence[Any]]:
    """Matching recommendation rows with their relationship columns, in natural order,
    `BATCH` at a time."""
    statement = queries.rows_statement(db, filters).execution_options(yield_per=BATCH)
    result = read(db, statement)
    try:
        yield from result.partitions()
    finally:
        result.close()


def _csv_statement(db: Session, filters: RecommendationFilters) -> Select:
    """The CSV rows, cell by cell (`CSV_COLUMNS`), computed by the database: every row goes to
    the CSV writer as it comes."""
    session = col(R.session_number)
    cycle = case((session <= 12, 1), else_=2 + (session - 13) // 14)
    text = String()
    cells = [
        R.id,
        R.review_id,
        R.session_number,
        cycle,
        R.state_iso3,
        State.name,
        R.paragraph,
        R.text,
        func.coalesce(cast(R.position, text), ""),
        func.coalesce(R.position_source, ""),
        *related.csv_columns(db.get_bind().dialect.name, "recommendation.id"),
    ]
    statement = (
        select(*cells)
        .join_from(R, State, col(State.iso3) == col(R.state_iso3))
        .where(*filters.conditions(backend_for(db)))
    )
    return statement.order_by(*queries.NATURAL_ORDER)


def stream(
    db: Session, filters: RecommendationFilters, format: ExportFormat, *, bom: bool = False
) -> Iterator[bytes]:
    """The export file, chunk by chunk."""
    if format is ExportFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        buffer.write(BOM if bom else "")
        writer.writerow(name for name, _ in CSV_COLUMNS)
        result = read(db, _csv_statement(db, filters).execution_options(yield_per=BATCH))
        try:
            for rows in result.partitions():
                writer.writerows(rows)
                yield buffer.getvalue().encode()
                buffer.seek(0)
                buffer.truncate()
        finally:
            result.close()
        yield buffer.getvalue().encode()
    elif format is ExportFormat.ndjson:
        for rows in batches(db, filters):
            yield b"".join(orjson.dumps(related.item(row)) + b"\n" for row in rows)
    else:
        yield b"["
        separator = b"\n"
        for rows in batches(db, filters):
            yield separator + b",\n".join(orjson.dumps(related.item(row)) for row in rows)
            separator = b",\n"
        yield b"]\n" if separator == b"\n" else b"\n]\n"
