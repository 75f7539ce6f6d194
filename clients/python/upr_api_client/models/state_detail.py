from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.regional_group import RegionalGroup
from ..models.state_status import StateStatus

T = TypeVar("T", bound="StateDetail")


@_attrs_define
class StateDetail:
    """A state with the other names it appears under in UN documents.

    Attributes:
        iso3 (str):
        name (str):
        status (StateStatus): Whether a state is a UN member or a non-member observer state.
        regional_group (RegionalGroup): The five UN regional groups (the United States is counted with WEOG, as UPR data
            do).
        aliases (list[str]):
    """

    iso3: str
    name: str
    status: StateStatus
    regional_group: RegionalGroup
    aliases: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        iso3 = self.iso3

        name = self.name

        status = self.status.value

        regional_group = self.regional_group.value

        aliases = self.aliases

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "iso3": iso3,
                "name": name,
                "status": status,
                "regional_group": regional_group,
                "aliases": aliases,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        iso3 = d.pop("iso3")

        name = d.pop("name")

        status = StateStatus(d.pop("status"))

        regional_group = RegionalGroup(d.pop("regional_group"))

        aliases = cast(list[str], d.pop("aliases"))

        state_detail = cls(
            iso3=iso3,
            name=name,
            status=status,
            regional_group=regional_group,
            aliases=aliases,
        )

        state_detail.additional_properties = d
        return state_detail

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
