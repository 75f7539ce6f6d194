"""SQL for recommendations: filters, natural-order keyset pages and loading of relationships."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, or_, tuple_
from sqlalchemy.orm import joinedload, selectinload
from sqlmodel import Session, col, select

from app.recommendations.models import (
    Recommendation,
    RecommendationGroup,
    RecommendationTheme,
    RecommendingState,
)
from app.vocab import Position, session_range_of_cycle

# (session, state under review, paragraph): the order of the official documents.
NATURAL_ORDER = (
    col(Recommendation.session_number),
    col(Recommendation.state_iso3),
    col(Recommendation.paragraph_major),
    col(Recommendation.paragraph_minor),
)
NATURAL_KEY_TYPES: tuple[type, ...] = (int, str, int, int)


@dataclass(frozen=True)
class RecommendationFilters:
    """The filters of the recommendation list; every field narrows, lists mean "any of"."""

    state_under_review: list[str] | None = None
    recommending_state: list[str] | None = None
    session: list[int] | None = None
    cycle: list[int] | None = None
    position: list[Position] | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        """SQL conditions for the filters that are set."""
        conditions: list[ColumnElement[bool]] = []
        if self.state_under_review:
            conditions.append(col(Recommendation.state_iso3).in_(self.state_under_review))
        if self.recommending_state:
            conditions.append(
                exists().where(
                    RecommendingState.recommendation_id == Recommendation.id,
                    col(RecommendingState.iso3).in_(self.recommending_state),
                )
            )
        if self.session:
            conditions.append(col(Recommendation.session_number).in_(self.session))
        if self.cycle:
            conditions.append(_in_cycles(self.cycle))
        if self.position:
            conditions.append(col(Recommendation.position).in_(self.position))
        return conditions


def _in_cycles(cycles: list[int]) -> ColumnElement[bool]:
    sessions = col(Recommendation.session_number)
    return or_(*(sessions.between(*session_range_of_cycle(cycle)) for cycle in cycles))


def _with_relationships(query: Select[Any]) -> Select[Any]:
    return query.options(
        joinedload(Recommendation.state),  # type: ignore[arg-type]
        selectinload(Recommendation.recommending_states).joinedload(  # type: ignore[arg-type]
            RecommendingState.state  # type: ignore[arg-type]
        ),
        selectinload(Recommendation.theme_links).joinedload(  # type: ignore[arg-type]
            RecommendationTheme.theme  # type: ignore[arg-type]
        ),
        selectinload(Recommendation.group_links).joinedload(  # type: ignore[arg-type]
            RecommendationGroup.group  # type: ignore[arg-type]
        ),
        selectinload(Recommendation.sdg_links),  # type: ignore[arg-type]
        selectinload(Recommendation.external_ids),  # type: ignore[arg-type]
    )


def page_of_recommendations(
    db: Session, filters: RecommendationFilters, limit: int, after: tuple[Any, ...] | None
) -> tuple[list[Recommendation], tuple[Any, ...] | None]:
    """One page in natural order after the key `after`, and the key to continue from (or None)."""
    query = select(Recommendation).where(*filters.conditions())
    if after is not None:
        query = query.where(tuple_(*NATURAL_ORDER) > tuple_(*after))
    query = _with_relationships(query.order_by(*NATURAL_ORDER).limit(limit + 1))
    rows = list(db.exec(query).unique())
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    key = (last.session_number, last.state_iso3, last.paragraph_major, last.paragraph_minor)
    return rows[:limit], key


def count_recommendations(
    db: Session, filters: RecommendationFilters, cap: int
) -> tuple[int, bool]:
    """The number of matching recommendations, counted up to `cap`; and whether it hit the cap."""
    capped = select(Recommendation.id).where(*filters.conditions()).limit(cap + 1).subquery()
    count = db.exec(select(func.count()).select_from(capped)).one()
    return min(count, cap), count > cap


def get_recommendation(db: Session, recommendation_id: str) -> Recommendation | None:
    """One recommendation with its relationships loaded."""
    query = _with_relationships(
        select(Recommendation).where(Recommendation.id == recommendation_id)
    )
    return db.exec(query).unique().first()
