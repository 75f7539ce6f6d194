"""The search page's facets: every facet counted in one statement over the matching set.

The API's facets (`/v1/recommendations/facets`) count one dimension per statement, each
applying the filters (and the full-text search) again. A page shows eight facets, so here the
recommendations matching the filters are selected once, in a materialised common table
expression (`RecommendationFilters.conditions`, the same conditions as every list), and each
facet is a grouping of that set: a recommendation counts once per value, as in the API.

A facet whose own filter is set is counted without that filter (in a statement of its own), so
that its other values stay visible and can be ticked too ("noted" or "supported").
"""

from __future__ import annotations

import inspect
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, String, cast, distinct, func, literal, null, select, union_all
from sqlmodel import Session, col

from app.db import read
from app.models.recommendations import (
    Recommendation,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationTheme,
    RecommendingState,
)
from app.models.states import State
from app.models.taxonomy import AffectedGroup, Sdg, Theme
from app.recommendations.filters import RecommendationFilters
from app.recommendations.params import recommendation_filters
from app.search import backend_for
from app.stats import queries as stats_queries
from app.stats.queries import Dimension
from app.vocab import Position, RegionalGroup, cycle_of_session

R = Recommendation

# The filter parameters of the recommendation endpoints, as their dependency declares them.
FILTER_NAMES = tuple(
    name for name in inspect.signature(recommendation_filters).parameters if name not in ("db", "q")
)

# facet -> (its heading, the filter its values set)
FACETS: dict[str, tuple[str, str]] = {
    "position": ("Position", "position"),
    "recommending_state_group": ("Recommending states' group", "recommending_state_group"),
    "recommending_state": ("Recommending state", "recommending_state"),
    "theme": ("Theme", "theme"),
    "group": ("Affected group", "group"),
    "sdg": ("Sustainable Development Goal", "sdg"),
    "cycle": ("Cycle", "cycle"),
    "session": ("Session", "session"),
}


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet: what the query string carries, its label and its count."""

    value: str
    label: str
    count: int


def without(filters: RecommendationFilters, name: str) -> RecommendationFilters:
    """The same filters (and search) without the filter `name`."""
    kept = {other: getattr(filters, other) for other in FILTER_NAMES if other != name}
    return RecommendationFilters(search=filters.search, **kept)


def _groupings(matching: Any, facets: list[str]) -> list[Select]:
    """One `(facet, value, label, count)` grouping of the matching set per facet."""
    m = matching
    statements: list[Select] = []

    def add(facet: str, value: Any, label: Any, count: Any, *joins: tuple[Any, Any]) -> None:
        # one type per column across the union (PostgreSQL insists): values and labels as text
        shown = cast(null(), String) if label is None else label
        columns = (literal(facet).label("facet"), cast(value, String), shown, count)
        statement = select(*columns).select_from(m)
        for target, on in joins:
            statement = statement.join(target, on)
        keys = [value] if label is None else [value, label]
        statements.append(statement.group_by(*keys))

    if "position" in facets:
        add("position", m.c.position, None, func.count())
    if "session" in facets or "cycle" in facets:
        add("session", m.c.session_number, None, func.count())
    states = (RecommendingState, col(RecommendingState.recommendation_id) == m.c.id)
    of_state = (State, col(State.iso3) == col(RecommendingState.iso3))
    if "recommending_state" in facets:
        add("recommending_state", col(State.iso3), col(State.name), func.count(), states, of_state)
    if "recommending_state_group" in facets:
        count = func.count(distinct(m.c.id))
        add("recommending_state_group", col(State.regional_group), None, count, states, of_state)
    link: tuple[Any, Any]
    named: tuple[Any, Any]
    if "theme" in facets:
        link = (RecommendationTheme, col(RecommendationTheme.recommendation_id) == m.c.id)
        named = (Theme, col(Theme.id) == col(RecommendationTheme.theme_id))
        add("theme", col(Theme.id), col(Theme.name), func.count(), link, named)
    if "group" in facets:
        link = (RecommendationGroup, col(RecommendationGroup.recommendation_id) == m.c.id)
        named = (AffectedGroup, col(AffectedGroup.id) == col(RecommendationGroup.group_id))
        add("group", col(AffectedGroup.id), col(AffectedGroup.name), func.count(), link, named)
    if "sdg" in facets:
        link = (RecommendationSdg, col(RecommendationSdg.recommendation_id) == m.c.id)
        named = (Sdg, col(Sdg.code) == col(RecommendationSdg.sdg_code))
        add("sdg", col(Sdg.goal), None, func.count(distinct(m.c.id)), link, named)
    return statements


def _count_facets(
    db: Session, filters: RecommendationFilters, facets: list[str]
) -> dict[str, dict[Any, tuple[str | None, int]]]:
    """facet -> value -> (label, count) for the recommendations matching `filters`."""
    backend = backend_for(db)
    matching = (
        select(col(R.id), col(R.position), col(R.session_number))
        .where(*filters.conditions(backend))
        .cte("matching")
        .prefix_with("MATERIALIZED")
    )
    statement = union_all(*_groupings(matching, facets))
    found: dict[str, dict[Any, tuple[str | None, int]]] = defaultdict(dict)
    for row in read(db, statement).all():
        facet, value, label, count = tuple(row)
        if value is not None:
            found[facet][value] = (label, int(count))
    if "cycle" in facets:
        for session, (_label, count) in found.get("session", {}).items():
            cycle = cycle_of_session(int(session))
            found["cycle"][cycle] = (None, found["cycle"].get(cycle, (None, 0))[1] + count)
    return found


def _label(facet: str, value: Any, label: str | None, sdg_titles: dict[str, str]) -> str:
    if facet == "position":
        from app.web.rendering import position_label

        return position_label(value)
    if facet == "session":
        return f"Session {value}"
    if facet == "cycle":
        return f"Cycle {value}"
    if facet == "sdg":
        title = sdg_titles.get(str(value))
        return f"SDG {value}" + (f": {title}" if title else "")
    return label or str(value)


def _sdg_titles(db: Session) -> dict[str, str]:
    """Goal number -> the goal's title."""
    goals = select(col(Sdg.code), col(Sdg.title)).where(col(Sdg.code).not_like("%.%"))
    return {row.code: row.title for row in read(db, goals) if row.title}


def _ordered(facet: str, values: dict[Any, tuple[str | None, int]]) -> list[tuple[Any, Any]]:
    """Positions and groups in their fixed order, sessions and cycles by number, the others by
    count (largest first) then label."""
    items = list(values.items())
    if facet == "position":
        rank = {p.value: n for n, p in enumerate(Position)}
        return sorted(items, key=lambda kv: rank.get(str(kv[0]), 99))
    if facet == "recommending_state_group":
        rank = {g.value: n for n, g in enumerate(RegionalGroup)}
        return sorted(items, key=lambda kv: rank.get(str(kv[0]), 99))
    if facet in ("session", "cycle", "sdg"):
        return sorted(items, key=lambda kv: int(kv[0]))
    return sorted(items, key=lambda kv: (-kv[1][1], kv[1][0] or ""))


_DIMENSIONS = {
    "position": Dimension.position,
    "recommending_state_group": Dimension.recommending_state_group,
    "recommending_state": Dimension.recommending_state,
    "theme": Dimension.theme,
    "group": Dimension.group,
    "sdg": Dimension.sdg_goal,
    "cycle": Dimension.cycle,
    "session": Dimension.session,
}


def _count_from_tallies(
    db: Session, filters: RecommendationFilters, facets: list[str]
) -> dict[str, dict[Any, tuple[str | None, int]]]:
    """`_count_facets` through the statistics' groupings, which filters on reviews and
    positions alone (or none) answer from the per-review tallies without reading every
    recommendation."""
    found: dict[str, dict[Any, tuple[str | None, int]]] = {}
    for facet in facets:
        groups = stats_queries.grouped(db, filters, [_DIMENSIONS[facet]], by_count=True)
        found[facet] = {
            group.keys[0]: (group.labels[0], group.tally.count)
            for group in groups
            if group.keys[0] is not None
        }
    return found


def _counted(
    db: Session, filters: RecommendationFilters, facets: list[str]
) -> dict[str, dict[Any, tuple[str | None, int]]]:
    if filters.only_review_filters:
        return _count_from_tallies(db, filters, facets)
    return _count_facets(db, filters, facets)


def facet_counts(db: Session, filters: RecommendationFilters) -> dict[str, list[FacetValue]]:
    """Every facet of the search page with its values and counts, in display order."""
    selected = [facet for facet, (_, name) in FACETS.items() if getattr(filters, name)]
    plain = [facet for facet in FACETS if facet not in selected]
    counted = dict(_counted(db, filters, plain)) if plain else {}
    for facet in selected:
        own = _counted(db, without(filters, FACETS[facet][1]), [facet])
        counted[facet] = own.get(facet, {})
    titles = _sdg_titles(db)
    result: dict[str, list[FacetValue]] = {}
    for facet in FACETS:
        values = counted.get(facet, {})
        result[facet] = [
            FacetValue(str(value), _label(facet, value, label, titles), count)
            for value, (label, count) in _ordered(facet, values)
        ]
    return result
