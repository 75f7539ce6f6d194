"""SQL for tracking: adding entries (all-or-nothing), histories, current statuses, exports.

"Effective" entries are those no correction supersedes; a source's current assessment of a
recommendation is its effective entry with the latest `status_date` (the highest id on a tie).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, exists, func, not_, select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app.models.auth import ApiKey
from app.models.recommendations import Recommendation
from app.models.tracking import TrackingEntry, TrackingSource
from app.recommendations.filters import RecommendationFilters
from app.search import backend_for
from app.tracking.schemas import TrackingEntryCreate

if TYPE_CHECKING:
    from app.unit_of_work import UnitOfWork

T = TrackingEntry
_Corrector = aliased(TrackingEntry, name="corrector")


class TrackingConflict(Exception):
    """A concurrent write superseded the same entry first; nothing was written."""


class TrackingRejected(Exception):
    """Entries that cannot be added; nothing was written. `problems`: (location, message)."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(f"{len(problems)} problem(s); nothing was written")
        self.problems = problems


@dataclass(frozen=True)
class NewEntry:
    """An entry to add, and where it came from (for error messages)."""

    recommendation_id: str
    entry: TrackingEntryCreate
    location: str


@dataclass(frozen=True)
class EntryRow:
    """A stored entry with its author's key prefix and the entry that corrects it."""

    entry: TrackingEntry
    author_key: str
    superseded_by: int | None


def effective() -> ColumnElement[bool]:
    """Condition on `tracking_entry`: no other entry supersedes it."""
    later = aliased(TrackingEntry)
    return not_(exists().where(col(later.supersedes_id) == col(T.id)))


def add_entries(
    work: UnitOfWork, new: Sequence[NewEntry], author_key_id: int
) -> list[TrackingEntry]:
    """Check every entry against the database, then add them all to the unit of work, or none:
    `TrackingRejected` lists every problem with its location."""
    db = work.db
    problems = _check(db, new)
    if problems:
        raise TrackingRejected(problems)
    now = dt.datetime.now(dt.UTC)
    rows = [
        TrackingEntry(
            recommendation_id=item.recommendation_id,
            status=item.entry.status,
            status_date=item.entry.status_date,
            source=item.entry.source,
            note=item.entry.note,
            evidence=item.entry.evidence,
            responsible_institution=item.entry.responsible_institution,
            indicators=item.entry.indicators,
            author_key_id=author_key_id,
            supersedes_id=item.entry.supersedes,
            recorded_at=now,
        )
        for item in new
    ]
    db.add_all(rows)
    try:
        db.flush()
    except IntegrityError as error:  # another transaction superseded the same entry first
        raise TrackingConflict(str(error.orig)) from error
    work.changes.data_changed()
    return rows


def _check(db: Session, new: Sequence[NewEntry]) -> list[tuple[str, str]]:
    """Problems with the recommendations and superseded entries named (three queries)."""
    ids = sorted({item.recommendation_id for item in new})
    known = set(
        db.execute(select(col(Recommendation.id)).where(col(Recommendation.id).in_(ids))).scalars()
    )
    wanted = sorted({item.entry.supersedes for item in new if item.entry.supersedes})
    targets = {
        row.id: row
        for row in db.execute(
            select(col(T.id), col(T.recommendation_id), col(T.source)).where(col(T.id).in_(wanted))
        )
    }
    taken = set(
        db.execute(select(col(T.supersedes_id)).where(col(T.supersedes_id).in_(wanted))).scalars()
    )
    problems: list[tuple[str, str]] = []
    claimed: dict[int, str] = {}
    for item in new:
        if item.recommendation_id not in known:
            problems.append(
                (item.location, f"recommendation '{item.recommendation_id}' does not exist")
            )
        target_id = item.entry.supersedes
        if target_id is None:
            continue
        where = f"{item.location}.supersedes"
        target = targets.get(target_id)
        if target is None:
            problems.append((where, f"entry {target_id} does not exist"))
        elif target.recommendation_id != item.recommendation_id:
            problems.append(
                (where, f"entry {target_id} is about '{target.recommendation_id}', not this one")
            )
        elif target.source != item.entry.source:
            problems.append(
                (where, f"entry {target_id} is a {target.source} assessment; a correction "
                 "must come from the same source")
            )  # fmt: skip
        elif target_id in taken:
            problems.append((where, f"entry {target_id} is already superseded"))
        elif target_id in claimed:
            problems.append(
                (where, f"entry {target_id} is also superseded by {claimed[target_id]}")
            )
        claimed.setdefault(target_id, item.location)
    return problems


def _rows(query: Select[Any]) -> Select[Any]:
    """Entries with their author's prefix and the id of the entry that supersedes them."""
    return (
        query.add_columns(col(ApiKey.prefix), col(_Corrector.id))
        .join(ApiKey, col(ApiKey.id) == col(T.author_key_id))
        .outerjoin(_Corrector, col(_Corrector.supersedes_id) == col(T.id))
    )


def _entry_rows(db: Session, query: Select[Any]) -> list[EntryRow]:
    return [EntryRow(entry, prefix, later) for entry, prefix, later in db.execute(_rows(query))]


def get_entry(db: Session, recommendation_id: str, entry_id: int) -> EntryRow | None:
    """One entry of a recommendation."""
    query = select(T).where(col(T.id) == entry_id, col(T.recommendation_id) == recommendation_id)
    found = _entry_rows(db, query)
    return found[0] if found else None


HISTORY_KEY_TYPES: tuple[type, ...] = (str, int)


def history(
    db: Session, recommendation_id: str, limit: int, after: tuple[dt.date, int] | None
) -> tuple[list[EntryRow], tuple[str, int] | None]:
    """A page of a recommendation's entries by status date (then id), superseded ones too,
    and the key to continue from."""
    order = (col(T.status_date), col(T.id))
    query = select(T).where(col(T.recommendation_id) == recommendation_id)
    if after is not None:
        query = query.where(tuple_(*order) > tuple_(*after))
    rows = _entry_rows(db, query.order_by(*order).limit(limit + 1))
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1].entry
    assert last.id is not None
    return rows[:limit], (last.status_date.isoformat(), last.id)


def current(db: Session, recommendation_id: str) -> list[EntryRow]:
    """Each source's current entry for one recommendation, in source order."""
    query = select(T).where(col(T.recommendation_id) == recommendation_id, effective())
    latest: dict[TrackingSource, EntryRow] = {}
    for row in _entry_rows(db, query.order_by(col(T.status_date), col(T.id))):
        latest[row.entry.source] = row
    return [latest[source] for source in TrackingSource if source in latest]


def matching(
    db: Session,
    filters: RecommendationFilters,
    *,
    review_id: str | None = None,
    iso3: str | None = None,
) -> Select[Any]:
    """The ids of the recommendations matching the recommendation list's filters, and of one
    review or one state under review if given."""
    query = select(col(Recommendation.id)).where(*filters.conditions(backend_for(db)))
    if review_id is not None:
        query = query.where(col(Recommendation.review_id) == review_id)
    if iso3 is not None:
        query = query.where(col(Recommendation.state_iso3) == iso3)
    return query


def count(db: Session, ids: Select[Any]) -> int:
    """How many rows `ids` selects."""
    return db.execute(select(func.count()).select_from(ids.subquery())).scalar_one()


def effective_assessments(
    db: Session, matching: Select[Any]
) -> Iterator[tuple[str, TrackingSource, str, dt.date]]:
    """(recommendation, source, status, date) of the effective entries of the recommendations
    `matching` selects (a select of recommendation ids), by date then id."""
    query = (
        select(col(T.recommendation_id), col(T.source), col(T.status), col(T.status_date))
        .where(col(T.recommendation_id).in_(matching), effective())
        .order_by(col(T.status_date), col(T.id))
    )
    for row in db.execute(query):
        yield row.recommendation_id, row.source, row.status, row.status_date


def export_statement(
    matching: Select[Any], sources: Sequence[TrackingSource] | None = None
) -> Select[Any]:
    """Every entry (superseded ones too) of the recommendations `matching` selects, of the
    given sources (all if None), with author prefix and superseding entry, in the documents'
    order then by date."""
    query = select(T).join(Recommendation, col(Recommendation.id) == col(T.recommendation_id))
    if sources:
        query = query.where(col(T.source).in_(sources))
    return _rows(
        query.where(col(T.recommendation_id).in_(matching)).order_by(
            col(Recommendation.session_number),
            col(Recommendation.state_iso3),
            col(Recommendation.paragraph_major),
            col(Recommendation.paragraph_minor),
            col(T.status_date),
            col(T.id),
        )
    )
