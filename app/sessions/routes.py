"""HTTP routes for cycles and Working Group sessions."""

from fastapi import APIRouter

from app.db import DbDep
from app.kit.pagination import Page
from app.kit.params import CycleQuery, SessionPath
from app.kit.problems import not_found, problem_responses
from app.models.sessions import WorkingGroupSession
from app.sessions import queries
from app.sessions.schemas import CyclePublic, SessionPublic

cycles_router = APIRouter(prefix="/v1/cycles", tags=["cycles"])
router = APIRouter(prefix="/v1/sessions", tags=["sessions"])


@cycles_router.get("", response_model=Page[CyclePublic])
def list_cycles(db: DbDep) -> Page[CyclePublic]:
    """List the UPR cycles and the session numbers each spans."""
    items = [
        CyclePublic.model_validate(cycle, from_attributes=True) for cycle in queries.list_cycles(db)
    ]
    return Page(items=items, total=len(items))


def _public(session: WorkingGroupSession, review_count: int) -> SessionPublic:
    return SessionPublic(
        number=session.number,
        cycle=session.cycle_number,
        start_date=session.start_date,
        end_date=session.end_date,
        review_count=review_count,
    )


@router.get("", response_model=Page[SessionPublic], responses=problem_responses(422))
def list_sessions(db: DbDep, cycle: CycleQuery = None) -> Page[SessionPublic]:
    """List the Working Group sessions in order, optionally of some cycles."""
    items = [_public(session, count) for session, count in queries.list_sessions(db, cycle)]
    return Page(items=items, total=len(items))


@router.get("/{number}", response_model=SessionPublic, responses=problem_responses(404, 422))
def get_session(db: DbDep, number: SessionPath) -> SessionPublic:
    """Get one Working Group session by number."""
    rows = queries.list_sessions(db, None, number=number)
    if not rows:
        raise not_found(f"Working Group session {number}")
    return _public(*rows[0])
