"""API models for implementation tracking."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints, field_validator

from app.kit.bodies import JsonDate, JsonEnum, StrictBody
from app.models.tracking import TrackingEntry, TrackingSource, TrackingStatus
from app.vocab import Interval

EARLIEST_DATE = dt.date(2008, 1, 1)  # the UPR's first session was in April 2008
LIST_SEPARATOR = "|"  # joins several evidence links or indicators in one CSV cell
MAX_ID = 2**31 - 1  # entry ids are 32-bit integers on PostgreSQL

LINE = r"^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$"  # one line, not blank
LIST_ITEM = r"^[^\x00-\x1f\x7f|]*[^\s\x00-\x1f\x7f|][^\x00-\x1f\x7f|]*$"  # and no "|"
EvidenceLink = Annotated[
    str, StringConstraints(max_length=2000, pattern=r"^https?://[^\s|\x00-\x1f\x7f]+$")
]
Indicator = Annotated[str, StringConstraints(min_length=1, max_length=300, pattern=LIST_ITEM)]


class TrackingEntryCreate(StrictBody):
    """A new assessment of a recommendation's implementation (or a correction of one)."""

    status: JsonEnum[TrackingStatus] = Field(examples=["in_progress"])
    status_date: JsonDate = Field(
        description=f"The date the assessment refers to: from {EARLIEST_DATE} (the UPR began "
        "in 2008) to today, not in the future; otherwise a 422.",
        examples=["2025-06-30"],
    )
    source: JsonEnum[TrackingSource] = Field(
        description="Who assessed: the government, the national human rights institution, "
        "civil society or the UN.",
        examples=["government"],
    )
    note: str | None = Field(
        default=None,
        max_length=5000,
        pattern=r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$",
        examples=["Draft amendment to the Criminal Code submitted to the National Assembly."],
    )
    evidence: list[EvidenceLink] = Field(
        default_factory=list,
        max_length=20,
        description="Links (http or https) to documents that support the assessment.",
        examples=[["https://www.gov.si/en/news/2025-06-30-criminal-code-amendment/"]],
    )
    responsible_institution: str | None = Field(
        default=None, max_length=300, pattern=LINE, examples=["Ministry of Justice"]
    )
    indicators: list[Indicator] = Field(
        default_factory=list,
        max_length=20,
        description="Indicators used to assess progress (no '|' in them).",
        examples=[["Number of defamation convictions per year"]],
    )
    supersedes: int | None = Field(
        default=None,
        ge=1,
        le=MAX_ID,
        description="Id of an entry of the same recommendation and source that this one "
        "corrects; an entry can be superseded once.",
    )

    @field_validator("status_date")
    @classmethod
    def _plausible_date(cls, value: dt.date) -> dt.date:
        today = dt.datetime.now(dt.UTC).date()
        if not EARLIEST_DATE <= value <= today:
            raise ValueError(f"must be between {EARLIEST_DATE} and today ({today})")
        return value


class TrackingEntryPublic(BaseModel):
    """One assessment in a recommendation's history."""

    id: int = Field(examples=[17])
    recommendation_id: str = Field(examples=["48-SVN-140.69"])
    status: TrackingStatus
    status_date: dt.date
    source: TrackingSource
    note: str | None
    evidence: list[str]
    responsible_institution: str | None
    indicators: list[str]
    supersedes: int | None = Field(description="The entry this one corrects.")
    superseded_by: int | None = Field(description="The entry that corrects this one, if any.")
    author_key: str = Field(description="Public prefix of the API key that recorded it.")
    recorded_at: dt.datetime


class CurrentStatus(BaseModel):
    """Each source's latest assessment of one recommendation (corrections applied)."""

    recommendation_id: str = Field(examples=["48-SVN-140.69"])
    current: list[TrackingEntryPublic] = Field(
        description="One entry per source that has assessed it, in source order."
    )


class StatusCounts(BaseModel):
    """Recommendations by current status."""

    not_started: int = 0
    in_progress: int = 0
    partially_implemented: int = 0
    fully_implemented: int = 0
    not_implemented: int = 0
    no_longer_relevant: int = 0


class SourceProgress(BaseModel):
    """One source's view of the matching recommendations."""

    source: TrackingSource
    assessed: int = Field(description="Recommendations this source has assessed.")
    not_assessed: int = Field(description="Recommendations this source has not assessed.")
    by_status: StatusCounts


class ProgressPeriod(BaseModel):
    """The state of assessments at the end of one period."""

    period: str = Field(examples=["2025", "2025-Q2", "2025-06"])
    end: dt.date
    by_source: list[SourceProgress]


class ProgressSummary(BaseModel):
    """Implementation progress of a review's or a state's recommendations."""

    scope: str = Field(description="The review id or the state's ISO3 code.", examples=["48-SVN"])
    recommendations: int = Field(description="Recommendations matching the filters.")
    assessed: int = Field(description="Of them, assessed by at least one source.")
    current: list[SourceProgress] = Field(description="Latest assessments, per source.")
    interval: Interval
    timeline: list[ProgressPeriod] = Field(
        description="From the period of the first assessment to that of the last; each "
        "period counts the assessment each source had made last by its end."
    )


class TrackingImportReport(BaseModel):
    """What a CSV upload did (or, on a dry run, would do)."""

    rows: int = Field(examples=[120])
    added: int = Field(examples=[120])
    recommendations: int = Field(description="Distinct recommendations assessed.")
    dry_run: bool
    entry_ids: list[int] = Field(description="Ids of the entries added, in row order.")


def entry_public(
    entry: TrackingEntry, author_key: str, superseded_by: int | None
) -> TrackingEntryPublic:
    """The API view of an entry."""
    assert entry.id is not None
    return TrackingEntryPublic(
        id=entry.id,
        recommendation_id=entry.recommendation_id,
        status=entry.status,
        status_date=entry.status_date,
        source=entry.source,
        note=entry.note,
        evidence=list(entry.evidence),
        responsible_institution=entry.responsible_institution,
        indicators=list(entry.indicators),
        supersedes=entry.supersedes_id,
        superseded_by=superseded_by,
        author_key=author_key,
        recorded_at=entry.recorded_at,
    )
