"""Loaded reviews against an SDG–HR Data Explorer export: by paragraph id, then by text.

Every review with a Working Group report document (its symbol, e.g. "A/HRC/28/10") is compared
with the export's rows for that symbol (`app.importers.parsing.sdg_explorer`). The export is a
third-party source with errors of its own, not a reference: a difference says where the two
disagree, not which one is right.

- Rows are first matched by paragraph id ("124.1"). The export repeats an id on one row per
  recommending state, so rows and ids are counted apart and repeated ids listed.
- Some exports number a report's recommendations by another document (for 1st-cycle reports
  whose recommendations were all left to be examined, the addendum's paragraphs: "88.31",
  "128.1", a bare "26" or none). So the rows left over are then matched to the loaded
  recommendations left over by their text, folded by `fold_text`: equal texts first, then
  texts whose sets of words are at least `SIMILAR` alike (Jaccard), the most alike pairs
  first. Each recommendation is matched once; left-over rows that give one id and the same
  text (one row per recommending state) are one entry of the export. An entry still left whose
  text is part of a loaded recommendation's is matched to it as a part (`part_matches`): some
  reports number as one item what several states recommended in turn.
- Recall is the share of the export's entries (each id matched by id, each other entry) that
  are matched; precision the share of the loaded recommendations that are matched. The verdict
  says whether the ids agree (`IDS_AGREE` of the matches by id) or the export uses other ids.
- Positions are compared on every match, where both sides give a final position. The
  database's `pending`, `unclear` and no position are not final and are skipped (and counted);
  so are matches whose export rows give no readable Response. `supported` and `noted` agree
  when every export row of the match says the same; a match whose rows say both disagrees with
  either. `supported_in_part` agrees when the export says Supported on some row of the match
  (alone or next to Noted: the state supported part of it) and disagrees when it says only
  Noted.
- A symbol the export has no row for is reported as such, without differences.
- Export rows for the symbol that could not be read completely are listed with their problems;
  rows whose symbol cannot be read are only counted.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from sqlmodel import Session, col, select

from app.importers.loading.text import comparable
from app.importers.parsing.sdg_explorer import ExplorerRecord, read_explorer
from app.models.recommendations import Recommendation, split_paragraph
from app.models.reviews import Document, Review
from app.vocab import DocumentKind, Position

FINAL = frozenset({Position.supported, Position.noted, Position.supported_in_part})
SIMILAR = 0.8  # the least Jaccard similarity of word sets for texts to match
MIN_PART = 20  # the fewest characters of an export text read as part of a report item
IDS_AGREE = 0.9  # the least share of matches by id for a document whose ids agree
EXCERPT = 80  # characters of an unmatched row's text shown
_LEADING_TO = re.compile(r"^to\s+")
_WORD_RE = re.compile(r"\w+")


def fold_text(text: str) -> str:
    """A recommendation's text folded for matching: `comparable`, case-folded, without the
    report's leading "To " or the final punctuation, whitespace collapsed."""
    folded = _LEADING_TO.sub("", comparable(text).casefold())
    return " ".join(folded.rstrip(" .,;:!?").split())


def similarity(first: str, second: str) -> float:
    """The Jaccard similarity of two folded texts' sets of words (0 for no words)."""
    a, b = set(_WORD_RE.findall(first)), set(_WORD_RE.findall(second))
    return len(a & b) / len(a | b) if a | b else 0.0


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
class ExportEntry:
    """Export rows not matched by id that give one recommendation: the rows of one id (or of
    none) with the same folded text, one per recommending state, in row order."""

    paragraph: str | None
    rows: tuple[ExportRow, ...]

    @property
    def text(self) -> str:
        """The folded text of the rows ("" when they have none)."""
        return fold_text(self.rows[0].record.text or "")

    def describe(self) -> str:
        """The entry for a reader: "88.31 (upr1.xlsx row 345): Accomplish the human…"."""
        where = ", ".join(row.where for row in self.rows)
        text = self.rows[0].record.text or "no text"
        excerpt = text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"
        return f"{self.paragraph or 'no id'} ({where}): {excerpt}"


@dataclass(frozen=True)
class TextMatch:
    """A loaded recommendation matched to an export entry by text, `exact`ly or as similar."""

    paragraph: str
    entry: ExportEntry
    exact: bool


@dataclass(frozen=True)
class PositionDifference:
    """A match whose final positions disagree: the loaded paragraph id, the database's
    position, and each export row's."""

    paragraph: str
    database: Position
    export: tuple[ExportRow, ...]


@dataclass
class DocumentCheck:
    """The comparison of one Working Group report's loaded recommendations with the export.

    `loaded` maps each loaded paragraph id to its position and `texts` to its text; `export`
    each export id to its rows; `unnumbered` holds the symbol's rows without a paragraph id
    and `malformed` those that could not be read completely. The matching by text is made the
    first time it is asked for, so the rows must all be in by then (`compare` sees to it).
    """

    symbol: str
    review_id: str
    loaded: dict[str, Position | None]
    texts: dict[str, str] = field(default_factory=dict)
    export: dict[str, list[ExportRow]] = field(default_factory=dict)
    unnumbered: list[ExportRow] = field(default_factory=list)
    malformed: list[ExportRow] = field(default_factory=list)

    @property
    def in_export(self) -> bool:
        """Whether the export has any row for the symbol."""
        return bool(self.export or self.malformed)

    @property
    def export_rows(self) -> int:
        """Rows of the symbol, malformed ones included."""
        return sum(len(rows) for rows in self.export.values()) + len(self.unnumbered)

    @property
    def repeated(self) -> dict[str, int]:
        """Export ids given on more than one row -> their number of rows."""
        return {pid: len(rows) for pid, rows in self.export.items() if len(rows) > 1}

    @property
    def matched(self) -> set[str]:
        """Ids both the database and the export have (the matches by id)."""
        return self.loaded.keys() & self.export.keys()

    @cached_property
    def unmatched_by_id(self) -> list[ExportEntry]:
        """The entries of the rows whose id is not loaded or that have none, in row order."""
        rows = [row for pid in self.export.keys() - self.loaded.keys() for row in self.export[pid]]
        rows += self.unnumbered
        groups: dict[tuple[str | None, str], list[ExportRow]] = {}
        for row in sorted(rows, key=lambda row: (row.file, row.record.row)):
            key = (row.record.paragraph, fold_text(row.record.text or ""))
            groups.setdefault(key, []).append(row)
        return [ExportEntry(paragraph, tuple(group)) for (paragraph, _), group in groups.items()]

    @cached_property
    def text_matches(self) -> dict[str, TextMatch]:
        """Loaded paragraph id -> its match by text among the entries not matched by id: equal
        folded texts first (entries in row order, recommendations in paragraph order), then
        the most similar pairs at least `SIMILAR` alike; each side is matched once."""
        left = sorted(self.loaded.keys() - self.matched, key=split_paragraph)
        by_text: dict[str, list[str]] = defaultdict(list)
        for pid in left:
            by_text[fold_text(self.texts.get(pid, ""))].append(pid)
        found: dict[str, TextMatch] = {}
        entries = [entry for entry in self.unmatched_by_id if entry.text]
        rest: list[tuple[int, ExportEntry]] = []
        for index, entry in enumerate(entries):
            if by_text.get(entry.text):
                pid = by_text[entry.text].pop(0)
                found[pid] = TextMatch(pid, entry, exact=True)
            else:
                rest.append((index, entry))
        texts = {pid: fold_text(self.texts.get(pid, "")) for pid in left if pid not in found}
        pairs = [
            (-score, index, split_paragraph(pid), pid, entry)
            for index, entry in rest
            for pid, text in texts.items()
            if (score := similarity(entry.text, text)) >= SIMILAR
        ]
        used: set[int] = set()
        for _, index, _, pid, entry in sorted(pairs, key=lambda pair: pair[:3]):
            if index not in used and pid not in found:
                used.add(index)
                found[pid] = TextMatch(pid, entry, exact=False)
        return found

    @cached_property
    def part_matches(self) -> dict[ExportEntry, str]:
        """Entries left over whose folded text is part of a loaded recommendation's -> its id.

        Some reports number as one item what several states recommended in turn ("… (Japan);
        and to take effective measures … (Israel)"); the export gives each part a row of its
        own. Such an entry is in the report, as part of the first item (in paragraph order)
        that contains its words.
        """
        matched = {match.entry for match in self.text_matches.values()}
        texts = [
            (pid, fold_text(self.texts.get(pid, "")))
            for pid in sorted(self.loaded, key=split_paragraph)
        ]
        found: dict[ExportEntry, str] = {}
        for entry in self.unmatched_by_id:
            if entry in matched or len(entry.text) < MIN_PART:
                continue
            pid = next((pid for pid, text in texts if entry.text in text), None)
            if pid is not None:
                found[entry] = pid
        return found

    @property
    def entries(self) -> int:
        """The export's entries: each id matched by id, and each entry of the other rows."""
        return len(self.matched) + len(self.unmatched_by_id)

    @property
    def found(self) -> int:
        """Matches of either kind."""
        return len(self.matched) + len(self.text_matches)

    @property
    def verdict(self) -> str:
        """Whether the export's ids agree with the loaded ones, or why they are matched by text."""
        if not self.found:
            return "nothing matched"
        if len(self.matched) >= IDS_AGREE * self.found:
            return "ids agree"
        return "export uses other ids (matched by text)"

    @property
    def missing(self) -> list[ExportEntry]:
        """Entries of the export matched neither by id nor by text, in row order."""
        matched = {match.entry for match in self.text_matches.values()}
        return [
            entry
            for entry in self.unmatched_by_id
            if entry not in matched and entry not in self.part_matches
        ]

    @property
    def only_in_database(self) -> set[str]:
        """Loaded ids matched neither by id nor by text, nor holding a part of the export."""
        parts = set(self.part_matches.values())
        return self.loaded.keys() - self.matched - self.text_matches.keys() - parts

    @property
    def similar(self) -> set[str]:
        """Loaded ids matched by a similar, not equal, text."""
        return {pid for pid, match in self.text_matches.items() if not match.exact}

    @property
    def pairs(self) -> list[tuple[str, Sequence[ExportRow]]]:
        """Every match, as (loaded paragraph id, export rows), in paragraph order."""
        pairs: list[tuple[str, Sequence[ExportRow]]] = [
            (pid, self.export[pid]) for pid in self.matched
        ]
        pairs += [(pid, match.entry.rows) for pid, match in self.text_matches.items()]
        pairs += [(pid, entry.rows) for entry, pid in self.part_matches.items()]
        return sorted(pairs, key=lambda pair: split_paragraph(pair[0]))

    @property
    def not_final(self) -> Counter[str]:
        """Matches skipped by the position comparison, counted by the reason."""
        reasons: Counter[str] = Counter()
        for pid, rows in self.pairs:
            position = self.loaded[pid]
            if position not in FINAL:
                reasons[f"{position.value if position else 'no position'} in the database"] += 1
            elif not _export_positions(rows):
                reasons["no readable Response in the export"] += 1
        return reasons

    @property
    def compared(self) -> int:
        """Matches (parts included) where both sides give a final position."""
        return len(self.pairs) - sum(self.not_final.values())

    @property
    def differences(self) -> list[PositionDifference]:
        """Compared matches whose positions disagree, in paragraph order."""
        found = []
        for pid, rows in self.pairs:
            database, export = self.loaded[pid], _export_positions(rows)
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
                else:
                    check.unnumbered.append(row)
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
    texts: dict[str, dict[str, str]] = {review: {} for _, review in documents}
    recommendations = db.exec(
        select(
            col(Recommendation.review_id),
            col(Recommendation.paragraph),
            col(Recommendation.position),
            col(Recommendation.text),
        )
        .where(col(Recommendation.review_id).in_(list(loaded)))
        .order_by(col(Recommendation.paragraph_major), col(Recommendation.paragraph_minor))
    )
    for review, paragraph, position, text in recommendations:
        loaded[review][paragraph] = Position(position) if position else None
        texts[review][paragraph] = text
    return [
        DocumentCheck(symbol.strip(), review, loaded[review], dict(texts[review]))
        for symbol, review in documents
        if symbol is not None
    ]


def _export_positions(rows: Iterable[ExportRow]) -> frozenset[Position]:
    return frozenset(row.record.position for row in rows if row.record.position is not None)


# Rendering: the same content as plain text and as Markdown.


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.1%} ({part}/{whole})" if whole else "n/a"


def _match_ratio(check: DocumentCheck, part: int, whole: int, parts: int) -> str:
    """Matches out of `whole`: "99.4% (165/166: 3 by id, 162 by text, 4 as parts)"."""
    if not whole:
        return "n/a"
    kinds = f"{len(check.matched)} by id, {len(check.text_matches)} by text"
    kinds += f", {parts} as parts" if parts else ""
    return f"{part / whole:.1%} ({part}/{whole}: {kinds})"


def _recall(check: DocumentCheck) -> str:
    parts = len(check.part_matches)
    return _match_ratio(check, check.found + parts, check.entries, parts)


def _precision(check: DocumentCheck) -> str:
    loaded = len(check.loaded)
    holding = len(set(check.part_matches.values()) - check.matched - check.text_matches.keys())
    return _match_ratio(check, loaded - len(check.only_in_database), loaded, holding)


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


def _similar_match(match: TextMatch) -> str:
    return f"{match.paragraph} ~ {match.entry.describe()}"


def _sections(check: DocumentCheck) -> list[tuple[str, str | list[str]]]:
    """The differences of one document: (heading, a line of ids or a list of items)."""
    sections: list[tuple[str, str | list[str]]] = []
    if check.missing:
        items = [entry.describe() for entry in check.missing]
        sections.append((f"missing from the database ({len(items)})", items))
    if check.only_in_database:
        only = check.only_in_database
        sections.append((f"only in the database ({len(only)})", _id_ranges(only)))
    similar = sorted(check.similar, key=split_paragraph)
    if similar:
        items = [_similar_match(check.text_matches[pid]) for pid in similar]
        sections.append((f"matched by a similar, not equal, text ({len(items)})", items))
    if check.part_matches:
        items = [
            f"{entry.describe()} is part of {pid}"
            for entry, pid in sorted(
                check.part_matches.items(), key=lambda item: split_paragraph(item[1])
            )
        ]
        sections.append((f"parts of a report item, on rows of their own ({len(items)})", items))
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
        lines.append(f"  recall {_recall(check)}, precision {_precision(check)}")
        lines.append(f"  verdict: {check.verdict}")
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
        "Rows are matched by paragraph id first; the rows left over are then matched to the "
        'recommendations left over by their text (folded: case, typography, a leading "To", '
        f"final punctuation), equal texts first, then texts whose words are {SIMILAR:.0%} alike "
        "or more, then texts that are part of a loaded recommendation's (a report item that "
        "joins what several states recommended in turn, which the export splits). Recall is "
        "the share of the export's entries that are matched (each id matched "
        "by id; each left-over id or id-less row with its text, repeated on one row per "
        "recommending state), precision the share of the loaded recommendations that are "
        f'matched. The verdict is "ids agree" when {IDS_AGREE:.0%} of the matches or more are '
        "by id. Positions are compared on every match where both sides give a final one: "
        "`pending`, `unclear` or no position in the database are skipped; `supported_in_part` "
        "agrees with an export that says Supported on some row of the match, and disagrees with "
        "one that says only Noted.",
        "",
        f"{_export_line(report)}.",
        "",
        "| Document | Review | Loaded | Export | Recall | Precision | Verdict | Positions agree | "
        "Malformed rows |",
        "|---|---|---:|---|---:|---:|---|---|---:|",
    ]
    for check in report.documents:
        if check.in_export:
            cells = [
                _export_summary(check),
                _recall(check),
                _precision(check),
                check.verdict,
                _positions_summary(check),
                str(len(check.malformed)),
            ]
        else:
            cells = ["not in the export", "", "", "", "", ""]
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
