"""HTTP routes for reviews."""

from fastapi import APIRouter

from app.db import DbDep
from app.kit.params import ReviewIdPath
from app.kit.problems import not_found, problem_responses
from app.reviews import queries
from app.reviews.schemas import DocumentPublic, PositionCounts, ReviewDetail, review_summaries
from app.states.schemas import StateRef

router = APIRouter(prefix="/v1/reviews", tags=["reviews"])


@router.get("/{review_id}", response_model=ReviewDetail, responses=problem_responses(404, 422))
def get_review(db: DbDep, review_id: ReviewIdPath) -> ReviewDetail:
    """Get one review with its documents, troika, recommendation counts and import warnings.

    `reported_totals` are the numbers an official source states; `recommendation_counts`
    counts what is loaded. Kazakhstan's 4th review (`48-KAZ`), for example, reports
    294 / 259 / 35 while its individual recommendations may not be loaded.
    """
    normalised = review_id.upper()
    found = queries.get_review(db, normalised)
    if found is None:
        raise not_found(f"Review '{normalised}'")
    review, state = found
    by_position = queries.position_counts(db, review.id)
    total = sum(by_position.values())
    counts = PositionCounts(
        total=total,
        without_position=by_position.pop(None, 0),
        **{position.value: count for position, count in by_position.items() if position},
    )
    summary = review_summaries([(review, state)], {review.id: total})[0]
    return ReviewDetail(
        **summary.model_dump(),
        meeting_number=review.meeting_number,
        head_of_delegation=review.head_of_delegation,
        troika=[StateRef.model_validate(seat.state) for seat in review.troika],
        hrc_session=review.hrc_session,
        documents=[
            DocumentPublic.model_validate(doc, from_attributes=True) for doc in review.documents
        ],
        recommendation_counts=counts,
        warnings=[warning.message for warning in review.warnings],
        notes=review.notes,
    )
