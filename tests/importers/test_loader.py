"""The loader on both databases, with documents made here for Kazakhstan's 4th review.

Kazakhstan's individual recommendations are not bundled, so every row these tests write is
known to them; each test's writes are rolled back afterwards.
"""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from app.importers.loading import ImportFailed
from app.importers.records import (
    ParsedDocument,
    ParsedPosition,
    ParsedRecommendation,
    ReportedTotals,
    ReviewMetadata,
    ThemeRef,
)
from app.models.recommendations import Recommendation, RecommendationDisagreement, RecommendingState
from app.models.reviews import Review, ReviewWarning, TroikaSeat
from app.models.taxonomy import Theme
from app.vocab import DocumentKind, ImplementationClaim, Position
from tests.support.writes import load_committed


def _rec(paragraph: str, text: str, *states: str, **extra) -> ParsedRecommendation:  # type: ignore[no-untyped-def]
    return ParsedRecommendation(
        paragraph=paragraph,
        text=text,
        recommending_states=list(states),
        location=f"para {paragraph}",
        **extra,
    )


def report_doc(**changes) -> ParsedDocument:  # type: ignore[no-untyped-def]
    doc = ParsedDocument(
        file="A_HRC_59_KAZ.pdf",
        symbol="A/HRC/59/KAZ-test",
        kind=DocumentKind.working_group_report,
        session=48,
        state_under_review="Kazakhstan",
        metadata=ReviewMetadata(
            review_date=None, meeting_number=7, troika=["Bangladesh", "Cuba", "Mauritius"]
        ),
        recommendations=[
            _rec(
                "130.1",
                "Ratify the Optional Protocol to the Convention against Torture",
                "Portugal",
                "the former Yugoslav Republic of Macedonia",
            ),
            _rec("130.2", "Abolish the death penalty", "Türkiye"),
            _rec("130.10", "Strengthen the Commissioner for Human Rights", "Côte d’Ivoire"),
        ],
    )
    return dataclasses.replace(doc, **changes)


def thematic_doc() -> ParsedDocument:
    return ParsedDocument(
        file="thematic.docx",
        symbol=None,
        kind=DocumentKind.thematic_list,
        session=48,
        state_under_review="KAZAKHSTAN",
        recommendations=[
            _rec(
                "130.1",
                "Ratify the Optional Protocol to the Convention against Torture",
                "Portugal",
                "North Macedonia",
                position=Position.noted,
                position_source="A/HRC/59/KAZ-test/Add.1",
                themes=[ThemeRef("Torture test", "D25")],
                affected_groups=["Persons deprived of their liberty"],
                sdgs=["16", "16.10"],
            ),
            _rec("130.2", "Abolish the death penalty.", "Turkey", position=Position.supported),
            _rec(
                "130.10",
                "Strengthen the Commissioner for Human Rights",
                "Cote d'Ivoire",
                position=Position.supported,
            ),
        ],
    )


def addendum_doc(*positions: tuple[str, Position]) -> ParsedDocument:
    return ParsedDocument(
        file="add1.pdf",
        symbol="A/HRC/59/KAZ-test/Add.1",
        kind=DocumentKind.addendum,
        session=48,
        state_under_review="Kazakhstan",
        positions=[
            ParsedPosition(
                paragraph=p,
                position=pos,
                source="A/HRC/59/KAZ-test/Add.1 - Para.3",
                location="para 3",
            )
            for p, pos in positions
        ],
        reported_totals=ReportedTotals(received=3, supported=3, noted=0, source="Add.1 para 2"),
    )


def _count(db: Session, model: type) -> int:
    return db.exec(select(func.count()).select_from(model)).one()


def test_report_import_resolves_names_and_is_idempotent(db: Session) -> None:
    first = load_committed(db, report_doc())
    assert (first.added, first.changed, first.unchanged) == (3, 0, 0)
    assert first.reviews == ["48-KAZ"]
    item = db.get(Recommendation, "48-KAZ-130.1")
    assert item is not None and item.paragraph_major == 130 and item.paragraph_minor == 1
    states = db.exec(
        select(RecommendingState.iso3)
        .where(RecommendingState.recommendation_id == "48-KAZ-130.1")
        .order_by(RecommendingState.ordinal)
    ).all()
    assert states == ["PRT", "MKD"]
    troika = db.exec(
        select(TroikaSeat.iso3).where(TroikaSeat.review_id == "48-KAZ").order_by(TroikaSeat.seat)
    ).all()
    assert troika == ["BGD", "CUB", "MUS"]

    again = load_committed(db, report_doc())
    assert (again.added, again.changed, again.unchanged) == (0, 0, 3)
    assert again.review_fields_changed == []


def test_unknown_names_fail_listing_each_place_and_write_nothing(db: Session) -> None:
    before = (_count(db, Recommendation), _count(db, Review))
    doc = report_doc()
    doc.recommendations[1].recommending_states = ["Atlantis"]
    doc.recommendations[2].recommending_states = ["Atlantis", "Lilliput"]
    with pytest.raises(ImportFailed) as failure:
        load_committed(db, doc)
    problems = failure.value.problems
    assert len(problems) == 2
    assert "'Atlantis' at A_HRC_59_KAZ.pdf para 130.2, A_HRC_59_KAZ.pdf para 130.10" in problems[0]
    assert "'Lilliput'" in problems[1]
    assert (_count(db, Recommendation), _count(db, Review)) == before


def test_dry_run_reports_but_writes_nothing(db: Session) -> None:
    before = _count(db, Recommendation)
    report = load_committed(db, report_doc(), dry_run=True)
    assert report.added == 3 and report.dry_run
    assert _count(db, Recommendation) == before


def test_corrected_document_updates_in_place(db: Session) -> None:
    load_committed(db, report_doc())
    corrected = report_doc()
    corrected.recommendations[1].text = "Abolish the death penalty in law and practice"
    report = load_committed(db, corrected)
    assert (report.added, report.changed, report.unchanged) == (0, 1, 2)
    assert db.get(Recommendation, "48-KAZ-130.2").text.endswith("in law and practice")  # type: ignore[union-attr]


def test_sources_merge_into_one_set_with_precedence(db: Session) -> None:
    load_committed(db, report_doc())
    load_committed(
        db,
        addendum_doc(
            ("130.1", Position.supported),
            ("130.2", Position.supported),
            ("130.10", Position.supported),
        ),
    )
    merged = load_committed(db, thematic_doc())
    assert merged.added == 0
    assert _count(db, Recommendation) >= 3
    assert db.exec(select(func.count()).where(Recommendation.review_id == "48-KAZ")).one() == 3
    item = db.get(Recommendation, "48-KAZ-130.1")
    assert item is not None
    # The addendum outranks the thematic list for positions; the disagreement is reported.
    assert item.position == Position.supported
    assert any("48-KAZ-130.1: position differs" in line for line in merged.disagreements)
    # The report outranks it for text; a differing full stop is no disagreement.
    assert db.get(Recommendation, "48-KAZ-130.2").text == "Abolish the death penalty"  # type: ignore[union-attr]
    assert not any("48-KAZ-130.2: text" in line for line in merged.disagreements)
    # Themes, groups and SDGs come from the thematic list.
    theme = db.exec(select(Theme).where(Theme.name == "Torture test")).one()
    assert theme.code == "D25"
    warnings = db.exec(select(ReviewWarning.message).where(ReviewWarning.review_id == "48-KAZ"))
    assert any("position differs" in message for message in warnings)


def test_a_final_position_replaces_a_pending_one_from_any_source(db: Session) -> None:
    pending = report_doc()
    for item in pending.recommendations:
        item.position, item.position_source = Position.pending, "A/HRC/59/KAZ-test - Para.130"
    pending.recommendations[0].position = Position.supported  # the report says so itself
    load_committed(db, pending)
    merged = load_committed(db, thematic_doc())
    # 130.2 and 130.10 were pending in the report: the lower-ranked list gives the final word.
    item = db.get(Recommendation, "48-KAZ-130.2")
    assert item is not None
    assert (item.position, item.position_from) == (Position.supported, "thematic_list")
    # 130.1: both final and different; the list outranks the report for positions, and the
    # disagreement is reported and stored with both values.
    first = db.get(Recommendation, "48-KAZ-130.1")
    assert first is not None and first.position == Position.noted
    assert [line for line in merged.disagreements if "position differs" in line] == [
        "48-KAZ-130.1: position differs: thematic_list (thematic.docx, para 130.1) has "
        "'noted', working_group_report (A/HRC/59/KAZ-test - Para.130.1) has 'supported'"
    ]
    stored = db.exec(
        select(RecommendationDisagreement).where(
            RecommendationDisagreement.recommendation_id == "48-KAZ-130.1"
        )
    ).all()
    assert [(d.field, d.source, d.value, d.other_source, d.other_value) for d in stored] == [
        ("position", "thematic_list", "noted", "working_group_report", "supported")
    ]
    # A report read again does not put "pending" back over the final position.
    again = load_committed(db, pending)
    assert again.changed == 0
    assert db.get(Recommendation, "48-KAZ-130.2").position == Position.supported  # type: ignore[union-attr]


def test_the_reports_implementation_claim_is_stored_with_its_source(db: Session) -> None:
    doc = report_doc()
    doc.recommendations[0].implementation_claim = ImplementationClaim.in_progress
    doc.recommendations[0].implementation_claim_source = "A/HRC/59/KAZ-test - Para.125"
    load_committed(db, doc)
    item = db.get(Recommendation, "48-KAZ-130.1")
    assert item is not None
    assert (item.implementation_claim, item.implementation_claim_source) == (
        ImplementationClaim.in_progress,
        "A/HRC/59/KAZ-test - Para.125",
    )
    assert db.get(Recommendation, "48-KAZ-130.2").implementation_claim is None  # type: ignore[union-attr]


def test_addendum_before_report_fails(db: Session) -> None:
    with pytest.raises(ImportFailed, match=r"not loaded: 48-KAZ-130\.1"):
        load_committed(db, addendum_doc(("130.1", Position.supported)))


def test_totals_mismatch_is_a_warning_on_the_review(db: Session) -> None:
    load_committed(db, report_doc())
    report = load_committed(
        db,
        addendum_doc(
            ("130.1", Position.noted), ("130.2", Position.supported), ("130.10", Position.supported)
        ),
    )
    assert any(
        "stated supported total 3" in w and "differs from 2 loaded" in w for w in report.warnings
    )
    review = db.get(Review, "48-KAZ")
    assert review is not None and review.reported_received == 3
