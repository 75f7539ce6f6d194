from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.data_source import DataSource

T = TypeVar("T", bound="ReviewSource")


@_attrs_define
class ReviewSource:
    """How many of a review's recommendations one source gave, and how many disagree.

    Attributes:
        source (DataSource): Where a recommendation's text, position or classification was read from.

            Official documents rank above datasets. Among the documents, the Working Group report is
            the official text of the recommendations, and the addendum the official record of
            positions, with OHCHR's thematic list (which restates both) between it and the report.
            Among the datasets, UHRI's export (OHCHR's own index) ranks above the SDG–Human Rights
            Data Explorer's export (built from OHCHR's data), which ranks above UPR Info's database.
            A value from a lower-ranked source never overwrites one from a higher.
        is_document (bool):
        recommendations (int):
        in_conflict (int): Of these, recommendations on which this source disagrees with another on some field (see
            `/v1/recommendations?review=…&disagreement=any&data_source=…`).
    """

    source: DataSource
    is_document: bool
    recommendations: int
    in_conflict: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source.value

        is_document = self.is_document

        recommendations = self.recommendations

        in_conflict = self.in_conflict

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "is_document": is_document,
                "recommendations": recommendations,
                "in_conflict": in_conflict,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = DataSource(d.pop("source"))

        is_document = d.pop("is_document")

        recommendations = d.pop("recommendations")

        in_conflict = d.pop("in_conflict")

        review_source = cls(
            source=source,
            is_document=is_document,
            recommendations=recommendations,
            in_conflict=in_conflict,
        )

        review_source.additional_properties = d
        return review_source

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
