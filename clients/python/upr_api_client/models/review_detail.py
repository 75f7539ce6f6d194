from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_public import DocumentPublic
    from ..models.position_counts import PositionCounts
    from ..models.reported_totals import ReportedTotals
    from ..models.review_novelty import ReviewNovelty
    from ..models.review_source import ReviewSource
    from ..models.state_ref import StateRef


T = TypeVar("T", bound="ReviewDetail")


@_attrs_define
class ReviewDetail:
    """A review with its facilitators, documents, loaded counts and import warnings.

    Attributes:
        id (str):
        session (int):
        cycle (int):
        state (StateRef): A state named in another resource.
        scheduled_order (int | None):
        review_date (datetime.date | None):
        reported_totals (None | ReportedTotals):
        loaded_recommendations (int): Recommendations actually loaded for this review.
        meeting_number (int | None):
        head_of_delegation (None | str):
        troika (list[StateRef]):
        hrc_session (int | None): Human Rights Council session that adopted the outcome.
        documents (list[DocumentPublic]):
        recommendation_counts (PositionCounts): Recommendations loaded for a review, by the position the state took.
        sources (list[ReviewSource]): Per source, the recommendations it gave and how many are in conflict, highest-
            ranked source first.
        pledges (int): Voluntary pledges loaded for the review.
        warnings (list[str]):
        notes (None | str):
        novelty (None | ReviewNovelty | Unset): New and repeated recommendations (compared with the state's earlier
            cycles); null until the review is linked.
    """

    id: str
    session: int
    cycle: int
    state: StateRef
    scheduled_order: int | None
    review_date: datetime.date | None
    reported_totals: None | ReportedTotals
    loaded_recommendations: int
    meeting_number: int | None
    head_of_delegation: None | str
    troika: list[StateRef]
    hrc_session: int | None
    documents: list[DocumentPublic]
    recommendation_counts: PositionCounts
    sources: list[ReviewSource]
    pledges: int
    warnings: list[str]
    notes: None | str
    novelty: None | ReviewNovelty | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reported_totals import ReportedTotals  # noqa: PLC0415
        from ..models.review_novelty import ReviewNovelty  # noqa: PLC0415

        id = self.id

        session = self.session

        cycle = self.cycle

        state = self.state.to_dict()

        scheduled_order: int | None
        scheduled_order = self.scheduled_order

        review_date: None | str
        if isinstance(self.review_date, datetime.date):
            review_date = self.review_date.isoformat()
        else:
            review_date = self.review_date

        reported_totals: dict[str, Any] | None
        if isinstance(self.reported_totals, ReportedTotals):
            reported_totals = self.reported_totals.to_dict()
        else:
            reported_totals = self.reported_totals

        loaded_recommendations = self.loaded_recommendations

        meeting_number: int | None
        meeting_number = self.meeting_number

        head_of_delegation: None | str
        head_of_delegation = self.head_of_delegation

        troika = []
        for troika_item_data in self.troika:
            troika_item = troika_item_data.to_dict()
            troika.append(troika_item)

        hrc_session: int | None
        hrc_session = self.hrc_session

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        recommendation_counts = self.recommendation_counts.to_dict()

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        pledges = self.pledges

        warnings = self.warnings

        notes: None | str
        notes = self.notes

        novelty: dict[str, Any] | None | Unset
        if isinstance(self.novelty, Unset):
            novelty = UNSET
        elif isinstance(self.novelty, ReviewNovelty):
            novelty = self.novelty.to_dict()
        else:
            novelty = self.novelty

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "session": session,
                "cycle": cycle,
                "state": state,
                "scheduled_order": scheduled_order,
                "review_date": review_date,
                "reported_totals": reported_totals,
                "loaded_recommendations": loaded_recommendations,
                "meeting_number": meeting_number,
                "head_of_delegation": head_of_delegation,
                "troika": troika,
                "hrc_session": hrc_session,
                "documents": documents,
                "recommendation_counts": recommendation_counts,
                "sources": sources,
                "pledges": pledges,
                "warnings": warnings,
                "notes": notes,
            }
        )
        if novelty is not UNSET:
            field_dict["novelty"] = novelty

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_public import DocumentPublic  # noqa: PLC0415
        from ..models.position_counts import PositionCounts  # noqa: PLC0415
        from ..models.reported_totals import ReportedTotals  # noqa: PLC0415
        from ..models.review_novelty import ReviewNovelty  # noqa: PLC0415
        from ..models.review_source import ReviewSource  # noqa: PLC0415
        from ..models.state_ref import StateRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        session = d.pop("session")

        cycle = d.pop("cycle")

        state = StateRef.from_dict(d.pop("state"))

        def _parse_scheduled_order(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        scheduled_order = _parse_scheduled_order(d.pop("scheduled_order"))

        def _parse_review_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_date_type_0 = datetime.date.fromisoformat(data)

                return review_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        review_date = _parse_review_date(d.pop("review_date"))

        def _parse_reported_totals(data: object) -> None | ReportedTotals:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reported_totals_type_0 = ReportedTotals.from_dict(data)

                return reported_totals_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReportedTotals, data)

        reported_totals = _parse_reported_totals(d.pop("reported_totals"))

        loaded_recommendations = d.pop("loaded_recommendations")

        def _parse_meeting_number(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        meeting_number = _parse_meeting_number(d.pop("meeting_number"))

        def _parse_head_of_delegation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        head_of_delegation = _parse_head_of_delegation(d.pop("head_of_delegation"))

        troika = []
        _troika = d.pop("troika")
        for troika_item_data in _troika:
            troika_item = StateRef.from_dict(troika_item_data)

            troika.append(troika_item)

        def _parse_hrc_session(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        hrc_session = _parse_hrc_session(d.pop("hrc_session"))

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = DocumentPublic.from_dict(documents_item_data)

            documents.append(documents_item)

        recommendation_counts = PositionCounts.from_dict(d.pop("recommendation_counts"))

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = ReviewSource.from_dict(sources_item_data)

            sources.append(sources_item)

        pledges = d.pop("pledges")

        warnings = cast(list[str], d.pop("warnings"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_novelty(data: object) -> None | ReviewNovelty | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                novelty_type_0 = ReviewNovelty.from_dict(data)

                return novelty_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewNovelty | Unset, data)

        novelty = _parse_novelty(d.pop("novelty", UNSET))

        review_detail = cls(
            id=id,
            session=session,
            cycle=cycle,
            state=state,
            scheduled_order=scheduled_order,
            review_date=review_date,
            reported_totals=reported_totals,
            loaded_recommendations=loaded_recommendations,
            meeting_number=meeting_number,
            head_of_delegation=head_of_delegation,
            troika=troika,
            hrc_session=hrc_session,
            documents=documents,
            recommendation_counts=recommendation_counts,
            sources=sources,
            pledges=pledges,
            warnings=warnings,
            notes=notes,
            novelty=novelty,
        )

        review_detail.additional_properties = d
        return review_detail

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
