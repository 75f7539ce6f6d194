from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.facet import Facet


T = TypeVar("T", bound="FacetsResponse")


@_attrs_define
class FacetsResponse:
    """Facet counts over the recommendations matching the filters.

    Attributes:
        total (int): Recommendations matching the filters.
        facets (list[Facet]):
    """

    total: int
    facets: list[Facet]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        facets = []
        for facets_item_data in self.facets:
            facets_item = facets_item_data.to_dict()
            facets.append(facets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "facets": facets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.facet import Facet  # noqa: PLC0415

        d = dict(src_dict)
        total = d.pop("total")

        facets = []
        _facets = d.pop("facets")
        for facets_item_data in _facets:
            facets_item = Facet.from_dict(facets_item_data)

            facets.append(facets_item)

        facets_response = cls(
            total=total,
            facets=facets,
        )

        facets_response.additional_properties = d
        return facets_response

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
