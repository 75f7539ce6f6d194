from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.linked_recommendation import LinkedRecommendation
    from ..models.state_ref import StateRef


T = TypeVar("T", bound="NearIdenticalGroup")


@_attrs_define
class NearIdenticalGroup:
    """Recommendations of one review that different states made in nearly the same words.

    Attributes:
        recommendations (list[LinkedRecommendation]): In paragraph order; `score` is the member's best link within the
            group.
        states (list[StateRef]): Every state that made one of them.
    """

    recommendations: list[LinkedRecommendation]
    states: list[StateRef]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recommendations = []
        for recommendations_item_data in self.recommendations:
            recommendations_item = recommendations_item_data.to_dict()
            recommendations.append(recommendations_item)

        states = []
        for states_item_data in self.states:
            states_item = states_item_data.to_dict()
            states.append(states_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recommendations": recommendations,
                "states": states,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.linked_recommendation import LinkedRecommendation  # noqa: PLC0415
        from ..models.state_ref import StateRef  # noqa: PLC0415

        d = dict(src_dict)
        recommendations = []
        _recommendations = d.pop("recommendations")
        for recommendations_item_data in _recommendations:
            recommendations_item = LinkedRecommendation.from_dict(recommendations_item_data)

            recommendations.append(recommendations_item)

        states = []
        _states = d.pop("states")
        for states_item_data in _states:
            states_item = StateRef.from_dict(states_item_data)

            states.append(states_item)

        near_identical_group = cls(
            recommendations=recommendations,
            states=states,
        )

        near_identical_group.additional_properties = d
        return near_identical_group

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
