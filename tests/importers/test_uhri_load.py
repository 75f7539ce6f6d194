"""Importing a UHRI-format export on both databases: checking pass, batches, checkpoint."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from app.importers.loading import ImportFailed
from app.importers.loading.uhri import checkpoint_key, load_uhri
from app.models.imports import ImportCheckpoint
from app.models.recommendations import ExternalId, Recommendation
from app.vocab import DataSource
from tests.support.uhri_generator import generate_uhri_export

UPR_RECORDS = 300


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("uhri") / "export-full-en.json"
    generate_uhri_export(path, upr_records=UPR_RECORDS, other_records=80, seed=7)
    return path


def _uhri_rows(db: Session) -> int:
    query = select(func.count()).where(Recommendation.text_from == DataSource.uhri)
    return db.exec(query).one()


def test_imports_every_upr_record_once_and_is_idempotent(
    db: Session, new_session: Callable[[], Session], export: Path
) -> None:
    before = _uhri_rows(db)
    report = load_uhri(new_session, export, batch_size=70)
    assert (report.recommendations, report.added, report.changed) == (UPR_RECORDS, UPR_RECORDS, 0)
    assert _uhri_rows(db) == before + UPR_RECORDS
    annotation_ids = {
        record["AnnotationId"]
        for record in json.loads(export.read_text())
        if record["Body"] == "- UPR"
    }
    stored = set(db.exec(select(ExternalId.value).where(ExternalId.system == "uhri")))
    assert annotation_ids <= stored
    assert db.get(ImportCheckpoint, checkpoint_key(export)) is None  # cleared when complete

    again = load_uhri(new_session, export, batch_size=70)
    assert (again.added, again.changed, again.unchanged) == (0, 0, UPR_RECORDS)


def test_dry_run_writes_nothing(
    db: Session, new_session: Callable[[], Session], export: Path
) -> None:
    before = _uhri_rows(db)
    report = load_uhri(new_session, export, dry_run=True)
    assert report.recommendations == UPR_RECORDS and report.added == 0
    assert _uhri_rows(db) == before


def test_resumes_from_the_checkpoint(
    db: Session, new_session: Callable[[], Session], export: Path
) -> None:
    items = json.loads(export.read_text())
    resume_at = len(items) // 2
    upr_after = sum(1 for record in items[resume_at:] if record["Body"] == "- UPR")
    db.add(
        ImportCheckpoint(
            source_key=checkpoint_key(export),
            next_record=resume_at,
            updated_at=dt.datetime.now(dt.UTC),
        )
    )
    db.commit()
    before = _uhri_rows(db)
    report = load_uhri(new_session, export, batch_size=50)
    assert report.added == upr_after
    assert _uhri_rows(db) == before + upr_after
    assert any("resumed at record" in warning for warning in report.warnings)


def test_unknown_country_fails_before_anything_is_written(
    db: Session, new_session: Callable[[], Session], export: Path, tmp_path: Path
) -> None:
    items = json.loads(export.read_text())
    upr = [i for i, record in enumerate(items) if record["Body"] == "- UPR"]
    items[upr[-1]]["UprRecommendingCountry"] = ["Freedonia"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(items))
    before = _uhri_rows(db)
    with pytest.raises(ImportFailed) as failure:
        load_uhri(new_session, broken, batch_size=50)
    assert failure.value.problems == [
        f"unknown state name 'Freedonia' at {broken} record {upr[-1]} "
        "(add it with `upr states alias`)"
    ]
    assert _uhri_rows(db) == before
