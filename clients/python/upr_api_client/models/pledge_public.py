from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.data_source import DataSource

T = TypeVar("T", bound="PledgePublic")


@_attrs_define
class PledgePublic:
    """A voluntary pledge the state under review made at its review (not a recommendation).

    Attributes:
        id (str):
        review_id (str):
        text (str):
        source (DataSource): Where a recommendation's text, position or classification was read from.

            Official documents rank above datasets. Among the documents, the Working Group report is
            the official text of the recommendations, and the addendum the official record of
            positions, with OHCHR's thematic list (which restates both) between it and the report.
            Among the datasets, UHRI's export (OHCHR's own index) ranks above the SDG–Human Rights
            Data Explorer's export (built from OHCHR's data), which ranks above UPR Info's database.
            A value from a lower-ranked source never overwrites one from a higher.
        reference (str):
        upr_info_action_category (int | None):
        upr_info_issues (list[str]):
    """

    id: str
    review_id: str
    text: str
    source: DataSource
    reference: str
    upr_info_action_category: int | None
    upr_info_issues: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        review_id = self.review_id

        text = self.text

        source = self.source.value

        reference = self.reference

        upr_info_action_category: int | None
        upr_info_action_category = self.upr_info_action_category

        upr_info_issues = self.upr_info_issues

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "review_id": review_id,
                "text": text,
                "source": source,
                "reference": reference,
                "upr_info_action_category": upr_info_action_category,
                "upr_info_issues": upr_info_issues,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        review_id = d.pop("review_id")

        text = d.pop("text")

        source = DataSource(d.pop("source"))

        reference = d.pop("reference")

        def _parse_upr_info_action_category(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        upr_info_action_category = _parse_upr_info_action_category(d.pop("upr_info_action_category"))

        upr_info_issues = cast(list[str], d.pop("upr_info_issues"))

        pledge_public = cls(
            id=id,
            review_id=review_id,
            text=text,
            source=source,
            reference=reference,
            upr_info_action_category=upr_info_action_category,
            upr_info_issues=upr_info_issues,
        )

        pledge_public.additional_properties = d
        return pledge_public

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
