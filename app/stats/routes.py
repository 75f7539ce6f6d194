"""HTTP routes for statistics and the review and state summaries."""

from __future__ import annotations

from typing import Annotated

import orjson
from fastapi import APIRouter, Query, Response
from sqlmodel import Session

from app.db import DbDep, run_read
from app.kit.params import Iso3Path, ReviewIdPath
from app.kit.problems import ProblemError, not_found, problem_responses
from app.models.states import State
from app.recommendations.filters import RecommendationFilters
from app.recommendations.params import FiltersDep
from app.reviews import queries as review_queries
from app.schemas import PositionCounts, StatePublic, review_summaries
from app.stats import queries, tallies
from app.stats.dimensions import Dimension
from app.stats.schemas import (
    FacetsResponse,
    Made,
    MadeInCycle,
    Received,
    ReceivedInCycle,
    ReviewStats,
    StateStats,
    StatsResponse,
    facet_values,
    stats_rows,
    tally_public,
)
from app.vocab import cycle_of_session

router = APIRouter(prefix="/v1/stats", tags=["stats"])
summaries_router = APIRouter(prefix="/v1")
facets_router = APIRouter(prefix="/v1/recommendations", tags=["recommendations"])

FACET_SIZE_MAX = 500


@router.get(
    "/recommendations",
    response_model=StatsResponse,
    responses=problem_responses(400, 422),
    summary="Count recommendations by one or two dimensions",
)
def recommendation_stats(
    db: DbDep,
    filters: FiltersDep,
    group_by: Annotated[
        list[Dimension],
        Query(
            min_length=1,
            max_length=2,
            description="One or two dimensions, e.g. `recommending_state_group` and `position`.",
            examples=[["recommending_state_group", "position"]],
        ),
    ],
) -> StatsResponse:
    """Count the recommendations matching the filters by one dimension, or by every
    combination of two, each row with its support rate.

    A recommendation counts once per value of a multi-valued dimension: a recommendation made
    by France and Spain counts once for each state, and once for "Western European and others".
    `support_rate` = supported / (supported + supported in part + noted).
    Example: `group_by=recommending_state_group&group_by=position&state_under_review=SVN`.
    """
    if len(set(group_by)) != len(group_by):
        raise ProblemError(400, "invalid-group-by", "group_by names the same dimension twice.")
    groups = queries.grouped(db, filters, group_by)
    return StatsResponse(
        group_by=group_by,
        total=tally_public(queries.total(db, filters)),
        rows=stats_rows(group_by, groups),
    )


@summaries_router.get(
    "/reviews/{review_id}/summary",
    response_model=ReviewStats,
    responses=problem_responses(404, 422),
    tags=["reviews"],
    summary="Summarise a review's recommendations",
)
def get_review_summary(db: DbDep, review_id: ReviewIdPath) -> ReviewStats:
    """Positions, support rate, number of recommending states and their regional groups, the
    ten most frequent themes and the import warnings of a review, e.g. `48-SVN`:
    254 recommendations, 217 supported and 37 noted."""
    normalised = review_id.upper()
    found = review_queries.get_review(db, normalised)
    if found is None:
        raise not_found(f"Review '{normalised}'")
    review, state = found
    filters = RecommendationFilters(review=[review.id])
    by_position = {
        group.keys[0]: group.tally.count
        for group in queries.grouped(db, filters, [Dimension.position])
    }
    total = sum(by_position.values())
    positions = PositionCounts(
        total=total,
        without_position=by_position.pop(None, 0),
        **{position.value: count for position, count in by_position.items()},
    )
    return ReviewStats(
        review=review_summaries([(review, state)], {review.id: total})[0],
        positions=positions,
        support_rate=queries.total(db, filters).support_rate,
        recommending_states=queries.distinct_count(db, filters, Dimension.recommending_state),
        recommending_state_groups=facet_values(
            queries.grouped(db, filters, [Dimension.recommending_state_group], by_count=True)
        ),
        top_themes=facet_values(
            queries.grouped(db, filters, [Dimension.theme], by_count=True, limit=10)
        ),
        warnings=[warning.message for warning in review.warnings],
    )


@summaries_router.get(
    "/states/{iso3}/summary",
    response_model=StateStats,
    responses=problem_responses(404, 422),
    tags=["states"],
    summary="Summarise the recommendations a state received and made",
)
def get_state_summary(db: DbDep, iso3: Iso3Path) -> StateStats:
    """Recommendations made to the state (per cycle, with its reviews and support rate) and
    made by it to others (per cycle, with how often the reviewed states supported them), e.g.
    `SVN`. Counts are of the recommendations loaded in this instance."""
    state = db.get(State, iso3.upper())
    if state is None:
        raise not_found(f"A state with ISO3 code '{iso3.upper()}'")
    received = RecommendationFilters(state_under_review=[state.iso3])
    made = RecommendationFilters(recommending_state=[state.iso3])
    reviews: dict[int, list[str]] = {}
    for review, _ in review_queries.list_reviews(db, iso3=state.iso3):
        reviews.setdefault(cycle_of_session(review.session_number), []).append(review.id)
    received_states = _per_cycle(db, received, Dimension.recommending_state)
    made_states = _per_cycle(db, made, Dimension.state_under_review)
    return StateStats(
        state=StatePublic.model_validate(state, from_attributes=True),
        received=Received(
            total=tally_public(queries.total(db, received)),
            by_cycle=[
                ReceivedInCycle(
                    cycle=group.keys[0],
                    reviews=reviews.get(group.keys[0], []),
                    recommending_states=received_states.get(group.keys[0], 0),
                    **tally_public(group.tally).model_dump(),
                )
                for group in queries.grouped(db, received, [Dimension.cycle])
            ],
        ),
        made=Made(
            total=tally_public(queries.total(db, made)),
            by_cycle=[
                MadeInCycle(
                    cycle=group.keys[0],
                    states_recommended_to=made_states.get(group.keys[0], 0),
                    **tally_public(group.tally).model_dump(),
                )
                for group in queries.grouped(db, made, [Dimension.cycle])
            ],
        ),
    )


def _per_cycle(db: DbDep, filters: RecommendationFilters, dimension: Dimension) -> dict[int, int]:
    """Number of different values of `dimension` per cycle."""
    counts: dict[int, int] = {}
    for group in queries.grouped(db, filters, [Dimension.cycle, dimension]):
        counts[group.keys[0]] = counts.get(group.keys[0], 0) + 1
    return counts


@facets_router.get(
    "/facets",
    response_model=FacetsResponse,
    responses=problem_responses(400, 422),
    summary="Count recommendations by facet",
)
async def recommendation_facets(
    db: DbDep,
    filters: FiltersDep,
    facet: Annotated[
        list[Dimension],
        Query(
            min_length=1,
            max_length=len(Dimension),
            description="Facets to count; repeat for several.",
            examples=[["position", "theme", "recommending_state_group"]],
        ),
    ],
    facet_size: Annotated[
        int, Query(ge=1, le=FACET_SIZE_MAX, description="Values per facet, most frequent first.")
    ] = 50,
) -> Response:
    """For each requested facet, its values and how many recommendations matching the filters
    (and `q`) have each, most frequent first. A recommendation counts once per value: one made
    by two states counts for both in `recommending_state`.

    Example: `?state_under_review=SVN&facet=position&facet=session` gives, for Slovenia's 514
    loaded recommendations, their split by position and by session (97, 163, 254).
    """
    names = list(dict.fromkeys(facet))
    short = all(tallies.usable(filters, [name]) for name in names)  # counted from the tallies
    return await run_read(db, lambda: _facets(db, filters, names, facet_size), short=short)


def _facets(
    db: Session, filters: RecommendationFilters, names: list[Dimension], size: int
) -> Response:
    """The facets response, encoded as the documented `FacetsResponse` without building its
    models (a hot read)."""
    facets = []
    for name in names:
        groups = queries.grouped(db, filters, [name], by_count=True, limit=size + 1)
        values = [
            {"value": group.keys[0], "label": group.labels[0], "count": group.tally.count}
            for group in groups[:size]
        ]
        facets.append({"facet": name, "values": values, "truncated": len(groups) > size})
    body = {"total": queries.total(db, filters).count, "facets": facets}
    return Response(orjson.dumps(body), media_type="application/json")
