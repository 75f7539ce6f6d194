from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.source_progress import SourceProgress


T = TypeVar("T", bound="ProgressPeriod")


@_attrs_define
class ProgressPeriod:
    """The state of assessments at the end of one period.

    Attributes:
        period (str):
        end (datetime.date):
        by_source (list[SourceProgress]):
    """

    period: str
    end: datetime.date
    by_source: list[SourceProgress]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        end = self.end.isoformat()

        by_source = []
        for by_source_item_data in self.by_source:
            by_source_item = by_source_item_data.to_dict()
            by_source.append(by_source_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "end": end,
                "by_source": by_source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_progress import SourceProgress  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        end = datetime.date.fromisoformat(d.pop("end"))

        by_source = []
        _by_source = d.pop("by_source")
        for by_source_item_data in _by_source:
            by_source_item = SourceProgress.from_dict(by_source_item_data)

            by_source.append(by_source_item)

        progress_period = cls(
            period=period,
            end=end,
            by_source=by_source,
        )

        progress_period.additional_properties = d
        return progress_period

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
