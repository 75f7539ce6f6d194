"""A review's facts as its documents state them, and the lock that serialises imports into it.

The review itself, its date, meeting, delegation and stated totals, its troika, the documents
attached to it and the warnings each source left on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select
from sqlmodel import Session, col

from app.importers.loading.report import ImportFailed, ImportReport
from app.importers.loading.states import StateResolver
from app.importers.records import ParsedDocument
from app.kit.dialect import advisory_lock
from app.models.reviews import Document, Review, ReviewWarning, TroikaSeat, review_id
from app.models.sessions import WorkingGroupSession
from app.vocab import DocumentKind


def lock_reviews(db: Session, review_ids: Iterable[str]) -> None:
    """Serialise concurrent imports into the same reviews (`app.kit.dialect.advisory_lock`),
    taking the locks in one order so that two imports cannot wait on each other."""
    for rid in sorted(set(review_ids)):
        advisory_lock(db, f"review:{rid}")


def ensure_review(db: Session, session: int, iso3: str, file: str) -> str:
    """The id of the review of `iso3` in `session`, created if it is not known yet."""
    rid = review_id(session, iso3)
    if db.get(Review, rid) is None:
        if db.get(WorkingGroupSession, session) is None:
            raise ImportFailed(file, [f"Working Group session {session} is not known"])
        db.add(Review(id=rid, session_number=session, state_iso3=iso3))
        db.flush()
    return rid


def record_warnings(db: Session, rid: str, source_label: str, messages: list[str]) -> None:
    """Replace the warnings this source left on a review with the current ones."""
    db.execute(
        delete(ReviewWarning).where(
            col(ReviewWarning.review_id) == rid, col(ReviewWarning.source) == source_label
        )
    )
    db.add_all(ReviewWarning(review_id=rid, source=source_label, message=m) for m in messages)


def apply_metadata(
    db: Session, rid: str, doc: ParsedDocument, resolver: StateResolver, report: ImportReport
) -> None:
    """Fill the review's facts from a Working Group report or addendum; note what changed."""
    review = db.get(Review, rid)
    assert review is not None
    wanted: dict[str, Any] = {}
    if doc.metadata:
        meta = doc.metadata
        wanted.update(
            review_date=meta.review_date,
            meeting_number=meta.meeting_number,
            head_of_delegation=meta.head_of_delegation,
            hrc_session=meta.hrc_session,
        )
    if doc.reported_totals:
        totals = doc.reported_totals
        wanted.update(
            reported_received=totals.received,
            reported_supported=totals.supported,
            reported_noted=totals.noted,
            reported_source=totals.source,
        )
    for name, value in wanted.items():
        if value is not None and getattr(review, name) != value:
            setattr(review, name, value)
            report.review_fields_changed.append(name)
    if doc.metadata and doc.metadata.troika:
        troika = [resolver.resolve(name, f"{doc.file} troika") for name in doc.metadata.troika]
        seats = (
            db.execute(select(TroikaSeat).where(col(TroikaSeat.review_id) == rid)).scalars().all()
        )
        if all(troika) and [seat.iso3 for seat in sorted(seats, key=lambda s: s.seat)] != troika:
            for seat in seats:
                db.delete(seat)
            db.flush()
            db.add_all(
                TroikaSeat(review_id=rid, seat=i, iso3=iso3)
                for i, iso3 in enumerate(troika, start=1)
                if iso3
            )
            report.review_fields_changed.append("troika")


def record_documents(db: Session, rid: str, doc: ParsedDocument, report: ImportReport) -> None:
    """Attach the document itself and the documents it cites to the review."""
    entries: list[tuple[DocumentKind, str | None, dt.date | None, str | None]] = [
        (doc.kind, doc.symbol, doc.date, doc.file)
    ]
    entries += [(ref.kind, ref.symbol, ref.date, None) for ref in doc.cited_documents]
    for kind, symbol, date, source_file in entries:
        found = (
            db.execute(
                select(Document).where(
                    col(Document.review_id) == rid,
                    col(Document.kind) == kind,
                    col(Document.symbol).is_(None)
                    if symbol is None
                    else col(Document.symbol) == symbol,
                )
            )
            .scalars()
            .first()
        )
        if found is None:
            db.add(
                Document(
                    review_id=rid, kind=kind, symbol=symbol, date=date, source_file=source_file
                )
            )
            report.review_fields_changed.append(f"document {symbol or kind.value}")
        else:
            changed = False
            if date and found.date != date:
                found.date, changed = date, True
            if source_file and found.source_file != source_file:
                found.source_file, changed = source_file, True
            if changed:
                report.review_fields_changed.append(f"document {symbol or kind.value}")
