from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tracking_source import TrackingSource
from ..models.tracking_status import TrackingStatus

T = TypeVar("T", bound="TrackingEntryPublic")


@_attrs_define
class TrackingEntryPublic:
    """One assessment in a recommendation's history.

    Attributes:
        id (int):
        recommendation_id (str):
        status (TrackingStatus): How far a recommendation has been implemented, in the assessor's view.
        status_date (datetime.date):
        source (TrackingSource): Who made the assessment.
        note (None | str):
        evidence (list[str]):
        responsible_institution (None | str):
        indicators (list[str]):
        supersedes (int | None): The entry this one corrects.
        superseded_by (int | None): The entry that corrects this one, if any.
        author_key (str): Public prefix of the API key that recorded it.
        recorded_at (datetime.datetime):
    """

    id: int
    recommendation_id: str
    status: TrackingStatus
    status_date: datetime.date
    source: TrackingSource
    note: None | str
    evidence: list[str]
    responsible_institution: None | str
    indicators: list[str]
    supersedes: int | None
    superseded_by: int | None
    author_key: str
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        recommendation_id = self.recommendation_id

        status = self.status.value

        status_date = self.status_date.isoformat()

        source = self.source.value

        note: None | str
        note = self.note

        evidence = self.evidence

        responsible_institution: None | str
        responsible_institution = self.responsible_institution

        indicators = self.indicators

        supersedes: int | None
        supersedes = self.supersedes

        superseded_by: int | None
        superseded_by = self.superseded_by

        author_key = self.author_key

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "recommendation_id": recommendation_id,
                "status": status,
                "status_date": status_date,
                "source": source,
                "note": note,
                "evidence": evidence,
                "responsible_institution": responsible_institution,
                "indicators": indicators,
                "supersedes": supersedes,
                "superseded_by": superseded_by,
                "author_key": author_key,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        recommendation_id = d.pop("recommendation_id")

        status = TrackingStatus(d.pop("status"))

        status_date = datetime.date.fromisoformat(d.pop("status_date"))

        source = TrackingSource(d.pop("source"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        evidence = cast(list[str], d.pop("evidence"))

        def _parse_responsible_institution(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        responsible_institution = _parse_responsible_institution(d.pop("responsible_institution"))

        indicators = cast(list[str], d.pop("indicators"))

        def _parse_supersedes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        supersedes = _parse_supersedes(d.pop("supersedes"))

        def _parse_superseded_by(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        superseded_by = _parse_superseded_by(d.pop("superseded_by"))

        author_key = d.pop("author_key")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        tracking_entry_public = cls(
            id=id,
            recommendation_id=recommendation_id,
            status=status,
            status_date=status_date,
            source=source,
            note=note,
            evidence=evidence,
            responsible_institution=responsible_institution,
            indicators=indicators,
            supersedes=supersedes,
            superseded_by=superseded_by,
            author_key=author_key,
            recorded_at=recorded_at,
        )

        tracking_entry_public.additional_properties = d
        return tracking_entry_public

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
