"""HTTP routes for implementation tracking: entries, histories, progress, CSV in and out."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlmodel import Session

from app.auth.deps import Credentials, authenticate
from app.db import DbDep
from app.kit.pagination import (
    DEFAULT_LIMIT,
    CursorQuery,
    LimitQuery,
    Page,
    decode_cursor,
    encode_cursor,
    set_next_link,
)
from app.kit.params import (
    Iso3Path,
    RecommendationIdPath,
    ReviewIdPath,
    normalised_recommendation_id,
)
from app.kit.problems import (
    FieldError,
    ProblemError,
    not_found,
    problem_example,
    problem_responses,
)
from app.kit.streaming import streamed
from app.models.auth import ApiKey
from app.models.recommendations import Recommendation
from app.models.reviews import Review
from app.models.states import State
from app.models.tracking import TrackingSource
from app.recommendations.params import FiltersDep
from app.tracking import csv_io, progress, queries
from app.tracking.csv_io import REQUIRED
from app.tracking.queries import EntryRow, NewEntry, TrackingConflict, TrackingRejected
from app.tracking.schemas import (
    EARLIEST_DATE,
    MAX_ID,
    CurrentStatus,
    Interval,
    ProgressSummary,
    TrackingEntryCreate,
    TrackingEntryPublic,
    TrackingImportReport,
    entry_public,
)
from app.unit_of_work import UnitOfWorkDep

TRACKING_SCOPE = "tracking"

router = APIRouter(tags=["tracking"])


def require_tracking(request: Request, db: DbDep, credentials: Credentials) -> ApiKey:
    """Dependency of tracking writes: an API key with the `tracking` scope (its author)."""
    key = authenticate(db, credentials, TRACKING_SCOPE)
    request.state.api_key_id = key.id
    return key


TrackingKey = Annotated[ApiKey, Depends(require_tracking)]
EntryIdPath = Annotated[int, Path(ge=1, le=MAX_ID, description="Tracking entry id.")]
IntervalQuery = Annotated[Interval, Query(description="Length of the timeline's periods.")]


def _history_key(values: tuple[Any, ...]) -> tuple[dt.date, int]:
    """The (status date, id) inside a history cursor; 400 if it is not one we issued."""
    try:
        day, entry_id = dt.date.fromisoformat(values[0]), values[1]
    except ValueError:
        day, entry_id = None, 0
    if day is None or not 1 <= entry_id <= MAX_ID:
        raise ProblemError(
            400, "invalid-cursor", "The cursor is not one this service issued; start again."
        )
    return day, entry_id


def _public(row: EntryRow) -> TrackingEntryPublic:
    return entry_public(row.entry, row.author_key, row.superseded_by)


def _recommendation(db: Session, recommendation_id: str) -> str:
    normalised = normalised_recommendation_id(recommendation_id)
    if db.get(Recommendation, normalised) is None:
        raise not_found(f"Recommendation '{normalised}'")
    return normalised


def _rejected(error: TrackingRejected) -> ProblemError:
    errors = [FieldError(location=where, message=message) for where, message in error.problems]
    return ProblemError(
        422,
        "invalid-tracking-entries",
        f"{len(errors)} problem(s) found; nothing was written.",
        errors=errors,
    )


def _conflict(error: TrackingConflict) -> ProblemError:
    return ProblemError(
        409,
        "tracking-conflict",
        "Another request superseded the same entry at the same moment; nothing was written. "
        "Read the history again and retry.",
    )


ENTRY_PROBLEMS = {
    "status_date out of range": problem_example(
        422,
        "invalid-request",
        f"body.status_date: Value error, must be between {EARLIEST_DATE} and today (2025-07-01)",
        (
            "body.status_date",
            f"Value error, must be between {EARLIEST_DATE} and today (2025-07-01)",
        ),
    ),
    "a value of another type": problem_example(
        422,
        "invalid-request",
        "body.supersedes: Input should be a valid integer",
        ("body.supersedes", "Input should be a valid integer"),
    ),
}
CSV_HEADER_MIN_LENGTH = len(",".join(REQUIRED))  # the required columns, in any order
CSV_PROBLEMS = {
    "no header row": problem_example(
        422,
        "invalid-tracking-entries",
        "1 problem(s) found; nothing was written.",
        ("row 1", "missing column(s) recommendation_id, status, status_date, source"),
    ),
    "a row out of range": problem_example(
        422,
        "invalid-tracking-entries",
        "1 problem(s) found; nothing was written.",
        (
            "row 2.status_date",
            f"Value error, must be between {EARLIEST_DATE} and today (2025-07-01)",
        ),
    ),
    "not sent as CSV": problem_example(
        415, "unsupported-media-type", "Send the file as `text/csv`."
    ),
}


@router.post(
    "/v1/recommendations/{recommendation_id}/tracking",
    response_model=TrackingEntryPublic,
    status_code=201,
    responses=problem_responses(401, 403, 404, 409, 422, examples=ENTRY_PROBLEMS),
)
def add_tracking_entry(
    response: Response,
    work: UnitOfWorkDep,
    key: TrackingKey,
    recommendation_id: RecommendationIdPath,
    entry: TrackingEntryCreate,
) -> TrackingEntryPublic:
    """Add an assessment to a recommendation's history (API key with the `tracking` scope;
    the key is recorded as the author). Entries are never changed: to correct one, add an
    entry of the same source with `supersedes` set to its id.

    The body is checked strictly: `status_date` is an ISO 8601 date from 2008-01-01 to today,
    and a value of another JSON type than the documented one (`"17"` or `17.5` for an id) is
    a 422 problem naming the field."""
    rid = _recommendation(work.db, recommendation_id)
    assert key.id is not None
    try:
        [row] = queries.add_entries(work, [NewEntry(rid, entry, "body")], key.id)
    except TrackingRejected as error:
        raise _rejected(error) from error
    except TrackingConflict as error:
        raise _conflict(error) from error
    assert row.id is not None
    work.audit(key, "tracking.add", f"{rid}#{row.id}", entry.status.value)
    work.db.refresh(row)  # as stored: the response shows `recorded_at` as every read does
    response.headers["Location"] = f"/v1/recommendations/{rid}/tracking/{row.id}"
    return entry_public(row, key.prefix, None)


@router.get(
    "/v1/recommendations/{recommendation_id}/tracking",
    response_model=Page[TrackingEntryPublic],
    responses=problem_responses(400, 404, 422),
)
def list_tracking_entries(
    request: Request,
    response: Response,
    db: DbDep,
    recommendation_id: RecommendationIdPath,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[TrackingEntryPublic]:
    """The history of a recommendation's implementation: every entry, corrected ones too
    (`superseded_by` names the correction), by `status_date` then id."""
    rid = _recommendation(db, recommendation_id)
    after = _history_key(decode_cursor(cursor, queries.HISTORY_KEY_TYPES)) if cursor else None
    rows, next_key = queries.history(db, rid, limit, after)
    next_cursor = encode_cursor(next_key) if next_key else None
    set_next_link(request, response, next_cursor)
    return Page(items=[_public(row) for row in rows], next_cursor=next_cursor)


@router.get(
    "/v1/recommendations/{recommendation_id}/tracking/current",
    response_model=CurrentStatus,
    responses=problem_responses(404, 422),
)
def get_current_tracking_status(
    db: DbDep, recommendation_id: RecommendationIdPath
) -> CurrentStatus:
    """Each source's latest assessment of the recommendation (by `status_date`), with
    corrections applied: the government's and the NHRI's views side by side."""
    rid = _recommendation(db, recommendation_id)
    return CurrentStatus(
        recommendation_id=rid, current=[_public(row) for row in queries.current(db, rid)]
    )


@router.get(
    "/v1/recommendations/{recommendation_id}/tracking/{entry_id}",
    response_model=TrackingEntryPublic,
    responses=problem_responses(404, 422),
)
def get_tracking_entry(
    db: DbDep, recommendation_id: RecommendationIdPath, entry_id: EntryIdPath
) -> TrackingEntryPublic:
    """One entry of a recommendation's history."""
    rid = recommendation_id.upper()
    row = queries.get_entry(db, rid, entry_id)
    if row is None:
        raise not_found(f"Tracking entry {entry_id} of recommendation '{rid}'")
    return _public(row)


def _summary(db: Session, scope: str, matching: Any, interval: Interval) -> ProgressSummary:
    assessments = queries.effective_assessments(db, matching)
    return progress.summarize(scope, queries.count(db, matching), assessments, interval)


@router.get(
    "/v1/reviews/{review_id}/progress",
    response_model=ProgressSummary,
    responses=problem_responses(400, 404, 422),
)
def get_review_progress(
    db: DbDep, review_id: ReviewIdPath, filters: FiltersDep, interval: IntervalQuery = Interval.year
) -> ProgressSummary:
    """Implementation progress of a review's recommendations: per source, how many are in
    each status now, and at the end of each period since the first assessment. Takes the
    recommendation list's filters, e.g. `?position=supported` or `?theme=...`."""
    rid = review_id.upper()
    if db.get(Review, rid) is None:
        raise not_found(f"Review '{rid}'")
    return _summary(db, rid, queries.matching(db, filters, review_id=rid), interval)


@router.get(
    "/v1/states/{iso3}/progress",
    response_model=ProgressSummary,
    responses=problem_responses(400, 404, 422),
)
def get_state_progress(
    db: DbDep, iso3: Iso3Path, filters: FiltersDep, interval: IntervalQuery = Interval.year
) -> ProgressSummary:
    """Implementation progress of every recommendation made to a state, over all its reviews
    (narrow with the recommendation list's filters, e.g. `?cycle=4`)."""
    code = iso3.upper()
    if db.get(State, code) is None:
        raise not_found(f"A state with ISO3 code '{code}'")
    return _summary(db, code, queries.matching(db, filters, iso3=code), interval)


_EXPORT_DOC = "\n".join(f"- `{name}`: {about}" for name, about in csv_io.EXPORT_COLUMNS)


@router.get(
    "/v1/tracking/export",
    response_class=StreamingResponse,
    responses={
        200: {"description": "The CSV file, streamed.", "content": {"text/csv": {}}},
        **problem_responses(400, 422),
    },
    description=f"""Every tracking entry (corrected ones too) of the recommendations matching
the filters, as CSV, in the order of the official documents and then by date. Columns:

{_EXPORT_DOC}
""",
)
def export_tracking_entries(
    request: Request,
    db: DbDep,
    filters: FiltersDep,
    source: Annotated[
        list[TrackingSource] | None, Query(description="Only these sources; repeat for several.")
    ] = None,
) -> StreamingResponse:
    """Export tracking histories as CSV."""
    statement = queries.export_statement(queries.matching(db, filters), source)
    return StreamingResponse(
        streamed(request, csv_io.export_lines(db, statement)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="upr-tracking.csv"'},
    )


async def csv_body(request: Request) -> bytes:
    """The request body of a CSV upload; 415 unless it is sent as `text/csv`."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "text/csv":
        raise ProblemError(415, "unsupported-media-type", "Send the file as `text/csv`.")
    return await request.body()


@router.post(
    "/v1/tracking/imports",
    response_model=TrackingImportReport,
    responses=problem_responses(401, 403, 409, 413, 415, 422, examples=CSV_PROBLEMS),
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "UTF-8 CSV sent as `text/csv` (415 otherwise), its first row naming "
            "the columns (below; 422 without one), then one row per entry.",
            "content": {
                "text/csv": {
                    "schema": {"type": "string", "minLength": CSV_HEADER_MIN_LENGTH},
                    "example": "recommendation_id,status,status_date,source,evidence\n"
                    "48-SVN-140.69,in_progress,2025-06-30,government,https://www.gov.si/x\n",
                }
            },
        }
    },
)
def import_tracking_entries(
    work: UnitOfWorkDep,
    key: TrackingKey,
    body: Annotated[bytes, Depends(csv_body)],
    dry_run: Annotated[bool, Query(description="Check and report; write nothing.")] = False,
) -> TrackingImportReport:
    """Add many entries from a CSV file, all or nothing: every problem is reported with its
    row number (the header is row 1) and nothing is written unless every row is valid. At most
    10,000 rows. Needs an API key with the `tracking` scope, recorded as the author.

    Columns: `recommendation_id`, `status`, `status_date`, `source` (required) and `note`,
    `evidence`, `responsible_institution`, `indicators`, `supersedes`; several evidence links
    or indicators in one cell are joined with `|`.
    """
    assert key.id is not None
    try:
        entries = csv_io.read_upload(body)
        rows = queries.add_entries(work, entries, key.id)
    except TrackingRejected as error:
        raise _rejected(error) from error
    except TrackingConflict as error:
        raise _conflict(error) from error
    report = TrackingImportReport(
        rows=len(entries),
        added=len(rows),
        recommendations=len({row.recommendation_id for row in rows}),
        dry_run=dry_run,
        entry_ids=[] if dry_run else [row.id for row in rows if row.id is not None],
    )
    if dry_run:
        work.discard()
    else:
        work.audit(key, "tracking.import", f"csv:{len(rows)} entries")
    return report
