from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reported_totals import ReportedTotals
    from ..models.state_ref import StateRef


T = TypeVar("T", bound="ReviewSummary")


@_attrs_define
class ReviewSummary:
    """One state's review in one Working Group session.

    Attributes:
        id (str):
        session (int):
        cycle (int):
        state (StateRef): A state named in another resource.
        scheduled_order (int | None):
        review_date (datetime.date | None):
        reported_totals (None | ReportedTotals):
        loaded_recommendations (int): Recommendations actually loaded for this review.
    """

    id: str
    session: int
    cycle: int
    state: StateRef
    scheduled_order: int | None
    review_date: datetime.date | None
    reported_totals: None | ReportedTotals
    loaded_recommendations: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reported_totals import ReportedTotals  # noqa: PLC0415

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
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reported_totals import ReportedTotals  # noqa: PLC0415
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

        review_summary = cls(
            id=id,
            session=session,
            cycle=cycle,
            state=state,
            scheduled_order=scheduled_order,
            review_date=review_date,
            reported_totals=reported_totals,
            loaded_recommendations=loaded_recommendations,
        )

        review_summary.additional_properties = d
        return review_summary

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
