from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tracking_source import TrackingSource

if TYPE_CHECKING:
    from ..models.status_counts import StatusCounts


T = TypeVar("T", bound="SourceProgress")


@_attrs_define
class SourceProgress:
    """One source's view of the matching recommendations.

    Attributes:
        source (TrackingSource): Who made the assessment.
        assessed (int): Recommendations this source has assessed.
        not_assessed (int): Recommendations this source has not assessed.
        by_status (StatusCounts): Recommendations by current status.
    """

    source: TrackingSource
    assessed: int
    not_assessed: int
    by_status: StatusCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source.value

        assessed = self.assessed

        not_assessed = self.not_assessed

        by_status = self.by_status.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "assessed": assessed,
                "not_assessed": not_assessed,
                "by_status": by_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.status_counts import StatusCounts  # noqa: PLC0415

        d = dict(src_dict)
        source = TrackingSource(d.pop("source"))

        assessed = d.pop("assessed")

        not_assessed = d.pop("not_assessed")

        by_status = StatusCounts.from_dict(d.pop("by_status"))

        source_progress = cls(
            source=source,
            assessed=assessed,
            not_assessed=not_assessed,
            by_status=by_status,
        )

        source_progress.additional_properties = d
        return source_progress

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
