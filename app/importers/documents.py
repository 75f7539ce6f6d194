"""Parsing an official document of a given kind, and the list of bundled documents."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from sqlmodel import Session

from app.config import DATA_DIR
from app.importers.records import ParsedDocument
from app.models.states import State
from app.states.queries import fold_name, name_index
from app.vocab import DocumentKind

BUNDLED_DIR = DATA_DIR / "documents"


@dataclass(frozen=True)
class DocumentSpec:
    """A document to import: its file, kind and, where the document does not say, its review.

    For a thematic list, a session or state given here overrides what the list says.
    """

    path: Path
    kind: DocumentKind
    session: int | None = None
    state: str | None = None


def with_state_name(db: Session, spec: DocumentSpec) -> DocumentSpec:
    """`spec` with its state, if given as an ISO3 code ("SVN"), replaced by the state's name.

    A known name or alias is kept as written; anything else too, for the loader to report.
    """
    if spec.state is None or fold_name(spec.state) in name_index(db):
        return spec
    state = db.get(State, spec.state.strip().upper())
    return replace(spec, state=state.name) if state is not None else spec


def parse_document(spec: DocumentSpec) -> ParsedDocument:
    """Parse a document with the parser for its kind (raises `ParseError`)."""
    if spec.kind is DocumentKind.working_group_report:
        from app.importers.parsing.wg_report import parse_working_group_report

        return parse_working_group_report(spec.path)
    if spec.kind is DocumentKind.addendum:
        from app.importers.parsing.addendum import parse_addendum

        return parse_addendum(spec.path, session=spec.session, state_under_review=spec.state)
    if spec.kind is DocumentKind.thematic_list:
        from app.importers.parsing.thematic_list import parse_thematic_list

        return parse_thematic_list(spec.path, session=spec.session, state_under_review=spec.state)
    raise ValueError(f"no parser for documents of kind {spec.kind.value}")


def bundled_documents(directory: Path = BUNDLED_DIR) -> list[DocumentSpec]:
    """The official documents shipped in `data/documents`, in import order."""
    manifest = json.loads((directory / "bundled.json").read_text(encoding="utf-8"))
    return [
        DocumentSpec(
            path=directory / entry["file"],
            kind=DocumentKind(entry["kind"]),
            session=entry.get("session"),
            state=entry.get("state"),
        )
        for entry in manifest["documents"]
    ]


def bundled_datasets(directory: Path = BUNDLED_DIR) -> list[Path]:
    """The dataset exports shipped in `data/datasets`, in import order (after the documents)."""
    manifest = json.loads((directory / "bundled.json").read_text(encoding="utf-8"))
    return [DATA_DIR / entry["file"] for entry in manifest.get("datasets", [])]
