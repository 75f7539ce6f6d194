"""Streamed exports of recommendations: CSV, NDJSON and JSON, in constant memory.

Rows are read from one statement through a streaming cursor (a server-side cursor on
PostgreSQL) in batches of `BATCH`: NDJSON and JSON send each row's stored item
(`app.recommendations.items`); CSV reads the row's columns with its stored link keys, which
the small tables they point to (read once) turn into its relationships
(`app.recommendations.related`). No aggregate per row. Each batch is encoded and handed to
the client before the next batch is read, so memory holds one batch whatever the size of the
export. Nothing caps the rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from enum import StrEnum
from typing import Any

from sqlalchemy import CursorResult, Select, select
from sqlmodel import Session, col

from app.db import read
from app.models.recommendations import Recommendation as R
from app.models.recommendations import RecommendationItem
from app.models.states import State
from app.recommendations import items, queries, related
from app.recommendations.filters import RecommendationFilters
from app.search import backend_for
from app.vocab import cycle_of_session

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
    (
        "implementation_claim",
        "What the state says in the Working Group report of the recommendation's "
        "implementation (its own claim): already_implemented, in_progress, "
        "implemented_or_in_progress, or empty",
    ),
    ("implementation_claim_source", "Document (and paragraph) the claim was read from"),
    ("action_category", "Action category 1-5 computed from the text, or empty"),
    ("upr_info_action_category", "UPR Info's hand-coded action category 1-5, or empty"),
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


def batches(
    db: Session, filters: RecommendationFilters
) -> Iterator[tuple[Sequence[Any], related.Lookups]]:
    """Matching recommendation rows (`items.COLUMNS`) in natural order, `BATCH` at a time, with
    the lookups their link keys resolve against.

    The lookups are read after the rows' statement has started: states, themes, groups and
    SDGs are only ever added (or renamed), so on PostgreSQL, where each statement sees the
    data as of its start, they hold every key the rows can name.
    """
    columns = select(*items.COLUMNS).join_from(R, State, col(State.iso3) == col(R.state_iso3))
    result = _streamed(db, columns, filters)
    try:
        lookups = related.Lookups.read(db)
        for rows in result.partitions():
            yield rows, lookups
    finally:
        result.close()


def _csv_row(row: Any, lookups: related.Lookups) -> tuple[Any, ...]:
    """The cells of `CSV_COLUMNS` (None is written as an empty cell)."""
    rid, review_id, session, iso3, name, paragraph, text, position, source, _, *rest = row
    claim, claim_source, category, _, upr_info_category, keys = rest
    states, themes, groups, sdgs, external_ids = related.ordered_keys(keys, lookups)
    return (
        rid,
        review_id,
        session,
        cycle_of_session(session),
        iso3,
        name,
        paragraph,
        text,
        position,
        source,
        claim,
        claim_source,
        category,
        upr_info_category,
        "; ".join(states),
        "; ".join(map(lookups.state_names.__getitem__, states)),
        "; ".join(map(lookups.theme_names.__getitem__, themes)),
        "; ".join(map(lookups.group_names.__getitem__, groups)),
        "; ".join(sdgs),
        "; ".join(f"{system}:{value}" for system, value in external_ids),
    )


def stored_batches(db: Session, filters: RecommendationFilters) -> Iterator[Sequence[str]]:
    """The stored items (`app.recommendations.items`) of the matching recommendations, in
    natural order, `BATCH` at a time."""
    stored = select(col(RecommendationItem.item)).join_from(
        R, RecommendationItem, col(RecommendationItem.recommendation_id) == col(R.id)
    )
    result = _streamed(db, stored, filters)
    try:
        for rows in result.partitions():
            yield [item for (item,) in rows]
    finally:
        result.close()


def _streamed(
    db: Session, statement: Select, filters: RecommendationFilters
) -> CursorResult[*tuple[Any, ...]]:
    """The rows of `statement` (over `recommendation`) for the recommendations matching
    `filters`, in natural order, through a streaming cursor read `BATCH` rows at a time."""
    matching = statement.where(*filters.conditions(backend_for(db)))
    ordered = matching.order_by(*queries.NATURAL_ORDER).execution_options(yield_per=BATCH)
    return read(db, ordered)


def stream(
    db: Session, filters: RecommendationFilters, format: ExportFormat, *, bom: bool = False
) -> Iterator[bytes]:
    """The export file, chunk by chunk (one chunk per batch of rows)."""
    if format is ExportFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        buffer.write(BOM if bom else "")
        writer.writerow(name for name, _ in CSV_COLUMNS)
        for rows, lookups in batches(db, filters):
            writer.writerows(_csv_row(row, lookups) for row in rows)
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue().encode()
    elif format is ExportFormat.ndjson:
        for stored in stored_batches(db, filters):
            yield "".join(item + "\n" for item in stored).encode()
    else:
        yield b"["
        separator = b"\n"
        for stored in stored_batches(db, filters):
            yield separator + ",\n".join(stored).encode()
            separator = b",\n"
        yield b"]\n" if separator == b"\n" else b"\n]\n"
