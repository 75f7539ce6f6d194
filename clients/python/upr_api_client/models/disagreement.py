from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recommendation_field import RecommendationField

if TYPE_CHECKING:
    from ..models.source_value import SourceValue


T = TypeVar("T", bound="Disagreement")


@_attrs_define
class Disagreement:
    """Two sources that give a field different values; the higher-ranked source first.

    Attributes:
        field (RecommendationField): The fields of a recommendation that sources give, each with its own provenance.
        values (list[SourceValue]):
    """

    field: RecommendationField
    values: list[SourceValue]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field = self.field.value

        values = []
        for values_item_data in self.values:
            values_item = values_item_data.to_dict()
            values.append(values_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_value import SourceValue  # noqa: PLC0415

        d = dict(src_dict)
        field = RecommendationField(d.pop("field"))

        values = []
        _values = d.pop("values")
        for values_item_data in _values:
            values_item = SourceValue.from_dict(values_item_data)

            values.append(values_item)

        disagreement = cls(
            field=field,
            values=values,
        )

        disagreement.additional_properties = d
        return disagreement

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
