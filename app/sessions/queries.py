"""SQL for cycles and sessions."""

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.models.reviews import Review
from app.models.sessions import Cycle, WorkingGroupSession


def list_cycles(db: Session) -> list[Cycle]:
    """All cycles in order."""
    return list(db.exec(select(Cycle).order_by(col(Cycle.number))))


def list_sessions(
    db: Session, cycles: list[int] | None, number: int | None = None
) -> list[tuple[WorkingGroupSession, int]]:
    """Sessions in order with their number of reviews, optionally of some cycles or one number."""
    review_count = (
        select(func.count())
        .where(Review.session_number == WorkingGroupSession.number)
        .correlate(WorkingGroupSession)
        .scalar_subquery()
    )
    query = select(WorkingGroupSession, review_count).order_by(col(WorkingGroupSession.number))
    if cycles:
        query = query.where(col(WorkingGroupSession.cycle_number).in_(cycles))
    if number is not None:
        query = query.where(WorkingGroupSession.number == number)
    return [(session, count) for session, count in db.exec(query)]
