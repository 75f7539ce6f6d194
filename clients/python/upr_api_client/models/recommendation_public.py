from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.implementation_claim import ImplementationClaim
from ..models.position import Position

if TYPE_CHECKING:
    from ..models.recommendation_public_external_ids import RecommendationPublicExternalIds
    from ..models.state_ref import StateRef
    from ..models.theme_public import ThemePublic


T = TypeVar("T", bound="RecommendationPublic")


@_attrs_define
class RecommendationPublic:
    """A recommendation made to a state under review, with the state's position on it.

    Attributes:
        id (str):
        review_id (str):
        session (int):
        cycle (int):
        state_under_review (StateRef): A state named in another resource.
        paragraph (str):
        text (str):
        position (None | Position): Null where no source gives a position.
        position_source (None | str):
        position_text (None | str): The state's own words where the position was read from prose.
        implementation_claim (ImplementationClaim | None): What the state under review says, in the Working Group
            report, of the recommendation's implementation: its own claim, not an assessment. Null where the report makes
            none.
        implementation_claim_source (None | str): Document (and paragraph) the implementation claim was read from.
        recommending_states (list[StateRef]):
        themes (list[ThemePublic]):
        affected_groups (list[str]):
        sdgs (list[str]): SDG goals ('16') and targets ('16.2'): each goal, then its numbered targets in numeric order,
            then its lettered ones ('16.a').
        external_ids (RecommendationPublicExternalIds):
    """

    id: str
    review_id: str
    session: int
    cycle: int
    state_under_review: StateRef
    paragraph: str
    text: str
    position: None | Position
    position_source: None | str
    position_text: None | str
    implementation_claim: ImplementationClaim | None
    implementation_claim_source: None | str
    recommending_states: list[StateRef]
    themes: list[ThemePublic]
    affected_groups: list[str]
    sdgs: list[str]
    external_ids: RecommendationPublicExternalIds
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        review_id = self.review_id

        session = self.session

        cycle = self.cycle

        state_under_review = self.state_under_review.to_dict()

        paragraph = self.paragraph

        text = self.text

        position: None | str
        if isinstance(self.position, Position):
            position = self.position.value
        else:
            position = self.position

        position_source: None | str
        position_source = self.position_source

        position_text: None | str
        position_text = self.position_text

        implementation_claim: None | str
        if isinstance(self.implementation_claim, ImplementationClaim):
            implementation_claim = self.implementation_claim.value
        else:
            implementation_claim = self.implementation_claim

        implementation_claim_source: None | str
        implementation_claim_source = self.implementation_claim_source

        recommending_states = []
        for recommending_states_item_data in self.recommending_states:
            recommending_states_item = recommending_states_item_data.to_dict()
            recommending_states.append(recommending_states_item)

        themes = []
        for themes_item_data in self.themes:
            themes_item = themes_item_data.to_dict()
            themes.append(themes_item)

        affected_groups = self.affected_groups

        sdgs = self.sdgs

        external_ids = self.external_ids.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "review_id": review_id,
                "session": session,
                "cycle": cycle,
                "state_under_review": state_under_review,
                "paragraph": paragraph,
                "text": text,
                "position": position,
                "position_source": position_source,
                "position_text": position_text,
                "implementation_claim": implementation_claim,
                "implementation_claim_source": implementation_claim_source,
                "recommending_states": recommending_states,
                "themes": themes,
                "affected_groups": affected_groups,
                "sdgs": sdgs,
                "external_ids": external_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recommendation_public_external_ids import RecommendationPublicExternalIds  # noqa: PLC0415
        from ..models.state_ref import StateRef  # noqa: PLC0415
        from ..models.theme_public import ThemePublic  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        review_id = d.pop("review_id")

        session = d.pop("session")

        cycle = d.pop("cycle")

        state_under_review = StateRef.from_dict(d.pop("state_under_review"))

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

        def _parse_position_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        position_source = _parse_position_source(d.pop("position_source"))

        def _parse_position_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        position_text = _parse_position_text(d.pop("position_text"))

        def _parse_implementation_claim(data: object) -> ImplementationClaim | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                implementation_claim_type_0 = ImplementationClaim(data)

                return implementation_claim_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImplementationClaim | None, data)

        implementation_claim = _parse_implementation_claim(d.pop("implementation_claim"))

        def _parse_implementation_claim_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        implementation_claim_source = _parse_implementation_claim_source(d.pop("implementation_claim_source"))

        recommending_states = []
        _recommending_states = d.pop("recommending_states")
        for recommending_states_item_data in _recommending_states:
            recommending_states_item = StateRef.from_dict(recommending_states_item_data)

            recommending_states.append(recommending_states_item)

        themes = []
        _themes = d.pop("themes")
        for themes_item_data in _themes:
            themes_item = ThemePublic.from_dict(themes_item_data)

            themes.append(themes_item)

        affected_groups = cast(list[str], d.pop("affected_groups"))

        sdgs = cast(list[str], d.pop("sdgs"))

        external_ids = RecommendationPublicExternalIds.from_dict(d.pop("external_ids"))

        recommendation_public = cls(
            id=id,
            review_id=review_id,
            session=session,
            cycle=cycle,
            state_under_review=state_under_review,
            paragraph=paragraph,
            text=text,
            position=position,
            position_source=position_source,
            position_text=position_text,
            implementation_claim=implementation_claim,
            implementation_claim_source=implementation_claim_source,
            recommending_states=recommending_states,
            themes=themes,
            affected_groups=affected_groups,
            sdgs=sdgs,
            external_ids=external_ids,
        )

        recommendation_public.additional_properties = d
        return recommendation_public

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
