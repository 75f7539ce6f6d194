"""Loading one parsed document in the caller's unit of work, and the checks made on it.

`load_document` resolves every state name first (or fails, writing nothing), then writes the
review's facts and the recommendations and checks what is loaded against the document and the
review's stated totals. The caller's unit of work commits it, or rolls it back on failure or a
dry run.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlmodel import Session, col

from app.importers.loading.incoming import IncomingRecommendation, resolve_recommendation
from app.importers.loading.merge import write_recommendations
from app.importers.loading.report import ImportFailed, ImportReport
from app.importers.loading.review_facts import (
    apply_metadata,
    ensure_review,
    lock_reviews,
    record_documents,
    record_warnings,
)
from app.importers.loading.states import StateResolver
from app.importers.loading.taxonomy import TaxonomyCache
from app.importers.records import ParsedDocument, ParsedRecommendation
from app.models.recommendations import Recommendation, recommendation_id, split_paragraph
from app.models.reviews import Review, review_id
from app.vocab import DataSource, DocumentKind, Position

if TYPE_CHECKING:
    from app.unit_of_work import UnitOfWork

TOTALS_CHECK = "check of stated totals"

SOURCE_OF_KIND = {
    DocumentKind.working_group_report: DataSource.working_group_report,
    DocumentKind.addendum: DataSource.addendum,
    DocumentKind.thematic_list: DataSource.thematic_list,
}


def load_document(work: UnitOfWork, doc: ParsedDocument, *, dry_run: bool = False) -> ImportReport:
    """Write one parsed document in the unit of work (discarded on a dry run).

    The states of the reviews whose recommendations changed are relinked in the same
    transaction, and the dataset version moves only when what is served changed.
    """
    db = work.db
    source = SOURCE_OF_KIND[doc.kind]
    report = ImportReport(file=doc.file, source=source.value, dry_run=dry_run)
    resolver = StateResolver(db)
    iso3 = resolver.resolve(doc.state_under_review, f"{doc.file} (state under review)")
    incoming = [
        resolve_recommendation(
            resolver, doc.session, iso3 or "???", parsed, doc.file, _reference(doc, parsed)
        )
        for parsed in doc.recommendations
    ]
    if resolver.unresolved or iso3 is None:
        raise ImportFailed(doc.file, resolver.problems())
    rid = review_id(doc.session, iso3)
    lock_reviews(db, [rid])
    ensure_review(db, doc.session, iso3, doc.file)
    report.reviews.append(rid)
    apply_metadata(db, rid, doc, resolver, report)
    if resolver.unresolved:
        raise ImportFailed(doc.file, resolver.problems())
    record_documents(db, rid, doc, report)
    taxonomy = TaxonomyCache(db)
    if doc.positions:
        incoming += _positions_as_updates(db, doc, rid, iso3)
    report.recommendations = len(incoming)
    write_recommendations(work, incoming, source, taxonomy, report)
    if source is not DataSource.addendum:
        report.warnings += _missing_paragraphs(db, rid, {item.id for item in incoming})
    report.warnings += doc.warnings
    record_warnings(db, rid, doc.symbol or doc.file, report.warnings + report.disagreements)
    totals = _totals_check(db, rid)
    record_warnings(db, rid, TOTALS_CHECK, totals)
    report.warnings += totals
    db.flush()
    if dry_run:
        work.discard()
    elif report.added or report.changed:
        work.changes.link(report.reviews)  # new/repeated links of the changed state
    elif report.review_fields_changed:
        work.changes.data_changed()
    return report


def _reference(doc: ParsedDocument, parsed: ParsedRecommendation) -> str:
    """Where the document gives the recommendation: "A/HRC/28/10 - Para.124.1", or for a
    thematic list (which has no symbol) its file name and the place in it."""
    if doc.symbol:
        return f"{doc.symbol} - Para.{parsed.paragraph}"
    return f"{Path(doc.file).name}, {parsed.location}"


def _positions_as_updates(
    db: Session, doc: ParsedDocument, rid: str, iso3: str
) -> list[IncomingRecommendation]:
    """An addendum's positions as updates of recommendations that must already be loaded."""
    ids = {recommendation_id(doc.session, iso3, p.paragraph): p for p in doc.positions}
    known = set(
        db.execute(
            select(col(Recommendation.id)).where(col(Recommendation.id).in_(list(ids)))
        ).scalars()
    )
    missing = sorted(set(ids) - known, key=lambda rid_: split_paragraph(rid_.rsplit("-", 1)[1]))
    if missing:
        raise ImportFailed(
            doc.file,
            [
                "positions given for recommendations that are not loaded: "
                + ", ".join(missing[:20])
                + (f" and {len(missing) - 20} more" if len(missing) > 20 else "")
                + " (import the Working Group report or thematic list of this review first)"
            ],
        )
    return [
        IncomingRecommendation(
            id=key,
            review_id=rid,
            session=doc.session,
            iso3=iso3,
            paragraph=position.paragraph,
            text="",
            states=[],
            position=position.position,
            position_source=position.source,
            position_text=position.response_text,
            themes=[],
            groups=[],
            sdgs=[],
            external_ids={},
            reference=position.source,
        )
        for key, position in ids.items()
    ]


def _missing_paragraphs(db: Session, rid: str, present: set[str]) -> list[str]:
    """Recommendations loaded earlier for the review that this document does not contain."""
    loaded = set(
        db.execute(
            select(col(Recommendation.id)).where(col(Recommendation.review_id) == rid)
        ).scalars()
    )
    absent = sorted(loaded - present)
    if not absent:
        return []
    return [
        f"{len(absent)} loaded recommendations are not in this document: {', '.join(absent[:10])}"
    ]


def _totals_check(db: Session, rid: str) -> list[str]:
    """Warnings where loaded counts disagree with the review's stated totals.

    Positions are compared only once some are loaded (a report comes before its addendum).
    """
    review = db.get(Review, rid)
    assert review is not None
    counts = dict(
        db.execute(
            select(col(Recommendation.position), func.count())
            .where(col(Recommendation.review_id) == rid)
            .group_by(col(Recommendation.position))
        ).all()
    )
    loaded = sum(counts.values())
    with_position = loaded - counts.get(None, 0)
    checks = [
        ("received", review.reported_received, loaded),
        ("supported", review.reported_supported, counts.get(Position.supported, 0)),
        ("noted", review.reported_noted, counts.get(Position.noted, 0)),
    ]
    return [
        f"stated {what} total {stated} ({review.reported_source}) differs from {actual} loaded"
        for what, stated, actual in checks
        if stated is not None
        and stated != actual
        and (with_position if what != "received" else loaded)
    ]
