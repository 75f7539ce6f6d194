from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.implementation_claim import ImplementationClaim
from ..models.position import Position
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recommendation_list_item_external_ids import RecommendationListItemExternalIds
    from ..models.state_ref import StateRef
    from ..models.theme_public import ThemePublic


T = TypeVar("T", bound="RecommendationListItem")


@_attrs_define
class RecommendationListItem:
    """A recommendation in a list; with a search (`q`), its relevance and a highlighted excerpt.

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
        action_category (int | None): How much action the recommendation asks for, from 1 (minimal: addressed to other
            states, seeking assistance, sharing information) to 5 (specific action: ratify, adopt, abolish…), computed from
            its text alone by this service following UPR Info's methodology (see docs/action-category.md). Null where the
            text cannot be classified.
        action_category_confidence (float | None): Share of recommendations that the deciding rule classified as UPR
            Info's coders did, on the sessions it was tuned on.
        upr_info_action_category (int | None): UPR Info's own action category, coded by hand in its database; null where
            UPR Info's export was not imported or does not have the recommendation.
        recommending_states (list[StateRef]):
        themes (list[ThemePublic]):
        affected_groups (list[str]):
        sdgs (list[str]): SDG goals ('16') and targets ('16.2'): each goal, then its numbered targets in numeric order,
            then its lettered ones ('16.a').
        external_ids (RecommendationListItemExternalIds):
        snippet (None | str | Unset): With `q`: an HTML-escaped excerpt of the text with the matches in
            `<mark>…</mark>`; null without a search.
        score (float | None | Unset): With `q`: relevance, higher is better (bm25 on SQLite, ts_rank on PostgreSQL;
            compare scores within one response only); null without a search.
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
    action_category: int | None
    action_category_confidence: float | None
    upr_info_action_category: int | None
    recommending_states: list[StateRef]
    themes: list[ThemePublic]
    affected_groups: list[str]
    sdgs: list[str]
    external_ids: RecommendationListItemExternalIds
    snippet: None | str | Unset = UNSET
    score: float | None | Unset = UNSET
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

        action_category: int | None
        action_category = self.action_category

        action_category_confidence: float | None
        action_category_confidence = self.action_category_confidence

        upr_info_action_category: int | None
        upr_info_action_category = self.upr_info_action_category

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

        snippet: None | str | Unset
        if isinstance(self.snippet, Unset):
            snippet = UNSET
        else:
            snippet = self.snippet

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

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
                "action_category": action_category,
                "action_category_confidence": action_category_confidence,
                "upr_info_action_category": upr_info_action_category,
                "recommending_states": recommending_states,
                "themes": themes,
                "affected_groups": affected_groups,
                "sdgs": sdgs,
                "external_ids": external_ids,
            }
        )
        if snippet is not UNSET:
            field_dict["snippet"] = snippet
        if score is not UNSET:
            field_dict["score"] = score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recommendation_list_item_external_ids import RecommendationListItemExternalIds  # noqa: PLC0415
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

        def _parse_action_category(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        action_category = _parse_action_category(d.pop("action_category"))

        def _parse_action_category_confidence(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        action_category_confidence = _parse_action_category_confidence(d.pop("action_category_confidence"))

        def _parse_upr_info_action_category(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        upr_info_action_category = _parse_upr_info_action_category(d.pop("upr_info_action_category"))

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

        external_ids = RecommendationListItemExternalIds.from_dict(d.pop("external_ids"))

        def _parse_snippet(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        snippet = _parse_snippet(d.pop("snippet", UNSET))

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        recommendation_list_item = cls(
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
            action_category=action_category,
            action_category_confidence=action_category_confidence,
            upr_info_action_category=upr_info_action_category,
            recommending_states=recommending_states,
            themes=themes,
            affected_groups=affected_groups,
            sdgs=sdgs,
            external_ids=external_ids,
            snippet=snippet,
            score=score,
        )

        recommendation_list_item.additional_properties = d
        return recommendation_list_item

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
