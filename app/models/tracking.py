"""The tracking table and its closed vocabularies.

Entries are append-only: the API has no update or delete path, and triggers made by the
migration refuse `UPDATE` and `DELETE` on the table on both databases. A correction is a new
entry whose `supersedes_id` names the entry it replaces (each entry can be superseded once).
"""

import datetime as dt
from enum import StrEnum

from sqlalchemy import JSON, Column, Index, Text
from sqlmodel import Field, SQLModel

from app.kit.columns import enum_column


class TrackingStatus(StrEnum):
    """How far a recommendation has been implemented, in the assessor's view."""

    not_started = "not_started"
    in_progress = "in_progress"
    partially_implemented = "partially_implemented"
    fully_implemented = "fully_implemented"
    not_implemented = "not_implemented"
    no_longer_relevant = "no_longer_relevant"


class TrackingSource(StrEnum):
    """Who made the assessment."""

    government = "government"
    nhri = "nhri"
    civil_society = "civil_society"
    un = "un"


class TrackingEntry(SQLModel, table=True):
    """One assessment of a recommendation's implementation, as of `status_date`."""

    __tablename__ = "tracking_entry"
    __table_args__ = (
        Index("ix_tracking_entry_history", "recommendation_id", "source", "status_date", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    recommendation_id: str = Field(foreign_key="recommendation.id", max_length=40)
    status: TrackingStatus = Field(
        sa_column=enum_column(TrackingStatus, nullable=False, name="tracking_status")
    )
    status_date: dt.date = Field(index=True)
    source: TrackingSource = Field(
        sa_column=enum_column(TrackingSource, nullable=False, name="tracking_source")
    )
    note: str | None = Field(default=None, sa_column=Column(Text))
    evidence: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    responsible_institution: str | None = Field(default=None, max_length=300)
    indicators: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    author_key_id: int = Field(foreign_key="api_key.id", index=True)
    supersedes_id: int | None = Field(
        default=None, foreign_key="tracking_entry.id", unique=True, nullable=True
    )
    recorded_at: dt.datetime
