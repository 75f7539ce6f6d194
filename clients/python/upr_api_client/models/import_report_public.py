from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ImportReportPublic")


@_attrs_define
class ImportReportPublic:
    """What an import did (on a dry run: would do). The same report as `upr import` prints.

    Attributes:
        file (str):
        source (str):
        reviews (list[str]):
        recommendations (int): Recommendations read.
        added (int):
        changed (int):
        unchanged (int):
        review_fields_changed (list[str]):
        disagreements (list[str]):
        warnings (list[str]):
        dry_run (bool):
        summary (str):
    """

    file: str
    source: str
    reviews: list[str]
    recommendations: int
    added: int
    changed: int
    unchanged: int
    review_fields_changed: list[str]
    disagreements: list[str]
    warnings: list[str]
    dry_run: bool
    summary: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file

        source = self.source

        reviews = self.reviews

        recommendations = self.recommendations

        added = self.added

        changed = self.changed

        unchanged = self.unchanged

        review_fields_changed = self.review_fields_changed

        disagreements = self.disagreements

        warnings = self.warnings

        dry_run = self.dry_run

        summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
                "source": source,
                "reviews": reviews,
                "recommendations": recommendations,
                "added": added,
                "changed": changed,
                "unchanged": unchanged,
                "review_fields_changed": review_fields_changed,
                "disagreements": disagreements,
                "warnings": warnings,
                "dry_run": dry_run,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = d.pop("file")

        source = d.pop("source")

        reviews = cast(list[str], d.pop("reviews"))

        recommendations = d.pop("recommendations")

        added = d.pop("added")

        changed = d.pop("changed")

        unchanged = d.pop("unchanged")

        review_fields_changed = cast(list[str], d.pop("review_fields_changed"))

        disagreements = cast(list[str], d.pop("disagreements"))

        warnings = cast(list[str], d.pop("warnings"))

        dry_run = d.pop("dry_run")

        summary = d.pop("summary")

        import_report_public = cls(
            file=file,
            source=source,
            reviews=reviews,
            recommendations=recommendations,
            added=added,
            changed=changed,
            unchanged=unchanged,
            review_fields_changed=review_fields_changed,
            disagreements=disagreements,
            warnings=warnings,
            dry_run=dry_run,
            summary=summary,
        )

        import_report_public.additional_properties = d
        return import_report_public

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
