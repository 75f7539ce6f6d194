"""HTTP routes for recommendations."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.config import get_settings
from app.db import DbDep
from app.kit.pagination import (
    CursorQuery,
    LimitQuery,
    Page,
    decode_cursor,
    encode_cursor,
    set_next_link,
)
from app.kit.params import CycleQuery, Iso3Query, RecommendationIdPath, SessionQuery
from app.kit.problems import not_found, problem_responses
from app.recommendations import queries
from app.recommendations.schemas import RecommendationPublic, recommendation_public
from app.vocab import Position

router = APIRouter(prefix="/v1/recommendations", tags=["recommendations"])


def _upper(codes: list[str] | None) -> list[str] | None:
    return [code.upper() for code in codes] if codes else None


@router.get("", response_model=Page[RecommendationPublic], responses=problem_responses(400, 422))
def list_recommendations(
    request: Request,
    response: Response,
    db: DbDep,
    state_under_review: Iso3Query = None,
    recommending_state: Iso3Query = None,
    session: SessionQuery = None,
    cycle: CycleQuery = None,
    position: Annotated[
        list[Position] | None, Query(description="Position taken; repeat for several.")
    ] = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[RecommendationPublic]:
    """List recommendations in the order of the official documents (session, state, paragraph).

    Filters combine with AND; a repeated filter matches any of its values. Pages are keyset
    pages: follow `next_cursor` (or the `Link: rel="next"` header) until it is null.
    `total` counts matches up to a cap (`UPR_COUNT_CAP`); `total_capped` says it stopped there.
    """
    filters = queries.RecommendationFilters(
        state_under_review=_upper(state_under_review),
        recommending_state=_upper(recommending_state),
        session=session,
        cycle=cycle,
        position=position,
    )
    after = decode_cursor(cursor, queries.NATURAL_KEY_TYPES) if cursor else None
    rows, next_key = queries.page_of_recommendations(db, filters, limit, after)
    total, capped = queries.count_recommendations(db, filters, get_settings().count_cap)
    next_cursor = encode_cursor(next_key) if next_key else None
    set_next_link(request, response, next_cursor)
    return Page(
        items=[recommendation_public(row) for row in rows],
        next_cursor=next_cursor,
        total=total,
        total_capped=capped,
    )


@router.get(
    "/{recommendation_id}",
    response_model=RecommendationPublic,
    responses=problem_responses(404, 422),
)
def get_recommendation(db: DbDep, recommendation_id: RecommendationIdPath) -> RecommendationPublic:
    """Get one recommendation by its id, e.g. `48-SVN-140.7`."""
    normalised = recommendation_id.upper()
    item = queries.get_recommendation(db, normalised)
    if item is None:
        raise not_found(f"Recommendation '{normalised}'")
    return recommendation_public(item)
