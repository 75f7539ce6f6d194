"""Per-review and per-session tallies: facets and statistics without reading every
recommendation.

Counting the recommendations of a whole cycle by theme means joining tens of thousands of
recommendations with their links. `review_tally` holds those counts per review and position,
and `session_tally` the same summed per session; both are recomputed when a review's
recommendations change (`refresh`, called by the importers in the same transaction as the
change). A grouping whose filters concern only reviews and positions
(`RecommendationFilters.only_review_filters`) sums a few rows per review instead (`grouped`,
`total`), and one that tells no review of a session apart from another (filters on sessions,
cycles and positions alone, no state under review among its dimensions) a few rows per
session. Every other filter (search, themes, recommending states...) is counted from the
recommendations themselves by `app.stats.queries`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    String,
    Table,
    and_,
    case,
    cast,
    delete,
    distinct,
    func,
    insert,
    literal,
    select,
)
from sqlmodel import Session, col

from app.kit.columns import table_of
from app.models.recommendations import (
    Recommendation,
)
from app.models.reviews import Review
from app.models.stats import ALL, ReviewTally, SessionTally
from app.recommendations.filters import RecommendationFilters
from app.stats.dimensions import COUNTABLE, LINK_DIMENSIONS, NAMING_REVIEW, Dimension
from app.stats.dimensions import DIMENSIONS as COUNTED
from app.vocab import Position

R, T, S = Recommendation, ReviewTally, SessionTally
_BATCH = 500  # reviews per refresh statement


# the link dimensions, each stored under its name; `ALL` counts every recommendation
DIMENSIONS = [ALL, *(d.value for d, counted in COUNTED.items() if counted.stored)]


def _stored() -> dict[str, tuple[Any, list[tuple[Any, Any]]]]:
    """Tally dimension -> (the value as text, the joins from `recommendation` that reach it)."""
    stored: dict[str, tuple[Any, list[tuple[Any, Any]]]] = {ALL: (literal(""), [])}
    for dimension, counted in COUNTED.items():
        if counted.stored is not None:
            stored[dimension.value] = counted.stored()
    return stored


_COLUMNS = ["dimension", "session_number", "state_iso3", "review_id", "value", "position", "count"]


def refresh(db: Session, review_ids: Iterable[str]) -> None:
    """Recount the tallies of these reviews from their recommendations (in the caller's
    transaction)."""
    ids = sorted(set(review_ids))
    position = func.coalesce(cast(col(R.position), String), "")
    review_keys = [col(R.session_number), col(R.state_iso3), col(R.review_id)]
    sessions: set[int] = set()
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        sessions.update(
            db.execute(
                select(col(Review.session_number)).where(col(Review.id).in_(batch))
            ).scalars()
        )
        db.execute(delete(T).where(col(T.review_id).in_(batch)))
        for dimension, (value, joins) in _stored().items():
            # e.g. a recommendation reaches a goal or a regional group once per target or state
            repeats = dimension != ALL and COUNTED[Dimension(dimension)].direct(0).repeats
            count = func.count(distinct(col(R.id))) if repeats else func.count()
            counted = select(
                literal(dimension, String), *review_keys, value, position, count
            ).select_from(R)
            for target, on in joins:
                counted = counted.join(target, on)
            values = [] if dimension == ALL else [value]
            counted = counted.where(col(R.review_id).in_(batch))
            counted = counted.group_by(*review_keys, *values, position)
            db.execute(insert(T).from_select(_COLUMNS, counted))
    _sum_sessions(db, sorted(sessions))


def _sum_sessions(db: Session, sessions: list[int]) -> None:
    """Recompute the session tallies of these sessions from their review tallies."""
    db.execute(delete(S).where(col(S.session_number).in_(sessions)))
    keys = [col(T.dimension), col(T.session_number), col(T.value), col(T.position)]
    summed = (
        select(*keys, func.sum(col(T.count)))
        .where(col(T.dimension).in_(DIMENSIONS), col(T.session_number).in_(sessions))
        .group_by(*keys)
    )
    columns = ["dimension", "session_number", "value", "position", "count"]
    db.execute(insert(S).from_select(columns, summed))


def refresh_all(db: Session) -> None:
    """Recount every review's and session's tallies (after reference data that they depend on
    changed)."""
    db.execute(delete(T))
    db.execute(delete(S))
    refresh(db, db.execute(select(col(R.review_id)).distinct()).scalars())


def usable(filters: RecommendationFilters, dimensions: Sequence[str]) -> bool:
    """Whether the tallies can answer this grouping: filters on reviews and positions only,
    dimensions the tallies count by, and at most one that is not a property of the review or
    the position."""
    return (
        filters.only_review_filters
        and COUNTABLE.issuperset(dimensions)
        and len(LINK_DIMENSIONS.intersection(dimensions)) <= 1
    )


def table_for(filters: RecommendationFilters, dimensions: Sequence[str]) -> Table:
    """The tallies that answer a `usable` grouping: the session tallies when neither its
    filters nor its dimensions tell one review of a session from another, else the review
    tallies."""
    by_review = NAMING_REVIEW.intersection(dimensions) or filters.names_review
    return table_of(T) if by_review else table_of(S)


# Statements here are built from Core tables and columns, which is markedly cheaper per
# request than going through the ORM's attributes and aliases.


def _tally_sums(table: Any) -> list[Any]:
    """count, supported, supported_in_part, noted summed over the rows of a tallies table."""

    def of(value: Position) -> Any:
        return func.sum(case((table.c.position == value.value, table.c.count), else_=0))

    return [
        func.sum(table.c.count).label("count"),
        of(Position.supported).label("supported"),
        of(Position.supported_in_part).label("supported_in_part"),
        of(Position.noted).label("noted"),
    ]


def _raw_column(table: Any, dimension: str) -> Any:
    """The column of the tallies `table` that a dimension's value is derived from."""
    return table.c[COUNTED[Dimension(dimension)].review_column or "value"]


def grouped_statement(
    filters: RecommendationFilters, dimensions: Sequence[str]
) -> tuple[Any, list[Any], list[Any]]:
    """`app.stats.queries.grouped` over the tallies (check `usable` first): the statement
    selecting keys, labels, then count, supported, supported_in_part and noted per group, not
    yet ordered; its keys; its tally columns. The filter values are parameters
    (`filters.review_parameters()`), so the statement serves any filters of the same shape."""
    table = table_for(filters, dimensions)
    linked = [d for d in dimensions if d in LINK_DIMENSIONS]
    raws = list(dict.fromkeys(_raw_column(table, d) for d in dimensions))
    rows_of = table.c.dimension == (linked[0] if linked else ALL)
    summed = (
        select(*raws, *_tally_sums(table))
        .where(rows_of, *filters.review_conditions(table.c, bound=True))
        .group_by(*raws)
        .subquery("tally")
    )
    keys, labels, statement_joins = [], [], []
    for n, dimension in enumerate(dimensions):
        raw = summed.c[_raw_column(table, dimension).key]
        from_tally = COUNTED[Dimension(dimension)].from_tally
        assert from_tally is not None, "a tallied dimension reads back from the tallies"
        key, label, joins = from_tally(raw, n)
        keys.append(key)
        if label is not None:
            labels.append(label)
        statement_joins.extend(joins)
    sums = [
        func.sum(summed.c[name]).label(name)
        for name in ("count", "supported", "supported_in_part", "noted")
    ]
    statement = select(*keys, *labels, *sums).select_from(summed)
    for target, on in statement_joins:
        statement = statement.join(target, on)
    return statement.group_by(*keys, *labels), keys, sums


def total_statement(filters: RecommendationFilters) -> Any:
    """count, supported, supported_in_part, noted of the recommendations matching review and
    position filters (their values are parameters, as in `grouped_statement`)."""
    table = table_for(filters, [])
    return select(*_tally_sums(table)).where(
        and_(table.c.dimension == ALL, *filters.review_conditions(table.c, bound=True))
    )
