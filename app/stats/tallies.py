"""Per-review tallies: facets and statistics without reading every recommendation.

Counting the recommendations of a whole cycle by theme means joining tens of thousands of
recommendations with their links. `review_tally` holds those counts per review and position,
computed when a review's recommendations change (`refresh`, called by the importers in the
same transaction as the change), so that a grouping whose filters concern only reviews and
positions (`RecommendationFilters.only_review_filters`) sums a few rows per review instead
(`grouped`, `total`). Every other filter (search, themes, recommending states...) is counted
from the recommendations themselves by `app.stats.queries`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    Integer,
    String,
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
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app.recommendations.models import (
    Recommendation,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationTheme,
    RecommendingState,
)
from app.recommendations.queries import RecommendationFilters
from app.sessions.models import WorkingGroupSession
from app.states.models import State
from app.stats.models import ALL, ReviewTally
from app.taxonomy.models import AffectedGroup, Sdg, Theme
from app.vocab import Position, RegionalGroup

R, T = Recommendation, ReviewTally
_BATCH = 500  # reviews per refresh statement


def _sources() -> dict[str, tuple[Any, list[tuple[Any, Any]]]]:
    """Dimension -> (the value as text, the joins from `recommendation` that reach it)."""
    theme, group = RecommendationTheme, RecommendationGroup
    sdg, state = RecommendationSdg, RecommendingState
    return {
        ALL: (literal(""), []),
        "theme": (cast(theme.theme_id, String), [(theme, theme.recommendation_id == R.id)]),
        "group": (cast(group.group_id, String), [(group, group.recommendation_id == R.id)]),
        "sdg": (col(sdg.sdg_code), [(sdg, sdg.recommendation_id == R.id)]),
        "sdg_goal": (
            cast(Sdg.goal, String),
            [(sdg, sdg.recommendation_id == R.id), (Sdg, col(Sdg.code) == sdg.sdg_code)],
        ),
        "recommending_state": (col(state.iso3), [(state, state.recommendation_id == R.id)]),
        "recommending_state_group": (
            col(State.regional_group),
            [(state, state.recommendation_id == R.id), (State, col(State.iso3) == state.iso3)],
        ),
    }


LINK_DIMENSIONS = frozenset(_sources()) - {ALL}


_COLUMNS = ["dimension", "session_number", "state_iso3", "review_id", "value", "position", "count"]


def refresh(db: Session, review_ids: Iterable[str]) -> None:
    """Recount the tallies of these reviews from their recommendations (in the caller's
    transaction)."""
    ids = sorted(set(review_ids))
    position = func.coalesce(cast(col(R.position), String), "")
    review_keys = [col(R.session_number), col(R.state_iso3), col(R.review_id)]
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        db.execute(delete(T).where(col(T.review_id).in_(batch)))
        for dimension, (value, joins) in _sources().items():
            # a recommendation reaches a goal or a regional group once per target or state
            repeats = dimension in ("sdg_goal", "recommending_state_group")
            count = func.count(distinct(R.id)) if repeats else func.count()
            counted = select(
                literal(dimension, String), *review_keys, value, position, count
            ).select_from(R)
            for target, on in joins:
                counted = counted.join(target, on)
            values = [] if dimension == ALL else [value]
            counted = counted.where(col(R.review_id).in_(batch))
            counted = counted.group_by(*review_keys, *values, position)
            db.execute(insert(T).from_select(_COLUMNS, counted))


def refresh_all(db: Session) -> None:
    """Recount every review's tallies (after reference data that they depend on changed)."""
    db.execute(delete(T))
    refresh(db, db.execute(select(R.review_id).distinct()).scalars())


def usable(filters: RecommendationFilters, dimensions: list[str]) -> bool:
    """Whether the tallies can answer this grouping: filters on reviews and positions only,
    and at most one dimension that is not a property of the review or the position."""
    return filters.only_review_filters and len(LINK_DIMENSIONS.intersection(dimensions)) <= 1


def _tally_sums() -> list[Any]:
    """count, supported, supported_in_part, noted summed over tally rows."""

    def of(value: Position) -> Any:
        return func.sum(case((col(T.position) == value.value, col(T.count)), else_=0))

    return [
        func.sum(col(T.count)).label("count"),
        of(Position.supported).label("supported"),
        of(Position.supported_in_part).label("supported_in_part"),
        of(Position.noted).label("noted"),
    ]


def _raw_column(dimension: str) -> Any:
    """The tally column that a dimension's value is derived from."""
    if dimension == "position":
        return col(T.position)
    if dimension in ("session", "cycle"):
        return col(T.session_number)
    if dimension in ("state_under_review", "state_under_review_group"):
        return col(T.state_iso3)
    return col(T.value)


def _key_and_label(dimension: str, raw: Any, n: int) -> tuple[Any, Any, list[tuple[Any, Any]]]:
    """The dimension's value and label from the aggregated raw column, and their joins."""
    if dimension == "position":
        return func.nullif(raw, ""), None, []
    if dimension == "session":
        return raw, None, []
    if dimension == "cycle":
        session = aliased(WorkingGroupSession, name=f"k{n}")
        return col(session.cycle_number), None, [(session, col(session.number) == raw)]
    if dimension in ("state_under_review", "recommending_state"):
        state = aliased(State, name=f"k{n}")
        return raw, col(state.name), [(state, col(state.iso3) == raw)]
    if dimension == "state_under_review_group":
        state = aliased(State, name=f"k{n}")
        return col(state.regional_group), None, [(state, col(state.iso3) == raw)]
    if dimension in ("theme", "group"):
        model: Any = aliased(Theme if dimension == "theme" else AffectedGroup, name=f"k{n}")
        number = cast(raw, Integer)
        return number, col(model.name), [(model, col(model.id) == number)]
    if dimension == "sdg":
        sdg = aliased(Sdg, name=f"k{n}")
        return raw, col(sdg.title), [(sdg, col(sdg.code) == raw)]
    if dimension == "sdg_goal":
        return cast(raw, Integer), None, []
    return raw, None, []  # recommending_state_group: the group's name is the value


def grouped_statement(
    filters: RecommendationFilters, dimensions: list[str]
) -> tuple[Any, list[Any], list[Any]]:
    """`app.stats.queries.grouped` over the tallies (check `usable` first): the statement
    selecting keys, labels, then count, supported, supported_in_part and noted per group, not
    yet ordered; its keys; its tally columns."""
    linked = [d for d in dimensions if d in LINK_DIMENSIONS]
    raws = list(dict.fromkeys(_raw_column(d) for d in dimensions))
    summed = (
        select(*raws, *_tally_sums())
        .where(col(T.dimension) == (linked[0] if linked else ALL), *filters.review_conditions(T))
        .group_by(*raws)
        .subquery("tally")
    )
    keys, labels, statement_joins = [], [], []
    for n, dimension in enumerate(dimensions):
        key, label, joins = _key_and_label(dimension, summed.c[_raw_column(dimension).key], n)
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


def typed_key(dimension: str, value: Any) -> Any:
    """A key read from the tallies as the type the recommendations' own columns give."""
    if value is None:
        return None
    if dimension == "position":
        return Position(value)
    if dimension == "recommending_state_group":
        return RegionalGroup(value)
    return value


def total_statement(filters: RecommendationFilters) -> Any:
    """count, supported, supported_in_part, noted of the recommendations matching review and
    position filters."""
    return select(*_tally_sums()).where(
        and_(col(T.dimension) == ALL, *filters.review_conditions(T))
    )
