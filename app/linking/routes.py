"""HTTP routes for links: a recommendation's related ones, a review's near-identical groups."""

from fastapi import APIRouter

from app.db import DbDep
from app.kit.params import RecommendationIdPath, ReviewIdPath, normalised_recommendation_id
from app.kit.problems import not_found, problem_responses
from app.linking import queries
from app.linking.schemas import (
    NearIdenticalGroup,
    NearIdenticalPublic,
    Novelty,
    RelatedPublic,
    linked_recommendation,
)
from app.linking.similarity import NEAR_IDENTICAL_THRESHOLD, REPEATED_THRESHOLD
from app.models.recommendations import Recommendation
from app.models.reviews import Review
from app.schemas import StateRef

router = APIRouter()


@router.get(
    "/v1/recommendations/{recommendation_id}/related",
    response_model=RelatedPublic,
    responses=problem_responses(404, 422),
    tags=["recommendations"],
)
def get_related_recommendations(
    db: DbDep, recommendation_id: RecommendationIdPath
) -> RelatedPublic:
    """Recommendations similar to this one: made to the same state in earlier cycles (and so
    whether it is **new** or **repeated**), later ones that repeat it, and near-identical ones
    from other states in the same review.

    Similarity is the TF-IDF cosine of the texts' terms (framing words dropped, treaty names
    unified, stemmed); `docs/linking.md` explains the method, the thresholds and their
    measured precision and recall. Links are recomputed after every import.
    """
    normalised = normalised_recommendation_id(recommendation_id)
    item = db.get(Recommendation, normalised)
    if item is None:
        raise not_found(f"Recommendation '{normalised}'")
    found = queries.related(db, normalised)
    linking = queries.linking_state(db, item.review_id)
    novelty = None
    if found["earlier"] and found["earlier"][0].score >= REPEATED_THRESHOLD:
        novelty = Novelty.repeated
    elif linking is not None and not linking.pending:
        novelty = Novelty.new
    return RelatedPublic(
        id=normalised,
        novelty=novelty,
        repeated_threshold=REPEATED_THRESHOLD,
        near_identical_threshold=NEAR_IDENTICAL_THRESHOLD,
        **{group: [linked_recommendation(row) for row in rows] for group, rows in found.items()},
    )


@router.get(
    "/v1/reviews/{review_id}/near-identical",
    response_model=NearIdenticalPublic,
    responses=problem_responses(404, 422),
    tags=["reviews"],
)
def get_near_identical_recommendations(db: DbDep, review_id: ReviewIdPath) -> NearIdenticalPublic:
    """Groups of this review's recommendations that different states made in nearly the same
    words (text similarity at least `threshold`), e.g. five states asking Slovenia to
    "intensify efforts to prevent and combat trafficking in persons" at its 4th review.
    """
    normalised = review_id.upper()
    if db.get(Review, normalised) is None:
        raise not_found(f"Review '{normalised}'")
    linking = queries.linking_state(db, normalised)
    groups = []
    for rows in queries.near_identical_groups(db, normalised):
        states = {iso3: name for row in rows for iso3, name in row.recommending_states}
        groups.append(
            NearIdenticalGroup(
                recommendations=[linked_recommendation(row) for row in rows],
                states=[StateRef(iso3=iso3, name=name) for iso3, name in sorted(states.items())],
            )
        )
    return NearIdenticalPublic(
        review_id=normalised,
        linked=linking is not None and not linking.pending,
        threshold=NEAR_IDENTICAL_THRESHOLD,
        groups=groups,
    )
