from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position import Position

if TYPE_CHECKING:
    from ..models.state_ref import StateRef


T = TypeVar("T", bound="LinkedRecommendation")


@_attrs_define
class LinkedRecommendation:
    """A recommendation linked to another one, with the similarity of their texts.

    Attributes:
        id (str):
        review_id (str):
        session (int):
        cycle (int):
        paragraph (str):
        text (str):
        position (None | Position):
        recommending_states (list[StateRef]):
        score (float): Cosine similarity of the two texts' terms.
    """

    id: str
    review_id: str
    session: int
    cycle: int
    paragraph: str
    text: str
    position: None | Position
    recommending_states: list[StateRef]
    score: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        review_id = self.review_id

        session = self.session

        cycle = self.cycle

        paragraph = self.paragraph

        text = self.text

        position: None | str
        if isinstance(self.position, Position):
            position = self.position.value
        else:
            position = self.position

        recommending_states = []
        for recommending_states_item_data in self.recommending_states:
            recommending_states_item = recommending_states_item_data.to_dict()
            recommending_states.append(recommending_states_item)

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "review_id": review_id,
                "session": session,
                "cycle": cycle,
                "paragraph": paragraph,
                "text": text,
                "position": position,
                "recommending_states": recommending_states,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.state_ref import StateRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        review_id = d.pop("review_id")

        session = d.pop("session")

        cycle = d.pop("cycle")

        paragraph = d.pop("paragraph")

        text = d.pop("text")

        def _parse_position(data: object) -> None | Position:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                position_type_0 = Position(data)

                return position_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Position, data)

        position = _parse_position(d.pop("position"))

        recommending_states = []
        _recommending_states = d.pop("recommending_states")
        for recommending_states_item_data in _recommending_states:
            recommending_states_item = StateRef.from_dict(recommending_states_item_data)

            recommending_states.append(recommending_states_item)

        score = d.pop("score")

        linked_recommendation = cls(
            id=id,
            review_id=review_id,
            session=session,
            cycle=cycle,
            paragraph=paragraph,
            text=text,
            position=position,
            recommending_states=recommending_states,
            score=score,
        )

        linked_recommendation.additional_properties = d
        return linked_recommendation

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
