from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.novelty import Novelty

if TYPE_CHECKING:
    from ..models.linked_recommendation import LinkedRecommendation


T = TypeVar("T", bound="RelatedPublic")


@_attrs_define
class RelatedPublic:
    """What a recommendation resembles: earlier cycles, later cycles and its own review.

    Attributes:
        id (str):
        novelty (None | Novelty): `repeated` when the best earlier match reaches `repeated_threshold`, `new` otherwise;
            null while its review has not been linked.
        repeated_threshold (float):
        near_identical_threshold (float):
        earlier (list[LinkedRecommendation]): The most similar recommendations made to the same state in earlier cycles
            (up to 5, score at least 0.1), best first.
        later (list[LinkedRecommendation]): Recommendations of later cycles that repeat this one: it is among their 5
            most similar earlier ones with a score reaching `repeated_threshold`; best first.
        near_identical (list[LinkedRecommendation]): Recommendations of the same review, made by other states, in nearly
            the same words.
    """

    id: str
    novelty: None | Novelty
    repeated_threshold: float
    near_identical_threshold: float
    earlier: list[LinkedRecommendation]
    later: list[LinkedRecommendation]
    near_identical: list[LinkedRecommendation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        novelty: None | str
        if isinstance(self.novelty, Novelty):
            novelty = self.novelty.value
        else:
            novelty = self.novelty

        repeated_threshold = self.repeated_threshold

        near_identical_threshold = self.near_identical_threshold

        earlier = []
        for earlier_item_data in self.earlier:
            earlier_item = earlier_item_data.to_dict()
            earlier.append(earlier_item)

        later = []
        for later_item_data in self.later:
            later_item = later_item_data.to_dict()
            later.append(later_item)

        near_identical = []
        for near_identical_item_data in self.near_identical:
            near_identical_item = near_identical_item_data.to_dict()
            near_identical.append(near_identical_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "novelty": novelty,
                "repeated_threshold": repeated_threshold,
                "near_identical_threshold": near_identical_threshold,
                "earlier": earlier,
                "later": later,
                "near_identical": near_identical,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.linked_recommendation import LinkedRecommendation  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_novelty(data: object) -> None | Novelty:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                novelty_type_0 = Novelty(data)

                return novelty_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Novelty, data)

        novelty = _parse_novelty(d.pop("novelty"))

        repeated_threshold = d.pop("repeated_threshold")

        near_identical_threshold = d.pop("near_identical_threshold")

        earlier = []
        _earlier = d.pop("earlier")
        for earlier_item_data in _earlier:
            earlier_item = LinkedRecommendation.from_dict(earlier_item_data)

            earlier.append(earlier_item)

        later = []
        _later = d.pop("later")
        for later_item_data in _later:
            later_item = LinkedRecommendation.from_dict(later_item_data)

            later.append(later_item)

        near_identical = []
        _near_identical = d.pop("near_identical")
        for near_identical_item_data in _near_identical:
            near_identical_item = LinkedRecommendation.from_dict(near_identical_item_data)

            near_identical.append(near_identical_item)

        related_public = cls(
            id=id,
            novelty=novelty,
            repeated_threshold=repeated_threshold,
            near_identical_threshold=near_identical_threshold,
            earlier=earlier,
            later=later,
            near_identical=near_identical,
        )

        related_public.additional_properties = d
        return related_public

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
