from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReviewNovelty")


@_attrs_define
class ReviewNovelty:
    """A review's loaded recommendations: new, or repeated from an earlier cycle.

    Attributes:
        new (int):
        repeated (int):
        threshold (float): Similarity to an earlier cycle's recommendation at or above which a recommendation counts as
            repeated.
    """

    new: int
    repeated: int
    threshold: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        new = self.new

        repeated = self.repeated

        threshold = self.threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "new": new,
                "repeated": repeated,
                "threshold": threshold,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        new = d.pop("new")

        repeated = d.pop("repeated")

        threshold = d.pop("threshold")

        review_novelty = cls(
            new=new,
            repeated=repeated,
            threshold=threshold,
        )

        review_novelty.additional_properties = d
        return review_novelty

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
