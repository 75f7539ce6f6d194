"""The SDG–HR Data Explorer export as a source: merged with the official documents, every row
accounted for, each field with its sources, idempotent; on real extracts of the bundled export."""

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.importers.loading import ImportFailed
from app.importers.loading.explorer import load_explorer, textual_id
from app.models.recommendations import (
    Recommendation,
    RecommendationDisagreement,
    RecommendationSdg,
    RecommendationSource,
    RecommendingState,
)
from app.models.versioning import DatasetVersion
from app.vocab import DataSource, Position

EXTRACTS = Path(__file__).parents[1] / "data" / "sdg-explorer"
CYCLE1, CYCLE2 = EXTRACTS / "cycle1.xlsx", EXTRACTS / "cycle2.xlsx"


def _review(db: Session, rid: str) -> list[Recommendation]:
    return list(db.exec(select(Recommendation).where(Recommendation.review_id == rid)))


def _sources(db: Session, rid: str) -> dict[str, set[str]]:
    rows = db.exec(
        select(RecommendationSource)
        .join(Recommendation, col(Recommendation.id) == RecommendationSource.recommendation_id)
        .where(Recommendation.review_id == rid)
    )
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row.recommendation_id, set()).add(row.source)
    return found


def test_kazakhstans_2nd_review_keeps_the_report_and_lists_the_dataset_as_second_source(
    db: Session, new_session: Callable[[], Session]
) -> None:
    report = load_explorer(new_session, CYCLE2)
    db.expire_all()
    loaded = _review(db, "20-KAZ")
    # The report's 194 recommendations (143 supported, 51 noted) stay; the export has 188.
    assert len(loaded) == 194
    positions = [r.position for r in loaded]
    assert (positions.count(Position.supported), positions.count(Position.noted)) == (143, 51)
    assert all(r.text_from == DataSource.working_group_report for r in loaded)
    sources = _sources(db, "20-KAZ")
    both = [rid for rid, found in sources.items() if "sdg_explorer" in found]
    assert len(both) == 188
    assert all("working_group_report" in sources[rid] for rid in both)
    # The dataset's SDG targets, repaired, are the only SDGs of the review.
    sdgs = db.exec(
        select(func.count())
        .select_from(RecommendationSdg)
        .where(col(RecommendationSdg.recommendation_id).like("20-KAZ-%"))
    ).one()
    assert sdgs > 0
    source = db.get(RecommendationSource, ("20-KAZ-124.1", "sdg_explorer"))
    assert source is not None and source.reference.startswith("cycle2.xlsx row ")
    assert "text" in source.fields and "position" in source.fields
    assert "20-KAZ" in report.reviews


def test_rows_without_a_usable_paragraph_are_reported_and_matched_by_text(
    db: Session, new_session: Callable[[], Session]
) -> None:
    report = load_explorer(new_session, CYCLE2)
    # "|18|": a paragraph without its item, reported by row number.
    assert any("paragraph '18' is not an id" in line for line in report.warnings)
    assert any("rows matched by text" in line for line in report.warnings)
    db.expire_all()
    textual = db.exec(select(Recommendation).where(col(Recommendation.id).like("%-HUN-x%"))).all()
    assert textual and all(r.paragraph == "" for r in textual)
    first = textual[0]
    states = db.exec(
        select(RecommendingState.iso3).where(RecommendingState.recommendation_id == first.id)
    ).all()
    assert first.id == textual_id(first.session_number, "HUN", first.text, states)


def test_first_cycle_parts_merge_into_the_documents_item_or_stand_alone(
    db: Session, new_session: Callable[[], Session]
) -> None:
    before = len(_review(db, "7-KAZ"))
    load_explorer(new_session, CYCLE1)
    db.expire_all()
    # Kazakhstan's 1st review is loaded from its report: the export's rows join its items.
    assert len(_review(db, "7-KAZ")) == before
    # Afghanistan's is not: an item answered in parts by several states gives one
    # recommendation per distinct text, the later ones lettered.
    afghan = {r.id: r for r in _review(db, "5-AFG")}
    assert "5-AFG-96.1" in afghan and "5-AFG-96.1b" in afghan
    assert afghan["5-AFG-96.1b"].paragraph == "96.1b"
    # Council session 8 adopted sessions 1 and 2: Bahrain was reviewed in session 1.
    assert _review(db, "1-BHR")


def test_a_second_import_changes_nothing(db: Session, new_session: Callable[[], Session]) -> None:
    load_explorer(new_session, CYCLE1)
    version = db.exec(select(DatasetVersion.version)).one()
    again = load_explorer(new_session, CYCLE1)
    assert (again.added, again.changed) == (0, 0)
    assert again.unchanged == again.recommendations
    db.expire_all()
    assert db.exec(select(DatasetVersion.version)).one() == version


def test_disagreements_are_stored_with_both_values(
    db: Session, new_session: Callable[[], Session]
) -> None:
    report = load_explorer(new_session, CYCLE1)
    db.expire_all()
    pairs = db.exec(
        select(RecommendationDisagreement).where(
            col(RecommendationDisagreement.recommendation_id).like("7-KAZ-%")
        )
    ).all()
    assert len(pairs) == sum(1 for line in report.disagreements if line.startswith("7-KAZ-"))
    for pair in pairs:
        assert pair.source == DataSource.working_group_report  # the document ranks higher
        assert pair.other_source == DataSource.sdg_explorer
        assert pair.value != pair.other_value


def test_an_unknown_state_name_fails_naming_the_row_and_writes_nothing(
    db: Session, new_session: Callable[[], Session], tmp_path: Path
) -> None:
    path = tmp_path / "export.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(
        [
            "Recommendation",
            "Tekst",
            "Response",
            "Recommending state",
            "Goals",
            "Targets",
            "Keywords",
            "field_year",
            "Document",
        ]
    )
    row = ["Kazakhstan", "Ratify it", "Supported", "Lilliput", None, None, None]
    sheet.append([*row, "2014 Cycle 2", "Source:A/HRC/28/10|124.1|"])
    workbook.save(path)
    count = db.exec(select(func.count()).select_from(Recommendation)).one()
    with pytest.raises(ImportFailed, match=r"'Lilliput' at export.xlsx row 2"):
        load_explorer(new_session, path)
    db.expire_all()
    assert db.exec(select(func.count()).select_from(Recommendation)).one() == count
