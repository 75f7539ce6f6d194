"""API models for reviews."""

import datetime as dt

from pydantic import BaseModel, Field

from app.kit.bodies import JsonDate, StrictBody
from app.linking.schemas import ReviewNovelty
from app.models.reviews import Review
from app.models.states import State
from app.states.schemas import StateRef
from app.vocab import DataSource, DocumentKind, cycle_of_session


class ReportedTotals(BaseModel):
    """Totals an official source states for a review, kept apart from the loaded recommendations."""

    received: int | None = Field(examples=[294])
    supported: int | None = Field(examples=[259])
    noted: int | None = Field(examples=[35])
    source: str | None = Field(
        examples=["Statement of Kazakhstan at the adoption of its UPR outcome, HRC 59"]
    )


class PositionCounts(BaseModel):
    """Recommendations loaded for a review, by the position the state took."""

    total: int = Field(examples=[254])
    supported: int = Field(default=0, examples=[217])
    noted: int = Field(default=0, examples=[37])
    supported_in_part: int = 0
    pending: int = 0
    unclear: int = 0
    without_position: int = Field(default=0, description="Loaded with no position recorded.")


class ReviewSummary(BaseModel):
    """One state's review in one Working Group session."""

    id: str = Field(examples=["48-KAZ"])
    session: int = Field(examples=[48])
    cycle: int = Field(examples=[4])
    state: StateRef
    scheduled_order: int | None = Field(examples=[7])
    review_date: dt.date | None = Field(examples=["2025-01-23"])
    reported_totals: ReportedTotals | None
    loaded_recommendations: int = Field(
        description="Recommendations actually loaded for this review.", examples=[0]
    )


class DocumentPublic(BaseModel):
    """An official document of a review."""

    kind: DocumentKind
    symbol: str | None = Field(examples=["A/HRC/WG.6/48/KAZ/1"])
    date: dt.date | None


class ReviewSource(BaseModel):
    """How many of a review's recommendations one source gave, and how many disagree."""

    source: DataSource = Field(examples=["sdg_explorer"])
    is_document: bool
    recommendations: int = Field(examples=[188])
    in_conflict: int = Field(
        description="Of these, recommendations on which this source disagrees with another "
        "on some field (see `/v1/recommendations?review=…&disagreement=any&data_source=…`).",
        examples=[3],
    )


class PledgePublic(BaseModel):
    """A voluntary pledge the state under review made at its review (not a recommendation)."""

    id: str = Field(examples=["19-ALB-p1a2b3c4d"])
    review_id: str = Field(examples=["19-ALB"])
    text: str
    source: DataSource = Field(examples=["upr_info"])
    reference: str = Field(examples=["voluntary.csv row 2"])
    upr_info_action_category: int | None = Field(examples=[5])
    upr_info_issues: list[str] = Field(examples=[["Minorities"]])


class ReviewDetail(ReviewSummary):
    """A review with its facilitators, documents, loaded counts and import warnings."""

    meeting_number: int | None = Field(examples=[13])
    head_of_delegation: str | None = Field(examples=["Yerlan Sarsembayev, Minister of Justice"])
    troika: list[StateRef]
    hrc_session: int | None = Field(
        description="Human Rights Council session that adopted the outcome.", examples=[59]
    )
    documents: list[DocumentPublic]
    recommendation_counts: PositionCounts
    novelty: ReviewNovelty | None = Field(
        default=None,
        description="New and repeated recommendations (compared with the state's earlier "
        "cycles); null until the review is linked.",
    )
    sources: list[ReviewSource] = Field(
        description="Per source, the recommendations it gave and how many are in conflict, "
        "highest-ranked source first."
    )
    pledges: int = Field(description="Voluntary pledges loaded for the review.", examples=[0])
    warnings: list[str]
    notes: str | None


def reported_totals_of(review: Review) -> ReportedTotals | None:
    """The review's stated totals, or None when no source gave any."""
    if review.reported_received is None and review.reported_supported is None:
        return None
    return ReportedTotals(
        received=review.reported_received,
        supported=review.reported_supported,
        noted=review.reported_noted,
        source=review.reported_source,
    )


def review_summaries(
    rows: list[tuple[Review, State]], loaded: dict[str, int]
) -> list[ReviewSummary]:
    """API summaries of (review, state) rows with their loaded recommendation counts."""
    return [
        ReviewSummary(
            id=review.id,
            session=review.session_number,
            cycle=cycle_of_session(review.session_number),
            state=StateRef(iso3=state.iso3, name=state.name),
            scheduled_order=review.scheduled_order,
            review_date=review.review_date,
            reported_totals=reported_totals_of(review),
            loaded_recommendations=loaded.get(review.id, 0),
        )
        for review, state in rows
    ]


NoControl = r"^[^\x00]*$"


class ReviewUpdate(StrictBody):
    """Facts of a review a curator may set or correct; only the fields sent change (null clears).

    `reported_*` are the totals an official source states (with that source).
    """

    review_date: JsonDate | None = Field(default=None, examples=["2025-01-23"])
    meeting_number: int | None = Field(default=None, ge=1, le=1000, examples=[9])
    head_of_delegation: str | None = Field(default=None, max_length=300, pattern=NoControl)
    hrc_session: int | None = Field(default=None, ge=1, le=999, examples=[59])
    reported_received: int | None = Field(default=None, ge=0, le=100_000, examples=[294])
    reported_supported: int | None = Field(default=None, ge=0, le=100_000, examples=[259])
    reported_noted: int | None = Field(default=None, ge=0, le=100_000, examples=[35])
    reported_source: str | None = Field(
        default=None,
        max_length=300,
        pattern=NoControl,
        examples=["Statement of Kazakhstan at the adoption of its UPR outcome, HRC 59"],
    )
    notes: str | None = Field(default=None, max_length=10_000, pattern=NoControl)
