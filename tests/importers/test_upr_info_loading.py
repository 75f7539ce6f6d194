"""Importing UPR Info's export (real extracts, tests/data/upr-info) on both databases.

The test database holds the bundled official documents, among them Kazakhstan's reviews:
20-KAZ (A/HRC/28/10, 194 recommendations, 143 supported / 51 noted) and 7-KAZ (A/HRC/14/10,
128). `kazakhstan.csv` has every Kazakhstan row of UPR Info's sessions 7 (129 rows) and 20
(198 rows, 189 distinct texts), and seven Morocco and Senegal rows of session 1 and 4, whose
reviews are not loaded.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.importers.loading import ImportFailed
from app.importers.loading.explorer import textual_id
from app.importers.loading.upr_info import load_upr_info
from app.importers.loading.upr_info_pledges import pledge_id
from app.importers.parsing.upr_info import UprInfoFormatError
from app.models.recommendations import (
    Recommendation,
    RecommendationDisagreement,
    RecommendationSource,
    RecommendationUprInfoIssue,
    RecommendingState,
)
from app.models.reviews import Pledge
from app.models.taxonomy import UprInfoIssue
from app.models.versioning import DatasetVersion
from app.vocab import DataSource, Position, RecommendationField

DATA = Path(__file__).resolve().parents[1] / "data" / "upr-info"
KAZAKHSTAN = DATA / "kazakhstan.csv"
VOLUNTARY = DATA / "voluntary-extract.csv"
DISAGREEMENTS = DATA / "disagreements.csv"
NewSession = Callable[[], Session]
SOURCE = DataSource.upr_info


def count(db: Session, model: type, *where: object) -> int:
    return db.exec(select(func.count()).select_from(model).where(*where)).one()  # type: ignore[arg-type]


def version(db: Session) -> int:
    db.expire_all()
    return db.exec(select(DatasetVersion.version)).one()


def upr_info_sources(db: Session, review: str) -> dict[str, str]:
    """Recommendation id -> UPR Info's reference, for one review."""
    query = (
        select(RecommendationSource.recommendation_id, RecommendationSource.reference)
        .join(Recommendation, col(Recommendation.id) == RecommendationSource.recommendation_id)
        .where(Recommendation.review_id == review, RecommendationSource.source == SOURCE)
    )
    return dict(db.exec(query).all())


def issues_of(db: Session, rec_id: str) -> set[str]:
    query = (
        select(UprInfoIssue.name)
        .join(
            RecommendationUprInfoIssue, col(RecommendationUprInfoIssue.issue_id) == UprInfoIssue.id
        )
        .where(RecommendationUprInfoIssue.recommendation_id == rec_id)
    )
    return set(db.exec(query).all())


def states_of(db: Session, rec_id: str) -> list[str]:
    query = (
        select(RecommendingState.iso3)
        .where(RecommendingState.recommendation_id == rec_id)
        .order_by(col(RecommendingState.ordinal))
    )
    return list(db.exec(query).all())


def edited(path: Path, folder: Path, row: int, column: str, value: str) -> Path:
    """A copy of an extract (Mac Roman, CR line endings) with one cell changed; `row` is the
    line number (the header is line 1)."""
    cells = list(csv.reader(io.StringIO(path.read_bytes().decode("mac_roman"), newline="")))
    cells[row - 1][cells[0].index(column)] = value
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r").writerows(cells)
    copy = folder / path.name
    copy.write_bytes(buffer.getvalue().encode("mac_roman"))
    return copy


def test_kazakhstan_is_matched_to_the_documents_and_adds_upr_info_as_a_source(
    db: Session, new_session: NewSession
) -> None:
    assert count(db, Recommendation, Recommendation.review_id == "20-KAZ") == 194
    assert count(db, Recommendation, Recommendation.review_id == "7-KAZ") == 128

    report = load_upr_info(new_session, KAZAKHSTAN)

    assert report.warnings[-1] == (
        "325 recommendations (groups of rows) read: 316 matched by text to recommendations "
        "loaded for their reviews (310 by the same text, 1 as part of a loaded text, 5 by "
        "nearly the same text), 9 added without paragraph; they give 330 recommendations, 9 "
        "of them without paragraph"
    )
    assert (report.recommendations, report.added, report.changed) == (330, 9, 321)
    # Session 20: all 189 texts matched, and every one of the report's 194 recommendations
    # has UPR Info as its second source (one text made by several states is several of them).
    sources = upr_info_sources(db, "20-KAZ")
    assert len(sources) == 194 and all(rec_id.startswith("20-KAZ-12") for rec_id in sources)
    assert count(db, Recommendation, Recommendation.review_id == "20-KAZ") == 194
    # "Abolish the death penalty": one group of four rows, four recommendations of the report.
    assert [sources[f"20-KAZ-125.{n}"] for n in (42, 43, 44, 45)] == [
        f"kazakhstan.csv row {row}" for row in (222, 223, 224, 225)
    ]
    assert [states_of(db, f"20-KAZ-125.{n}") for n in (42, 43, 44, 45)] == [
        ["SWE"],
        ["PRT"],
        ["DEU"],
        ["SVN"],
    ]
    # Session 7: 127 of the report's 128 matched; the two parts of 95.3 ("To consider
    # ratifying (Slovenia)/ratify (Republic of Korea) the Convention ...") are added.
    sources = upr_info_sources(db, "7-KAZ")
    assert len(sources) == 129 and "7-KAZ-95.3" not in sources
    added = sorted(rec_id for rec_id in sources if "-x" in rec_id)
    texts = {
        "SVN": "Consider ratifying the Convention on the Rights of Persons with Disabilities",
        "KOR": "Ratify the Convention on the Rights of Persons with Disabilities",
    }
    assert added == sorted(textual_id(7, "KAZ", text, [iso3]) for iso3, text in texts.items())
    for rec_id in added:
        rec = db.get(Recommendation, rec_id)
        assert rec is not None and rec.paragraph == "" and rec.text_from == SOURCE
        assert rec.text == texts[states_of(db, rec_id)[0]]
    # The Morocco and Senegal rows (reviews not loaded) are added without paragraph.
    assert count(db, Recommendation, col(Recommendation.review_id).in_(["1-MAR", "4-SEN"])) == 7

    # UPR Info's own coding, never as themes; the documents keep their text and positions.
    rec = db.get(Recommendation, "20-KAZ-125.42")
    assert rec is not None
    assert rec.upr_info_action_category == 5 and issues_of(db, rec.id) == {"Death penalty"}
    assert rec.text_from == DataSource.working_group_report
    source = db.get(RecommendationSource, ("20-KAZ-125.42", SOURCE))
    assert source is not None
    assert source.fields == "text,position,recommending_states"
    served = db.exec(
        select(Recommendation.position, func.count())
        .where(Recommendation.review_id == "20-KAZ")
        .group_by(Recommendation.position)
    ).all()
    assert dict(served) == {Position.supported: 143, Position.noted: 51}

    # Where UPR Info says otherwise, the disagreement is kept: one position, five texts.
    pairs = db.exec(
        select(RecommendationDisagreement).where(RecommendationDisagreement.other_source == SOURCE)
    ).all()
    assert sorted((pair.recommendation_id, pair.field) for pair in pairs) == [
        ("20-KAZ-124.42", RecommendationField.text),
        ("20-KAZ-126.27", RecommendationField.position),
        ("20-KAZ-126.44", RecommendationField.text),
        ("7-KAZ-95.41", RecommendationField.text),
        ("7-KAZ-95.83", RecommendationField.text),
        ("7-KAZ-97.10", RecommendationField.text),
    ]
    position = next(pair for pair in pairs if pair.field == RecommendationField.position)
    assert (position.source, position.value, position.other_value) == (
        DataSource.working_group_report,
        "noted",
        "supported",
    )
    assert position.other_reference == "kazakhstan.csv row 304"
    assert len(report.disagreements) == 6

    before = version(db)
    again = load_upr_info(new_session, KAZAKHSTAN)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 330)
    assert version(db) == before


def test_only_state_and_dry_run(db: Session, new_session: NewSession) -> None:
    before = (count(db, RecommendationSource), version(db))
    dry = load_upr_info(new_session, KAZAKHSTAN, dry_run=True, only_state="KAZ", link=False)
    assert sorted(dry.reviews) == ["20-KAZ", "7-KAZ"]
    assert (dry.recommendations, dry.added, dry.changed) == (323, 2, 321)
    assert (count(db, RecommendationSource), version(db)) == before


def test_rows_that_disagree_are_warnings_and_sources_of_their_recommendations(
    db: Session, new_session: NewSession
) -> None:
    report = load_upr_info(new_session, DISAGREEMENTS, link=False)
    assert (report.recommendations, report.added) == (17, 17)
    assert "rows 2-4: the rows disagree on Action: 4 in row 2; 2 in rows 3, 4 (column Action)" in (
        report.warnings
    )
    assert (
        "rows 21, 24, 25: the rows disagree on Response: 'Accepted' in row 21; 'Noted' in rows "
        "24, 25 (column Response)"
    ) in report.warnings
    assert "row 5: From '(Unknown)' names no recommending state (column From)" in report.warnings
    by_reference = {
        source.reference: db.get(Recommendation, source.recommendation_id)
        for source in db.exec(
            select(RecommendationSource).where(
                RecommendationSource.reference.startswith("disagreements.csv")  # type: ignore[attr-defined]
            )
        )
    }
    assert len(by_reference) == 17
    argentina = by_reference["disagreements.csv rows 2-4"]
    assert argentina is not None and argentina.upr_info_action_category is None
    assert states_of(db, argentina.id) == ["SVN", "AUT", "CAN"]
    cedaw = by_reference["disagreements.csv rows 21, 24, 25"]
    assert cedaw is not None and cedaw.position is None and cedaw.text == "Ratify CEDAW"
    unknown = by_reference["disagreements.csv row 5"]
    assert unknown is not None and states_of(db, unknown.id) == [] and unknown.paragraph == ""
    repeated = by_reference["disagreements.csv rows 22, 23"]
    assert repeated is not None and states_of(db, repeated.id) == ["GBR"]
    again = load_upr_info(new_session, DISAGREEMENTS, link=False)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 17)


def test_pledges_are_pledges_not_recommendations(db: Session, new_session: NewSession) -> None:
    recommendations = count(db, Recommendation)
    report = load_upr_info(new_session, VOLUNTARY, link=False)
    assert (report.pledges, report.recommendations, report.added) == (48, 0, 0)
    assert "48 voluntary pledges read" in report.summary()
    assert "48 voluntary pledge rows: 46 pledges, 46 added, 0 changed, 0 unchanged" in (
        report.warnings
    )
    assert "row 44: pledge: the same pledge (session, state and text) as row 34" in report.warnings
    assert count(db, Recommendation) == recommendations
    pledges = db.exec(select(Pledge).where(col(Pledge.id).startswith("19-ALB-p"))).all()
    first = next(pledge for pledge in pledges if pledge.reference == "voluntary-extract.csv row 2")
    assert first.id == pledge_id(19, "ALB", first.text) and first.source == SOURCE
    assert (first.upr_info_action_category, first.upr_info_issues) == (
        5,
        "Minorities,National plan of action",
    )
    yemen = db.exec(select(Pledge.reference).where(Pledge.review_id == "5-YEM")).all()
    assert "voluntary-extract.csv rows 34, 44" in yemen

    before = version(db)
    again = load_upr_info(new_session, VOLUNTARY, link=False)
    assert "48 voluntary pledge rows: 46 pledges, 0 added, 0 changed, 46 unchanged" in (
        again.warnings
    )
    assert version(db) == before and count(db, Pledge) == 46


def test_unknown_names_and_sessions_fail_naming_the_rows_and_write_nothing(
    db: Session, new_session: NewSession, tmp_path: Path
) -> None:
    before = (count(db, Recommendation), count(db, RecommendationSource), version(db))
    broken = edited(KAZAKHSTAN, tmp_path, 304, "From", "Freedonia")
    broken = edited(broken, tmp_path, 10, "To", "Kazakstan")
    with pytest.raises(ImportFailed) as failure:
        load_upr_info(new_session, broken)
    assert failure.value.problems == [
        "unknown state name 'Freedonia' at kazakhstan.csv row 304 (column From) "
        "(add it with `upr states alias`)",
        "unknown state name 'Kazakstan' at kazakhstan.csv row 10 (column To) "
        "(add it with `upr states alias`)",
    ]
    broken = edited(KAZAKHSTAN, tmp_path, 12, "Session", "99")
    with pytest.raises(ImportFailed) as failure:
        load_upr_info(new_session, broken)
    assert failure.value.problems == [
        "Working Group session 99 is not known (column Session, row 12): sessions are listed "
        "in data/reference/sessions.csv"
    ]
    assert (count(db, Recommendation), count(db, RecommendationSource), version(db)) == before


def test_a_damaged_file_is_refused_before_anything_is_written(
    db: Session, new_session: NewSession, tmp_path: Path
) -> None:
    before = (count(db, RecommendationSource), version(db))
    workbook = tmp_path / "1-5.csv"
    workbook.write_bytes(b"PK\x03\x04" + KAZAKHSTAN.read_bytes()[:200])
    with pytest.raises(UprInfoFormatError, match=r"1-5\.csv"):
        load_upr_info(new_session, workbook)
    truncated = tmp_path / "kazakhstan.csv"
    truncated.write_bytes(b"To,Text,From\r" + KAZAKHSTAN.read_bytes().split(b"\r", 1)[1])
    with pytest.raises(UprInfoFormatError, match="no column"):
        load_upr_info(new_session, truncated)
    assert (count(db, RecommendationSource), version(db)) == before
