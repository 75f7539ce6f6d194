"""Loaded reviews against an SDG–HR Data Explorer export, paragraph id by paragraph id.

Every review with a Working Group report document (its symbol, e.g. "A/HRC/28/10") is compared
with the export's rows for that symbol (`app.importers.sdg_explorer`). The export is a
third-party source with errors of its own, not a reference: a difference says where the two
disagree, not which one is right.

- Export ids are the distinct paragraph ids of the symbol's rows; the export repeats an id on
  one row per recommending state, so rows and ids are counted apart and repeated ids listed.
- Recall is the share of the export's ids that are loaded; precision the share of the loaded
  ids that the export has.
- Positions are compared on the ids both sides have, where both give a final position. The
  database's `pending`, `unclear` and no position are not final and are skipped (and counted);
  so are ids whose export rows give no readable Response. `supported` and `noted` agree when
  every export row of the id says the same; an id whose rows say both disagrees with either.
  `supported_in_part` agrees when the export says Supported on some row of the id (alone or
  next to Noted: the state supported part of it) and disagrees when it says only Noted.
- A symbol the export has no row for is reported as such, without differences.
- Export rows for the symbol that could not be read completely are listed with their problems;
  rows whose symbol cannot be read are only counted.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, col, select

from app.importers.sdg_explorer import ExplorerRecord, read_explorer
from app.recommendations.models import Recommendation, split_paragraph
from app.reviews.models import Document, Review
from app.vocab import DocumentKind, Position

FINAL = frozenset({Position.supported, Position.noted, Position.supported_in_part})


def positions_agree(database: Position, export: frozenset[Position]) -> bool:
    """Whether a final position in the database agrees with the positions of an id's export
    rows (see the module's docstring for the rule)."""
    if database is Position.supported_in_part:
        return Position.supported in export
    return export == {database}


@dataclass(frozen=True)
class ExportRow:
    """A record of the export with the name of the file it was read from."""

    file: str
    record: ExplorerRecord

    @property
    def where(self) -> str:
        """The row's place: "upr2.xlsx row 28340"."""
        return f"{self.file} row {self.record.row}"


@dataclass(frozen=True)
class PositionDifference:
    """An id whose final positions disagree: the database's, and each export row's."""

    paragraph: str
    database: Position
    export: tuple[ExportRow, ...]


@dataclass
class DocumentCheck:
    """The comparison of one Working Group report's loaded recommendations with the export.

    `loaded` maps each loaded paragraph id to its position; `export` each export id to its
    rows; `malformed` holds the symbol's rows that could not be read completely.
    """

    symbol: str
    review_id: str
    loaded: dict[str, Position | None]
    export: dict[str, list[ExportRow]] = field(default_factory=dict)
    malformed: list[ExportRow] = field(default_factory=list)

    @property
    def in_export(self) -> bool:
        """Whether the export has any row for the symbol."""
        return bool(self.export or self.malformed)

    @property
    def export_rows(self) -> int:
        """Rows of the symbol, malformed ones included."""
        with_id = sum(len(rows) for rows in self.export.values())
        return with_id + sum(1 for row in self.malformed if row.record.paragraph is None)

    @property
    def repeated(self) -> dict[str, int]:
        """Export ids given on more than one row -> their number of rows."""
        return {pid: len(rows) for pid, rows in self.export.items() if len(rows) > 1}

    @property
    def matched(self) -> set[str]:
        """Ids both the database and the export have."""
        return self.loaded.keys() & self.export.keys()

    @property
    def missing(self) -> set[str]:
        """Ids of the export that are not loaded."""
        return self.export.keys() - self.loaded.keys()

    @property
    def only_in_database(self) -> set[str]:
        """Loaded ids that the export does not have."""
        return self.loaded.keys() - self.export.keys()

    @property
    def not_final(self) -> Counter[str]:
        """Matched ids skipped by the position comparison, counted by the reason."""
        reasons: Counter[str] = Counter()
        for pid in self.matched:
            position = self.loaded[pid]
            if position not in FINAL:
                reasons[f"{position.value if position else 'no position'} in the database"] += 1
            elif not _export_positions(self.export[pid]):
                reasons["no readable Response in the export"] += 1
        return reasons

    @property
    def compared(self) -> int:
        """Matched ids where both sides give a final position."""
        return len(self.matched) - sum(self.not_final.values())

    @property
    def differences(self) -> list[PositionDifference]:
        """Compared ids whose positions disagree, in paragraph order."""
        found = []
        for pid in sorted(self.matched, key=split_paragraph):
            database, rows = self.loaded[pid], self.export[pid]
            export = _export_positions(rows)
            if database in FINAL and export and not positions_agree(database, export):
                found.append(PositionDifference(pid, database, tuple(rows)))
        return found


@dataclass
class CheckReport:
    """The comparison of every Working Group report loaded, with what was read of the export."""

    files: list[str]
    rows: int = 0
    malformed: int = 0
    unattributed: int = 0
    symbols: int = 0
    documents: list[DocumentCheck] = field(default_factory=list)


def compare(db: Session, files: Sequence[Path]) -> CheckReport:
    """Compare the loaded reviews that have a Working Group report with the export `files`.

    The files are streamed; only the rows of the symbols loaded are kept. Reads, never writes.
    Raises `ExplorerFormatError` for a file that is not such an export.
    """
    documents = _loaded_documents(db)
    by_symbol: dict[str, list[DocumentCheck]] = defaultdict(list)
    for check in documents:
        by_symbol[check.symbol].append(check)
    report = CheckReport(files=[path.name for path in files], documents=documents)
    symbols: set[str] = set()
    for path in files:
        for record in read_explorer(path):
            report.rows += 1
            report.malformed += record.malformed
            if record.symbol is None:
                report.unattributed += 1
                continue
            symbols.add(record.symbol)
            for check in by_symbol.get(record.symbol, ()):
                row = ExportRow(path.name, record)
                if record.paragraph is not None:
                    check.export.setdefault(record.paragraph, []).append(row)
                if record.malformed:
                    check.malformed.append(row)
    report.symbols = len(symbols)
    return report


def _loaded_documents(db: Session) -> list[DocumentCheck]:
    """One empty check per Working Group report document, with its review's recommendations."""
    documents = db.exec(
        select(col(Document.symbol), col(Document.review_id))
        .join(Review, col(Review.id) == col(Document.review_id))
        .where(
            col(Document.kind) == DocumentKind.working_group_report,
            col(Document.symbol).is_not(None),
        )
        .order_by(col(Review.session_number), col(Review.state_iso3), col(Document.symbol))
    ).all()
    loaded: dict[str, dict[str, Position | None]] = {review: {} for _, review in documents}
    recommendations = db.exec(
        select(
            col(Recommendation.review_id),
            col(Recommendation.paragraph),
            col(Recommendation.position),
        )
        .where(col(Recommendation.review_id).in_(list(loaded)))
        .order_by(col(Recommendation.paragraph_major), col(Recommendation.paragraph_minor))
    )
    for review, paragraph, position in recommendations:
        loaded[review][paragraph] = Position(position) if position else None
    return [
        DocumentCheck(symbol.strip(), review, loaded[review])
        for symbol, review in documents
        if symbol is not None
    ]


def _export_positions(rows: Iterable[ExportRow]) -> frozenset[Position]:
    return frozenset(row.record.position for row in rows if row.record.position is not None)


# Rendering: the same content as plain text and as Markdown.


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.1%} ({part}/{whole})" if whole else "n/a"


def _id_ranges(ids: Iterable[str]) -> str:
    """Paragraph ids in order, runs of three or more written as ranges: "124.1–124.47"."""
    ordered = sorted(ids, key=split_paragraph)
    pieces = []
    for _, run in itertools.groupby(
        enumerate(ordered), key=lambda item: _run_key(item[0], item[1])
    ):
        members = [pid for _, pid in run]
        if len(members) >= 3:
            pieces.append(f"{members[0]}–{members[-1]}")
        else:
            pieces.extend(members)
    return ", ".join(pieces)


def _run_key(index: int, paragraph: str) -> tuple[int, int]:
    """Equal for consecutive items of one paragraph ("124.4", "124.5" at indexes 3 and 4)."""
    major, minor = split_paragraph(paragraph)
    return major, minor - index


def _export_summary(check: DocumentCheck) -> str:
    repeated = check.repeated
    note = f"; {_ids(len(repeated))} on several rows" if repeated else ""
    return f"{_ids(len(check.export))} ({check.export_rows} rows{note})"


def _ids(count: int) -> str:
    return f"{count} id" if count == 1 else f"{count} ids"


def _positions_summary(check: DocumentCheck) -> str:
    compared = check.compared
    agreeing = compared - len(check.differences)
    line = _ratio(agreeing, compared)
    if check.not_final:
        skipped = ", ".join(f"{n} {reason}" for reason, n in sorted(check.not_final.items()))
        line += f"; not compared: {skipped}"
    return line


def _difference(item: PositionDifference) -> str:
    export = ", ".join(
        f"{row.record.position.value if row.record.position else 'none'} ({row.where})"
        for row in item.export
    )
    return f"{item.paragraph}: database {item.database.value}, export {export}"


def _sections(check: DocumentCheck) -> list[tuple[str, str | list[str]]]:
    """The differences of one document: (heading, a line of ids or a list of items)."""
    sections: list[tuple[str, str | list[str]]] = []
    if check.missing:
        sections.append(
            (f"missing from the database ({len(check.missing)})", _id_ranges(check.missing))
        )
    if check.only_in_database:
        only = check.only_in_database
        sections.append((f"only in the database ({len(only)})", _id_ranges(only)))
    if check.differences:
        items = [_difference(item) for item in check.differences]
        sections.append((f"position differs ({len(items)})", items))
    if check.repeated:
        ordered = sorted(check.repeated.items(), key=lambda item: split_paragraph(item[0]))
        ids = ", ".join(f"{pid} ({rows} rows)" for pid, rows in ordered)
        sections.append((f"ids on several export rows ({len(ordered)})", ids))
    if check.malformed:
        items = [f"{row.where}: {'; '.join(row.record.problems)}" for row in check.malformed]
        sections.append((f"malformed export rows ({len(items)})", items))
    return sections


def _export_line(report: CheckReport) -> str:
    return (
        f"Export: {report.rows:,} rows read from {', '.join(report.files)}; "
        f"{report.symbols:,} document symbols; {report.malformed:,} rows malformed "
        f"({report.unattributed:,} without a readable symbol)"
    )


def render_text(report: CheckReport) -> str:
    """The report for a terminal: one block per document, then its differences."""
    lines = [_export_line(report)]
    if not report.documents:
        lines.append("no Working Group report is loaded: nothing to compare")
    for check in report.documents:
        lines.append("")
        lines.append(f"{check.symbol}  review {check.review_id}")
        if not check.in_export:
            lines.append(f"  loaded {len(check.loaded)}; not in the export: nothing to compare")
            continue
        lines.append(f"  loaded {len(check.loaded)}, export {_export_summary(check)}")
        lines.append(
            f"  recall {_ratio(len(check.matched), len(check.export))}, "
            f"precision {_ratio(len(check.matched), len(check.loaded))}"
        )
        lines.append(f"  positions agree: {_positions_summary(check)}")
        for heading, items in _sections(check):
            if isinstance(items, str):
                lines.append(f"  {heading}: {items}")
            else:
                lines.append(f"  {heading}:")
                lines.extend(f"    {item}" for item in items)
    return "\n".join(lines) + "\n"


def render_markdown(report: CheckReport) -> str:
    """The report as a Markdown document: a summary table, then a section per document."""
    command = f"upr check sdg-explorer {' '.join(report.files)} --markdown PATH"
    lines = [
        "# Data quality: loaded reviews against the SDG–HR Data Explorer export",
        "",
        f"Made by `{command}`; run it again after imports. The export is a third-party "
        "source with errors of its own, not a reference: a difference says where the two "
        "disagree, not which one is right.",
        "",
        "Recall is the share of the export's paragraph ids that are loaded, precision the share "
        "of the loaded ids that the export has. Positions are compared where both sides give a "
        "final one: `pending`, `unclear` or no position in the database are skipped; "
        "`supported_in_part` agrees with an export that says Supported on some row of the id, "
        "and disagrees with one that says only Noted. The export repeats an id on one row per "
        "recommending state.",
        "",
        f"{_export_line(report)}.",
        "",
        "| Document | Review | Loaded | Export | Recall | Precision | Positions agree | "
        "Malformed rows |",
        "|---|---|---:|---|---:|---:|---|---:|",
    ]
    for check in report.documents:
        if check.in_export:
            cells = [
                _export_summary(check),
                _ratio(len(check.matched), len(check.export)),
                _ratio(len(check.matched), len(check.loaded)),
                _positions_summary(check),
                str(len(check.malformed)),
            ]
        else:
            cells = ["not in the export", "", "", "", ""]
        lines.append(
            f"| {check.symbol} | {check.review_id} | {len(check.loaded)} | {' | '.join(cells)} |"
        )
    for check in report.documents:
        if not check.in_export:
            continue
        lines += ["", f"## {check.symbol} (review {check.review_id})", ""]
        sections = _sections(check)
        if not sections:
            lines.append("No differences.")
        for heading, items in sections:
            title = heading[0].upper() + heading[1:]
            if isinstance(items, str):
                lines.append(f"- {title}: {items}")
            else:
                lines.append(f"- {title}:")
                lines.extend(f"  - {item}" for item in items)
    return "\n".join(lines) + "\n"
