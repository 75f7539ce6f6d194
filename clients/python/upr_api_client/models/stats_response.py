from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dimension import Dimension

if TYPE_CHECKING:
    from ..models.stats_row import StatsRow
    from ..models.tally_public import TallyPublic


T = TypeVar("T", bound="StatsResponse")


@_attrs_define
class StatsResponse:
    """Recommendations matching the filters, counted by one or two dimensions.

    Attributes:
        group_by (list[Dimension]):
        total (TallyPublic): Recommendations counted, by the position the state under review took.
        rows (list[StatsRow]):
    """

    group_by: list[Dimension]
    total: TallyPublic
    rows: list[StatsRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group_by = []
        for group_by_item_data in self.group_by:
            group_by_item = group_by_item_data.value
            group_by.append(group_by_item)

        total = self.total.to_dict()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group_by": group_by,
                "total": total,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stats_row import StatsRow  # noqa: PLC0415
        from ..models.tally_public import TallyPublic  # noqa: PLC0415

        d = dict(src_dict)
        group_by = []
        _group_by = d.pop("group_by")
        for group_by_item_data in _group_by:
            group_by_item = Dimension(group_by_item_data)

            group_by.append(group_by_item)

        total = TallyPublic.from_dict(d.pop("total"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = StatsRow.from_dict(rows_item_data)

            rows.append(rows_item)

        stats_response = cls(
            group_by=group_by,
            total=total,
            rows=rows,
        )

        stats_response.additional_properties = d
        return stats_response

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
