"""Links in the database, on both backends: after the bundled imports, incrementally after
new ones (a document, a UHRI export), pending marks, and the repeated/new conditions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.importers.loading.uhri import load_uhri
from app.importers.records import ParsedDocument, ParsedRecommendation
from app.linking.queries import NoveltyCounts, is_repeated, novelty_counts
from app.linking.runs import link_pending
from app.linking.service import mark_pending
from app.linking.similarity import REPEATED_THRESHOLD
from app.models.linking import RecommendationLink, ReviewLinking
from app.models.recommendations import Recommendation
from app.vocab import DocumentKind, LinkKind
from tests.support.uhri_generator import generate_uhri_export
from tests.support.writes import load_committed

SVN_REVIEWS = ["7-SVN", "20-SVN", "48-SVN"]


def _count(db: Session, review_id: str, *conditions: object) -> int:
    query = select(func.count()).where(Recommendation.review_id == review_id, *conditions)
    return db.exec(query).one()  # type: ignore[call-overload]


def _earlier(db: Session, recommendation_id: str) -> list[tuple[str, float]]:
    query = (
        select(RecommendationLink.related_id, RecommendationLink.score)
        .where(
            RecommendationLink.recommendation_id == recommendation_id,
            RecommendationLink.kind == LinkKind.earlier_cycle,
        )
        .order_by(col(RecommendationLink.rank))
    )
    return list(db.exec(query))


def test_the_bundled_reviews_are_linked_and_counted(db: Session) -> None:
    counts = novelty_counts(db, SVN_REVIEWS)
    assert counts["7-SVN"] == NoveltyCounts(new=97, repeated=0)  # a first review is all new
    for rid, total in (("20-SVN", 163), ("48-SVN", 254)):
        assert counts[rid].new + counts[rid].repeated == total
        assert 0 < counts[rid].new < counts[rid].repeated  # most are repeated, some are new
        assert _count(db, rid, is_repeated(True)) == counts[rid].repeated
        assert _count(db, rid, is_repeated(False)) == counts[rid].new


def test_a_reworded_repeat_is_found_and_a_new_subject_is_not(db: Session) -> None:
    # "Decriminalize defamation" (4th cycle) repeats the 2nd cycle's "... by decriminalizing
    # defamation in domestic law"; climate finance was never asked for before.
    best, score = _earlier(db, "48-SVN-140.69")[0]
    assert best == "20-SVN-115.132" and score >= REPEATED_THRESHOLD
    assert all(score < REPEATED_THRESHOLD for _, score in _earlier(db, "48-SVN-140.147"))
    new = Recommendation.id == "48-SVN-140.147"
    assert _count(db, "48-SVN", new, is_repeated(False)) == 1  # counted as new
    assert _count(db, "48-SVN", new, is_repeated(True)) == 0
    assert _earlier(db, "7-SVN-111.1") == []


def svn_report(session: int, *texts: str) -> ParsedDocument:
    return ParsedDocument(
        file=f"svn-{session}.pdf",
        symbol=None,
        kind=DocumentKind.working_group_report,
        session=session,
        state_under_review="Slovenia",
        recommendations=[
            ParsedRecommendation(
                paragraph=f"120.{n}", text=text, recommending_states=["Norway"], location=f"{n}"
            )
            for n, text in enumerate(texts, start=1)
        ],
    )


def test_importing_a_review_links_it_and_relinks_the_later_ones(db: Session) -> None:
    report = svn_report(
        34,
        "Decriminalize defamation and make it a civil offence",
        "Build a lighthouse for the protection of migratory birds",
    )
    load_committed(db, report)
    assert db.get(ReviewLinking, "34-SVN").pending is False  # type: ignore[union-attr]
    repeated = dict(_earlier(db, "34-SVN-120.1"))
    assert repeated.get("20-SVN-115.132", 0) >= REPEATED_THRESHOLD
    assert all(score < REPEATED_THRESHOLD for _, score in _earlier(db, "34-SVN-120.2"))
    # the 4th cycle now finds the 3rd cycle's recommendation among its earlier ones
    assert "34-SVN-120.1" in dict(_earlier(db, "48-SVN-140.69"))
    assert novelty_counts(db, ["34-SVN"])["34-SVN"] == NoveltyCounts(new=1, repeated=1)


def test_a_dry_run_links_nothing(db: Session) -> None:
    load_committed(db, svn_report(34, "Decriminalize defamation"), dry_run=True)
    assert db.get(ReviewLinking, "34-SVN") is None
    assert "34-SVN-120.1" not in dict(_earlier(db, "48-SVN-140.69"))


def test_pending_reviews_are_neither_new_nor_repeated_until_linked(
    db: Session, new_session: Callable[[], Session]
) -> None:
    repeated = _count(db, "48-SVN", is_repeated(True))
    mark_pending(db, ["48-SVN"])
    db.commit()
    assert "48-SVN" not in novelty_counts(db, SVN_REVIEWS)
    assert _count(db, "48-SVN", is_repeated(False)) == 0
    summary = link_pending(new_session)
    assert summary.states == ["SVN"] and summary.recommendations == 514
    db.expire_all()
    assert novelty_counts(db, ["48-SVN"])["48-SVN"].repeated == repeated


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("uhri-linking") / "export-full-en.json"
    generate_uhri_export(path, upr_records=700, other_records=20, seed=11)
    return path


def test_a_uhri_import_links_every_review_it_touched_once_at_the_end(
    db: Session, new_session: Callable[[], Session], export: Path
) -> None:
    report = load_uhri(new_session, export, batch_size=150)
    assert report.reviews and report.added > 0
    db.expire_all()
    rows = db.exec(
        select(ReviewLinking).where(col(ReviewLinking.review_id).in_(report.reviews))
    ).all()
    assert {row.review_id for row in rows} == set(report.reviews)
    assert not any(row.pending for row in rows)
    counts = novelty_counts(db, report.reviews)
    assert sum(c.new + c.repeated for c in counts.values()) == report.added
