from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PositionCounts")


@_attrs_define
class PositionCounts:
    """Recommendations loaded for a review, by the position the state took.

    Attributes:
        total (int):
        supported (int | Unset):  Default: 0.
        noted (int | Unset):  Default: 0.
        supported_in_part (int | Unset):  Default: 0.
        pending (int | Unset):  Default: 0.
        unclear (int | Unset):  Default: 0.
        without_position (int | Unset): Loaded with no position recorded. Default: 0.
    """

    total: int
    supported: int | Unset = 0
    noted: int | Unset = 0
    supported_in_part: int | Unset = 0
    pending: int | Unset = 0
    unclear: int | Unset = 0
    without_position: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        supported = self.supported

        noted = self.noted

        supported_in_part = self.supported_in_part

        pending = self.pending

        unclear = self.unclear

        without_position = self.without_position

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
            }
        )
        if supported is not UNSET:
            field_dict["supported"] = supported
        if noted is not UNSET:
            field_dict["noted"] = noted
        if supported_in_part is not UNSET:
            field_dict["supported_in_part"] = supported_in_part
        if pending is not UNSET:
            field_dict["pending"] = pending
        if unclear is not UNSET:
            field_dict["unclear"] = unclear
        if without_position is not UNSET:
            field_dict["without_position"] = without_position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total")

        supported = d.pop("supported", UNSET)

        noted = d.pop("noted", UNSET)

        supported_in_part = d.pop("supported_in_part", UNSET)

        pending = d.pop("pending", UNSET)

        unclear = d.pop("unclear", UNSET)

        without_position = d.pop("without_position", UNSET)

        position_counts = cls(
            total=total,
            supported=supported,
            noted=noted,
            supported_in_part=supported_in_part,
            pending=pending,
            unclear=unclear,
            without_position=without_position,
        )

        position_counts.additional_properties = d
        return position_counts

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
