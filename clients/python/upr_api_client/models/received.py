from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.received_in_cycle import ReceivedInCycle
    from ..models.tally_public import TallyPublic


T = TypeVar("T", bound="Received")


@_attrs_define
class Received:
    """Recommendations made to the state.

    Attributes:
        total (TallyPublic): Recommendations counted, by the position the state under review took.
        by_cycle (list[ReceivedInCycle]):
    """

    total: TallyPublic
    by_cycle: list[ReceivedInCycle]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total.to_dict()

        by_cycle = []
        for by_cycle_item_data in self.by_cycle:
            by_cycle_item = by_cycle_item_data.to_dict()
            by_cycle.append(by_cycle_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "by_cycle": by_cycle,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.received_in_cycle import ReceivedInCycle  # noqa: PLC0415
        from ..models.tally_public import TallyPublic  # noqa: PLC0415

        d = dict(src_dict)
        total = TallyPublic.from_dict(d.pop("total"))

        by_cycle = []
        _by_cycle = d.pop("by_cycle")
        for by_cycle_item_data in _by_cycle:
            by_cycle_item = ReceivedInCycle.from_dict(by_cycle_item_data)

            by_cycle.append(by_cycle_item)

        received = cls(
            total=total,
            by_cycle=by_cycle,
        )

        received.additional_properties = d
        return received

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
