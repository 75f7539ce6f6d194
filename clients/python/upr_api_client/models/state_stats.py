from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.made import Made
    from ..models.received import Received
    from ..models.state_public import StatePublic


T = TypeVar("T", bound="StateStats")


@_attrs_define
class StateStats:
    """A state's recommendations received and made, per cycle.

    Attributes:
        state (StatePublic): A UN member or observer state.
        received (Received): Recommendations made to the state.
        made (Made): Recommendations the state made to others (among the loaded ones).
    """

    state: StatePublic
    received: Received
    made: Made
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state = self.state.to_dict()

        received = self.received.to_dict()

        made = self.made.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state": state,
                "received": received,
                "made": made,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.made import Made  # noqa: PLC0415
        from ..models.received import Received  # noqa: PLC0415
        from ..models.state_public import StatePublic  # noqa: PLC0415

        d = dict(src_dict)
        state = StatePublic.from_dict(d.pop("state"))

        received = Received.from_dict(d.pop("received"))

        made = Made.from_dict(d.pop("made"))

        state_stats = cls(
            state=state,
            received=received,
            made=made,
        )

        state_stats.additional_properties = d
        return state_stats

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
