"""Loading an SDG–Human Rights Data Explorer export: rows become recommendations of their reviews.

Each row names its report's symbol and paragraph ("Source:A/HRC/28/10|124.1|"); the symbol's
Council session gives the Working Group session (`app.reference.working_group_session_of`).
Rows are gathered into recommendations, one clear rule for each case:

- In a review that no official document gave, rows with the same paragraph and the same text
  are one recommendation made by several states, and each distinct text of a paragraph is a
  recommendation: the first keeps the paragraph's id, later ones get a letter ("5-AFG-96.1",
  "5-AFG-96.1b"; in the 1st cycle the explorer gives a numbered item's parts, "sign and ratify
  (France)/ratify (Argentina)", one row per state).
- In a review an official document gave, the document's numbering is the reference, and the
  explorer's paragraphs are sometimes off (7-AGO: its 88.x is the report's 87.x). A row is
  matched by its text (`text_key`): to a loaded recommendation with the same text, preferring
  one made by the row's state; else to the one document item whose text contains it (an item
  given in parts); else to the document's recommendation of its paragraph, the texts then
  disagreeing; else it is new. The parts of one item are its text joined by " / ", and
  parts answered differently make the position `supported_in_part`.
- A row without a usable paragraph (a malformed `Document` such as "|18|" or none) is matched
  by text the same way; what matches nothing gets a paragraph-less id (`textual_id`). Rows
  that give one recommendation are gathered into it, whichever way they were matched.

Every row is accounted for: read and written, or listed as a warning with its row number (a row
without symbol, state under review or text cannot be placed). A state name that does not
resolve, or a review whose session the reference data cannot tell, fails the import, naming
the rows; nothing is then written. One file is one transaction.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session, col

from app.db import SessionFactory
from app.importers.loading.incoming import IncomingRecommendation
from app.importers.loading.merge import write_recommendations
from app.importers.loading.provenance import PART_SEPARATOR
from app.importers.loading.report import ImportFailed, ImportReport
from app.importers.loading.review_facts import ensure_review, lock_reviews, record_warnings
from app.importers.loading.states import StateResolver
from app.importers.loading.taxonomy import TaxonomyCache
from app.importers.loading.text import PART_WORDS, matching_key, text_key
from app.importers.parsing.sdg_explorer import ExplorerRecord, read_explorer
from app.linking.runs import link_pending
from app.models.recommendations import Recommendation, RecommendingState, recommendation_id
from app.models.reviews import review_id
from app.reference import working_group_session_of
from app.unit_of_work import unit_of_work
from app.vocab import DataSource, Position, cycle_of_session

SOURCE = DataSource.sdg_explorer


def textual_id(session: int, iso3: str, text: str, states: Iterable[str]) -> str:
    """The id of a recommendation whose source gives no paragraph: "20-KAZ-x" and the first 8
    hex digits of the SHA-1 of its matching key and its recommending states' ISO3 codes in
    alphabetical order ("ratify the optional protocol|ARG,FRA"). Stable across imports and
    sources; its paragraph is empty."""
    digest = hashlib.sha1(f"{matching_key(text)}|{','.join(sorted(states))}".encode()).hexdigest()
    return f"{session}-{iso3}-x{digest[:8]}"


@dataclass
class _Row:
    """A row placed in its review, its states resolved."""

    record: ExplorerRecord
    session: int
    iso3: str
    states: list[str]


@dataclass
class _Loaded:
    """A recommendation already stored for a review, as matching needs it."""

    id: str
    paragraph: str
    key: str
    states: set[str]
    from_document: bool


def load_explorer(
    new_session: SessionFactory,
    path: Path,
    *,
    dry_run: bool = False,
    only_state: str | None = None,
    link: bool = True,
) -> ImportReport:
    """Import one export file in one unit of work (see the module docstring).

    `only_state` (ISO3) imports only the recommendations made to that state. With `link`, the
    states whose reviews changed are then linked across cycles, each in its own unit of work
    (`app.linking.runs`).
    """
    report = ImportReport(file=str(path), source=SOURCE.value, dry_run=dry_run)
    records = list(read_explorer(path))
    with new_session() as db, unit_of_work(db) as work:
        rows = _placed(db, path, records, only_state, report)
        reviews = sorted({review_id(row.session, row.iso3) for row in rows})
        lock_reviews(db, reviews)
        for rid in reviews:
            session, iso3 = rid.split("-")
            ensure_review(db, int(session), iso3, str(path))
        incoming = _recommendations(db, path, rows, reviews, report)
        report.reviews = reviews
        report.recommendations = len(incoming)
        write_recommendations(work, incoming, SOURCE, TaxonomyCache(db), report)
        _record_warnings(db, path, reviews, report)
        if dry_run:
            work.discard()
        elif report.added or report.changed:
            work.changes.link_pending(reviews)
    if link and not dry_run and (report.added or report.changed):
        link_pending(new_session)
    return report


def _placed(
    db: Session,
    path: Path,
    records: list[ExplorerRecord],
    only_state: str | None,
    report: ImportReport,
) -> list[_Row]:
    """The rows that can be placed in a review, states resolved; the rest become warnings.

    Raises ImportFailed listing every unresolved name and every review of unknown session.
    """
    resolver = StateResolver(db)
    unknown_sessions: dict[str, list[int]] = defaultdict(list)
    rows: list[_Row] = []
    for record in records:
        where = f"{path.name} row {record.row}"
        for problem in record.problems:
            report.warnings.append(f"row {record.row}: {problem}")
        if record.symbol is None or record.state_under_review is None or not record.text:
            report.warnings.append(
                f"row {record.row}: not imported: no symbol, state under review or text"
            )
            continue
        iso3 = resolver.resolve(record.state_under_review, f"{where} (column Recommendation)")
        states = [
            code
            for name in record.recommending_states
            if (code := resolver.resolve(name, f"{where} (column Recommending state)"))
        ]
        if iso3 is None or (only_state and iso3 != only_state):
            continue
        hrc = record.hrc_session
        session = working_group_session_of(hrc, iso3) if hrc is not None else None
        if session is None:
            unknown_sessions[f"{record.symbol} ({iso3})"].append(record.row)
            continue
        if record.cycle is not None and record.cycle != cycle_of_session(session):
            report.warnings.append(
                f"row {record.row}: field_year says cycle {record.cycle}, but {record.symbol} "
                f"is of session {session} (cycle {cycle_of_session(session)}); session kept"
            )
        rows.append(_Row(record, session, iso3, states))
    problems = resolver.problems() + [
        f"no Working Group session is known for the Council session of {review} "
        f"(rows {_rows_text(numbers)}): add it to data/reference/sessions.csv"
        for review, numbers in sorted(unknown_sessions.items())
    ]
    if problems:
        raise ImportFailed(str(path), problems)
    return rows


def _loaded(db: Session, reviews: list[str]) -> dict[str, list[_Loaded]]:
    """The recommendations stored for these reviews, by review id, in natural order (so that
    ties are broken the same way on every database and every run)."""
    found: dict[str, _Loaded] = {}
    by_review: dict[str, list[_Loaded]] = defaultdict(list)
    for rid in reviews:
        for row in db.execute(
            select(
                col(Recommendation.id),
                col(Recommendation.paragraph),
                col(Recommendation.text),
                col(Recommendation.text_from),
            )
            .where(col(Recommendation.review_id) == rid)
            .order_by(
                col(Recommendation.paragraph_major),
                col(Recommendation.paragraph_minor),
                col(Recommendation.id),
            )
        ):
            item = _Loaded(
                row.id,
                row.paragraph,
                text_key(row.text),
                set(),
                DataSource(row.text_from).is_document,
            )
            found[row.id] = item
            by_review[rid].append(item)
        for rec_id, iso3 in db.execute(
            select(col(RecommendingState.recommendation_id), col(RecommendingState.iso3))
            .join(Recommendation, col(Recommendation.id) == RecommendingState.recommendation_id)
            .where(col(Recommendation.review_id) == rid)
        ):
            found[rec_id].states.add(iso3)
    return by_review


def _recommendations(
    db: Session, path: Path, rows: list[_Row], reviews: list[str], report: ImportReport
) -> list[IncomingRecommendation]:
    """The rows gathered into recommendations of their reviews (see the module docstring)."""
    loaded = _loaded(db, reviews)
    documented = {rid for rid, items in loaded.items() if any(i.from_document for i in items)}
    by_paragraph: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    by_text: list[_Row] = []
    for row in rows:
        rid = review_id(row.session, row.iso3)
        if row.record.paragraph and rid not in documented:
            by_paragraph[rid, row.record.paragraph].append(row)
        else:
            by_text.append(row)
    targets: dict[str, tuple[str, list[_Row]]] = {}  # id -> (paragraph, rows giving it)
    for (_, paragraph), group in by_paragraph.items():
        texts: dict[str, list[_Row]] = defaultdict(list)
        for row in group:
            texts[text_key(row.record.text or "")].append(row)
        for index, parts in enumerate(texts.values()):
            part = paragraph if index == 0 else f"{paragraph}{chr(ord('a') + index)}"
            rec_id = recommendation_id(parts[0].session, parts[0].iso3, part)
            targets.setdefault(rec_id, (part, []))[1].extend(parts)
    taken = set(targets)
    counts = {"text": 0, "paragraph": 0, "new": 0}
    for row in by_text:
        rec_id, paragraph, how = _matched(row, loaded, taken)
        counts[how] += 1
        targets.setdefault(rec_id, (paragraph, []))[1].append(row)
    if by_text:
        report.warnings.append(
            f"{len(by_text)} rows matched by text (in reviews an official document gave, or "
            f"without a paragraph): {counts['text']} to a recommendation with that text or "
            f"containing it, {counts['paragraph']} by paragraph only (their texts differ), "
            f"{counts['new']} added"
        )
    return [
        _incoming(path, rec_id, paragraph, group, report.warnings)
        for rec_id, (paragraph, group) in targets.items()
    ]


def _matched(row: _Row, loaded: dict[str, list[_Loaded]], taken: set[str]) -> tuple[str, str, str]:
    """The id and paragraph of the recommendation a row gives, and how it was found.

    In order: a loaded recommendation with the same text that no other row took (one made by
    the row's states first); the one loaded recommendation of an official document whose text
    contains the row's (a 1st-cycle item the dataset gives in parts) and whose states include
    the row's; the document's recommendation of the row's paragraph (the texts then disagree);
    else a new one, with the row's paragraph if no document gave that paragraph, or with a
    paragraph-less id.
    """
    key = text_key(row.record.text or "")
    review = loaded.get(review_id(row.session, row.iso3), [])
    candidates = [item for item in review if item.key == key and item.id not in taken]
    candidates.sort(key=lambda item: not set(row.states) <= item.states)
    if candidates:
        taken.add(candidates[0].id)
        return candidates[0].id, candidates[0].paragraph, "text"
    if len(key.split()) >= PART_WORDS and row.states:
        wholes = [
            item
            for item in review
            if item.from_document
            and set(row.states) <= item.states
            and f" {key} " in f" {item.key} "
        ]
        if len(wholes) == 1:
            return wholes[0].id, wholes[0].paragraph, "text"
    paragraph = row.record.paragraph
    if paragraph:
        same_paragraph = next((item for item in review if item.paragraph == paragraph), None)
        if same_paragraph is None:
            return recommendation_id(row.session, row.iso3, paragraph), paragraph, "new"
        if same_paragraph.from_document and same_paragraph.id not in taken:
            taken.add(same_paragraph.id)
            return same_paragraph.id, paragraph, "paragraph"
    return textual_id(row.session, row.iso3, row.record.text or "", row.states), "", "new"


def _incoming(
    path: Path,
    rec_id: str,
    paragraph: str,
    rows: list[_Row],
    warnings: list[str],
) -> IncomingRecommendation:
    """One recommendation from the rows that give it (one, or its parts, or its states); a
    contradiction between rows goes into `warnings`."""
    first = rows[0]
    texts = list(dict.fromkeys(row.record.text or "" for row in rows))
    same_text = len({text_key(text) for text in texts}) == 1
    answered = {row.record.position for row in rows if row.record.position}
    position = next(iter(answered)) if len(answered) == 1 else None
    if len(answered) > 1:
        if same_text:
            position = first.record.position
            warnings.append(
                f"rows {_rows_text(row.record.row for row in rows)}: one recommendation "
                f"({rec_id}) answered both {' and '.join(sorted(answered))}; the first row kept"
            )
        else:
            position = Position.supported_in_part
    states = list(dict.fromkeys(code for row in rows for code in row.states))
    sdgs: list[str] = []
    groups: list[str] = []
    for row in rows:
        sdgs += [str(goal) for goal in row.record.goals] + list(row.record.targets)
        groups += row.record.affected_groups
    reference = f"{path.name} row{'s' if len(rows) > 1 else ''} " + _rows_text(
        row.record.row for row in rows
    )
    return IncomingRecommendation(
        id=rec_id,
        review_id=review_id(first.session, first.iso3),
        session=first.session,
        iso3=first.iso3,
        paragraph=paragraph,
        text=texts[0] if same_text else PART_SEPARATOR.join(texts),
        states=states,
        position=position,
        position_source=reference if position else None,
        position_text=None,
        themes=[],
        groups=list(dict.fromkeys(groups)),
        sdgs=list(dict.fromkeys(sdgs)),
        external_ids={},
        reference=reference,
    )


def _record_warnings(db: Session, path: Path, reviews: list[str], report: ImportReport) -> None:
    """Keep each review's disagreements from this file with the review (its warnings)."""
    by_review: dict[str, list[str]] = defaultdict(list)
    for line in report.disagreements:
        by_review[line.split(":", 1)[0].rsplit("-", 1)[0]].append(line)
    for rid in reviews:
        record_warnings(db, rid, path.name, by_review.get(rid, []))


def _rows_text(numbers: Iterable[int]) -> str:
    values = sorted(set(numbers))
    shown = ", ".join(map(str, values[:10]))
    return shown + (f" and {len(values) - 10} more" if len(values) > 10 else "")
