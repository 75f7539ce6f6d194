"""Writes made in tests as the command line makes them: each in a unit of work of its own,
committed when it succeeds (on the test's session, a savepoint released) and rolled back when
it fails."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from app.auth.keys import NewKey, create_key, revoke_key
from app.importers.loading import ImportReport, load_document
from app.importers.records import ParsedDocument
from app.reference import REFERENCE_DIR, SeedReport, seed
from app.unit_of_work import unit_of_work


def load_committed(db: Session, document: ParsedDocument, *, dry_run: bool = False) -> ImportReport:
    """Load one parsed document in a unit of work on `db`, as `upr import` does."""
    with unit_of_work(db) as work:
        return load_document(work, document, dry_run=dry_run)


def seed_committed(db: Session, directory: Path = REFERENCE_DIR) -> SeedReport:
    """Seed the reference data in a unit of work on `db`, as `upr db seed` does."""
    with unit_of_work(db) as work:
        return seed(work, directory)


def key_committed(db: Session, name: str, scopes: list[str]) -> NewKey:
    """Make an API key in a unit of work on `db`, as `upr keys create` does (a write request
    that fails rolls the test's session back to its last commit, not past it)."""
    with unit_of_work(db):
        return create_key(db, name, scopes)


def revoke_committed(db: Session, prefix: str) -> None:
    """Revoke an API key in a unit of work on `db`, as `upr keys revoke` does."""
    with unit_of_work(db):
        revoke_key(db, prefix)
