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

This module reads the database and the export (`compare`); one document's matching and
comparison is `sdg_explorer_matching`'s (`DocumentCheck`), the text and Markdown reports
`sdg_explorer_report`'s, and what this check shares with `app.checks.datasets`
`comparison_rules`'s.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from sqlmodel import Session, col, select

from app.checks.comparison_rules import FINAL, SIMILAR
from app.checks.sdg_explorer_matching import (
    EXCERPT,
    IDS_AGREE,
    MIN_PART,
    CheckReport,
    DocumentCheck,
    ExportEntry,
    ExportRow,
    PositionDifference,
    TextMatch,
    fold_text,
    positions_agree,
    similarity,
)
from app.checks.sdg_explorer_report import render_markdown, render_text
from app.importers.parsing.sdg_explorer import read_explorer
from app.models.recommendations import Recommendation
from app.models.reviews import Document, Review
from app.vocab import DocumentKind, Position

__all__ = [
    "EXCERPT",
    "FINAL",
    "IDS_AGREE",
    "MIN_PART",
    "SIMILAR",
    "CheckReport",
    "DocumentCheck",
    "ExportEntry",
    "ExportRow",
    "PositionDifference",
    "TextMatch",
    "compare",
    "fold_text",
    "positions_agree",
    "render_markdown",
    "render_text",
    "similarity",
]


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
