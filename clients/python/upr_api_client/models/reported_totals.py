from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReportedTotals")


@_attrs_define
class ReportedTotals:
    """Totals an official source states for a review, kept apart from the loaded recommendations.

    Attributes:
        received (int | None):
        supported (int | None):
        noted (int | None):
        source (None | str):
    """

    received: int | None
    supported: int | None
    noted: int | None
    source: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        received: int | None
        received = self.received

        supported: int | None
        supported = self.supported

        noted: int | None
        noted = self.noted

        source: None | str
        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "received": received,
                "supported": supported,
                "noted": noted,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_received(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        received = _parse_received(d.pop("received"))

        def _parse_supported(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        supported = _parse_supported(d.pop("supported"))

        def _parse_noted(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        noted = _parse_noted(d.pop("noted"))

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        reported_totals = cls(
            received=received,
            supported=supported,
            noted=noted,
            source=source,
        )

        reported_totals.additional_properties = d
        return reported_totals

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
