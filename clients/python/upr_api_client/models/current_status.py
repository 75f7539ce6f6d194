from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tracking_entry_public import TrackingEntryPublic


T = TypeVar("T", bound="CurrentStatus")


@_attrs_define
class CurrentStatus:
    """Each source's latest assessment of one recommendation (corrections applied).

    Attributes:
        recommendation_id (str):
        current (list[TrackingEntryPublic]): One entry per source that has assessed it, in source order.
    """

    recommendation_id: str
    current: list[TrackingEntryPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recommendation_id = self.recommendation_id

        current = []
        for current_item_data in self.current:
            current_item = current_item_data.to_dict()
            current.append(current_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recommendation_id": recommendation_id,
                "current": current,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tracking_entry_public import TrackingEntryPublic  # noqa: PLC0415

        d = dict(src_dict)
        recommendation_id = d.pop("recommendation_id")

        current = []
        _current = d.pop("current")
        for current_item_data in _current:
            current_item = TrackingEntryPublic.from_dict(current_item_data)

            current.append(current_item)

        current_status = cls(
            recommendation_id=recommendation_id,
            current=current,
        )

        current_status.additional_properties = d
        return current_status

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
