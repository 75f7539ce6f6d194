from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MadeInCycle")


@_attrs_define
class MadeInCycle:
    """Recommendations a state made in one cycle, and how the reviewed states responded.

    Attributes:
        count (int):
        supported (int):
        supported_in_part (int):
        noted (int):
        other (int): Pending, unclear or without a recorded position.
        support_rate (float | None): supported / (supported + supported_in_part + noted), 4 decimals; null when no
            position was decided.
        cycle (int):
        states_recommended_to (int):
    """

    count: int
    supported: int
    supported_in_part: int
    noted: int
    other: int
    support_rate: float | None
    cycle: int
    states_recommended_to: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        supported = self.supported

        supported_in_part = self.supported_in_part

        noted = self.noted

        other = self.other

        support_rate: float | None
        support_rate = self.support_rate

        cycle = self.cycle

        states_recommended_to = self.states_recommended_to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "supported": supported,
                "supported_in_part": supported_in_part,
                "noted": noted,
                "other": other,
                "support_rate": support_rate,
                "cycle": cycle,
                "states_recommended_to": states_recommended_to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        supported = d.pop("supported")

        supported_in_part = d.pop("supported_in_part")

        noted = d.pop("noted")

        other = d.pop("other")

        def _parse_support_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        support_rate = _parse_support_rate(d.pop("support_rate"))

        cycle = d.pop("cycle")

        states_recommended_to = d.pop("states_recommended_to")

        made_in_cycle = cls(
            count=count,
            supported=supported,
            supported_in_part=supported_in_part,
            noted=noted,
            other=other,
            support_rate=support_rate,
            cycle=cycle,
            states_recommended_to=states_recommended_to,
        )

        made_in_cycle.additional_properties = d
        return made_in_cycle

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
