from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CyclePublic")


@_attrs_define
class CyclePublic:
    """A UPR cycle and the sessions it spans.

    Attributes:
        number (int):
        first_session (int):
        last_session (int):
    """

    number: int
    first_session: int
    last_session: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        first_session = self.first_session

        last_session = self.last_session

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "first_session": first_session,
                "last_session": last_session,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        first_session = d.pop("first_session")

        last_session = d.pop("last_session")

        cycle_public = cls(
            number=number,
            first_session=first_session,
            last_session=last_session,
        )

        cycle_public.additional_properties = d
        return cycle_public

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
