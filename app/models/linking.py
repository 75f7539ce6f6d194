"""Tables for links between recommendations and for how far each review has been linked."""

import datetime as dt

from sqlalchemy import Column, Float, Index
from sqlmodel import Field, SQLModel

from app.kit.columns import enum_column
from app.vocab import LinkKind


class RecommendationLink(SQLModel, table=True):
    """`recommendation_id` resembles `related_id` (an earlier cycle's recommendation to the same
    state, or a near-identical one in the same review), with a similarity score in [0, 1]."""

    __tablename__ = "recommendation_link"
    __table_args__ = (
        Index("ix_recommendation_link_kind_score", "recommendation_id", "kind", "score"),
    )

    recommendation_id: str = Field(
        foreign_key="recommendation.id", primary_key=True, max_length=40, ondelete="CASCADE"
    )
    related_id: str = Field(
        foreign_key="recommendation.id",
        primary_key=True,
        index=True,
        max_length=40,
        ondelete="CASCADE",
    )
    kind: LinkKind = Field(sa_column=enum_column(LinkKind, nullable=False, name="link_kind"))
    score: float = Field(sa_column=Column(Float, nullable=False))
    rank: int = Field(ge=1, description="1 for the most similar of its kind.")


class ReviewLinking(SQLModel, table=True):
    """Whether a review's recommendations have been linked since they last changed.

    An import marks the reviews it changed `pending`; linking (right away after a document,
    after the last batch of a UHRI import, or `upr link`) clears the mark. Only linked reviews
    are classified new / repeated.
    """

    __tablename__ = "review_linking"

    review_id: str = Field(foreign_key="review.id", primary_key=True, max_length=12)
    pending: bool = Field(index=True)
    linked_at: dt.datetime | None = None
