"""API shapes that several domains return: a state named in another resource, a theme, a
review's summary and its counts by position. They sit below the domains, which import them
downward (no domain imports another's schemas)."""

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from app.models.reviews import Review
from app.models.states import State
from app.vocab import RegionalGroup, StateStatus, cycle_of_session


class StateRef(BaseModel):
    """A state named in another resource."""

    model_config = ConfigDict(from_attributes=True)

    iso3: str = Field(examples=["KAZ"])
    name: str = Field(examples=["Kazakhstan"])


class StatePublic(StateRef):
    """A UN member or observer state."""

    status: StateStatus
    regional_group: RegionalGroup = Field(examples=["Asia-Pacific"])


class ThemePublic(BaseModel):
    """A human-rights theme."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(examples=[1])
    name: str = Field(examples=["Ratification of & accession to international instruments"])
    code: str | None = Field(
        description="Old UHRI code, where a document gives one.", examples=["A12"]
    )


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
