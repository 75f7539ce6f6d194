"""The bundled reference data (states, aliases, cycles, sessions, SDGs, known reviews), its seed,
and the Council session -> Working Group session mapping read from it.

Seeding is idempotent: it inserts what is missing and updates what differs; a value left empty
in the reference files never clears a value an import has filled in. For reviews the imported
official documents are the authority: the reference files only fill what is still empty.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, SQLModel, col, select

from app.config import DATA_DIR
from app.models.reviews import Document, Review, TroikaSeat, review_id
from app.models.sessions import Cycle, WorkingGroupSession
from app.models.states import State, StateAlias
from app.models.taxonomy import Sdg
from app.states.queries import fold_name
from app.vocab import (
    DocumentKind,
    RegionalGroup,
    StateStatus,
    cycle_of_session,
    session_range_of_cycle,
)

if TYPE_CHECKING:
    from app.unit_of_work import UnitOfWork

REFERENCE_DIR = DATA_DIR / "reference"
CYCLES = 4


@dataclass
class SeedReport:
    """How many rows the seed added and changed."""

    added: int = 0
    changed: int = 0


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@functools.cache
def _working_group_sessions_by_hrc(path: Path) -> dict[int, list[int]]:
    by_hrc: dict[int, list[int]] = {}
    for row in _rows(path):
        if row["hrc_session"]:
            by_hrc.setdefault(int(row["hrc_session"]), []).append(int(row["number"]))
    return by_hrc


def working_group_session_of_hrc(hrc_session: int, directory: Path = REFERENCE_DIR) -> int | None:
    """The Working Group session whose outcomes Human Rights Council session `hrc_session` adopted.

    Read from `sessions.csv` (no database). None when the reference data does not know it, or
    when that Council session adopted the outcomes of several Working Group sessions (HRC 8
    adopted those of sessions 1 and 2): `working_group_session_of` then tells by the state.
    """
    sessions = _working_group_sessions_by_hrc(directory / "sessions.csv")
    found = sessions.get(hrc_session, [])
    return found[0] if len(found) == 1 else None


@functools.cache
def _reviewed_states(path: Path) -> dict[int, frozenset[str]]:
    by_session: dict[int, set[str]] = {}
    for row in _rows(path):
        by_session.setdefault(int(row["session"]), set()).add(row["iso3"])
    return {session: frozenset(states) for session, states in by_session.items()}


def working_group_session_of(
    hrc_session: int, iso3: str, directory: Path = REFERENCE_DIR
) -> int | None:
    """The Working Group session in which `iso3` was reviewed, for a review whose outcome Human
    Rights Council session `hrc_session` adopted (the Council session of its report's symbol).

    Where the Council session adopted several Working Group sessions' outcomes, the state
    decides, from `reviewed_states.csv`. None when the reference data cannot tell.
    """
    found = _working_group_sessions_by_hrc(directory / "sessions.csv").get(hrc_session, [])
    if len(found) == 1:
        return found[0]
    reviewed = _reviewed_states(directory / "reviewed_states.csv")
    matching = [session for session in found if iso3 in reviewed.get(session, ())]
    return matching[0] if len(matching) == 1 else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _upsert(
    db: Session,
    report: SeedReport,
    model: type[SQLModel],
    key: Any,
    *,
    fill_only: bool = False,
    **values: Any,
) -> Any:
    """Insert a row or update the columns that differ, skipping values that are None.

    With `fill_only`, only columns that are still empty are set.
    """
    row = db.get(model, key)
    if row is None:
        row = model(**values)
        db.add(row)
        report.added += 1
        return row
    changed = False
    for name, value in values.items():
        current = getattr(row, name)
        if value is not None and current != value and not (fill_only and current is not None):
            setattr(row, name, value)
            changed = True
    report.changed += changed
    return row


def seed(work: UnitOfWork, directory: Path = REFERENCE_DIR) -> SeedReport:
    """Load the reference data into the database, in the unit of work."""
    db = work.db
    report = SeedReport()
    for number in range(1, CYCLES + 1):
        first, last = session_range_of_cycle(number)
        _upsert(db, report, Cycle, number, number=number, first_session=first, last_session=last)
    for row in _rows(directory / "sessions.csv"):
        number = int(row["number"])
        _upsert(
            db,
            report,
            WorkingGroupSession,
            number,
            number=number,
            cycle_number=cycle_of_session(number),
            start_date=_date(row["start_date"]),
            end_date=_date(row["end_date"]),
        )
    states_before = _states(db)
    for row in _rows(directory / "states.csv"):
        _upsert(
            db,
            report,
            State,
            row["iso3"],
            iso3=row["iso3"],
            name=row["name"],
            status=StateStatus(row["status"]),
            regional_group=RegionalGroup(row["regional_group"]),
        )
    db.flush()
    states_after = _states(db)
    if {k: group for k, (_, group) in states_after.items()} != {
        k: group for k, (_, group) in states_before.items()
    }:
        work.changes.regional_groups_changed()
    if any(states_before.get(k, (name,))[0] != name for k, (name, _) in states_after.items()):
        work.changes.names_changed()
    _seed_aliases(db, report, directory / "state_aliases.csv")
    for row in _rows(directory / "sdgs.csv"):
        _upsert(
            db,
            report,
            Sdg,
            row["code"],
            code=row["code"],
            goal=int(row["goal"]),
            title=row["title"],
        )
    db.flush()
    for entry in json.loads((directory / "reviews.json").read_text(encoding="utf-8")):
        _seed_review(db, report, entry)
    if report.added or report.changed:
        work.changes.data_changed()
    return report


def _states(db: Session) -> dict[str, tuple[str, str]]:
    """Each state's name and regional group, by ISO3."""
    rows = db.execute(select(State.iso3, State.name, State.regional_group))
    return {iso3: (name, group) for iso3, name, group in rows}


def _seed_aliases(db: Session, report: SeedReport, path: Path) -> None:
    existing = {alias.key: alias for alias in db.exec(select(StateAlias))}
    for row in _rows(path):
        key = fold_name(row["alias"])
        alias = existing.get(key)
        if alias is None:
            existing[key] = StateAlias(alias=row["alias"], key=key, iso3=row["iso3"])
            db.add(existing[key])
            report.added += 1
        elif alias.iso3 != row["iso3"]:
            alias.iso3 = row["iso3"]
            report.changed += 1


def _seed_review(db: Session, report: SeedReport, entry: dict[str, Any]) -> None:
    rid = review_id(entry["session"], entry["state"])
    totals = entry.get("reported_totals") or {}
    _upsert(
        db,
        report,
        Review,
        rid,
        fill_only=True,
        id=rid,
        session_number=entry["session"],
        state_iso3=entry["state"],
        scheduled_order=entry.get("order"),
        review_date=_date(entry.get("review_date")),
        meeting_number=entry.get("meeting_number"),
        head_of_delegation=entry.get("head_of_delegation"),
        hrc_session=entry.get("hrc_session"),
        reported_received=totals.get("received"),
        reported_supported=totals.get("supported"),
        reported_noted=totals.get("noted"),
        reported_source=totals.get("source"),
        notes=entry.get("notes"),
    )
    db.flush()
    for seat, iso3 in enumerate(entry.get("troika") or [], start=1):
        _upsert(
            db, report, TroikaSeat, (rid, seat), fill_only=True, review_id=rid, seat=seat, iso3=iso3
        )
    for document in entry.get("documents") or []:
        kind = DocumentKind(document["kind"])
        found = db.exec(
            select(Document).where(
                Document.review_id == rid,
                Document.kind == kind,
                col(Document.symbol) == document["symbol"],
            )
        ).first()
        values = {
            "review_id": rid,
            "kind": kind,
            "symbol": document["symbol"],
            "date": _date(document.get("date")),
        }
        if found is None:
            db.add(Document(**values))
            report.added += 1
        elif values["date"] is not None and found.date is None:
            found.date = values["date"]
            report.changed += 1
