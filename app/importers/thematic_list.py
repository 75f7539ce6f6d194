"""Parser for OHCHR's "thematic list of recommendations" (DOCX), cycles 2 to 4.

The document is one table (sometimes split into several). Columns are found by their header
text, never by position: "recommendation", "position", "theme", "sdg" and
"assessment"/"implementation". A "Theme: ..." row opens a theme group; every other row that
starts with a paragraph number ("140.7 ...") is a recommendation. Sections inside a cell are
found by their labels: "Source of Position:", "Affected persons:" / "Groups of Persons:" and
"SDGs:" (the 3rd-cycle layout keeps SDGs inside the themes cell).

Text rule (shared with the Working Group report parser): the recommendation text is the sentence
after its paragraph number, without the final ';' or '.' that closes it and without the trailing
parenthesised recommending states, e.g. "140.7 Ratify ... Rights (Maldives) (Portugal);" gives
"Ratify ... Rights". Runs of whitespace (line breaks, non-breaking spaces) become one space;
nothing else is changed, so punctuation inside the sentence (and before the states) is kept.

State names are kept exactly as written; "(Portugal, Slovakia)" and "(Maldives) (Portugal)"
both give two names, and names such as "Iran (Islamic Republic of)" stay whole. Trailing
groups that do not look like state names ("(ICRMW)", "(No. 189)") stay in the text.

A position that cannot be mapped unambiguously becomes `Position.unclear`, with the wording in
`position_text`. A paragraph listed under several theme groups gives one merged record. Odd but
non-fatal things go to `ParsedDocument.warnings`; a document that cannot be read as a thematic
list raises `ParseError`. Locations read "table 1 row 3", counting the header as row 1.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml.etree import XMLSyntaxError

from app.importers.records import ParsedDocument, ParsedRecommendation, ParseError, ThemeRef
from app.importers.state_groups import split_trailing_states
from app.vocab import DocumentKind, Position

# Column roles and their header keywords, tried in this order (first match wins).
_COLUMN_KEYWORDS = (
    ("sdgs", ("sdg",)),
    ("themes", ("theme",)),
    ("assessment", ("assessment", "implementation")),
    ("position", ("position",)),
    ("recommendation", ("recommendation",)),
)
_SECTION_RE = re.compile(
    r"^(source of position|affected persons|groups of persons|sdgs?)\s*:\s*(.*)$", re.IGNORECASE
)
_SECTION_ROLE = {
    "source of position": "source",
    "affected persons": "groups",
    "groups of persons": "groups",
    "sdg": "sdgs",
    "sdgs": "sdgs",
}
_PARAGRAPH_RE = re.compile(r"^(\d+\.\d+)\.?\s+(.*)$", re.DOTALL)
_THEME_ROW_RE = re.compile(r"^theme\s*:\s*(.+)$", re.IGNORECASE)
_THEME_CODE_RE = re.compile(r"^([A-Z]\d{1,3})\s+(\S.*)$")
_SDG_RE = re.compile(r"^(\d{1,2})(\.(?:\d{1,2}|[a-z]))?(?=\s|$|-)")
_BULLET_RE = re.compile(r"^[-\u2013\u2014\u2022\u00b7*]+\s*")
_SOURCE_RE = re.compile(r"^\S+/Add\.\d+ - Para\. ?\d+$")
_PAGE_HEADER_RE = re.compile(r"UPR of (.+?) \(.*?(\d+)(?:st|nd|rd|th) session\)", re.IGNORECASE)
_POSITIONS = {
    "supported": Position.supported,
    "noted": Position.noted,
    "supported/noted": Position.supported_in_part,
    "partially supported": Position.supported_in_part,
    "supported in part": Position.supported_in_part,
    "pending": Position.pending,
}


def parse_thematic_list(path: Path, *, session: int, state_under_review: str) -> ParsedDocument:
    """Parse an OHCHR thematic list of recommendations into one record per paragraph.

    Raises `ParseError` for a file that is not a readable DOCX, has no table, has no
    recommendation or position column, or yields no recommendation at all.
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
    ) as exc:
        raise ParseError(file, "file", f"not a readable DOCX document ({exc})") from exc
    result = ParsedDocument(
        file=file,
        symbol=None,
        kind=DocumentKind.thematic_list,
        session=session,
        state_under_review=state_under_review,
    )
    _check_page_header(document, result)
    if not document.tables:
        raise ParseError(file, "document", "no table found (expected the thematic list table)")

    records: dict[str, ParsedRecommendation] = {}
    columns: dict[str, int] | None = None
    theme: ThemeRef | None = None  # the current theme group, carried into continuation tables
    assessed = 0
    for t_no, table in enumerate(document.tables, start=1):
        rows = [_row_lines(row) for row in table.rows]
        header_at, found = _find_header(rows, result, t_no)
        if found is not None:
            columns, start, header = found, header_at + 1, rows[header_at]
        elif columns is not None and rows and len(rows[0]) == max(columns.values()) + 1:
            start, header = 0, None
            result.warnings.append(f"table {t_no}: no header row, read as a continuation")
        elif not any(_PARAGRAPH_RE.match(" ".join(c)) for r in rows for c in r if c):
            result.warnings.append(f"table {t_no}: skipped, no header and no recommendations")
            continue
        else:
            raise _header_error(file, t_no, rows)
        for r_no in range(start, len(rows)):
            cells, where = rows[r_no], f"table {t_no} row {r_no + 1}"
            if not any(cells) or cells == header:
                continue
            first = " ".join(_cell(cells, columns, "recommendation"))
            if m := _THEME_ROW_RE.match(first):
                theme = _theme_ref(m.group(1))
                continue
            rec = _parse_row(cells, columns, where, theme, result.warnings)
            if rec is None:
                result.warnings.append(f"{where}: skipped, not a recommendation: {first[:80]!r}")
                continue
            assessed += bool(_cell(cells, columns, "assessment"))
            if rec.paragraph in records:
                _merge(records[rec.paragraph], rec, result.warnings)
            else:
                records[rec.paragraph] = rec
    if columns is None:
        raise _header_error(file, 1, [_row_lines(row) for row in document.tables[0].rows])
    if not records:
        raise ParseError(file, "table", "no recommendation rows found")
    if assessed:
        result.warnings.append(f"{assessed} rows have assessment comments, which are not kept")
    result.recommendations = sorted(records.values(), key=lambda r: _paragraph_key(r.paragraph))
    _check_numbering(result)
    return result


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


def _find_header(rows, result: ParsedDocument, t_no: int) -> tuple[int, dict | None]:
    """The index of the header row among a table's first rows, and its column roles."""
    for index, cells in enumerate(rows[:3]):
        if columns := _find_columns(cells, result, t_no):
            return index, columns
    return 0, None


def _find_columns(cells: list[list[str]], result: ParsedDocument, t_no: int) -> dict | None:
    """Map column roles to indexes from a header row; None unless both key columns are there."""
    columns: dict[str, int] = {}
    for index, lines in enumerate(cells):
        heading = " ".join(lines).lower()
        role = next((r for r, words in _COLUMN_KEYWORDS if any(w in heading for w in words)), None)
        if role is not None:
            columns.setdefault(role, index)
    if "recommendation" not in columns or "position" not in columns:
        return None
    for index, lines in enumerate(cells):
        if index not in columns.values() and lines:
            result.warnings.append(f"table {t_no}: column {' '.join(lines)!r} not recognised")
    return columns


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


def _parse_row(cells, columns, where, theme, warnings) -> ParsedRecommendation | None:
    """Read one table row as a recommendation; None if it has no paragraph number."""
    rec_cell = _sections(_cell(cells, columns, "recommendation"))
    m = _PARAGRAPH_RE.match(" ".join(rec_cell[None]))
    if m is None:
        return None
    pos_cell = _sections(_cell(cells, columns, "position"))
    theme_cell = _sections(_cell(cells, columns, "themes"))
    paragraph = m.group(1)
    text, states = split_recommending_states(m.group(2))
    if not states:
        warnings.append(f"{where}: {paragraph} names no recommending state")
    for cell in (rec_cell, pos_cell, theme_cell):
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
    sdg_lines = theme_cell.get("sdgs", []) + _cell(cells, columns, "sdgs")
    return ParsedRecommendation(
        paragraph=paragraph,
        text=text,
        recommending_states=states,
        location=where,
        position=position,
        position_source=source,
        position_text=raw_position if position is Position.unclear else None,
        themes=_unique(themes),
        affected_groups=_unique(_BULLET_RE.sub("", g) for g in theme_cell.get("groups", [])),
        sdgs=_unique(_parse_sdgs(sdg_lines, f"{where}: {paragraph}", warnings)),
    )


def map_position(wording: str) -> Position:
    """Map a position's wording to `Position`; anything not unambiguous is `Position.unclear`."""
    key = re.sub(r"\s*/\s*", "/", _clean(wording).lower().rstrip("."))
    return _POSITIONS.get(key, Position.unclear)


def split_recommending_states(sentence: str) -> tuple[str, list[str]]:
    """Split "text (State) (State, State);" into the text and the state names, as written."""
    return split_trailing_states(_clean(sentence))


def _theme_ref(label: str) -> ThemeRef:
    m = _THEME_CODE_RE.match(label)
    return ThemeRef(name=m.group(2), code=m.group(1)) if m else ThemeRef(name=label)


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


def _check_page_header(document, result: ParsedDocument) -> None:
    """Warn if the page header names another state or session than the caller gave."""
    for section in document.sections:
        m = _PAGE_HEADER_RE.search(" ".join(p.text for p in section.header.paragraphs))
        if m:
            if m.group(1).strip().lower() != result.state_under_review.strip().lower():
                result.warnings.append(f"page header names {m.group(1)!r} as state under review")
            if int(m.group(2)) != result.session:
                result.warnings.append(f"page header names session {m.group(2)}")
            return
