from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.near_identical_group import NearIdenticalGroup


T = TypeVar("T", bound="NearIdenticalPublic")


@_attrs_define
class NearIdenticalPublic:
    """The near-identical groups of one review.

    Attributes:
        review_id (str):
        linked (bool): False while the review waits to be linked.
        threshold (float):
        groups (list[NearIdenticalGroup]):
    """

    review_id: str
    linked: bool
    threshold: float
    groups: list[NearIdenticalGroup]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        review_id = self.review_id

        linked = self.linked

        threshold = self.threshold

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "review_id": review_id,
                "linked": linked,
                "threshold": threshold,
                "groups": groups,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.near_identical_group import NearIdenticalGroup  # noqa: PLC0415

        d = dict(src_dict)
        review_id = d.pop("review_id")

        linked = d.pop("linked")

        threshold = d.pop("threshold")

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = NearIdenticalGroup.from_dict(groups_item_data)

            groups.append(groups_item)

        near_identical_public = cls(
            review_id=review_id,
            linked=linked,
            threshold=threshold,
            groups=groups,
        )

        near_identical_public.additional_properties = d
        return near_identical_public

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
