"""Loading UPR Info's database export: its recommendations merged with those already loaded.

The export (`app.importers.parsing.upr_info`) gives each recommendation's Working Group session
(`Session`), state under review (`To`), text, recommending states (`From`, one row each),
response, UPR Info's action category (1-5) and UPR Info's issues, but no paragraph numbers.
UPR Info's action category and issues are its own coding, stored as such
(`upr_info_action_category`, `RecommendationUprInfoIssue`), never as OHCHR's themes. A
"Pending" response gives no position. Voluntary pledges (`voluntary.csv`) are written as
`Pledge` rows of their review, id "{session}-{ISO3}-p" and 8 hex digits of the SHA-1 of their
matching key, never as recommendations.

Linking: an import marks for linking only the reviews whose recommendations' texts or
recommending states changed (what links are computed from), since most of what UPR Info gives
to a recommendation already loaded (a source, a position that rarely wins, its own coding)
leaves links as they were. Importing several files, pass `link=False` and link the pending
states once after the last (`app.linking.runs.link_pending`).

Checking first: every state name (To and From) resolves through the alias table and every
session is a known Working Group session, or the import fails naming the rows ("1-5.csv row
12 (column From)") and writes nothing. One file is one unit of work; a file that cannot be
read (`UprInfoFormatError`) raises before anything is written.

The groups are matched to what is loaded by `upr_info_matching`, the pledges written by
`upr_info_pledges`, rows named by `upr_info_rows`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session, col

from app.db import SessionFactory
from app.importers.loading.merge import write_recommendations
from app.importers.loading.report import ImportFailed, ImportReport
from app.importers.loading.review_facts import ensure_review, lock_reviews, record_warnings
from app.importers.loading.states import StateResolver
from app.importers.loading.taxonomy import TaxonomyCache
from app.importers.loading.text import text_key
from app.importers.loading.upr_info_matching import (
    FINAL,
    Group,
    Loaded,
    Row,
    read_loaded,
    recommendations,
)
from app.importers.loading.upr_info_pledges import SOURCE, write_pledges
from app.importers.loading.upr_info_rows import rows_text
from app.importers.parsing.upr_info import (
    UprInfoFile,
    UprInfoPledge,
    UprInfoRow,
    read_upr_info,
    read_upr_info_rows,
)
from app.linking.runs import link_pending
from app.models.reviews import review_id
from app.models.sessions import WorkingGroupSession
from app.unit_of_work import unit_of_work


def load_upr_info(
    new_session: SessionFactory,
    path: Path,
    *,
    dry_run: bool = False,
    only_state: str | None = None,
    link: bool = True,
) -> ImportReport:
    """Import one export file in one unit of work (see the module docstring).

    `only_state` (ISO3) imports only the recommendations and pledges of that state's reviews.
    With `link`, the states whose reviews changed are then linked across cycles, each in its
    own unit of work (`app.linking.runs`).
    """
    report = ImportReport(file=str(path), source=SOURCE.value, dry_run=dry_run)
    export = read_upr_info(path)
    rows = {row.row: row for row in read_upr_info_rows(path, encoding=export.encoding)}
    with new_session() as db, unit_of_work(db) as work:
        groups, pledges = _placed(db, path, export, rows, only_state, report)
        reviews = sorted({group.review for group in groups} | {rid for rid, _ in pledges})
        lock_reviews(db, reviews)
        for rid in reviews:
            session, iso3 = rid.split("-")
            ensure_review(db, int(session), iso3, str(path))
        matched_reviews = sorted({group.review for group in groups})
        loaded = read_loaded(db, matched_reviews)
        incoming = recommendations(path, groups, loaded, report)
        report.reviews = reviews
        report.recommendations = len(incoming)
        write_recommendations(work, incoming, SOURCE, TaxonomyCache(db), report)
        pledges_changed = write_pledges(db, path, pledges, report)
        _record_warnings(db, path, reviews, report)
        if dry_run:
            work.discard()
        else:
            if report.added or report.changed:
                work.changes.link_pending(_to_link(db, matched_reviews, loaded))
            if pledges_changed:
                work.changes.data_changed()
    if link and not dry_run and (report.added or report.changed):
        link_pending(new_session)
    return report


def _placed(
    db: Session,
    path: Path,
    export: UprInfoFile,
    rows: dict[int, UprInfoRow],
    only_state: str | None,
    report: ImportReport,
) -> tuple[list[Group], list[tuple[str, UprInfoPledge]]]:
    """The groups and pledges (with their review ids), states resolved; problems become
    warnings. Raises ImportFailed listing every unresolved name and unknown session."""
    resolver = StateResolver(db)
    sessions = set(db.execute(select(col(WorkingGroupSession.number))).scalars())
    unknown_sessions: dict[int, list[int]] = defaultdict(list)
    for row in export.malformed:
        report.warnings.append(f"row {row.row}: not imported: {'; '.join(row.problems)}")

    resolved: dict[str, str] = {}  # names resolved so far (an unresolved one is looked up at
    # every place, for the failure to name them all)

    def resolve(name: str | None, number: int, column: str) -> str | None:
        if not name:
            return None
        iso3 = resolved.get(name) or resolver.resolve(name, f"{path.name} row {number} ({column})")
        if iso3:
            resolved[name] = iso3
        return iso3

    groups: list[Group] = []
    for item in export.recommendations:
        report.warnings.extend(_problems(item.rows, item.problems))
        iso3 = None
        placed: list[Row] = []
        for number in item.rows:
            row = rows[number]
            iso3 = resolve(item.state_under_review, number, "column To") or iso3
            position = row.position if row.position in FINAL else None
            state = resolve(row.recommending_state, number, "column From")
            placed.append(Row(number, state, position, row.action_category, row.issues))
        if item.session not in sessions:
            unknown_sessions[item.session].extend(item.rows)
        if iso3 is not None and (only_state is None or iso3 == only_state):
            groups.append(Group(item, iso3, placed, text_key(item.text)))
    pledges: list[tuple[str, UprInfoPledge]] = []
    for pledge in export.pledges:
        report.warnings.extend(f"row {pledge.row}: pledge: {text}" for text in pledge.problems)
        iso3 = resolve(pledge.state_under_review, pledge.row, "column To")
        resolve(rows[pledge.row].recommending_state, pledge.row, "column From")
        if pledge.session not in sessions:
            unknown_sessions[pledge.session].append(pledge.row)
        if iso3 is not None and (only_state is None or iso3 == only_state):
            pledges.append((review_id(pledge.session, iso3), pledge))
    problems = resolver.problems() + [
        f"Working Group session {session} is not known (column Session, "
        f"{rows_text(numbers)}): sessions are listed in data/reference/sessions.csv"
        for session, numbers in sorted(unknown_sessions.items())
    ]
    if problems:
        raise ImportFailed(str(path), problems)
    report.pledges = len(pledges)
    return groups, pledges


def _problems(numbers: Iterable[int], problems: Iterable[str]) -> list[str]:
    """The reader's problems of a group as warnings, each naming its rows."""
    rows = rows_text(numbers)
    return [problem if problem.startswith("row ") else f"{rows}: {problem}" for problem in problems]


def _to_link(db: Session, reviews: list[str], before: dict[str, list[Loaded]]) -> list[str]:
    """The reviews whose recommendations' texts or recommending states (what linking reads)
    differ from `before` (a review without any before is new): most of UPR Info's changes
    add a source and its own coding, which links do not depend on."""

    def inputs(items: list[Loaded]) -> set[tuple[str, str, frozenset[str]]]:
        return {(item.id, item.text, frozenset(item.states)) for item in items}

    after = read_loaded(db, reviews, keys=False)
    return [rid for rid in reviews if inputs(before.get(rid, [])) != inputs(after.get(rid, []))]


def _record_warnings(db: Session, path: Path, reviews: list[str], report: ImportReport) -> None:
    """Keep each review's disagreements from this file with the review (its warnings)."""
    by_review: dict[str, list[str]] = defaultdict(list)
    for line in report.disagreements:
        by_review[line.split(":", 1)[0].rsplit("-", 1)[0]].append(line)
    for rid in reviews:
        record_warnings(db, rid, path.name, by_review.get(rid, []))
