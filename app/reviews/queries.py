"""SQL for reviews."""

from collections.abc import Sequence

from sqlalchemy import case, func
from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, select

from app.models.recommendations import (
    Recommendation,
    RecommendationDisagreement,
    RecommendationSource,
)
from app.models.reviews import Pledge, Review, TroikaSeat
from app.models.states import State
from app.vocab import Position


def list_reviews(
    db: Session, *, session: int | None = None, iso3: str | None = None
) -> list[tuple[Review, State]]:
    """Reviews with their state, of one session (in scheduled order) or one state (by session)."""
    query = select(Review, State).join(State, col(State.iso3) == col(Review.state_iso3))
    if session is not None:
        query = query.where(Review.session_number == session).order_by(
            col(Review.scheduled_order).is_(None),
            col(Review.scheduled_order),
            col(Review.review_date),
            col(State.name),
        )
    if iso3 is not None:
        query = query.where(Review.state_iso3 == iso3).order_by(col(Review.session_number))
    return [(review, state) for review, state in db.exec(query)]


def loaded_counts(db: Session, review_ids: Sequence[str]) -> dict[str, int]:
    """Number of recommendations loaded for each of the given reviews."""
    if not review_ids:
        return {}
    query = (
        select(Recommendation.review_id, func.count())
        .where(col(Recommendation.review_id).in_(review_ids))
        .group_by(col(Recommendation.review_id))
    )
    return {review_id: count for review_id, count in db.exec(query)}


def get_review(db: Session, review_id: str) -> tuple[Review, State] | None:
    """A review with its troika, documents and warnings loaded, and its state."""
    query = (
        select(Review, State)
        .join(State, col(State.iso3) == col(Review.state_iso3))
        .where(Review.id == review_id)
        # SQLModel types relationship attributes as the values they hold on an instance, not
        # as the class attributes the loader options take, so the checker cannot match them.
        .options(
            selectinload(Review.troika).joinedload(TroikaSeat.state),  # type: ignore[arg-type]
            selectinload(Review.documents),  # type: ignore[arg-type]
            selectinload(Review.warnings),  # type: ignore[arg-type]
        )
    )
    row = db.exec(query).first()
    return (row[0], row[1]) if row else None


def position_counts(db: Session, review_id: str) -> dict[Position | None, int]:
    """Loaded recommendations of a review by position (None: no position recorded)."""
    query = (
        select(col(Recommendation.position), func.count())
        .where(Recommendation.review_id == review_id)
        .group_by(col(Recommendation.position))
    )
    return {position: count for position, count in db.exec(query)}


def source_counts(db: Session, review_id: str) -> list[tuple[str, int, int]]:
    """Per source of a review's recommendations: (source, recommendations it gave, of which
    some field disagrees with another source's)."""
    source = RecommendationSource
    disagreeing = (
        select(RecommendationDisagreement.recommendation_id)
        .where(
            col(RecommendationDisagreement.recommendation_id) == col(source.recommendation_id),
            (col(RecommendationDisagreement.source) == col(source.source))
            | (col(RecommendationDisagreement.other_source) == col(source.source)),
        )
        .exists()
    )
    query = (
        select(
            source.source,
            func.count(),
            func.sum(case((disagreeing, 1), else_=0)),
        )
        .join(Recommendation, col(Recommendation.id) == col(source.recommendation_id))
        .where(Recommendation.review_id == review_id)
        .group_by(col(source.source))
    )
    return [(name, count, int(conflicts or 0)) for name, count, conflicts in db.exec(query)]


def pledge_count(db: Session, review_id: str) -> int:
    """How many voluntary pledges a review has."""
    return db.exec(select(func.count()).where(Pledge.review_id == review_id)).one()


def pledges_of(db: Session, review_id: str) -> list[Pledge]:
    """A review's voluntary pledges, by id."""
    return list(db.exec(select(Pledge).where(Pledge.review_id == review_id).order_by(Pledge.id)))
