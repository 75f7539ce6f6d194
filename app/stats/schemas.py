"""API models for facets, statistics and summaries."""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.schemas import PositionCounts, ReviewSummary, StatePublic
from app.stats.dimensions import Dimension
from app.stats.queries import Group, Tally

Value = str | int | None


class TallyPublic(BaseModel):
    """Recommendations counted, by the position the state under review took."""

    count: int = Field(examples=[254])
    supported: int = Field(examples=[217])
    supported_in_part: int = Field(examples=[0])
    noted: int = Field(examples=[37])
    other: int = Field(description="Pending, unclear or without a recorded position.", examples=[0])
    support_rate: float | None = Field(
        description="supported / (supported + supported_in_part + noted), 4 decimals; null "
        "when no position was decided.",
        examples=[0.8543],
    )


def tally_public(tally: Tally) -> TallyPublic:
    """The API view of a tally."""
    return TallyPublic(
        count=tally.count,
        supported=tally.supported,
        supported_in_part=tally.supported_in_part,
        noted=tally.noted,
        other=tally.other,
        support_rate=tally.support_rate,
    )


class StatsRow(TallyPublic):
    """One combination of the grouping's values and its counts."""

    keys: dict[str, Value] = Field(
        examples=[{"recommending_state_group": "Eastern European", "position": "supported"}]
    )
    labels: dict[str, str | None] = Field(
        description="Names for coded values (states, themes, groups, SDG targets).",
        examples=[{"recommending_state_group": None, "position": None}],
    )


class StatsResponse(BaseModel):
    """Recommendations matching the filters, counted by one or two dimensions."""

    group_by: list[Dimension] = Field(examples=[["recommending_state_group", "position"]])
    total: TallyPublic
    rows: list[StatsRow]


def stats_rows(dimensions: list[Dimension], groups: list[Group]) -> list[StatsRow]:
    """API rows of a grouping."""
    names = [dimension.value for dimension in dimensions]
    return [
        StatsRow(
            keys=dict(zip(names, group.keys, strict=True)),
            labels=dict(zip(names, group.labels, strict=True)),
            **tally_public(group.tally).model_dump(),
        )
        for group in groups
    ]


class FacetValue(BaseModel):
    """A value of a facet and how many matching recommendations have it."""

    value: Value = Field(examples=[13])
    label: str | None = Field(examples=["Equality & non-discrimination"])
    count: int = Field(examples=[98])


def facet_values(groups: list[Group]) -> list[FacetValue]:
    """API values of a one-dimensional grouping."""
    return [
        FacetValue(value=group.keys[0], label=group.labels[0], count=group.tally.count)
        for group in groups
    ]


class Facet(BaseModel):
    """The values of one facet, most frequent first."""

    facet: Dimension
    values: list[FacetValue]
    truncated: bool = Field(description="True when more values exist than `facet_size`.")


class FacetsResponse(BaseModel):
    """Facet counts over the recommendations matching the filters."""

    total: int = Field(description="Recommendations matching the filters.", examples=[514])
    facets: list[Facet]


class ReviewStats(BaseModel):
    """A review's recommendations at a glance."""

    review: ReviewSummary
    positions: PositionCounts
    support_rate: float | None = Field(examples=[0.8543])
    recommending_states: int = Field(
        description="Number of different states that made recommendations.", examples=[87]
    )
    recommending_state_groups: list[FacetValue] = Field(
        description="Recommendations by the recommending states' regional groups."
    )
    top_themes: list[FacetValue] = Field(description="The ten most frequent themes.")
    warnings: list[str] = Field(description="Problems the imports found with this review.")


class ReceivedInCycle(TallyPublic):
    """Recommendations a state received in one cycle."""

    cycle: int = Field(examples=[4])
    reviews: list[str] = Field(examples=[["48-SVN"]])
    recommending_states: int = Field(examples=[87])


class MadeInCycle(TallyPublic):
    """Recommendations a state made in one cycle, and how the reviewed states responded."""

    cycle: int = Field(examples=[4])
    states_recommended_to: int = Field(examples=[1])


class Received(BaseModel):
    """Recommendations made to the state."""

    total: TallyPublic
    by_cycle: list[ReceivedInCycle]


class Made(BaseModel):
    """Recommendations the state made to others (among the loaded ones)."""

    total: TallyPublic
    by_cycle: list[MadeInCycle]


class StateStats(BaseModel):
    """A state's recommendations received and made, per cycle."""

    state: StatePublic
    received: Received
    made: Made
