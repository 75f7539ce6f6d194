"""API models for links between recommendations."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from app.linking.queries import RelatedRow
from app.linking.similarity import NEAR_IDENTICAL_THRESHOLD, REPEATED_THRESHOLD
from app.schemas import StateRef
from app.vocab import Position, cycle_of_session


class Novelty(StrEnum):
    """Whether a recommendation was made to the same state in an earlier cycle."""

    new = "new"
    repeated = "repeated"


class LinkedRecommendation(BaseModel):
    """A recommendation linked to another one, with the similarity of their texts."""

    id: str = Field(examples=["20-SVN-115.132"])
    review_id: str = Field(examples=["20-SVN"])
    session: int = Field(examples=[20])
    cycle: int = Field(examples=[2])
    paragraph: str = Field(examples=["115.132"])
    text: str = Field(
        examples=[
            "Bring its national legislation fully in line with international standards on "
            "freedom of expression by decriminalizing defamation in domestic law"
        ]
    )
    position: Position | None
    recommending_states: list[StateRef]
    score: float = Field(
        ge=0, le=1, description="Cosine similarity of the two texts' terms.", examples=[0.52]
    )


class RelatedPublic(BaseModel):
    """What a recommendation resembles: earlier cycles, later cycles and its own review."""

    id: str = Field(examples=["48-SVN-140.69"])
    novelty: Novelty | None = Field(
        description="`repeated` when the best earlier match reaches `repeated_threshold`, "
        "`new` otherwise; null while its review has not been linked."
    )
    repeated_threshold: float = Field(examples=[REPEATED_THRESHOLD])
    near_identical_threshold: float = Field(examples=[NEAR_IDENTICAL_THRESHOLD])
    earlier: list[LinkedRecommendation] = Field(
        description="The most similar recommendations made to the same state in earlier "
        "cycles (up to 5, score at least 0.1), best first."
    )
    later: list[LinkedRecommendation] = Field(
        description="Recommendations of later cycles that repeat this one: it is among their "
        "5 most similar earlier ones with a score reaching `repeated_threshold`; best first."
    )
    near_identical: list[LinkedRecommendation] = Field(
        description="Recommendations of the same review, made by other states, in nearly the "
        "same words."
    )


class NearIdenticalGroup(BaseModel):
    """Recommendations of one review that different states made in nearly the same words."""

    recommendations: list[LinkedRecommendation] = Field(
        description="In paragraph order; `score` is the member's best link within the group."
    )
    states: list[StateRef] = Field(description="Every state that made one of them.")


class NearIdenticalPublic(BaseModel):
    """The near-identical groups of one review."""

    review_id: str = Field(examples=["48-SVN"])
    linked: bool = Field(description="False while the review waits to be linked.")
    threshold: float = Field(examples=[NEAR_IDENTICAL_THRESHOLD])
    groups: list[NearIdenticalGroup]


def linked_recommendation(row: RelatedRow) -> LinkedRecommendation:
    """The API view of a linked recommendation."""
    item = row.recommendation
    return LinkedRecommendation(
        id=item.id,
        review_id=item.review_id,
        session=item.session_number,
        cycle=cycle_of_session(item.session_number),
        paragraph=item.paragraph,
        text=item.text,
        position=item.position,
        recommending_states=[
            StateRef(iso3=iso3, name=name) for iso3, name in row.recommending_states
        ],
        score=row.score,
    )
