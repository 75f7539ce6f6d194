"""Tables for reviews (one state in one session), their documents, troika and import warnings."""

import datetime as dt

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, Relationship, SQLModel

from app.kit.columns import enum_column
from app.models.states import State
from app.vocab import DataSource, DocumentKind


class Review(SQLModel, table=True):
    """The review of one state in one Working Group session; id like "48-KAZ".

    The `reported_*` totals are what an official source states, kept apart from the
    recommendations actually loaded (which are counted, never stored).
    """

    __table_args__ = (UniqueConstraint("session_number", "state_iso3"),)

    id: str = Field(primary_key=True, max_length=12)
    session_number: int = Field(foreign_key="wg_session.number", index=True)
    state_iso3: str = Field(foreign_key="state.iso3", index=True, max_length=3)
    scheduled_order: int | None = None
    review_date: dt.date | None = None
    meeting_number: int | None = None
    head_of_delegation: str | None = Field(default=None, max_length=300)
    hrc_session: int | None = None
    reported_received: int | None = None
    reported_supported: int | None = None
    reported_noted: int | None = None
    reported_source: str | None = Field(default=None, max_length=300)
    notes: str | None = Field(default=None, sa_column=Column(Text))

    troika: list["TroikaSeat"] = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "order_by": "TroikaSeat.seat"}
    )
    documents: list["Document"] = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "order_by": "Document.id"}
    )
    warnings: list["ReviewWarning"] = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "order_by": "ReviewWarning.id"}
    )


def review_id(session: int, iso3: str) -> str:
    """The natural id of a review: "48-KAZ"."""
    return f"{session}-{iso3}"


class TroikaSeat(SQLModel, table=True):
    """One of the three states that facilitate a review."""

    __tablename__ = "troika_seat"

    review_id: str = Field(foreign_key="review.id", primary_key=True, max_length=12)
    seat: int = Field(primary_key=True, ge=1, le=3)
    iso3: str = Field(foreign_key="state.iso3", index=True, max_length=3)

    state: "State" = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class Document(SQLModel, table=True):
    """An official document of a review (national report, Working Group report, addendum, ...)."""

    __table_args__ = (UniqueConstraint("review_id", "kind", "symbol"),)

    id: int | None = Field(default=None, primary_key=True)
    review_id: str = Field(foreign_key="review.id", index=True, max_length=12)
    kind: DocumentKind = Field(sa_column=enum_column(DocumentKind, nullable=False))
    symbol: str | None = Field(default=None, max_length=60)
    date: dt.date | None = None
    source_file: str | None = Field(default=None, max_length=300)


class ReviewWarning(SQLModel, table=True):
    """A problem an import found with a review's data (e.g. stated totals that disagree)."""

    __tablename__ = "review_warning"

    id: int | None = Field(default=None, primary_key=True)
    review_id: str = Field(foreign_key="review.id", index=True, max_length=12)
    source: str = Field(max_length=300)
    message: str = Field(sa_column=Column(Text, nullable=False))


class Pledge(SQLModel, table=True):
    """A voluntary pledge the state under review made at its review: its own commitment, not a
    recommendation. Id "{session}-{ISO3}-p" and 8 hex digits of a hash of its folded text."""

    id: str = Field(primary_key=True, max_length=40)
    review_id: str = Field(foreign_key="review.id", index=True, max_length=12)
    text: str = Field(sa_column=Column(Text, nullable=False))
    source: DataSource = Field(sa_column=enum_column(DataSource, nullable=False, name="source"))
    reference: str = Field(max_length=300)
    upr_info_action_category: int | None = Field(default=None, ge=1, le=5)
    upr_info_issues: str | None = Field(
        default=None, max_length=1000, description="UPR Info's issues, comma separated."
    )
