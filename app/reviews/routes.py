"""HTTP routes for reviews."""

import json

from fastapi import APIRouter

from app.auth.deps import WriteKey
from app.db import DbDep
from app.kit.pagination import Page
from app.kit.params import Iso3Path, ReviewIdPath, SessionPath
from app.kit.problems import not_found, problem_example, problem_responses
from app.linking.queries import novelty_counts
from app.models.reviews import Review
from app.models.sessions import WorkingGroupSession
from app.models.states import State
from app.reviews import queries
from app.reviews.schemas import (
    DocumentPublic,
    PledgePublic,
    ReviewDetail,
    ReviewSource,
    ReviewUpdate,
    review_novelty,
)
from app.schemas import PositionCounts, ReviewSummary, StateRef, review_summaries
from app.unit_of_work import UnitOfWorkDep
from app.vocab import DataSource

router = APIRouter(prefix="/v1/reviews", tags=["reviews"])
# a state's and a session's reviews, served here with the reviews
states_router = APIRouter(prefix="/v1/states", tags=["states"])
sessions_router = APIRouter(prefix="/v1/sessions", tags=["sessions"])


@router.get("/{review_id}", response_model=ReviewDetail, responses=problem_responses(404, 422))
def get_review(db: DbDep, review_id: ReviewIdPath) -> ReviewDetail:
    """Get one review with its documents, troika, recommendation counts and import warnings.

    `reported_totals` are the numbers an official source states; `recommendation_counts`
    counts what is loaded. Kazakhstan's 4th review (`48-KAZ`), for example, reports
    294 / 259 / 35 while its individual recommendations may not be loaded.
    """
    return _detail(db, review_id.upper())


@router.patch(
    "/{review_id}",
    response_model=ReviewDetail,
    responses=problem_responses(
        401,
        403,
        404,
        413,
        422,
        examples={
            "a value of another type": problem_example(
                422,
                "invalid-request",
                "body.reported_noted: Input should be a valid integer",
                ("body.reported_noted", "Input should be a valid integer"),
            )
        },
    ),
)
def update_review(
    work: UnitOfWorkDep, key: WriteKey, review_id: ReviewIdPath, body: ReviewUpdate
) -> ReviewDetail:
    """Set or correct a review's facts: reported totals and their source, date, meeting, notes.

    Only the fields sent change (JSON merge patch; `null` clears one). Later imports of
    official documents may overwrite what is set here. Needs an API key with the `write`
    scope; audited with the fields changed. The body is checked strictly: a value of another
    JSON type than the documented one (`false` or `"35"` for a count) is a 422 problem naming
    the field.
    """
    db = work.db
    normalised = review_id.upper()
    review = db.get(Review, normalised)
    if review is None:
        raise not_found(f"Review '{normalised}'")
    changes = {
        name: value
        for name, value in body.model_dump(exclude_unset=True).items()
        if getattr(review, name) != value
    }
    if changes:
        for name, value in changes.items():
            setattr(review, name, value)
        db.flush()
        work.changes.data_changed()
        work.audit(key, "review.update", normalised, json.dumps(changes, default=str))
    return _detail(db, normalised)


def _detail(db: DbDep, normalised: str) -> ReviewDetail:
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
        novelty=review_novelty(novelty_counts(db, [review.id]).get(review.id)),
        sources=[
            ReviewSource(
                source=DataSource(source),
                is_document=DataSource(source).is_document,
                recommendations=count,
                in_conflict=conflicts,
            )
            for source, count, conflicts in sorted(
                queries.source_counts(db, review.id), key=lambda row: -DataSource(row[0]).text_rank
            )
        ],
        pledges=queries.pledge_count(db, review.id),
        warnings=[warning.message for warning in review.warnings],
        notes=review.notes,
    )


@router.get(
    "/{review_id}/pledges",
    response_model=Page[PledgePublic],
    responses=problem_responses(404, 422),
    summary="List a review's voluntary pledges",
)
def list_pledges(db: DbDep, review_id: ReviewIdPath) -> Page[PledgePublic]:
    """The voluntary pledges the state under review made at this review: its own commitments,
    kept apart from the recommendations (imported from UPR Info's export of pledges)."""
    normalised = review_id.upper()
    if db.get(Review, normalised) is None:
        raise not_found(f"Review '{normalised}'")
    items = [
        PledgePublic(
            id=pledge.id,
            review_id=pledge.review_id,
            text=pledge.text,
            source=pledge.source,
            reference=pledge.reference,
            upr_info_action_category=pledge.upr_info_action_category,
            upr_info_issues=pledge.upr_info_issues.split(",") if pledge.upr_info_issues else [],
        )
        for pledge in queries.pledges_of(db, normalised)
    ]
    return Page(items=items, total=len(items))


@states_router.get(
    "/{iso3}/reviews", response_model=Page[ReviewSummary], responses=problem_responses(404, 422)
)
def list_state_reviews(db: DbDep, iso3: Iso3Path) -> Page[ReviewSummary]:
    """List a state's reviews, oldest session first."""
    state = db.get(State, iso3.upper())
    if state is None:
        raise not_found(f"A state with ISO3 code '{iso3.upper()}'")
    rows = queries.list_reviews(db, iso3=state.iso3)
    loaded = queries.loaded_counts(db, [review.id for review, _ in rows])
    items = review_summaries(rows, loaded)
    return Page(items=items, total=len(items))


@sessions_router.get(
    "/{number}/reviews", response_model=Page[ReviewSummary], responses=problem_responses(404, 422)
)
def list_session_reviews(db: DbDep, number: SessionPath) -> Page[ReviewSummary]:
    """List the reviews of a session in their scheduled order."""
    if db.get(WorkingGroupSession, number) is None:
        raise not_found(f"Working Group session {number}")
    rows = queries.list_reviews(db, session=number)
    loaded = queries.loaded_counts(db, [review.id for review, _ in rows])
    items = review_summaries(rows, loaded)
    return Page(items=items, total=len(items))
