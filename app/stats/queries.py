"""SQL for facets and statistics: recommendations counted by one or two dimensions.

The dimensions are declared in `app.stats.dimensions`. Link dimensions are joined directly;
where one recommendation can reach a value twice (two of its recommending states in one
regional group, two targets of one SDG goal), distinct recommendations are counted, so a
recommendation counts once per value.

Groupings and totals whose filters concern only reviews and positions are summed from the
per-review tallies instead (`app.stats.tallies`), with the same results.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, bindparam, case, distinct, func, select
from sqlmodel import Session, col

from app.db import read
from app.kit.templates import StatementTemplates
from app.models.recommendations import (
    Recommendation,
)
from app.recommendations.filters import RecommendationFilters
from app.search import backend_for
from app.stats import tallies
from app.stats.dimensions import DIMENSIONS, LABELLED, Dimension
from app.vocab import Position

R = Recommendation


def _tally_columns(*, distinct_ids: bool = False) -> list[Any]:
    """count, supported, supported_in_part, noted; counting distinct recommendations when a
    dimension can reach one value twice from the same recommendation."""
    position, rid = col(R.position), col(R.id)

    def count_of(value: Position) -> Any:
        if distinct_ids:
            return func.count(distinct(case((position == value, rid)))).label(value.value)
        return func.sum(case((position == value, 1), else_=0)).label(value.value)

    count = func.count(distinct(rid)) if distinct_ids else func.count()
    return [
        count.label("count"),
        count_of(Position.supported),
        count_of(Position.supported_in_part),
        count_of(Position.noted),
    ]


@dataclass(frozen=True)
class Tally:
    """Recommendations counted, and how many of them the state under review supported."""

    count: int
    supported: int
    supported_in_part: int
    noted: int

    @property
    def other(self) -> int:
        """Pending, unclear or without a recorded position."""
        return self.count - self.supported - self.supported_in_part - self.noted

    @property
    def support_rate(self) -> float | None:
        """Supported / (supported + supported in part + noted); None when none was decided."""
        decided = self.supported + self.supported_in_part + self.noted
        return round(self.supported / decided, 4) if decided else None


@dataclass(frozen=True)
class Group:
    """One row of a grouping: the dimensions' values and labels, and the tally."""

    keys: tuple[Any, ...]
    labels: tuple[str | None, ...]
    tally: Tally


def grouped(
    db: Session,
    filters: RecommendationFilters,
    dimensions: list[Dimension],
    *,
    by_count: bool = False,
    limit: int | None = None,
) -> list[Group]:
    """Matching recommendations counted by the given dimensions; ordered by the values, or by
    count (largest first) with `by_count`; at most `limit` rows."""
    if tallies.usable(filters, dimensions):
        statement = _tally_grouping(filters, dimensions, by_count, limit is not None)
        parameters = {**filters.review_parameters(), "group_limit": limit}
        groups = _groups(read(db, statement, parameters), dimensions)
        return [Group(_typed(dimensions, g.keys), g.labels, g.tally) for g in groups]
    sources = [DIMENSIONS[dimension].direct(n) for n, dimension in enumerate(dimensions)]
    keys = [source.key for source in sources]
    labels = [source.label for source in sources if source.label is not None]
    tally = _tally_columns(distinct_ids=any(source.repeats for source in sources))
    statement = select(*keys, *labels, *tally).select_from(R)
    for source in sources:
        for target, on in source.joins:
            statement = statement.join(target, on)
    statement = statement.where(*filters.conditions(backend_for(db)))
    statement = _ordered(statement.group_by(*keys, *labels), keys, tally, by_count, limit)
    return _groups(read(db, statement), dimensions)


def _typed(dimensions: list[Dimension], keys: tuple[Any, ...]) -> tuple[Any, ...]:
    """Keys read from the tallies (text) as the types the recommendations' columns give."""
    return tuple(DIMENSIONS[d].typed(key) for d, key in zip(dimensions, keys, strict=True))


def _ordered(statement: Any, keys: list[Any], tally: list[Any], by_count: bool, limit: Any) -> Any:
    """A grouping ordered by its keys, or by count (largest first) then keys; limited."""
    keys_order = [key.asc().nulls_last() for key in keys]
    statement = statement.order_by(*([tally[0].desc(), *keys_order] if by_count else keys_order))
    return statement if limit is None else statement.limit(limit)


# Statements over the tallies are built once per shape (dimensions, which review filters are
# set, ordering, whether limited) and run with the request's values as parameters.
_TEMPLATES = StatementTemplates()


def _tally_grouping(
    filters: RecommendationFilters, dimensions: list[Dimension], by_count: bool, limited: bool
) -> Any:
    """The statement of `grouped` over the tallies; parameters: `filters.review_parameters()`
    and `group_limit`."""

    def build() -> Any:
        statement, keys, tally = tallies.grouped_statement(filters, dimensions)
        limit = bindparam("group_limit", type_=Integer) if limited else None
        return _ordered(statement, keys, tally, by_count, limit)

    shape = ("grouping", tuple(dimensions), filters.review_shape(), by_count, limited)
    return _TEMPLATES.get(shape, build)


def _groups(rows: Any, dimensions: list[Dimension]) -> list[Group]:
    """Groups of result rows: one key per dimension, the labels of the dimensions that have
    one, then the tally columns."""
    width = len(dimensions)
    labelled = [d in LABELLED for d in dimensions]
    labels = sum(labelled)
    groups = []
    for row in rows:
        values = list(row)
        keys = tuple(values[:width])
        found = iter(values[width : width + labels])
        row_labels = tuple(next(found) if has else None for has in labelled)
        tally = Tally(*(int(value or 0) for value in values[width + labels :]))
        groups.append(Group(keys, row_labels, tally))
    return groups


def total(db: Session, filters: RecommendationFilters) -> Tally:
    """The tally of all matching recommendations."""
    if tallies.usable(filters, []):
        shape = ("total", filters.review_shape())
        statement = _TEMPLATES.get(shape, lambda: tallies.total_statement(filters))
        row = read(db, statement, filters.review_parameters()).one()
        return Tally(*(int(value or 0) for value in row))
    statement = select(*_tally_columns()).select_from(R)
    row = read(db, statement.where(*filters.conditions(backend_for(db)))).one()
    return Tally(*(int(value or 0) for value in row))


def distinct_count(db: Session, filters: RecommendationFilters, dimension: Dimension) -> int:
    """How many different values of `dimension` the matching recommendations have."""
    source = DIMENSIONS[dimension].direct(0)
    statement = select(func.count(distinct(source.key))).select_from(R)
    for target, on in source.joins:
        statement = statement.join(target, on)
    return read(db, statement.where(*filters.conditions(backend_for(db)))).scalar_one()
