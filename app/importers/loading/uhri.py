"""Loading the UHRI bulk export: a checking pass, then batched writes with a resumable checkpoint.

The first pass reads the whole stream and writes nothing: every state name must resolve and
every record must map, or the import fails listing each problem and where it stood. The second
pass writes in batches, each in a unit of work of its own that also moves the checkpoint
forward (`load_uhri` owns them: the one import that commits more than once), so a failure
leaves every committed batch intact and a rerun resumes after the last one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path

from sqlmodel import Session, select

from app.db import SessionFactory
from app.importers.loading import (
    ImportFailed,
    ImportReport,
    StateResolver,
    TaxonomyCache,
    ensure_review,
    lock_reviews,
    resolve_recommendation,
    write_recommendations,
)
from app.importers.loading.incoming import IncomingRecommendation
from app.importers.parsing.uhri import UhriProblem, UhriReader, UhriRecord
from app.linking.runs import link_pending
from app.models.imports import ImportCheckpoint
from app.models.sessions import WorkingGroupSession
from app.unit_of_work import UnitOfWork, unit_of_work
from app.vocab import DataSource

BATCH_SIZE = 5_000
Progress = Callable[[int], None]


def checkpoint_key(path: Path) -> str:
    """The key under which an import of this file records its progress."""
    return f"uhri:{path.name}:{path.stat().st_size}"


def _describe(problem: UhriProblem) -> str:
    return f"{problem.location} ({problem.field} = {problem.value!r}): {problem.message}"


def check_uhri(
    new_session: SessionFactory, path: Path, progress: Progress | None = None
) -> tuple[int, list[str]]:
    """Read the whole export and write nothing.

    Returns the number of UPR recommendations and the non-fatal problems (values left out);
    raises ImportFailed listing every unresolved name, unknown session and unusable record.
    """
    reader = UhriReader(path)
    problems: list[str] = []
    count = 0
    with new_session() as db:
        resolver = StateResolver(db)
        sessions = set(db.exec(select(WorkingGroupSession.number)))
    for record in reader:
        _resolve(resolver, record, str(path))
        if record.session not in sessions:
            problems.append(f"{record.recommendation.location}: unknown session {record.session}")
        count += 1
        if progress and count % BATCH_SIZE == 0:
            progress(count)
    problems += [_describe(problem) for problem in reader.fatal_problems]
    problems += resolver.problems()
    if problems:
        raise ImportFailed(str(path), problems)
    return count, [_describe(problem) for problem in reader.problems]


def _resolve(resolver: StateResolver, record: UhriRecord, file: str) -> IncomingRecommendation:
    iso3 = resolver.resolve(record.state_under_review, f"{file} {record.recommendation.location}")
    parsed = record.recommendation
    annotation = parsed.external_ids.get("uhri")
    reference = f"UHRI AnnotationId {annotation}" if annotation else f"UHRI {parsed.location}"
    return resolve_recommendation(resolver, record.session, iso3 or "???", parsed, file, reference)


def load_uhri(
    new_session: SessionFactory,
    path: Path,
    *,
    batch_size: int = BATCH_SIZE,
    restart: bool = False,
    dry_run: bool = False,
    link: bool = True,
    progress: Progress | None = None,
) -> ImportReport:
    """Import the UPR recommendations of a UHRI export (see the module docstring).

    `new_session` makes a database session; each batch runs in a unit of work on one. With
    `link`, the states whose reviews changed are then linked across cycles; without it they
    stay marked pending for a later `upr link`.
    """
    report = ImportReport(file=str(path), source=DataSource.uhri.value, dry_run=dry_run)
    report.recommendations, report.warnings = check_uhri(new_session, path, progress)
    if dry_run:
        return report
    reader = UhriReader(path)
    key = checkpoint_key(path)
    with new_session() as db:
        checkpoint = db.get(ImportCheckpoint, key)
        if checkpoint is not None and not restart:
            reader.start = checkpoint.next_record
            report.warnings.append(f"resumed at record {checkpoint.next_record} (checkpoint)")
    records = iter(reader)
    done = 0
    while batch := list(islice(records, batch_size)):
        with new_session() as db, unit_of_work(db) as work:
            _write_batch(work, batch, str(path), report)
            _save_checkpoint(db, key, reader.next_index)
            work.changes.data_changed()  # every batch moves the version, as it moves the checkpoint
        done += len(batch)
        if progress:
            progress(done)
    with new_session() as db, unit_of_work(db):
        finished = db.get(ImportCheckpoint, key)
        if finished is not None:
            db.delete(finished)
    if link:
        link_pending(new_session)  # each state whose reviews the batches changed, once
    return report


def _write_batch(
    work: UnitOfWork, batch: Iterable[UhriRecord], file: str, report: ImportReport
) -> None:
    db = work.db
    resolver = StateResolver(db)
    incoming = [_resolve(resolver, record, file) for record in batch]
    if resolver.unresolved:  # the checking pass makes this unreachable unless aliases changed
        raise ImportFailed(file, resolver.problems())
    reviews = sorted({item.review_id for item in incoming})
    lock_reviews(db, reviews)
    known = set(report.reviews)
    for item in incoming:
        if item.review_id not in known:
            ensure_review(db, item.session, item.iso3, file)
            known.add(item.review_id)
            report.reviews.append(item.review_id)
    changes = report.added + report.changed
    write_recommendations(work, incoming, DataSource.uhri, TaxonomyCache(db), report)
    if report.added + report.changed > changes:
        work.changes.link_pending(reviews)  # linked after the last batch (or by `upr link`)


def _save_checkpoint(db: Session, key: str, next_record: int) -> None:
    now = dt.datetime.now(dt.UTC)
    checkpoint = db.get(ImportCheckpoint, key)
    if checkpoint is None:
        db.add(ImportCheckpoint(source_key=key, next_record=next_record, updated_at=now))
    else:
        checkpoint.next_record = next_record
        checkpoint.updated_at = now
