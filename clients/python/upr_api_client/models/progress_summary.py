from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.interval import Interval

if TYPE_CHECKING:
    from ..models.progress_period import ProgressPeriod
    from ..models.source_progress import SourceProgress


T = TypeVar("T", bound="ProgressSummary")


@_attrs_define
class ProgressSummary:
    """Implementation progress of a review's or a state's recommendations.

    Attributes:
        scope (str): The review id or the state's ISO3 code.
        recommendations (int): Recommendations matching the filters.
        assessed (int): Of them, assessed by at least one source.
        current (list[SourceProgress]): Latest assessments, per source.
        interval (Interval): Length of the timeline's periods.
        timeline (list[ProgressPeriod]): From the period of the first assessment to that of the last; each period counts
            the assessment each source had made last by its end.
    """

    scope: str
    recommendations: int
    assessed: int
    current: list[SourceProgress]
    interval: Interval
    timeline: list[ProgressPeriod]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scope = self.scope

        recommendations = self.recommendations

        assessed = self.assessed

        current = []
        for current_item_data in self.current:
            current_item = current_item_data.to_dict()
            current.append(current_item)

        interval = self.interval.value

        timeline = []
        for timeline_item_data in self.timeline:
            timeline_item = timeline_item_data.to_dict()
            timeline.append(timeline_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scope": scope,
                "recommendations": recommendations,
                "assessed": assessed,
                "current": current,
                "interval": interval,
                "timeline": timeline,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.progress_period import ProgressPeriod  # noqa: PLC0415
        from ..models.source_progress import SourceProgress  # noqa: PLC0415

        d = dict(src_dict)
        scope = d.pop("scope")

        recommendations = d.pop("recommendations")

        assessed = d.pop("assessed")

        current = []
        _current = d.pop("current")
        for current_item_data in _current:
            current_item = SourceProgress.from_dict(current_item_data)

            current.append(current_item)

        interval = Interval(d.pop("interval"))

        timeline = []
        _timeline = d.pop("timeline")
        for timeline_item_data in _timeline:
            timeline_item = ProgressPeriod.from_dict(timeline_item_data)

            timeline.append(timeline_item)

        progress_summary = cls(
            scope=scope,
            recommendations=recommendations,
            assessed=assessed,
            current=current,
            interval=interval,
            timeline=timeline,
        )

        progress_summary.additional_properties = d
        return progress_summary

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
