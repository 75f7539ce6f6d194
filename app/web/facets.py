"""The search page's facets: all eight counted from one read of the matching set.

The API's facets (`/v1/recommendations/facets`) count one dimension per statement, each
applying the filters (and the full-text search) again and joining a link table. A page shows
eight facets, so here:

- filters on reviews and positions alone (or none) are counted by the statistics' groupings,
  which the per-review tallies answer without reading the recommendations;
- any other filter or search reads the matching recommendations once (with the same
  conditions as every list, `RecommendationFilters.conditions`), with their stored link keys,
  and counts every facet from those rows: a recommendation counts once per value, as in the
  API (`tests/web/test_facets.py` compares the two).

A facet whose own filter is set is counted without that filter (in a statement of its own), so
that its other values stay visible and can be ticked too ("noted" or "supported").
"""

from __future__ import annotations

import inspect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import select
from sqlmodel import Session, col

from app.db import read
from app.models.recommendations import Recommendation
from app.models.states import State
from app.models.taxonomy import AffectedGroup, Sdg, Theme
from app.recommendations.filters import RecommendationFilters
from app.recommendations.params import recommendation_filters
from app.search import backend_for
from app.stats import queries as stats_queries
from app.stats.dimensions import Dimension
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


def rows(db: Session, statement: Any) -> list[tuple[Any, ...]]:
    """Every row of a plain read, as tuples."""
    return [tuple(row) for row in read(db, statement)]


@dataclass(frozen=True)
class _Names:
    """The small tables the stored link keys point to: state names and groups, theme and
    affected group names, the goal of each SDG code."""

    states: dict[str, tuple[str, str]]
    themes: dict[int, str]
    groups: dict[int, str]
    goals: dict[str, int]

    @classmethod
    def read(cls, db: Session) -> _Names:
        states = select(col(State.iso3), col(State.name), col(State.regional_group))
        return cls(
            states={row.iso3: (row.name, str(row.regional_group)) for row in read(db, states)},
            themes=dict(rows(db, select(col(Theme.id), col(Theme.name)))),
            groups=dict(rows(db, select(col(AffectedGroup.id), col(AffectedGroup.name)))),
            goals=dict(rows(db, select(col(Sdg.code), col(Sdg.goal)))),
        )


Counted = dict[str, dict[Any, tuple[str | None, int]]]


def _count_facets(db: Session, filters: RecommendationFilters, facets: list[str]) -> Counted:
    """facet -> value -> (label, count) for the recommendations matching `filters`.

    One statement reads the matching recommendations' position, session and stored link keys
    (`Recommendation.link_keys`, the keys of their states, themes, groups and SDGs, which the
    importers keep with the links); the values are counted here, each once per
    recommendation, and labelled from the small tables."""
    statement = select(col(R.position), col(R.session_number), col(R.link_keys)).where(
        *filters.conditions(backend_for(db))
    )
    names = _Names.read(db)
    matching = rows(db, statement)
    counters: dict[str, Counter[Any]] = {
        "position": Counter(row[0] for row in matching),
        "session": Counter(row[1] for row in matching),
    }
    wanted = set(facets)
    if wanted & {"recommending_state", "recommending_state_group", "theme", "group", "sdg"}:
        # lists counted once each: far cheaper than updating counters row by row
        keys = [orjson.loads(row[2]) for row in matching]
        group_of, goal_of = names.states, names.goals
        counters["recommending_state"] = Counter(s for k in keys for s in k[0])
        counters["recommending_state_group"] = Counter(
            g for k in keys for g in {group_of[s][1] for s in k[0]}
        )
        counters["theme"] = Counter(t for k in keys for t in k[1])
        counters["group"] = Counter(g for k in keys for g in k[2])
        counters["sdg"] = Counter(
            goal for k in keys for goal in {goal_of[c] for c in k[3] if c in goal_of}
        )
    cycles: Counter[int] = Counter()
    for session, count in counters["session"].items():
        cycles[cycle_of_session(int(session))] += count
    counters["cycle"] = cycles
    labels: dict[str, Callable[[Any], str | None]] = {
        "recommending_state": lambda iso3: names.states.get(iso3, (iso3, ""))[0],
        "theme": names.themes.get,
        "group": names.groups.get,
    }
    found: Counted = {}
    for facet in facets:
        label = labels.get(facet, lambda _value: None)
        found[facet] = {
            value: (label(value), count)
            for value, count in counters.get(facet, Counter()).items()
            if value is not None
        }
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
