from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.upload_kind import UploadKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="BodyImportDocument")


@_attrs_define
class BodyImportDocument:
    """
    Attributes:
        file (str): The document: PDF, DOCX or UHRI JSON.
        kind (UploadKind): What an uploaded document is, which picks its parser.
        session (int | Unset): Session number (addendum, thematic list).
        state (str | Unset): State under review as named in UN documents (addendum, thematic list).
        dry_run (bool | Unset): Parse, check and report; write nothing. Default: False.
    """

    file: str
    kind: UploadKind
    session: int | Unset = UNSET
    state: str | Unset = UNSET
    dry_run: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file

        kind = self.kind.value

        session = self.session

        state = self.state

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
                "kind": kind,
            }
        )
        if session is not UNSET:
            field_dict["session"] = session
        if state is not UNSET:
            field_dict["state"] = state
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", (None, str(self.file).encode(), "text/plain")))

        files.append(("kind", (None, str(self.kind.value).encode(), "text/plain")))

        if not isinstance(self.session, Unset):
            files.append(("session", (None, str(self.session).encode(), "text/plain")))

        if not isinstance(self.state, Unset):
            files.append(("state", (None, str(self.state).encode(), "text/plain")))

        if not isinstance(self.dry_run, Unset):
            files.append(("dry_run", (None, str(self.dry_run).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = d.pop("file")

        kind = UploadKind(d.pop("kind"))

        session = d.pop("session", UNSET)

        state = d.pop("state", UNSET)

        dry_run = d.pop("dry_run", UNSET)

        body_import_document = cls(
            file=file,
            kind=kind,
            session=session,
            state=state,
            dry_run=dry_run,
        )

        body_import_document.additional_properties = d
        return body_import_document

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
