"""Loading UPR Info's database export: its recommendations merged with those already loaded.

The export (`app.importers.parsing.upr_info`) gives each recommendation's Working Group session
(`Session`), state under review (`To`), text, recommending states (`From`, one row each),
response, UPR Info's action category (1-5) and UPR Info's issues, but no paragraph numbers.
UPR Info's action category and issues are its own coding, stored as such
(`upr_info_action_category`, `RecommendationUprInfoIssue`), never as OHCHR's themes. A
"Pending" response gives no position. Voluntary pledges (`voluntary.csv`) are written as
`Pledge` rows of their review, id "{session}-{ISO3}-p" and 8 hex digits of the SHA-1 of their
matching key, never as recommendations.

Matching. The reader groups the rows of one session, state under review and text. Every group
is matched to the recommendations already loaded for its review (from the documents or
another dataset) by its text, in three passes; what matches nothing is added with the
paragraph-less id of `explorer.textual_id` ("20-KAZ-x" and 8 hex digits of its matching key
and states), paragraph "". Texts compare by `matching_key`, without a leading "to" (1st-cycle
reports write "To ratify ...", UPR Info "Ratify ..."). The groups of a review whose texts have
one key are matched together ("a text"):

1. Same text. The loaded recommendations with that key are the candidates. Each row goes to a
   candidate made by its recommending state, the first such candidate not yet given a row of
   that state: when a document has the same text several times, made by different states (20-KAZ
   has "Abolish the death penalty" four times, 125.42-125.45), each gets the rows of its own
   states, and a state giving the text twice gives one row to each of its candidates. A row
   whose state made none of the candidates (or that names none: "(Unknown)") goes with the
   other rows of its group; if none of them was placed, to the first candidate not given any
   row, else to the first candidate. So a group of several states can be the source of several
   recommendations, each with the states (and rows) that belong to it, and a state that
   UPR Info alone names shows as a disagreement on the recommending states.
2. Part of a loaded text. A text without candidates, of at least two words, is matched to the
   one loaded recommendation of its review (whose key is no group's key) that contains it word
   for word and whose states include all of its states: reports join several states'
   recommendations into one numbered item ("To consider establishing ... (India); to continue
   its efforts ... (Burkina Faso); ...", 1st cycle; "Ratify ICCPR (Montenegro); ratify the
   International Covenant ... (Algeria); ...", 2nd cycle), which UPR Info gives one by one.
   Its parts' texts are joined by " / ", and parts answered differently make the position
   `supported_in_part`. Where several loaded recommendations contain it, none is taken.
3. Nearly the same text. A text still unmatched is matched to a loaded recommendation of its
   review, neither matched by pass 2 nor any group's key, that one of its states made and whose
   key is similar (difflib ratio at least 0.9, both keys at least 40 characters): the most
   similar, each recommendation matched once. This takes spelling and extraction differences
   ("fulfill"/"fulfil", "Sejdic"/"Sejdić", "do nor"/"donor", "(CRPD)" left out); the merge
   records the texts' disagreement, so a wrong match shows (such as one treaty's acronym
   for another's in an otherwise identical text).

The matching depends only on the file and on what is loaded, taken in a fixed order (paragraph,
then id; those without paragraph last, so that a document's recommendation is preferred to a
dataset's paragraph-less one with the same text), and a recommendation added by one import is
matched by its own text in the next: a second import of the file changes nothing. Since it
matches what is loaded, import UPR Info's export after the documents and the other datasets:
a document imported later does not look for UPR Info's paragraph-less recommendations.

Each recommendation records its rows ("1-5.csv rows 203, 215") as its reference and, with a
position, its position source. Its rows' position, action category and issues: the rows'
common value (issues: all of them); rows of one text that disagree give no position (or action
category) and a warning. The import's warnings list every problem the reader found (rows that
disagree, repeated states, rows without a recommending state), every malformed row (not
imported), and the counts of groups matched by each pass and added without paragraph.

Linking: an import marks for linking only the reviews whose recommendations' texts or
recommending states changed (what links are computed from), since most of what UPR Info gives
to a recommendation already loaded (a source, a position that rarely wins, its own coding)
leaves links as they were. Importing several files, pass `link=False` and link the pending
states once after the last (`app.linking.service.link_pending`).

Checking first: every state name (To and From) resolves through the alias table and every
session is a known Working Group session, or the import fails naming the rows ("1-5.csv row
12 (column From)") and writes nothing. One file is one transaction; a file that cannot be read
(`UprInfoFormatError`) raises before anything is written.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlmodel import Session, col

from app.importers.loading.explorer import textual_id
from app.importers.loading.merge import IncomingRecommendation, chunks, write_recommendations
from app.importers.loading.provenance import PART_SEPARATOR
from app.importers.loading.report import ImportFailed, ImportReport
from app.importers.loading.review_facts import ensure_review, lock_reviews, record_warnings
from app.importers.loading.states import StateResolver
from app.importers.loading.taxonomy import TaxonomyCache
from app.importers.loading.text import PART_WORDS, matching_key, text_key
from app.importers.parsing.upr_info import (
    UprInfoFile,
    UprInfoPledge,
    UprInfoRecommendation,
    UprInfoRow,
    read_upr_info,
    read_upr_info_rows,
)
from app.linking.service import link_pending, mark_pending
from app.models.recommendations import Recommendation, RecommendingState
from app.models.reviews import Pledge, review_id
from app.models.sessions import WorkingGroupSession
from app.versioning import bump
from app.vocab import DataSource, Position

SessionFactory = Callable[[], Session]
SOURCE = DataSource.upr_info
SIMILARITY = 0.9  # pass 3: least difflib ratio of two keys
SIMILAR_LENGTH = 40  # pass 3: least length of both keys
REFERENCE_LENGTH = 300  # the stored reference's column width
FINAL = (Position.supported, Position.noted)
SAME_TEXT, SIMILAR_TEXT, PART_OF_TEXT = "same text", "nearly the same text", "part of a text"


def pledge_id(session: int, iso3: str, text: str) -> str:
    """A pledge's id: "20-KAZ-p" and the first 8 hex digits of the SHA-1 of its matching key."""
    return f"{session}-{iso3}-p{hashlib.sha1(matching_key(text).encode()).hexdigest()[:8]}"


@dataclass(frozen=True)
class _Row:
    """One row of a group as matching needs it: its recommending state resolved."""

    number: int
    state: str | None
    position: Position | None  # supported or noted; None for pending or unreadable
    action: int | None
    issues: tuple[str, ...]


@dataclass
class _Group:
    """A recommendation as the reader grouped it, placed in its review."""

    item: UprInfoRecommendation
    iso3: str
    rows: list[_Row]
    key: str

    @property
    def review(self) -> str:
        return review_id(self.item.session, self.iso3)

    @property
    def states(self) -> list[str]:
        return list(dict.fromkeys(row.state for row in self.rows if row.state))


@dataclass
class _Loaded:
    """A recommendation already stored for a review, as matching needs it."""

    id: str
    paragraph: str
    text: str
    key: str
    states: set[str]


@dataclass
class _Target:
    """A recommendation this file gives: a loaded one (or a new one) and its rows."""

    id: str
    paragraph: str
    rows: list[tuple[_Group, _Row]] = field(default_factory=list)


def load_upr_info(
    new_session: SessionFactory,
    path: Path,
    *,
    dry_run: bool = False,
    only_state: str | None = None,
    link: bool = True,
) -> ImportReport:
    """Import one export file in one transaction (see the module docstring).

    `only_state` (ISO3) imports only the recommendations and pledges of that state's reviews.
    With `link`, the states whose reviews changed are then linked across cycles, each in its
    own transaction.
    """
    report = ImportReport(file=str(path), source=SOURCE.value, dry_run=dry_run)
    export = read_upr_info(path)
    rows = {row.row: row for row in read_upr_info_rows(path, encoding=export.encoding)}
    with new_session() as db:
        try:
            groups, pledges = _placed(db, path, export, rows, only_state, report)
            reviews = sorted({group.review for group in groups} | {rid for rid, _ in pledges})
            lock_reviews(db, reviews)
            for rid in reviews:
                session, iso3 = rid.split("-")
                ensure_review(db, int(session), iso3, str(path))
            matched_reviews = sorted({group.review for group in groups})
            loaded = _loaded(db, matched_reviews)
            incoming = _recommendations(path, groups, loaded, report)
            report.reviews = reviews
            report.recommendations = len(incoming)
            write_recommendations(db, incoming, SOURCE, TaxonomyCache(db), report)
            pledges_changed = _write_pledges(db, path, pledges, report)
            _record_warnings(db, path, reviews, report)
            if (report.added or report.changed) and not dry_run:
                mark_pending(db, _to_link(db, matched_reviews, loaded))
            if (report.added or report.changed or pledges_changed) and not dry_run:
                bump(db)
        except BaseException:
            db.rollback()
            raise
        if dry_run:
            db.rollback()
            return report
        db.commit()
    if link and (report.added or report.changed):
        link_pending(new_session)
    return report


def _placed(
    db: Session,
    path: Path,
    export: UprInfoFile,
    rows: dict[int, UprInfoRow],
    only_state: str | None,
    report: ImportReport,
) -> tuple[list[_Group], list[tuple[str, UprInfoPledge]]]:
    """The groups and pledges (with their review ids), states resolved; problems become
    warnings. Raises ImportFailed listing every unresolved name and unknown session."""
    resolver = StateResolver(db)
    sessions = set(db.execute(select(WorkingGroupSession.number)).scalars())
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

    groups: list[_Group] = []
    for item in export.recommendations:
        report.warnings.extend(_problems(item.rows, item.problems))
        iso3 = None
        placed: list[_Row] = []
        for number in item.rows:
            row = rows[number]
            iso3 = resolve(item.state_under_review, number, "column To") or iso3
            position = row.position if row.position in FINAL else None
            state = resolve(row.recommending_state, number, "column From")
            placed.append(_Row(number, state, position, row.action_category, row.issues))
        if item.session not in sessions:
            unknown_sessions[item.session].extend(item.rows)
        if iso3 is not None and (only_state is None or iso3 == only_state):
            groups.append(_Group(item, iso3, placed, text_key(item.text)))
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
        f"{_rows_text(numbers)}): sessions are listed in data/reference/sessions.csv"
        for session, numbers in sorted(unknown_sessions.items())
    ]
    if problems:
        raise ImportFailed(str(path), problems)
    report.pledges = len(pledges)
    return groups, pledges


def _problems(numbers: Iterable[int], problems: Iterable[str]) -> list[str]:
    """The reader's problems of a group as warnings, each naming its rows."""
    rows = _rows_text(numbers)
    return [problem if problem.startswith("row ") else f"{rows}: {problem}" for problem in problems]


def _loaded(db: Session, reviews: list[str], *, keys: bool = True) -> dict[str, list[_Loaded]]:
    """The recommendations stored for these reviews, by review id, in paragraph order, those
    without paragraph last (with their keys unless `keys` is false)."""
    found: dict[str, _Loaded] = {}
    by_review: dict[str, list[_Loaded]] = defaultdict(list)
    for chunk in chunks(reviews, 200):
        for row in db.execute(
            select(
                Recommendation.id,
                Recommendation.review_id,
                Recommendation.paragraph,
                Recommendation.text,
            )
            .where(col(Recommendation.review_id).in_(chunk))
            .order_by(
                col(Recommendation.review_id),
                col(Recommendation.paragraph_major),
                col(Recommendation.paragraph_minor),
                col(Recommendation.paragraph),
                col(Recommendation.id),
            )
        ):
            key = text_key(row.text) if keys else ""
            item = _Loaded(row.id, row.paragraph, row.text, key, set())
            found[row.id] = item
            by_review[row.review_id].append(item)
        for rec_id, iso3 in db.execute(
            select(RecommendingState.recommendation_id, RecommendingState.iso3)
            .join(Recommendation, col(Recommendation.id) == RecommendingState.recommendation_id)
            .where(col(Recommendation.review_id).in_(chunk))
        ):
            found[rec_id].states.add(iso3)
    for items in by_review.values():  # paragraph-less ones (a dataset's) after the others
        items.sort(key=lambda item: not item.paragraph)
    return by_review


def _to_link(db: Session, reviews: list[str], before: dict[str, list[_Loaded]]) -> list[str]:
    """The reviews whose recommendations' texts or recommending states (what linking reads)
    differ from `before` (a review without any before is new): most of UPR Info's changes
    add a source and its own coding, which links do not depend on."""

    def inputs(items: list[_Loaded]) -> set[tuple[str, str, frozenset[str]]]:
        return {(item.id, item.text, frozenset(item.states)) for item in items}

    after = _loaded(db, reviews, keys=False)
    return [rid for rid in reviews if inputs(before.get(rid, [])) != inputs(after.get(rid, []))]


def _recommendations(
    path: Path, groups: list[_Group], loaded: dict[str, list[_Loaded]], report: ImportReport
) -> list[IncomingRecommendation]:
    """The groups matched to the recommendations of their reviews (see the module docstring)."""
    by_review: dict[str, list[_Group]] = defaultdict(list)
    for group in groups:
        by_review[group.review].append(group)
    matched: Counter[str] = Counter()
    incoming: list[IncomingRecommendation] = []
    added = 0
    for rid, review_groups in by_review.items():
        targets, added_here = _match_review(review_groups, loaded.get(rid, []), matched)
        added += added_here
        incoming += [_incoming(path, target, report.warnings) for target in targets]
    if groups:
        without = sum(1 for item in incoming if not item.paragraph)
        report.warnings.append(
            f"{len(groups)} recommendations (groups of rows) read: "
            f"{sum(matched.values())} matched by text to recommendations loaded for their "
            f"reviews ({matched[SAME_TEXT]} by the same text, {matched[PART_OF_TEXT]} as part "
            f"of a loaded text, {matched[SIMILAR_TEXT]} by nearly the same text), {added} "
            f"added without paragraph; they give {len(incoming)} recommendations, {without} "
            "of them without paragraph"
        )
    return incoming


def _match_review(
    groups: list[_Group], loaded: list[_Loaded], matched: Counter[str]
) -> tuple[list[_Target], int]:
    """One review's groups matched to its loaded recommendations: the recommendations they
    give, and how many groups were added without paragraph. `matched` counts the groups
    matched by each pass."""
    texts: dict[str, list[_Group]] = defaultdict(list)
    for group in groups:
        texts[group.key].append(group)
    by_key: dict[str, list[_Loaded]] = defaultdict(list)
    for item in loaded:
        by_key[item.key].append(item)
    targets: dict[str, _Target] = {}

    def target(item: _Loaded) -> _Target:
        return targets.setdefault(item.id, _Target(item.id, item.paragraph))

    unmatched: list[list[_Group]] = []
    for key, same in texts.items():
        candidates = by_key.get(key)
        if candidates:
            paragraphs = {item.id: item for item in candidates}
            for rec_id, rows in _same_text(same, candidates).items():
                target(paragraphs[rec_id]).rows += rows
            matched[SAME_TEXT] += len(same)
        else:
            unmatched.append(same)
    pool = [item for item in loaded if item.key not in texts]
    wholes: set[str] = set()
    still: list[list[_Group]] = []
    for same in unmatched:
        whole = _whole(same, pool)
        if whole is None:
            still.append(same)
            continue
        wholes.add(whole.id)
        target(whole).rows += [(group, row) for group in same for row in group.rows]
        matched[PART_OF_TEXT] += len(same)
    pool = [item for item in pool if item.id not in wholes]
    added = 0
    for same in still:
        similar = _similar(same, pool)
        if similar is not None:
            pool.remove(similar)
            target(similar).rows += [(group, row) for group in same for row in group.rows]
            matched[SIMILAR_TEXT] += len(same)
            continue
        for group in same:
            rec_id = textual_id(group.item.session, group.iso3, group.item.text, group.states)
            targets.setdefault(rec_id, _Target(rec_id, "")).rows += [
                (group, row) for row in group.rows
            ]
            added += 1
    return list(targets.values()), added


def _same_text(
    same: list[_Group], candidates: list[_Loaded]
) -> dict[str, list[tuple[_Group, _Row]]]:
    """Pass 1: the rows of one text given to the loaded recommendations with that text, by
    candidate id (only candidates given rows)."""
    given: dict[str, list[tuple[_Group, _Row]]] = defaultdict(list)
    states: dict[str, set[str]] = defaultdict(set)  # candidate id -> states given to it
    went: dict[int, _Loaded] = {}  # id(group) -> the first candidate it went to
    deferred: list[tuple[_Group, _Row]] = []
    for group in same:
        for row in group.rows:
            owners = [item for item in candidates if row.state and row.state in item.states]
            if not owners:
                deferred.append((group, row))
                continue
            assert row.state is not None
            owner = next((item for item in owners if row.state not in states[item.id]), owners[0])
            states[owner.id].add(row.state)
            given[owner.id].append((group, row))
            went.setdefault(id(group), owner)
    for group, row in deferred:
        if id(group) not in went:
            unplaced = (item for item in candidates if not given.get(item.id))
            went[id(group)] = next(unplaced, candidates[0])
        given[went[id(group)].id].append((group, row))
    return given


def _similar(same: list[_Group], pool: list[_Loaded]) -> _Loaded | None:
    """Pass 2: the loaded recommendation of the pool most similar to the text, if any."""
    key = same[0].key
    states = {state for group in same for state in group.states}
    if len(key) < SIMILAR_LENGTH or not states:
        return None
    best, best_ratio = None, SIMILARITY
    for item in pool:
        if len(item.key) < SIMILAR_LENGTH or not states & item.states:
            continue
        if 2 * min(len(key), len(item.key)) / (len(key) + len(item.key)) < best_ratio:
            continue
        matcher = SequenceMatcher(None, key, item.key, autojunk=False)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio and (best is None or ratio > best_ratio):
            best, best_ratio = item, ratio
    return best


def _whole(same: list[_Group], pool: list[_Loaded]) -> _Loaded | None:
    """Pass 3: the one loaded recommendation of the pool whose text contains this one."""
    key = same[0].key
    states = {state for group in same for state in group.states}
    if len(key.split()) < PART_WORDS or not states:
        return None
    wholes = [item for item in pool if states <= item.states and f" {key} " in f" {item.key} "]
    return wholes[0] if len(wholes) == 1 else None


def _incoming(path: Path, target: _Target, warnings: list[str]) -> IncomingRecommendation:
    """One recommendation from the rows that give it."""
    pairs = sorted(target.rows, key=lambda pair: pair[1].number)
    rows = [row for _, row in pairs]
    first = pairs[0][0]
    texts = list(dict.fromkeys(group.item.text for group, _ in pairs))
    parts = len({text_key(text) for text in texts}) > 1
    reference = _reference(path.name, (row.number for row in rows))
    positions = {row.position for row in rows}
    position = next(iter(positions)) if len(positions) == 1 else None
    if len(positions) > 1 and parts:
        finals = positions - {None}
        position = Position.supported_in_part if len(finals) > 1 else next(iter(finals), None)
    elif len(positions) > 1 and len({id(group) for group, _ in pairs}) > 1:
        # (the reader already reports rows of one group that disagree)
        warnings.append(
            f"{reference}: one recommendation ({target.id}) answered "
            + " and ".join(sorted(str(value or "nothing") for value in positions))
            + " by rows of texts written differently; no position taken"
        )
    actions = {row.action for row in rows}
    return IncomingRecommendation(
        id=target.id,
        review_id=first.review,
        session=first.item.session,
        iso3=first.iso3,
        paragraph=target.paragraph,
        text=PART_SEPARATOR.join(texts) if parts else texts[0],
        states=list(dict.fromkeys(row.state for row in rows if row.state)),
        position=position,
        position_source=reference if position else None,
        position_text=None,
        themes=[],
        groups=[],
        sdgs=[],
        external_ids={},
        reference=reference,
        upr_info_action_category=next(iter(actions)) if len(actions) == 1 else None,
        upr_info_issues=list(dict.fromkeys(issue for row in rows for issue in row.issues)),
    )


def _write_pledges(
    db: Session, path: Path, pledges: list[tuple[str, UprInfoPledge]], report: ImportReport
) -> bool:
    """Insert new pledges and update changed ones (by id); whether any was written. Pledges of
    one review with the same matching key are one, with all their rows."""
    wanted: dict[str, dict[str, Any]] = {}
    numbers: dict[str, list[int]] = defaultdict(list)
    for rid, pledge in pledges:
        session, iso3 = rid.split("-")
        pid = pledge_id(int(session), iso3, pledge.text)
        numbers[pid].append(pledge.row)
        kept = wanted.get(pid)
        if kept is None:
            wanted[pid] = {
                "id": pid,
                "review_id": rid,
                "text": pledge.text,
                "source": SOURCE,
                "upr_info_action_category": pledge.action_category,
                "issues": list(pledge.issues),
            }
            continue
        if kept["upr_info_action_category"] != pledge.action_category:
            kept["upr_info_action_category"] = None
        kept["issues"] = list(dict.fromkeys(kept["issues"] + list(pledge.issues)))
    for pid, values in wanted.items():
        values["reference"] = _reference(path.name, numbers[pid])
        values["upr_info_issues"] = ",".join(values.pop("issues")) or None
    stored: dict[str, Any] = {}
    for chunk in chunks(list(wanted)):
        for row in db.execute(select(Pledge.__table__).where(col(Pledge.id).in_(chunk))):
            stored[row.id] = row
    new = [values for pid, values in wanted.items() if pid not in stored]
    changed = [
        values
        for pid, values in wanted.items()
        if pid in stored
        and any(stored[pid]._mapping[name] != value for name, value in values.items())
    ]
    if new:
        db.execute(insert(Pledge.__table__), new)
    for values in changed:
        db.execute(
            update(Pledge.__table__)
            .where(Pledge.id == values["id"])
            .values({name: value for name, value in values.items() if name != "id"})
        )
    if pledges:
        report.warnings.append(
            f"{len(pledges)} voluntary pledge rows: {len(wanted)} pledges, {len(new)} added, "
            f"{len(changed)} changed, {len(wanted) - len(new) - len(changed)} unchanged"
        )
    return bool(new or changed)


def _record_warnings(db: Session, path: Path, reviews: list[str], report: ImportReport) -> None:
    """Keep each review's disagreements from this file with the review (its warnings)."""
    by_review: dict[str, list[str]] = defaultdict(list)
    for line in report.disagreements:
        by_review[line.split(":", 1)[0].rsplit("-", 1)[0]].append(line)
    for rid in reviews:
        record_warnings(db, rid, path.name, by_review.get(rid, []))


def _reference(file_name: str, numbers: Iterable[int]) -> str:
    """Where a recommendation is in the file: "1-5.csv rows 203, 215" (runs as "4-9")."""
    values = sorted(set(numbers))
    label = "row" if len(values) == 1 else "rows"
    parts = _runs(values)
    text = f"{file_name} {label} {', '.join(parts)}"
    shown = len(parts)
    while len(text) > REFERENCE_LENGTH:
        shown -= 1
        text = f"{file_name} {label} {', '.join(parts[:shown])} and {len(parts) - shown} more"
    return text


def _rows_text(numbers: Iterable[int]) -> str:
    values = sorted(set(numbers))
    parts = _runs(values)
    shown = ", ".join(parts[:10]) + (f" and {len(parts) - 10} more" if len(parts) > 10 else "")
    return f"{'row' if len(values) == 1 else 'rows'} {shown}"


def _runs(values: list[int]) -> list[str]:
    """Sorted numbers as runs: [2, 3, 4, 7, 8] -> ["2-4", "7", "8"]."""
    runs: list[list[int]] = []
    for value in values:
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    out: list[str] = []
    for run in runs:
        if len(run) >= 3:
            out.append(f"{run[0]}-{run[-1]}")
        else:
            out += [str(value) for value in run]
    return out
