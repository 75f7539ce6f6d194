from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.data_source import DataSource

T = TypeVar("T", bound="SourceValue")


@_attrs_define
class SourceValue:
    """What one source gives for a field.

    Attributes:
        source (DataSource): Where a recommendation's text, position or classification was read from.

            Official documents rank above datasets. Among the documents, the Working Group report is
            the official text of the recommendations, and the addendum the official record of
            positions, with OHCHR's thematic list (which restates both) between it and the report.
            Among the datasets, UHRI's export (OHCHR's own index) ranks above the SDG–Human Rights
            Data Explorer's export (built from OHCHR's data), which ranks above UPR Info's database.
            A value from a lower-ranked source never overwrites one from a higher.
        reference (str):
        value (str): The text, the position, or a list field's members (ISO3 codes, names, SDG codes) joined by '; '.
    """

    source: DataSource
    reference: str
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source.value

        reference = self.reference

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "reference": reference,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = DataSource(d.pop("source"))

        reference = d.pop("reference")

        value = d.pop("value")

        source_value = cls(
            source=source,
            reference=reference,
            value=value,
        )

        source_value.additional_properties = d
        return source_value

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
