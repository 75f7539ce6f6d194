from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.tracking_source import TrackingSource
from ..models.tracking_status import TrackingStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="TrackingEntryCreate")


@_attrs_define
class TrackingEntryCreate:
    """A new assessment of a recommendation's implementation (or a correction of one).

    Attributes:
        status (TrackingStatus): How far a recommendation has been implemented, in the assessor's view.
        status_date (datetime.date): The date the assessment refers to: from 2008-01-01 (the UPR began in 2008) to
            today, not in the future; otherwise a 422.
        source (TrackingSource): Who made the assessment.
        note (None | str | Unset):
        evidence (list[str] | Unset): Links (http or https) to documents that support the assessment.
        responsible_institution (None | str | Unset):
        indicators (list[str] | Unset): Indicators used to assess progress (no '|' in them).
        supersedes (int | None | Unset): Id of an entry of the same recommendation and source that this one corrects; an
            entry can be superseded once.
    """

    status: TrackingStatus
    status_date: datetime.date
    source: TrackingSource
    note: None | str | Unset = UNSET
    evidence: list[str] | Unset = UNSET
    responsible_institution: None | str | Unset = UNSET
    indicators: list[str] | Unset = UNSET
    supersedes: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        status_date = self.status_date.isoformat()

        source = self.source.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        evidence: list[str] | Unset = UNSET
        if not isinstance(self.evidence, Unset):
            evidence = self.evidence

        responsible_institution: None | str | Unset
        if isinstance(self.responsible_institution, Unset):
            responsible_institution = UNSET
        else:
            responsible_institution = self.responsible_institution

        indicators: list[str] | Unset = UNSET
        if not isinstance(self.indicators, Unset):
            indicators = self.indicators

        supersedes: int | None | Unset
        if isinstance(self.supersedes, Unset):
            supersedes = UNSET
        else:
            supersedes = self.supersedes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "status_date": status_date,
                "source": source,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if responsible_institution is not UNSET:
            field_dict["responsible_institution"] = responsible_institution
        if indicators is not UNSET:
            field_dict["indicators"] = indicators
        if supersedes is not UNSET:
            field_dict["supersedes"] = supersedes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = TrackingStatus(d.pop("status"))

        status_date = datetime.date.fromisoformat(d.pop("status_date"))

        source = TrackingSource(d.pop("source"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        evidence = cast(list[str], d.pop("evidence", UNSET))

        def _parse_responsible_institution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        responsible_institution = _parse_responsible_institution(d.pop("responsible_institution", UNSET))

        indicators = cast(list[str], d.pop("indicators", UNSET))

        def _parse_supersedes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        supersedes = _parse_supersedes(d.pop("supersedes", UNSET))

        tracking_entry_create = cls(
            status=status,
            status_date=status_date,
            source=source,
            note=note,
            evidence=evidence,
            responsible_institution=responsible_institution,
            indicators=indicators,
            supersedes=supersedes,
        )

        return tracking_entry_create
