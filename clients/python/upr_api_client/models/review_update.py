from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewUpdate")


@_attrs_define
class ReviewUpdate:
    """Facts of a review a curator may set or correct; only the fields sent change (null clears).

    `reported_*` are the totals an official source states (with that source).

        Attributes:
            review_date (datetime.date | None | Unset):
            meeting_number (int | None | Unset):
            head_of_delegation (None | str | Unset):
            hrc_session (int | None | Unset):
            reported_received (int | None | Unset):
            reported_supported (int | None | Unset):
            reported_noted (int | None | Unset):
            reported_source (None | str | Unset):
            notes (None | str | Unset):
    """

    review_date: datetime.date | None | Unset = UNSET
    meeting_number: int | None | Unset = UNSET
    head_of_delegation: None | str | Unset = UNSET
    hrc_session: int | None | Unset = UNSET
    reported_received: int | None | Unset = UNSET
    reported_supported: int | None | Unset = UNSET
    reported_noted: int | None | Unset = UNSET
    reported_source: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        review_date: None | str | Unset
        if isinstance(self.review_date, Unset):
            review_date = UNSET
        elif isinstance(self.review_date, datetime.date):
            review_date = self.review_date.isoformat()
        else:
            review_date = self.review_date

        meeting_number: int | None | Unset
        if isinstance(self.meeting_number, Unset):
            meeting_number = UNSET
        else:
            meeting_number = self.meeting_number

        head_of_delegation: None | str | Unset
        if isinstance(self.head_of_delegation, Unset):
            head_of_delegation = UNSET
        else:
            head_of_delegation = self.head_of_delegation

        hrc_session: int | None | Unset
        if isinstance(self.hrc_session, Unset):
            hrc_session = UNSET
        else:
            hrc_session = self.hrc_session

        reported_received: int | None | Unset
        if isinstance(self.reported_received, Unset):
            reported_received = UNSET
        else:
            reported_received = self.reported_received

        reported_supported: int | None | Unset
        if isinstance(self.reported_supported, Unset):
            reported_supported = UNSET
        else:
            reported_supported = self.reported_supported

        reported_noted: int | None | Unset
        if isinstance(self.reported_noted, Unset):
            reported_noted = UNSET
        else:
            reported_noted = self.reported_noted

        reported_source: None | str | Unset
        if isinstance(self.reported_source, Unset):
            reported_source = UNSET
        else:
            reported_source = self.reported_source

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if review_date is not UNSET:
            field_dict["review_date"] = review_date
        if meeting_number is not UNSET:
            field_dict["meeting_number"] = meeting_number
        if head_of_delegation is not UNSET:
            field_dict["head_of_delegation"] = head_of_delegation
        if hrc_session is not UNSET:
            field_dict["hrc_session"] = hrc_session
        if reported_received is not UNSET:
            field_dict["reported_received"] = reported_received
        if reported_supported is not UNSET:
            field_dict["reported_supported"] = reported_supported
        if reported_noted is not UNSET:
            field_dict["reported_noted"] = reported_noted
        if reported_source is not UNSET:
            field_dict["reported_source"] = reported_source
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_review_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_date_type_0 = datetime.date.fromisoformat(data)

                return review_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        review_date = _parse_review_date(d.pop("review_date", UNSET))

        def _parse_meeting_number(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        meeting_number = _parse_meeting_number(d.pop("meeting_number", UNSET))

        def _parse_head_of_delegation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        head_of_delegation = _parse_head_of_delegation(d.pop("head_of_delegation", UNSET))

        def _parse_hrc_session(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hrc_session = _parse_hrc_session(d.pop("hrc_session", UNSET))

        def _parse_reported_received(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reported_received = _parse_reported_received(d.pop("reported_received", UNSET))

        def _parse_reported_supported(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reported_supported = _parse_reported_supported(d.pop("reported_supported", UNSET))

        def _parse_reported_noted(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reported_noted = _parse_reported_noted(d.pop("reported_noted", UNSET))

        def _parse_reported_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reported_source = _parse_reported_source(d.pop("reported_source", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        review_update = cls(
            review_date=review_date,
            meeting_number=meeting_number,
            head_of_delegation=head_of_delegation,
            hrc_session=hrc_session,
            reported_received=reported_received,
            reported_supported=reported_supported,
            reported_noted=reported_noted,
            reported_source=reported_source,
            notes=notes,
        )

        return review_update
