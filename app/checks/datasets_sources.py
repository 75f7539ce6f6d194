"""Reading the three sources of the datasets check into `Entry`s, one per recommendation placed
in a review, with a `SourceSummary` of what was read and left out.

- the SDG–HR explorer's rows (`explorer_entries`): rows of one review with the same paragraph
  and text key are one recommendation, made by each row's state;
- UPR Info's recommendations as its reader groups them (`upr_info_entries`), pledges left out;
- the recommendations of the database whose text comes from a document (`document_entries`),
  with their position where a document gave it.

State names resolve through the alias table, once each (`StateNames`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.checks.comparison_rules import FINAL
from app.checks.datasets_entries import Entry, Source, text_key
from app.checks.datasets_results import SourceSummary
from app.importers.loading.states import StateResolver
from app.importers.parsing.sdg_explorer import read_explorer
from app.importers.parsing.upr_info import read_upr_info
from app.models.recommendations import Recommendation, RecommendingState, split_paragraph
from app.reference import working_group_session_of
from app.vocab import DataSource, Position

TEXT_SOURCES = (DataSource.working_group_report, DataSource.thematic_list)
POSITION_SOURCES = (*TEXT_SOURCES, DataSource.addendum)


class StateNames:
    """State names resolved once each; the places of names that do not resolve are kept."""

    def __init__(self, db: Session) -> None:
        self._resolver = StateResolver(db)
        self._known: dict[str, str | None] = {}
        self.unknown: dict[str, tuple[list[str], int]] = {}

    def resolve(self, name: str, where: str) -> str | None:
        """The ISO3 code of a state name, or None (and `where` kept) for a name that does not
        resolve."""
        if name not in self._known:
            self._known[name] = self._resolver.resolve(name, where)
        iso3 = self._known[name]
        if iso3 is None:
            places, count = self.unknown.get(name, ([], 0))
            if len(places) < 5:
                places.append(where)
            self.unknown[name] = (places, count + 1)
        return iso3


@dataclass
class _ExplorerGroup:
    """Explorer rows of one review with the same paragraph and text."""

    session: int
    iso3: str
    paragraph: str | None
    text: str
    file: str
    order: tuple[int, ...]
    rows: list[int] = field(default_factory=list)
    positions: set[Position] = field(default_factory=set)
    states: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)

    def entry(self) -> Entry:
        paragraph = self.paragraph or "no paragraph"
        return Entry(
            Source.explorer,
            self.session,
            self.iso3,
            self.text,
            where=f"{paragraph}, {self.file} {_rows_text(self.rows)}",
            positions=frozenset(self.positions),
            states=frozenset(self.states),
            unresolved=tuple(self.unresolved),
            unfinal=None if self.positions else "no readable Response in the explorer",
            paragraph=self.paragraph,
            order=self.order,
        )


def explorer_entries(files: Sequence[Path], names: StateNames) -> tuple[SourceSummary, list[Entry]]:
    """The explorer's recommendations: rows of one review, paragraph and text key grouped."""
    summary = SourceSummary(Source.explorer, files=[path.name for path in files])
    groups: dict[tuple[int, str, str | None, str], _ExplorerGroup] = {}
    for index, path in enumerate(files):
        for record in read_explorer(path):
            summary.rows += 1
            where = f"{path.name} row {record.row}"
            if record.symbol is None or record.hrc_session is None:
                summary.not_placed["no readable symbol"] += 1
                continue
            if not record.text or not record.state_under_review:
                summary.not_placed["no text or no state under review"] += 1
                continue
            iso3 = names.resolve(record.state_under_review, f"{where} (Recommendation)")
            if iso3 is None:
                summary.not_placed["state under review unknown"] += 1
                continue
            session = working_group_session_of(record.hrc_session, iso3)
            if session is None:
                summary.not_placed["Working Group session unknown"] += 1
                continue
            key = (session, iso3, record.paragraph, text_key(record.text))
            group = groups.get(key)
            if group is None:
                order = (session, *split_paragraph(record.paragraph or ""), index, record.row)
                group = groups[key] = _ExplorerGroup(
                    session, iso3, record.paragraph, record.text, path.name, order
                )
            group.rows.append(record.row)
            if record.position is not None:
                group.positions.add(record.position)
            for name in record.recommending_states:
                code = names.resolve(name, f"{where} (Recommending state)")
                if code is None:
                    group.unresolved.append(name)
                elif code not in group.states:
                    group.states.append(code)
    return _summarised(summary, [group.entry() for group in groups.values()])


def upr_info_entries(files: Sequence[Path], names: StateNames) -> tuple[SourceSummary, list[Entry]]:
    """UPR Info's recommendations as its reader groups them; pledges and malformed rows apart."""
    summary = SourceSummary(Source.upr_info, files=[path.name for path in files])
    entries = []
    for index, path in enumerate(files):
        export = read_upr_info(path)
        summary.rows += export.rows
        if export.malformed:
            summary.not_placed["malformed row"] += len(export.malformed)
        if export.pledges:
            summary.not_placed["voluntary pledge, not a recommendation"] += len(export.pledges)
        for item in export.recommendations:
            where = f"{path.name} {_rows_text(item.rows)}"
            iso3 = names.resolve(item.state_under_review, f"{where} (To)")
            if iso3 is None:
                summary.not_placed["state under review unknown"] += len(item.rows)
                continue
            states: list[str] = []
            unresolved: list[str] = []
            for name in item.recommending_states:
                code = names.resolve(name, f"{where} (From)")
                if code is None:
                    unresolved.append(name)
                elif code not in states:
                    states.append(code)
            if any("names no recommending state" in problem for problem in item.problems):
                unresolved.append("(Unknown)")
            final = frozenset({item.position}) & FINAL if item.position else frozenset()
            if final:
                unfinal = None
            elif item.position is Position.pending:
                unfinal = "Pending in UPR Info"
            else:
                unfinal = "UPR Info's rows disagree on the response"
            entries.append(
                Entry(
                    Source.upr_info,
                    item.session,
                    iso3,
                    item.text,
                    where=where,
                    positions=final,
                    states=frozenset(states),
                    unresolved=tuple(unresolved),
                    unfinal=unfinal,
                    order=(item.session, index, item.rows[0]),
                )
            )
    return _summarised(summary, entries)


def document_entries(db: Session) -> tuple[SourceSummary, list[Entry]]:
    """The recommendations whose text a document gave, with the documents' positions."""
    summary = SourceSummary(Source.documents, files=["the database"])
    from_documents = col(Recommendation.text_from).in_(TEXT_SOURCES)
    states: dict[str, list[str]] = defaultdict(list)
    for rid, iso3 in db.exec(
        select(col(RecommendingState.recommendation_id), col(RecommendingState.iso3))
        .join(Recommendation, col(Recommendation.id) == col(RecommendingState.recommendation_id))
        .where(from_documents)
        .order_by(col(RecommendingState.recommendation_id), col(RecommendingState.ordinal))
    ):
        states[rid].append(iso3)
    rows = db.execute(
        sa_select(
            col(Recommendation.id),
            col(Recommendation.session_number),
            col(Recommendation.state_iso3),
            col(Recommendation.paragraph),
            col(Recommendation.paragraph_major),
            col(Recommendation.paragraph_minor),
            col(Recommendation.text),
            col(Recommendation.position),
            col(Recommendation.position_from),
        )
        .where(from_documents)
        .order_by(
            col(Recommendation.session_number),
            col(Recommendation.state_iso3),
            col(Recommendation.paragraph_major),
            col(Recommendation.paragraph_minor),
        )
    ).all()
    entries = []
    for row in rows:
        summary.rows += 1
        position = Position(row.position) if row.position else None
        from_document = row.position_from is not None and (
            DataSource(row.position_from) in POSITION_SOURCES
        )
        if position in FINAL and from_document:
            unfinal = None
        elif position is None:
            unfinal = "no position in the documents"
        elif not from_document:
            unfinal = "position only from a dataset"
        else:
            unfinal = f"{position.value} in the documents"
        entries.append(
            Entry(
                Source.documents,
                row.session_number,
                row.state_iso3,
                row.text,
                where=row.id,
                positions=frozenset({position}) if unfinal is None and position else frozenset(),
                states=frozenset(states.get(row.id, ())),
                unfinal=unfinal,
                paragraph=row.paragraph or None,
                order=(row.session_number, row.paragraph_major, row.paragraph_minor),
            )
        )
    return _summarised(summary, entries)


def _summarised(summary: SourceSummary, entries: list[Entry]) -> tuple[SourceSummary, list[Entry]]:
    entries.sort(key=lambda entry: (entry.iso3, entry.order))
    summary.recommendations = len(entries)
    summary.reviews = len({(entry.session, entry.iso3) for entry in entries})
    summary.sessions = sorted({entry.session for entry in entries})
    return summary, entries


def _rows_text(rows: Sequence[int]) -> str:
    """ "row 12", "rows 12, 13", "rows 12, 13, 14 and 2 more"."""
    if len(rows) == 1:
        return f"row {rows[0]}"
    shown = ", ".join(str(row) for row in rows[:3])
    return f"rows {shown}" + (f" and {len(rows) - 3} more" if len(rows) > 3 else "")
