"""API models for reviews."""

import datetime as dt

from pydantic import BaseModel, Field

from app.kit.bodies import JsonDate, StrictBody
from app.linking.queries import NoveltyCounts
from app.linking.similarity import REPEATED_THRESHOLD
from app.schemas import PositionCounts, ReviewSummary, StateRef
from app.vocab import DataSource, DocumentKind


class ReviewNovelty(BaseModel):
    """A review's loaded recommendations: new, or repeated from an earlier cycle."""

    new: int = Field(examples=[78])
    repeated: int = Field(examples=[176])
    threshold: float = Field(
        description="Similarity to an earlier cycle's recommendation at or above which a "
        "recommendation counts as repeated.",
        examples=[REPEATED_THRESHOLD],
    )


def review_novelty(counts: NoveltyCounts | None) -> ReviewNovelty | None:
    """The API view of a linked review's counts (None while not linked)."""
    if counts is None:
        return None
    return ReviewNovelty(new=counts.new, repeated=counts.repeated, threshold=REPEATED_THRESHOLD)


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
