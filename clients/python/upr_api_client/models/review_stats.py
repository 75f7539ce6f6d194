from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.facet_value import FacetValue
    from ..models.position_counts import PositionCounts
    from ..models.review_summary import ReviewSummary


T = TypeVar("T", bound="ReviewStats")


@_attrs_define
class ReviewStats:
    """A review's recommendations at a glance.

    Attributes:
        review (ReviewSummary): One state's review in one Working Group session.
        positions (PositionCounts): Recommendations loaded for a review, by the position the state took.
        support_rate (float | None):
        recommending_states (int): Number of different states that made recommendations.
        recommending_state_groups (list[FacetValue]): Recommendations by the recommending states' regional groups.
        top_themes (list[FacetValue]): The ten most frequent themes.
        warnings (list[str]): Problems the imports found with this review.
    """

    review: ReviewSummary
    positions: PositionCounts
    support_rate: float | None
    recommending_states: int
    recommending_state_groups: list[FacetValue]
    top_themes: list[FacetValue]
    warnings: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        review = self.review.to_dict()

        positions = self.positions.to_dict()

        support_rate: float | None
        support_rate = self.support_rate

        recommending_states = self.recommending_states

        recommending_state_groups = []
        for recommending_state_groups_item_data in self.recommending_state_groups:
            recommending_state_groups_item = recommending_state_groups_item_data.to_dict()
            recommending_state_groups.append(recommending_state_groups_item)

        top_themes = []
        for top_themes_item_data in self.top_themes:
            top_themes_item = top_themes_item_data.to_dict()
            top_themes.append(top_themes_item)

        warnings = self.warnings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "review": review,
                "positions": positions,
                "support_rate": support_rate,
                "recommending_states": recommending_states,
                "recommending_state_groups": recommending_state_groups,
                "top_themes": top_themes,
                "warnings": warnings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.facet_value import FacetValue  # noqa: PLC0415
        from ..models.position_counts import PositionCounts  # noqa: PLC0415
        from ..models.review_summary import ReviewSummary  # noqa: PLC0415

        d = dict(src_dict)
        review = ReviewSummary.from_dict(d.pop("review"))

        positions = PositionCounts.from_dict(d.pop("positions"))

        def _parse_support_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        support_rate = _parse_support_rate(d.pop("support_rate"))

        recommending_states = d.pop("recommending_states")

        recommending_state_groups = []
        _recommending_state_groups = d.pop("recommending_state_groups")
        for recommending_state_groups_item_data in _recommending_state_groups:
            recommending_state_groups_item = FacetValue.from_dict(recommending_state_groups_item_data)

            recommending_state_groups.append(recommending_state_groups_item)

        top_themes = []
        _top_themes = d.pop("top_themes")
        for top_themes_item_data in _top_themes:
            top_themes_item = FacetValue.from_dict(top_themes_item_data)

            top_themes.append(top_themes_item)

        warnings = cast(list[str], d.pop("warnings"))

        review_stats = cls(
            review=review,
            positions=positions,
            support_rate=support_rate,
            recommending_states=recommending_states,
            recommending_state_groups=recommending_state_groups,
            top_themes=top_themes,
            warnings=warnings,
        )

        review_stats.additional_properties = d
        return review_stats

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
