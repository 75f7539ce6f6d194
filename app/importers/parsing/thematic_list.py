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
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml.etree import XMLSyntaxError

from app.importers.parsing.state_groups import (
    inline_states,
    name_key,
    opening_paren,
    split_top_level,
    split_trailing_states,
)
from app.importers.records import ParsedDocument, ParsedRecommendation, ParseError, ThemeRef
from app.reference import working_group_session_of_hrc
from app.states.queries import fold_name
from app.vocab import DocumentKind, Position

# Column roles and the header words that mean them, tried in this order (first match wins).
_COLUMN_WORDS = (
    ("sdgs", frozenset({"sdg", "sustainable"})),
    ("themes", frozenset({"theme", "thematic", "right", "area", "issue", "topic"})),
    ("assessment", frozenset({"assessment", "implementation", "comment"})),
    ("position", frozenset({"position", "response"})),
    ("recommendation", frozenset({"recommendation"})),
    ("states", frozenset({"state", "country", "recommending", "delegation"})),
    ("groups", frozenset({"person", "group", "people"})),
)
_THEME_WORDS = dict(_COLUMN_WORDS)["themes"]
_LABEL_CONNECTORS = frozenset({"and", "or", "of", "the"})
_SECTION_RE = re.compile(
    r"^(source of position|affected persons|groups of persons|sdgs?|comments?)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_SECTION_ROLE = {
    "source of position": "source",
    "affected persons": "groups",
    "groups of persons": "groups",
    "sdg": "sdgs",
    "sdgs": "sdgs",
    "comment": "comments",
    "comments": "comments",
}
_PARAGRAPH_RE = re.compile(r"^(\d+\.\d+)\.?\s+(.*)$", re.DOTALL)
_LABELLED_ROW_RE = re.compile(r"^([A-Za-z][A-Za-z /&]{0,40}?)\s*:\s*(\S.*)$")
_THEME_CODE_RE = re.compile(r"^([A-Z]\d{1,3}|\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$")
_SDG_RE = re.compile(r"^(\d{1,2})(\.(?:\d{1,2}|[a-z]))?(?=\s|$|-)")
_BULLET_RE = re.compile(r"^[-\u2013\u2014\u2022\u00b7*]+\s*")
_SOURCE_RE = re.compile(r"^\S+/Add\.\d+(?: - Para\. ?\d+(?:\.\d+)?\.?)?$")
_COUNCIL_RE = re.compile(r"\bA/HRC/(\d{1,3})/")
_UPR_OF_RE = re.compile(r"\b(?:UPR|Universal Periodic Review) of ([^\t\n]+)", re.IGNORECASE)
_STATE_END_RE = re.compile(
    r"\s*\((?=[^)]*\b(?:cycle|session)\b)|\s+[-\u2013\u2014:|]\s|\s{2,}|\s*$", re.IGNORECASE
)
_SESSION_RE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)\s+session\b|\bsession\s+(\d{1,2})\b", re.IGNORECASE
)
_FIRST_PARAGRAPHS = 20  # of the body, searched when the page header names no review
_MAX_STATE_NAME = 60
_POSITIONS = {
    "supported": Position.supported,
    "noted": Position.noted,
    "supported/noted": Position.supported_in_part,
    "partially supported": Position.supported_in_part,
    "supported in part": Position.supported_in_part,
    "pending": Position.pending,
}


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
    named = _named_review(document, recommendations, warnings)
    session = _given_or_found("session", session, named.session, named.session_from, warnings)
    state = _given_or_found(
        "state under review", state_under_review, named.state, named.state_from, warnings
    )
    if session is None or state is None:
        raise _no_review_error(file, session, state, named.council)
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


def _read_tables(file: str, tables, warnings: list[str]) -> dict[str, ParsedRecommendation]:
    """The recommendations of the list's tables by paragraph (raises `ParseError`)."""
    records: dict[str, ParsedRecommendation] = {}
    columns: dict[str, int] | None = None
    theme: ThemeRef | None = None  # the current theme group, carried into continuation tables
    commented = 0
    for t_no, table in enumerate(tables, start=1):
        rows = [_row_lines(row) for row in table.rows]
        header_at, found = _find_header(rows, warnings, t_no)
        if found is not None:
            columns, start, header = found, header_at + 1, rows[header_at]
        elif columns is not None and rows and len(rows[0]) == max(columns.values()) + 1:
            start, header = 0, None
            warnings.append(f"table {t_no}: no header row, read as a continuation")
        elif not any(_PARAGRAPH_RE.match(" ".join(c)) for r in rows for c in r if c):
            warnings.append(f"table {t_no}: skipped, no header and no recommendations")
            continue
        else:
            raise _header_error(file, t_no, rows)
        for r_no in range(start, len(rows)):
            cells, where = rows[r_no], f"table {t_no} row {r_no + 1}"
            if not any(cells) or cells == header:
                continue
            first = " ".join(_cell(cells, columns, "recommendation"))
            if (label := _theme_row(first)) is not None:
                theme = _theme_ref(label)
                continue
            parsed = _parse_row(cells, columns, where, theme, warnings)
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
        raise _header_error(file, 1, [_row_lines(row) for row in tables[0].rows])
    if not records:
        raise ParseError(file, "table", "no recommendation rows found")
    if commented:
        warnings.append(f"{commented} rows have assessment comments, which are not kept")
    return records


def _row_lines(row) -> list[list[str]]:
    """The non-empty, whitespace-normalised lines of each grid cell of a table row."""
    cells: list[list[str]] = [[] for _ in range(row.grid_cols_before)]
    for cell in row.cells:
        lines = (_clean(line) for p in cell.paragraphs for line in p.text.split("\n"))
        cells.append([line for line in lines if line])
    return cells


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _cell(cells: list[list[str]], columns: dict[str, int], role: str) -> list[str]:
    index = columns.get(role)
    return cells[index] if index is not None and index < len(cells) else []


def _header_error(file: str, t_no: int, rows: list[list[list[str]]]) -> ParseError:
    heads = [" ".join(lines) for lines in rows[0]] if rows else []
    problem = f"no recommendation column and position column among headers {heads!r}"
    return ParseError(file, f"table {t_no} row 1", problem if rows else "the table is empty")


def _find_header(rows, warnings: list[str], t_no: int) -> tuple[int, dict | None]:
    """The index of the header row among a table's first rows, and its column roles."""
    for index, cells in enumerate(rows[:3]):
        if columns := _find_columns(cells, warnings, t_no):
            return index, columns
    return 0, None


def _words(text: str) -> set[str]:
    """The words of a heading or label, lower-cased, plurals folded ("countries", "rights")."""
    words = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        words.add(word)
    return words


def _column_role(heading: str) -> str | None:
    words = _words(heading)
    return next((role for role, meaning in _COLUMN_WORDS if words & meaning), None)


def _find_columns(cells: list[list[str]], warnings: list[str], t_no: int) -> dict | None:
    """Map column roles to indexes from a header row; None unless both key columns are there."""
    columns: dict[str, int] = {}
    for index, lines in enumerate(cells):
        if (role := _column_role(" ".join(lines))) is not None:
            columns.setdefault(role, index)
    if "recommendation" not in columns or "position" not in columns:
        return None
    for index, lines in enumerate(cells):
        if index not in columns.values() and lines:
            warnings.append(f"table {t_no}: column {' '.join(lines)!r} not recognised")
    return columns


def _theme_row(text: str) -> str | None:
    """The theme a "Theme: ..." / "Right or area: ..." row opens, or None for any other row."""
    m = _LABELLED_ROW_RE.match(text)
    if m is None:
        return None
    words = _words(m.group(1))
    return (
        m.group(2) if words & _THEME_WORDS and words <= _THEME_WORDS | _LABEL_CONNECTORS else None
    )


def _sections(lines: list[str]) -> dict[str | None, list[str]]:
    """Split a cell's lines by their section labels; unlabelled leading lines go under None."""
    sections: dict[str | None, list[str]] = {None: []}
    current = None
    for line in lines:
        if m := _SECTION_RE.match(line):
            current = _SECTION_ROLE[m.group(1).lower()]
            sections.setdefault(current, [])
            line = m.group(2)
        if line:
            sections.setdefault(current, []).append(line)
    return sections


def _parse_row(cells, columns, where, theme, warnings) -> tuple[ParsedRecommendation, bool] | None:
    """Read one table row as a recommendation, and whether it has comments; None if it has no
    paragraph number."""
    rec_cell = _sections(_cell(cells, columns, "recommendation"))
    m = _PARAGRAPH_RE.match(" ".join(rec_cell[None]))
    if m is None:
        return None
    pos_cell = _sections(_cell(cells, columns, "position"))
    theme_cell = _sections(_cell(cells, columns, "themes"))
    group_cell = _sections(_cell(cells, columns, "groups"))
    paragraph = m.group(1)
    listed = column_states(_cell(cells, columns, "states"))
    known = {name_key(n) for n in listed}
    text, trailing = split_recommending_states(m.group(2), known)
    # Several states' recommendations joined in one paragraph name each state where its part
    # ends: "Ratify ICCPR (Albania); Ratify ICCPR and CPED (Chile); … (France)".
    named = _unique(inline_states(text, known) + trailing) if trailing else []
    if listed and named and {name_key(n) for n in named} != known:
        warnings.append(
            f"{where}: {paragraph} recommending states: the sentence names {named}, the "
            f"states column {listed}; the column's are kept"
        )
    states = listed or named
    if not states:
        warnings.append(f"{where}: {paragraph} names no recommending state")
    sections = (rec_cell, pos_cell, theme_cell, group_cell)
    for cell in sections:
        for label in [label for label, lines in cell.items() if label and not lines]:
            warnings.append(f"{where}: {paragraph} has an empty {label!r} section")
    raw_position = " ".join(pos_cell[None])
    position = map_position(raw_position)
    if position is Position.unclear:
        warnings.append(f"{where}: {paragraph} position {raw_position!r} is unclear")
    source = " ".join(rec_cell.get("source", []) + pos_cell.get("source", [])) or None
    if source and not _SOURCE_RE.match(source):
        warnings.append(f"{where}: {paragraph} unusual position source {source!r}")
    themes = [_theme_ref(_BULLET_RE.sub("", line)) for line in theme_cell[None]]
    if theme is not None:
        themes.append(theme)
    groups = theme_cell.get("groups", []) + group_cell[None] + group_cell.get("groups", [])
    sdg_lines = theme_cell.get("sdgs", []) + _cell(cells, columns, "sdgs")
    comments = _cell(cells, columns, "assessment") or any(c.get("comments") for c in sections)
    rec = ParsedRecommendation(
        paragraph=paragraph,
        text=text,
        recommending_states=states,
        location=where,
        position=position,
        position_source=source,
        position_text=raw_position if position is Position.unclear else None,
        themes=_unique(themes),
        affected_groups=_unique(_BULLET_RE.sub("", g) for g in groups),
        sdgs=_unique(_parse_sdgs(sdg_lines, f"{where}: {paragraph}", warnings)),
    )
    return rec, bool(comments)


def map_position(wording: str) -> Position:
    """Map a position's wording to `Position`; anything not unambiguous is `Position.unclear`."""
    key = re.sub(r"\s*/\s*", "/", _clean(wording).lower().rstrip("."))
    return _POSITIONS.get(key, Position.unclear)


def split_recommending_states(sentence: str, known: Collection[str] = ()) -> tuple[str, list[str]]:
    """Split "text (State) (State, State);" into the text and the state names, as written.

    `known` holds `name_key`s of names known to be states (those of a states column).
    """
    return split_trailing_states(_clean(sentence), known)


def column_states(lines: list[str]) -> list[str]:
    """The names in a recommending-states cell, as written: one or several a line, separated
    by commas or semicolons, bare or in parentheses ("Chile", "(Chile); (Estonia);")."""
    names: list[str] = []
    for item in split_top_level("; ".join(lines)):
        item = item.strip(" ;,.")
        if item.startswith("(") and item.endswith(")") and opening_paren(item) == 0:
            names += column_states([item[1:-1]])
        elif item:
            names.append(item)
    return names


def _theme_ref(label: str) -> ThemeRef:
    m = _THEME_CODE_RE.match(label)
    if m is None:
        return ThemeRef(name=label)
    code = m.group(1)
    return ThemeRef(name=m.group(2), code=None if code[0].isdigit() else code)


def _parse_sdgs(lines: list[str], where: str, warnings: list[str]) -> list[str]:
    sdgs = []
    for line in lines:
        m = _SDG_RE.match(_BULLET_RE.sub("", line))
        if m and 1 <= int(m.group(1)) <= 17:
            sdgs.append(m.group(1) + (m.group(2) or ""))
        else:
            warnings.append(f"{where}: SDG line {line!r} not understood")
    return sdgs


def _unique(items) -> list:
    return list(dict.fromkeys(items))


def _merge(kept: ParsedRecommendation, other: ParsedRecommendation, warnings: list[str]) -> None:
    """Fold a repeat of a paragraph (listed under another theme group) into the first record."""
    warnings.append(f"{kept.paragraph} appears at {kept.location} and {other.location}; merged")
    for name in ("text", "recommending_states", "position", "position_source"):
        if getattr(kept, name) != getattr(other, name):
            warnings.append(f"{kept.paragraph}: {name} differs at {other.location}; first kept")
    kept.themes = _unique(kept.themes + other.themes)
    kept.affected_groups = _unique(kept.affected_groups + other.affected_groups)
    kept.sdgs = _unique(kept.sdgs + other.sdgs)


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


def _header_texts(document) -> list[str]:
    """The text of every page header of the document (paragraphs and table cells)."""
    texts = []
    for section in document.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            texts += [p.text for p in header.paragraphs]
            texts += [c.text for table in header.tables for row in table.rows for c in row.cells]
    return texts


@dataclass
class _Named:
    """The review as the document names it, with where it names it."""

    state: str | None = None
    state_from: str | None = None
    session: int | None = None
    session_from: str | None = None
    council: int | None = None  # the Council session of the position sources


def _named_review(
    document, recommendations: list[ParsedRecommendation], warnings: list[str]
) -> _Named:
    """The state under review and the session the document names: in the page header, else in
    the first paragraphs of the body; for the session, failing these, the position sources."""
    named = _Named()
    body = [p.text for p in document.paragraphs[:_FIRST_PARAGRAPHS]]
    for where, texts in (("page header", _header_texts(document)), ("first paragraphs", body)):
        for text in texts:
            if named.state is None and (m := _UPR_OF_RE.search(text)):
                end = _STATE_END_RE.search(m.group(1))
                name = m.group(1)[: end.start() if end else None].strip(" ,;")
                if 0 < len(name) <= _MAX_STATE_NAME:
                    named.state, named.state_from = name, where
            if named.session is None and (m := _SESSION_RE.search(text)):
                named.session, named.session_from = int(m.group(1) or m.group(2)), where
    named.council = _council_session(recommendations, warnings)
    if named.council is None:
        return named
    from_sources = working_group_session_of_hrc(named.council)
    if named.session is None:
        named.session = from_sources
        named.session_from = f"position sources (HRC {named.council})"
    elif from_sources is not None and from_sources != named.session:
        warnings.append(
            f"the {named.session_from} names session {named.session}, the position sources "
            f"(HRC {named.council}) point to session {from_sources}"
        )
    return named


def _council_session(recommendations: list[ParsedRecommendation], warnings: list[str]):
    """The Council session of the position sources' symbols ("A/HRC/28/..." is 28), or None."""
    councils = Counter(
        int(m.group(1))
        for rec in recommendations
        if rec.position_source and (m := _COUNCIL_RE.search(rec.position_source))
    )
    if not councils:
        return None
    council = councils.most_common(1)[0][0]
    if len(councils) > 1:
        warnings.append(
            f"position sources cite Council sessions {sorted(councils)}; HRC {council}, the "
            "most cited, is taken"
        )
    return council


def _given_or_found(what: str, given, found, where: str | None, warnings: list[str]):
    """The caller's value if given, else the document's; a warning if the two differ."""
    if given is not None and found is not None:
        differs = (
            _state_key(given) != _state_key(found) if isinstance(given, str) else given != found
        )
        if differs:
            warnings.append(f"{what} {given} given, the {where} says {found}; {given} is used")
    return given if given is not None else found


def _state_key(name: str) -> str:
    return re.sub(r"^the ", "", fold_name(name))


def _no_review_error(file: str, session, state, council: int | None) -> ParseError:
    """The error for a list whose session or state under review neither it nor the caller gives."""
    missing = [("session", "--session")] if session is None else []
    missing += [("state under review", "--state")] if state is None else []
    problem = (
        f"the document does not name its {' or its '.join(what for what, _ in missing)}; "
        f"pass {' and '.join(option for _, option in missing)}"
    )
    if session is None and council is not None:
        problem += (
            f" (its position sources are documents of HRC {council}, whose Working Group "
            "session the reference data does not give)"
        )
    return ParseError(file, "document", problem)
