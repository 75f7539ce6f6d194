"""SQL for facets and statistics: recommendations counted by one or two dimensions.

A dimension is a property of a recommendation (its position, session, state under review...)
or of its links (themes, recommending states...). Link dimensions are joined directly; where one
recommendation can reach a value twice (two of its recommending states in one regional group,
two targets of one SDG goal), distinct recommendations are counted, so a recommendation counts
once per value.

Groupings and totals whose filters concern only reviews and positions are summed from the
per-review tallies instead (`app.stats.tallies`), with the same results.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Integer, bindparam, case, distinct, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app.db import read
from app.kit.templates import StatementTemplates
from app.models.recommendations import (
    Recommendation,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationSource,
    RecommendationTheme,
    RecommendationUprInfoIssue,
    RecommendingState,
)
from app.models.sessions import WorkingGroupSession
from app.models.states import State
from app.models.taxonomy import AffectedGroup, Sdg, Theme, UprInfoIssue
from app.recommendations.filters import RecommendationFilters
from app.search import backend_for
from app.stats import tallies
from app.vocab import Position

R = Recommendation


class Dimension(StrEnum):
    """What recommendations can be counted by."""

    position = "position"
    theme = "theme"
    group = "group"
    sdg = "sdg"
    sdg_goal = "sdg_goal"
    recommending_state = "recommending_state"
    recommending_state_group = "recommending_state_group"
    state_under_review = "state_under_review"
    state_under_review_group = "state_under_review_group"
    session = "session"
    cycle = "cycle"
    action_category = "action_category"
    upr_info_action_category = "upr_info_action_category"
    upr_info_issue = "upr_info_issue"
    data_source = "data_source"


@dataclass(frozen=True)
class _Source:
    key: Any
    label: Any
    joins: list[tuple[Any, Any]]
    repeats: bool = False  # one recommendation can reach the same value twice


def _link(n: int, link: Any, lookup: Any, on: Any) -> list[tuple[Any, Any]]:
    """Joins of a link table (aliased per dimension) and of its lookup table."""
    alias = aliased(link, name=f"d{n}")
    return [(alias, col(alias.recommendation_id) == col(R.id)), (lookup, on(alias))]


def _source(dimension: Dimension, n: int) -> _Source:
    if dimension is Dimension.position:
        return _Source(col(R.position), None, [])
    if dimension is Dimension.session:
        return _Source(col(R.session_number), None, [])
    if dimension is Dimension.action_category:
        return _Source(col(R.action_category), None, [])
    if dimension is Dimension.upr_info_action_category:
        return _Source(col(R.upr_info_action_category), None, [])
    if dimension is Dimension.upr_info_issue:
        issue = aliased(UprInfoIssue, name=f"d{n}_issue")
        joins = _link(n, RecommendationUprInfoIssue, issue, lambda a: col(issue.id) == a.issue_id)
        return _Source(col(issue.id), col(issue.name), joins)
    if dimension is Dimension.data_source:
        link = aliased(RecommendationSource, name=f"d{n}")
        return _Source(col(link.source), None, [(link, col(link.recommendation_id) == col(R.id))])
    if dimension is Dimension.cycle:
        session = aliased(WorkingGroupSession, name=f"d{n}")
        on = col(session.number) == col(R.session_number)
        return _Source(col(session.cycle_number), None, [(session, on)])
    if dimension in (Dimension.state_under_review, Dimension.state_under_review_group):
        state = aliased(State, name=f"d{n}")
        joins = [(state, col(state.iso3) == col(R.state_iso3))]
        if dimension is Dimension.state_under_review:
            return _Source(col(R.state_iso3), col(state.name), joins)
        return _Source(col(state.regional_group), None, joins)
    if dimension is Dimension.theme:
        theme = aliased(Theme, name=f"d{n}_theme")
        joins = _link(n, RecommendationTheme, theme, lambda a: col(theme.id) == a.theme_id)
        return _Source(col(theme.id), col(theme.name), joins)
    if dimension is Dimension.group:
        group = aliased(AffectedGroup, name=f"d{n}_group")
        joins = _link(n, RecommendationGroup, group, lambda a: col(group.id) == a.group_id)
        return _Source(col(group.id), col(group.name), joins)
    if dimension in (Dimension.sdg, Dimension.sdg_goal):
        sdg = aliased(Sdg, name=f"d{n}_sdg")
        joins = _link(n, RecommendationSdg, sdg, lambda a: col(sdg.code) == a.sdg_code)
        if dimension is Dimension.sdg:
            return _Source(col(sdg.code), col(sdg.title), joins)
        return _Source(col(sdg.goal), None, joins, repeats=True)
    state = aliased(State, name=f"d{n}_state")
    joins = _link(n, RecommendingState, state, lambda a: col(state.iso3) == a.iso3)
    if dimension is Dimension.recommending_state:
        return _Source(col(state.iso3), col(state.name), joins)
    return _Source(col(state.regional_group), None, joins, repeats=True)


# dimensions whose values have a label (a name or title) besides the value
LABELLED = frozenset(d for d in Dimension if _source(d, 0).label is not None)


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
        # tally values are text: give keys the types of the direct count
        return [
            Group(tuple(map(tallies.typed_key, dimensions, g.keys)), g.labels, g.tally)
            for g in groups
        ]
    sources = [_source(dimension, n) for n, dimension in enumerate(dimensions)]
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
    source = _source(dimension, 0)
    statement = select(func.count(distinct(source.key))).select_from(R)
    for target, on in source.joins:
        statement = statement.join(target, on)
    return read(db, statement.where(*filters.conditions(backend_for(db)))).scalar_one()
