from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TrackingImportReport")


@_attrs_define
class TrackingImportReport:
    """What a CSV upload did (or, on a dry run, would do).

    Attributes:
        rows (int):
        added (int):
        recommendations (int): Distinct recommendations assessed.
        dry_run (bool):
        entry_ids (list[int]): Ids of the entries added, in row order.
    """

    rows: int
    added: int
    recommendations: int
    dry_run: bool
    entry_ids: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rows = self.rows

        added = self.added

        recommendations = self.recommendations

        dry_run = self.dry_run

        entry_ids = self.entry_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rows": rows,
                "added": added,
                "recommendations": recommendations,
                "dry_run": dry_run,
                "entry_ids": entry_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rows = d.pop("rows")

        added = d.pop("added")

        recommendations = d.pop("recommendations")

        dry_run = d.pop("dry_run")

        entry_ids = cast(list[int], d.pop("entry_ids"))

        tracking_import_report = cls(
            rows=rows,
            added=added,
            recommendations=recommendations,
            dry_run=dry_run,
            entry_ids=entry_ids,
        )

        tracking_import_report.additional_properties = d
        return tracking_import_report

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
