"""Parser for OHCHR's "thematic list of recommendations" (DOCX), cycles 2 to 4.

Layouts. The document is one table (sometimes split into several, or with its header row
repeated on each page). OHCHR has used several layouts, among them:

- 2nd cycle: *Recommendation / Position / Full list of themes / Assessment/comments on level of
  implementation*, theme rows "Theme: A12 Acceptance of international norms" (old UHRI codes);
- 2nd cycle, another: *Recommendation / Recommending state/s / Position / Full list of
  rights/affected persons*, theme rows "Right or area: 2.1. Acceptance of international norms",
  the states also written in the sentence as "(Chile); (Estonia);";
- 3rd cycle: as the first, with "SDGs:" and "Affected persons:" sections in the themes cell;
- 4th cycle: *Recommendation and recommending State / Position of the State under review /
  Human rights themes and groups of persons / Relevant SDGs*.

Columns are found by what their header means, never by position: a header's words (plurals
folded, "state/s" read as "state") pick its role, tried in this order: SDGs ("sdg",
"sustainable"), themes ("theme", "thematic", "right", "area", "issue", "topic"), assessment
("assessment", "implementation", "comment"), position ("position", "response"), recommendation
("recommendation"), recommending states ("state", "country", "recommending", "delegation") and
affected groups ("person", "group", "people"). So "Position of the State under review" is the
position and "Recommendation and recommending State" the recommendation (states in the
sentence). A header with none of these words is reported as not recognised. Only the
recommendation and position columns are required.

Rows. A row whose first cell is "<label>: <theme>", where the label is made of theme words
("Theme:", "Right or area:", "Thematic area:", "Issue:"), opens a theme group; every other row
that starts with a paragraph number ("140.7 ...", "166.6. ...") is a recommendation. A leading
old UHRI code of a theme ("A12") becomes `ThemeRef.code`; a leading outline number of the list
itself ("2.1.", "10.") is dropped from the name and kept nowhere, since it numbers that list's
headings, not a shared taxonomy (Egypt's list even gives one theme two numbers). Sections
inside a cell are found by their labels: "Source of Position:", "Affected persons:" / "Groups of
Persons:", "SDGs:" and "Comments:" (comments and the assessment column are not kept; they are
counted).

Text rule (shared with the Working Group report parser): the recommendation text is the sentence
after its paragraph number, without the final ';' or '.' that closes it and without the trailing
parenthesised recommending states, e.g. "140.7 Ratify ... Rights (Maldives) (Portugal);" gives
"Ratify ... Rights". Runs of whitespace (line breaks, non-breaking spaces) become one space;
nothing else is changed, so punctuation inside the sentence (and before the states) is kept.

State names are kept exactly as written; "(Portugal, Slovakia)" and "(Maldives) (Portugal)"
both give two names, and names such as "Iran (Islamic Republic of)" stay whole. Trailing
groups that do not look like state names ("(ICRMW)", "(No. 189)") stay in the text. Where a
recommending-states column is filled, its names are the recommending states (one or several a
line, with or without parentheses); the sentence's are then only compared with them, and a
difference is a warning.

The review. The state under review and the session are read from the page header ("UPR of
China (2nd Cycle – 17th session)", "UPR of Egypt - Second Cycle"), else from the document's
first paragraphs; failing a session there, from the Council session of the position sources'
symbol ("A/HRC/28/16/Add.1" is HRC 28, which adopted Working Group session 20: see
`app.reference.working_group_session_of_hrc`). Arguments given by the caller override what the
document says (a disagreement is a warning); if neither gives the session or the state,
`ParseError` says to pass them.

A position that cannot be mapped unambiguously becomes `Position.unclear`, with the wording in
`position_text`. A paragraph listed under several theme groups gives one merged record. Odd but
non-fatal things go to `ParsedDocument.warnings`; a document that cannot be read as a thematic
list raises `ParseError`. Locations read "table 1 row 3", counting the header as row 1.

Modules: this one reads the document and its tables; `thematic_list_layout` finds the columns
and the theme rows, `thematic_list_rows` reads one row as a recommendation (the text rule, the
states, the sections of a cell) and `thematic_list_review` the review the list names.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from lxml.etree import XMLSyntaxError

from app.importers.parsing.thematic_list_layout import (
    find_header,
    header_error,
    role_cell,
    row_lines,
    theme_row,
)
from app.importers.parsing.thematic_list_review import given_or_found, named_review, no_review_error
from app.importers.parsing.thematic_list_rows import (
    PARAGRAPH_RE,
    column_states,
    map_position,
    parse_row,
    split_recommending_states,
    theme_ref,
    unique,
)
from app.importers.records import ParsedDocument, ParsedRecommendation, ParseError, ThemeRef
from app.vocab import DocumentKind

__all__ = ["column_states", "map_position", "parse_thematic_list", "split_recommending_states"]


def parse_thematic_list(
    path: Path, *, session: int | None = None, state_under_review: str | None = None
) -> ParsedDocument:
    """Parse an OHCHR thematic list of recommendations into one record per paragraph.

    `session` and `state_under_review` override what the document says (see the module
    docstring). Raises `ParseError` for a file that is not a readable DOCX, has no table, has
    no recommendation or position column, yields no recommendation at all, or names no session
    or state under review when none is given.
    """
    file = str(path)
    try:
        document = docx.Document(file)
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        OSError,
        XMLSyntaxError,
        zlib.error,  # a damaged compressed member
        NotImplementedError,  # a compression method zipfile does not know
    ) as exc:
        raise ParseError(file, "file", f"not a readable DOCX document ({exc})") from exc
    if not document.tables:
        raise ParseError(file, "document", "no table found (expected the thematic list table)")

    warnings: list[str] = []
    records = _read_tables(file, document.tables, warnings)
    recommendations = sorted(records.values(), key=lambda r: _paragraph_key(r.paragraph))
    named = named_review(document, recommendations, warnings)
    session = given_or_found("session", session, named.session, named.session_from, warnings)
    state = given_or_found(
        "state under review", state_under_review, named.state, named.state_from, warnings
    )
    if session is None or state is None:
        raise no_review_error(file, session, state, named.council)
    result = ParsedDocument(
        file=file,
        symbol=None,
        kind=DocumentKind.thematic_list,
        session=session,
        state_under_review=state,
        recommendations=recommendations,
        warnings=warnings,
    )
    _check_numbering(result)
    return result


def _read_tables(
    file: str, tables: Sequence[Table], warnings: list[str]
) -> dict[str, ParsedRecommendation]:
    """The recommendations of the list's tables by paragraph (raises `ParseError`)."""
    records: dict[str, ParsedRecommendation] = {}
    columns: dict[str, int] | None = None
    theme: ThemeRef | None = None  # the current theme group, carried into continuation tables
    commented = 0
    header: list[list[str]] | None
    for t_no, table in enumerate(tables, start=1):
        rows = [row_lines(row) for row in table.rows]
        header_at, found = find_header(rows, warnings, t_no)
        if found is not None:
            columns, start, header = found, header_at + 1, rows[header_at]
        elif columns is not None and rows and len(rows[0]) == max(columns.values()) + 1:
            start, header = 0, None
            warnings.append(f"table {t_no}: no header row, read as a continuation")
        elif not any(PARAGRAPH_RE.match(" ".join(c)) for r in rows for c in r if c):
            warnings.append(f"table {t_no}: skipped, no header and no recommendations")
            continue
        else:
            raise header_error(file, t_no, rows)
        for r_no in range(start, len(rows)):
            cells, where = rows[r_no], f"table {t_no} row {r_no + 1}"
            if not any(cells) or cells == header:
                continue
            first = " ".join(role_cell(cells, columns, "recommendation"))
            if (label := theme_row(first)) is not None:
                theme = theme_ref(label)
                continue
            parsed = parse_row(cells, columns, where, theme, warnings)
            if parsed is None:
                warnings.append(f"{where}: skipped, not a recommendation: {first[:80]!r}")
                continue
            rec, has_comments = parsed
            commented += has_comments
            if rec.paragraph in records:
                _merge(records[rec.paragraph], rec, warnings)
            else:
                records[rec.paragraph] = rec
    if columns is None:
        raise header_error(file, 1, [row_lines(row) for row in tables[0].rows])
    if not records:
        raise ParseError(file, "table", "no recommendation rows found")
    if commented:
        warnings.append(f"{commented} rows have assessment comments, which are not kept")
    return records


def _merge(kept: ParsedRecommendation, other: ParsedRecommendation, warnings: list[str]) -> None:
    """Fold a repeat of a paragraph (listed under another theme group) into the first record."""
    warnings.append(f"{kept.paragraph} appears at {kept.location} and {other.location}; merged")
    for name in ("text", "recommending_states", "position", "position_source"):
        if getattr(kept, name) != getattr(other, name):
            warnings.append(f"{kept.paragraph}: {name} differs at {other.location}; first kept")
    kept.themes = unique(kept.themes + other.themes)
    kept.affected_groups = unique(kept.affected_groups + other.affected_groups)
    kept.sdgs = unique(kept.sdgs + other.sdgs)


def _paragraph_key(paragraph: str) -> tuple[int, ...]:
    return tuple(int(part) for part in paragraph.split("."))


def _check_numbering(result: ParsedDocument) -> None:
    """Warn about mixed paragraph prefixes and gaps in the numbering."""
    numbers: dict[str, set[int]] = {}
    for rec in result.recommendations:
        prefix, number = rec.paragraph.split(".")
        numbers.setdefault(prefix, set()).add(int(number))
    if len(numbers) > 1:
        result.warnings.append(f"recommendations under several paragraphs: {sorted(numbers)}")
    for prefix, present in numbers.items():
        if missing := sorted(set(range(1, max(present) + 1)) - present):
            result.warnings.append(f"paragraph {prefix}: missing items {missing}")
