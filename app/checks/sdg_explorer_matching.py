"""One Working Group report's loaded recommendations against the export's rows for its symbol
(`DocumentCheck`): matched by paragraph id, then by folded text (`fold_text`, `similarity`),
then as parts of a report item; and the positions of every match compared (`positions_agree`).
See `app.checks.sdg_explorer` for the rules.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from app.checks.comparison_rules import FINAL, SIMILAR, excerpt, jaccard
from app.importers.loading.text import comparable
from app.importers.parsing.sdg_explorer import ExplorerRecord
from app.models.recommendations import split_paragraph
from app.vocab import Position

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
    return jaccard(set(_WORD_RE.findall(first)), set(_WORD_RE.findall(second)))


def positions_agree(database: Position, export: frozenset[Position]) -> bool:
    """Whether a final position in the database agrees with the positions of an id's export
    rows (see `app.checks.sdg_explorer` for the rule)."""
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
        return f"{self.paragraph or 'no id'} ({where}): {excerpt(text, EXCERPT)}"


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


def _export_positions(rows: Iterable[ExportRow]) -> frozenset[Position]:
    return frozenset(row.record.position for row in rows if row.record.position is not None)
