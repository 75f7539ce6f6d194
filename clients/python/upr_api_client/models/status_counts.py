from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusCounts")


@_attrs_define
class StatusCounts:
    """Recommendations by current status.

    Attributes:
        not_started (int | Unset):  Default: 0.
        in_progress (int | Unset):  Default: 0.
        partially_implemented (int | Unset):  Default: 0.
        fully_implemented (int | Unset):  Default: 0.
        not_implemented (int | Unset):  Default: 0.
        no_longer_relevant (int | Unset):  Default: 0.
    """

    not_started: int | Unset = 0
    in_progress: int | Unset = 0
    partially_implemented: int | Unset = 0
    fully_implemented: int | Unset = 0
    not_implemented: int | Unset = 0
    no_longer_relevant: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        not_started = self.not_started

        in_progress = self.in_progress

        partially_implemented = self.partially_implemented

        fully_implemented = self.fully_implemented

        not_implemented = self.not_implemented

        no_longer_relevant = self.no_longer_relevant

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if not_started is not UNSET:
            field_dict["not_started"] = not_started
        if in_progress is not UNSET:
            field_dict["in_progress"] = in_progress
        if partially_implemented is not UNSET:
            field_dict["partially_implemented"] = partially_implemented
        if fully_implemented is not UNSET:
            field_dict["fully_implemented"] = fully_implemented
        if not_implemented is not UNSET:
            field_dict["not_implemented"] = not_implemented
        if no_longer_relevant is not UNSET:
            field_dict["no_longer_relevant"] = no_longer_relevant

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        not_started = d.pop("not_started", UNSET)

        in_progress = d.pop("in_progress", UNSET)

        partially_implemented = d.pop("partially_implemented", UNSET)

        fully_implemented = d.pop("fully_implemented", UNSET)

        not_implemented = d.pop("not_implemented", UNSET)

        no_longer_relevant = d.pop("no_longer_relevant", UNSET)

        status_counts = cls(
            not_started=not_started,
            in_progress=in_progress,
            partially_implemented=partially_implemented,
            fully_implemented=fully_implemented,
            not_implemented=not_implemented,
            no_longer_relevant=no_longer_relevant,
        )

        status_counts.additional_properties = d
        return status_counts

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
