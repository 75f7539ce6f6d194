from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.data_source import DataSource
from ..models.implementation_claim import ImplementationClaim
from ..models.position import Position

if TYPE_CHECKING:
    from ..models.action_category_basis import ActionCategoryBasis
    from ..models.disagreement import Disagreement
    from ..models.recommendation_detail_external_ids import RecommendationDetailExternalIds
    from ..models.recommendation_source_public import RecommendationSourcePublic
    from ..models.state_ref import StateRef
    from ..models.theme_public import ThemePublic


T = TypeVar("T", bound="RecommendationDetail")


@_attrs_define
class RecommendationDetail:
    """One recommendation with the provenance of each field and the disagreements between its
    sources.

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
            external_ids (RecommendationDetailExternalIds):
            text_from (DataSource): Where a recommendation's text, position or classification was read from.

                Official documents rank above datasets. Among the documents, the Working Group report is
                the official text of the recommendations, and the addendum the official record of
                positions, with OHCHR's thematic list (which restates both) between it and the report.
                Among the datasets, UHRI's export (OHCHR's own index) ranks above the SDG–Human Rights
                Data Explorer's export (built from OHCHR's data), which ranks above UPR Info's database.
                A value from a lower-ranked source never overwrites one from a higher.
            position_from (DataSource | None): The source whose position is served.
            sources (list[RecommendationSourcePublic]): Every source that gave any field, highest-ranked first.
            disagreements (list[Disagreement]): Every field on which two sources differ, with both values.
            action_category_basis (ActionCategoryBasis): Why the computed action category is what it is.
            upr_info_issues (list[str]): Issues of UPR Info's own taxonomy that its database files the recommendation under
                (not OHCHR themes).
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
    external_ids: RecommendationDetailExternalIds
    text_from: DataSource
    position_from: DataSource | None
    sources: list[RecommendationSourcePublic]
    disagreements: list[Disagreement]
    action_category_basis: ActionCategoryBasis
    upr_info_issues: list[str]
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

        text_from = self.text_from.value

        position_from: None | str
        if isinstance(self.position_from, DataSource):
            position_from = self.position_from.value
        else:
            position_from = self.position_from

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        disagreements = []
        for disagreements_item_data in self.disagreements:
            disagreements_item = disagreements_item_data.to_dict()
            disagreements.append(disagreements_item)

        action_category_basis = self.action_category_basis.to_dict()

        upr_info_issues = self.upr_info_issues

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
                "text_from": text_from,
                "position_from": position_from,
                "sources": sources,
                "disagreements": disagreements,
                "action_category_basis": action_category_basis,
                "upr_info_issues": upr_info_issues,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_category_basis import ActionCategoryBasis  # noqa: PLC0415
        from ..models.disagreement import Disagreement  # noqa: PLC0415
        from ..models.recommendation_detail_external_ids import RecommendationDetailExternalIds  # noqa: PLC0415
        from ..models.recommendation_source_public import RecommendationSourcePublic  # noqa: PLC0415
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

        external_ids = RecommendationDetailExternalIds.from_dict(d.pop("external_ids"))

        text_from = DataSource(d.pop("text_from"))

        def _parse_position_from(data: object) -> DataSource | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                position_from_type_0 = DataSource(data)

                return position_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DataSource | None, data)

        position_from = _parse_position_from(d.pop("position_from"))

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = RecommendationSourcePublic.from_dict(sources_item_data)

            sources.append(sources_item)

        disagreements = []
        _disagreements = d.pop("disagreements")
        for disagreements_item_data in _disagreements:
            disagreements_item = Disagreement.from_dict(disagreements_item_data)

            disagreements.append(disagreements_item)

        action_category_basis = ActionCategoryBasis.from_dict(d.pop("action_category_basis"))

        upr_info_issues = cast(list[str], d.pop("upr_info_issues"))

        recommendation_detail = cls(
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
            text_from=text_from,
            position_from=position_from,
            sources=sources,
            disagreements=disagreements,
            action_category_basis=action_category_basis,
            upr_info_issues=upr_info_issues,
        )

        recommendation_detail.additional_properties = d
        return recommendation_detail

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
