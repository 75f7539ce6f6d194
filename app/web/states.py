"""What a state's page shows: its reviews across cycles, support by recommending region, its
top themes over cycles, and the recommendations it made to others."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup
from sqlalchemy import func, select
from sqlmodel import Session, col

from app.models.recommendations import Recommendation as R
from app.models.recommendations import RecommendingState
from app.models.states import State
from app.recommendations.filters import RecommendationFilters
from app.reviews import queries as review_queries
from app.states import queries as state_queries
from app.stats import queries as stats_queries
from app.stats.dimensions import Dimension
from app.stats.queries import Tally
from app.vocab import Position, RegionalGroup, cycle_of_session
from app.web import charts
from app.web.facets import rows
from app.web.home import ReviewRow, review_rows, tallies_by_review
from app.web.rendering import number, ordinal, percent

TOP_THEMES = 8
TOP_RECIPIENTS = 10


@dataclass(frozen=True)
class ThemeRow:
    """A theme with its count in each cycle (in the order of `cycles`)."""

    id: int
    name: str
    counts: list[int]
    total: int


def reviews_chart(state: State, rows: list[ReviewRow]) -> Markup:
    """Received, supported and noted per review; a review without loaded recommendations says
    what its source reports instead."""
    categories = []
    for row in rows:
        note = None
        if not row.loaded.count:
            note = "None of its recommendations is loaded here" + (
                f"; a source reports {row.reported_received:,} received."
                if row.reported_received is not None
                else "."
            )
        categories.append(
            charts.Category(
                label=f"Session {row.session}",
                sublabel=f"{ordinal(cycle_of_session(row.session))} cycle"
                + (f", {row.review_date.year}" if row.review_date else ""),
                values=[row.loaded.count, row.loaded.supported, row.loaded.noted],
                note=note,
            )
        )
    return charts.grouped_bars(
        "reviews-chart",
        f"Recommendations {state.name} received at each review: received, supported, noted",
        [charts.RECEIVED, charts.SUPPORTED, charts.NOTED],
        categories,
    )


def _rate_rows(groups: list[Any]) -> list[tuple[str, Tally]]:
    order = {group.value: n for n, group in enumerate(RegionalGroup)}
    rows = [(str(g.keys[0]), g.tally) for g in groups if g.keys[0] is not None]
    return sorted(rows, key=lambda row: order.get(row[0], 99))


def support_chart(state: State, rows: list[tuple[str, Tally]]) -> Markup:
    """Support rate of the recommendations received, by the recommending states' group."""
    bars = []
    for name, tally in rows:
        decided = tally.supported + tally.supported_in_part + tally.noted
        rate = tally.support_rate
        bars.append(
            charts.Row(
                label=name,
                share=rate or 0.0,
                text=f"{percent(rate)} of {number(decided)} supported",
            )
        )
    return charts.horizontal_bars(
        "support-chart",
        f"Support rate by recommending region, recommendations to {state.name}",
        bars,
    )


def _themes_over_cycles(
    db: Session, filters: RecommendationFilters
) -> tuple[list[int], list[ThemeRow]]:
    """The cycles present and the state's most frequent themes with a count per cycle."""
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    names: dict[int, str] = {}
    for group in stats_queries.grouped(db, filters, [Dimension.cycle, Dimension.theme]):
        cycle, theme_id = group.keys
        if theme_id is None:
            continue
        counts[int(theme_id)][int(cycle)] = group.tally.count
        names[int(theme_id)] = group.labels[1] or str(theme_id)
    cycles = sorted({cycle for per_cycle in counts.values() for cycle in per_cycle})
    ranked = sorted(counts, key=lambda t: (-sum(counts[t].values()), names[t]))[:TOP_THEMES]
    rows = [
        ThemeRow(
            id=theme_id,
            name=names[theme_id],
            counts=[counts[theme_id].get(cycle, 0) for cycle in cycles],
            total=sum(counts[theme_id].values()),
        )
        for theme_id in ranked
    ]
    return cycles, rows


@dataclass
class _Counts:
    count: int = 0
    supported: int = 0
    supported_in_part: int = 0
    noted: int = 0

    def add(self, position: str | None, count: int) -> None:
        self.count += count
        if position in (Position.supported, Position.supported_in_part, Position.noted):
            setattr(self, str(position), getattr(self, str(position)) + count)

    def tally(self) -> Tally:
        return Tally(self.count, self.supported, self.supported_in_part, self.noted)


@dataclass(frozen=True)
class Recipient:
    """A state that `made` recommendations went to, with their tally."""

    iso3: str
    name: str
    tally: Tally


def made_by(db: Session, iso3: str) -> tuple[Tally, list[tuple[int, Tally]], list[Recipient]]:
    """What the state `iso3` recommended to others: in all, per cycle, and to whom most often.

    The statistics' groupings would test every recommendation for this recommending state;
    this reads the state's own `recommending_state` rows (indexed by state) instead, in one
    grouped statement, and sums it here. Counts are the same as
    `/v1/stats/recommendations?recommending_state=...`."""
    statement = (
        select(
            col(R.session_number), col(R.state_iso3), col(State.name), col(R.position), func.count()
        )
        .select_from(RecommendingState)
        .join(R, col(R.id) == col(RecommendingState.recommendation_id))
        .join(State, col(State.iso3) == col(R.state_iso3))
        .where(col(RecommendingState.iso3) == iso3)
        .group_by(col(R.session_number), col(R.state_iso3), col(State.name), col(R.position))
    )
    total = _Counts()
    by_cycle: dict[int, _Counts] = defaultdict(_Counts)
    by_state: dict[tuple[str, str], _Counts] = defaultdict(_Counts)
    for session, to_iso3, to_name, position, count in rows(db, statement):
        total.add(position, count)
        by_cycle[cycle_of_session(int(session))].add(position, count)
        by_state[(to_iso3, to_name)].add(position, count)
    recipients = sorted(by_state.items(), key=lambda kv: (-kv[1].count, kv[0][1]))
    return (
        total.tally(),
        [(cycle, counts.tally()) for cycle, counts in sorted(by_cycle.items())],
        [Recipient(i, n, c.tally()) for (i, n), c in recipients[:TOP_RECIPIENTS]],
    )


def state_page(db: Session, iso3: str) -> dict[str, Any] | None:
    """Everything the state page shows; None when no state has this code."""
    state = db.get(State, iso3.upper())
    if state is None:
        return None
    received = RecommendationFilters(state_under_review=[state.iso3])
    reviews = review_rows(
        review_queries.list_reviews(db, iso3=state.iso3), tallies_by_review(db, received)
    )
    rates = _rate_rows(stats_queries.grouped(db, received, [Dimension.recommending_state_group]))
    cycles, themes = _themes_over_cycles(db, received)
    theme_top = max((count for row in themes for count in row.counts), default=0)
    made, made_by_cycle, recipients = made_by(db, state.iso3)
    return {
        "state": state,
        "aliases": state_queries.aliases_of(db, state.iso3),
        "received": stats_queries.total(db, received),
        "reviews": reviews,
        "reviews_chart": reviews_chart(state, reviews) if reviews else None,
        "rates": rates,
        "support_chart": support_chart(state, rates) if rates else None,
        "cycles": cycles,
        "themes": themes,
        "theme_bars": {
            (row.id, n): charts.mini_bar(count / theme_top if theme_top else 0)
            for row in themes
            for n, count in enumerate(row.counts)
        },
        "made": made,
        "made_by_cycle": made_by_cycle,
        "recipients": recipients,
    }
