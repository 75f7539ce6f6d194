"""HTTP routes for states."""

from fastapi import APIRouter, Query

from app.db import DbDep
from app.kit.pagination import Page
from app.kit.params import Iso3Path
from app.kit.problems import not_found, problem_responses
from app.reviews import queries as review_queries
from app.reviews.schemas import ReviewSummary, review_summaries
from app.states import queries
from app.states.models import State
from app.states.schemas import StateDetail, StatePublic
from app.vocab import RegionalGroup, StateStatus

router = APIRouter(prefix="/v1/states", tags=["states"])


def _get_state(db: DbDep, iso3: str) -> State:
    state = db.get(State, iso3.upper())
    if state is None:
        raise not_found(f"A state with ISO3 code '{iso3.upper()}'")
    return state


@router.get("", response_model=Page[StatePublic], responses=problem_responses(422))
def list_states(
    db: DbDep,
    regional_group: RegionalGroup | None = Query(None, description="Only this UN regional group."),
    status: StateStatus | None = Query(None, description="Only members or only observers."),
) -> Page[StatePublic]:
    """List all UN member and observer states, in name order.

    The list is short (195 states) and always returned whole, with `total`.
    """
    states = queries.list_states(db, regional_group, status)
    items = [StatePublic.model_validate(state) for state in states]
    return Page(items=items, total=len(items))


@router.get("/{iso3}", response_model=StateDetail, responses=problem_responses(404, 422))
def get_state(db: DbDep, iso3: Iso3Path) -> StateDetail:
    """Get one state by its ISO 3166-1 alpha-3 code, with the other names it appears under."""
    state = _get_state(db, iso3)
    return StateDetail(
        iso3=state.iso3,
        name=state.name,
        status=state.status,
        regional_group=state.regional_group,
        aliases=queries.aliases_of(db, state.iso3),
    )


@router.get(
    "/{iso3}/reviews", response_model=Page[ReviewSummary], responses=problem_responses(404, 422)
)
def list_state_reviews(db: DbDep, iso3: Iso3Path) -> Page[ReviewSummary]:
    """List a state's reviews, oldest session first."""
    state = _get_state(db, iso3)
    rows = review_queries.list_reviews(db, iso3=state.iso3)
    loaded = review_queries.loaded_counts(db, [review.id for review, _ in rows])
    items = review_summaries(rows, loaded)
    return Page(items=items, total=len(items))
