"""What the home page and a session's page show, read with the API's query functions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import distinct, func, select
from sqlmodel import Session, col

from app.db import read
from app.models.reviews import Review
from app.models.sessions import WorkingGroupSession
from app.models.states import State
from app.models.stats import ALL, ReviewTally
from app.recommendations.filters import RecommendationFilters
from app.reviews import queries as review_queries
from app.sessions import queries as session_queries
from app.stats import queries as stats_queries
from app.stats.dimensions import Dimension
from app.stats.queries import Tally
from app.vocab import Position

FEATURED_SESSION = 48
LATEST_SESSIONS = 6


@dataclass(frozen=True)
class ReviewRow:
    """One review in a table: its state, date, loaded counts and the totals a source reports."""

    id: str
    session: int
    state_iso3: str
    state_name: str
    review_date: dt.date | None
    scheduled_order: int | None
    loaded: Tally
    reported_received: int | None
    reported_supported: int | None
    reported_noted: int | None
    reported_source: str | None

    @property
    def reported_differs(self) -> bool:
        """Whether the totals a source reports differ from the counts loaded."""
        reported = (self.reported_received, self.reported_supported, self.reported_noted)
        loaded = (self.loaded.count, self.loaded.supported, self.loaded.noted)
        return any(r is not None and r != n for r, n in zip(reported, loaded, strict=True))


def _empty() -> Tally:
    return Tally(0, 0, 0, 0)


def tallies_by_review(db: Session, filters: RecommendationFilters) -> dict[str, Tally]:
    """Review id -> the tally of its loaded recommendations matching `filters` (review and
    position filters only: answered from the per-review tallies)."""
    found: dict[str, dict[Any, int]] = {}
    groups = stats_queries.grouped(
        db, filters, [Dimension.session, Dimension.state_under_review, Dimension.position]
    )
    for group in groups:
        session, iso3, position = group.keys
        found.setdefault(f"{session}-{iso3}", {})[position] = group.tally.count
    return {
        review_id: Tally(
            count=sum(counts.values()),
            supported=counts.get(Position.supported, 0),
            supported_in_part=counts.get(Position.supported_in_part, 0),
            noted=counts.get(Position.noted, 0),
        )
        for review_id, counts in found.items()
    }


def review_rows(rows: list[tuple[Review, State]], tallies: dict[str, Tally]) -> list[ReviewRow]:
    """Table rows of (review, state) pairs with their tallies."""
    return [
        ReviewRow(
            id=review.id,
            session=review.session_number,
            state_iso3=state.iso3,
            state_name=state.name,
            review_date=review.review_date,
            scheduled_order=review.scheduled_order,
            loaded=tallies.get(review.id, _empty()),
            reported_received=review.reported_received,
            reported_supported=review.reported_supported,
            reported_noted=review.reported_noted,
            reported_source=review.reported_source,
        )
        for review, state in rows
    ]


@dataclass(frozen=True)
class SessionRow:
    """A Working Group session with its number of reviews and of loaded recommendations."""

    number: int
    cycle: int
    start_date: dt.date | None
    end_date: dt.date | None
    reviews: int
    recommendations: int


def _session_rows(db: Session) -> list[SessionRow]:
    loaded = {
        group.keys[0]: group.tally.count
        for group in stats_queries.grouped(db, RecommendationFilters(), [Dimension.session])
    }
    return [
        SessionRow(
            number=session.number,
            cycle=session.cycle_number,
            start_date=session.start_date,
            end_date=session.end_date,
            reviews=reviews,
            recommendations=loaded.get(session.number, 0),
        )
        for session, reviews in session_queries.list_sessions(db, None)
    ]


def coverage(db: Session) -> tuple[int, int, int]:
    """How many reviews, states under review and sessions have recommendations loaded, read
    from the per-review tallies' totals (a few rows per review)."""
    tally = ReviewTally
    statement = select(
        func.count(distinct(col(tally.review_id))),
        func.count(distinct(col(tally.state_iso3))),
        func.count(distinct(col(tally.session_number))),
    ).where(col(tally.dimension) == ALL, col(tally.count) > 0)
    reviews, states, sessions = tuple(read(db, statement).one())
    return int(reviews), int(states), int(sessions)


def home(db: Session, today: dt.date | None = None) -> dict[str, Any]:
    """The home page: headline counts, the latest sessions held with reviews recorded, the
    featured session's reviews."""
    today = today or dt.date.today()
    everything = RecommendationFilters()
    sessions = _session_rows(db)
    held = [s for s in sessions if s.reviews and (s.start_date is None or s.start_date <= today)]
    reviews, states, loaded_sessions = coverage(db)
    featured = RecommendationFilters(session=[FEATURED_SESSION])
    return {
        "total": stats_queries.total(db, everything),
        "states_reviewed": states,
        "sessions_loaded": loaded_sessions,
        "reviews_loaded": reviews,
        "latest_sessions": list(reversed(held))[:LATEST_SESSIONS],
        "featured_session": FEATURED_SESSION,
        "featured_reviews": review_rows(
            review_queries.list_reviews(db, session=FEATURED_SESSION),
            tallies_by_review(db, featured),
        ),
    }


def session_page(db: Session, number: int) -> dict[str, Any] | None:
    """A session's page: its dates and its reviews; None when there is no such session."""
    session = db.get(WorkingGroupSession, number)
    if session is None:
        return None
    filters = RecommendationFilters(session=[number])
    rows = review_rows(
        review_queries.list_reviews(db, session=number), tallies_by_review(db, filters)
    )
    return {
        "session": session,
        "reviews": rows,
        "total": stats_queries.total(db, filters),
        "previous": number - 1 if db.get(WorkingGroupSession, number - 1) else None,
        "next": number + 1 if db.get(WorkingGroupSession, number + 1) else None,
    }
