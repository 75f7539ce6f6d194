"""One row of a thematic list's table read as a recommendation (`parse_row`): its paragraph
number and text, its recommending states (the sentence's and the states column's:
`split_recommending_states`, `column_states`), its position (`map_position`), the sections of
its cells (position source, affected persons, SDGs, comments) and its themes.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import TypeVar

from app.importers.parsing.state_groups import (
    inline_states,
    name_key,
    opening_paren,
    split_top_level,
    split_trailing_states,
)
from app.importers.parsing.thematic_list_layout import clean, role_cell
from app.importers.records import ParsedRecommendation, ThemeRef
from app.vocab import Position

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
PARAGRAPH_RE = re.compile(r"^(\d+\.\d+)\.?\s+(.*)$", re.DOTALL)
_THEME_CODE_RE = re.compile(r"^([A-Z]\d{1,3}|\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$")
_SDG_RE = re.compile(r"^(\d{1,2})(\.(?:\d{1,2}|[a-z]))?(?=\s|$|-)")
_BULLET_RE = re.compile(r"^[-\u2013\u2014\u2022\u00b7*]+\s*")
_SOURCE_RE = re.compile(r"^\S+/Add\.\d+(?: - Para\. ?\d+(?:\.\d+)?\.?)?$")
_POSITIONS = {
    "supported": Position.supported,
    "noted": Position.noted,
    "supported/noted": Position.supported_in_part,
    "partially supported": Position.supported_in_part,
    "supported in part": Position.supported_in_part,
    "pending": Position.pending,
}
_T = TypeVar("_T")


def _sections(lines: list[str]) -> dict[str | None, list[str]]:
    """Split a cell's lines by their section labels; unlabelled leading lines go under None."""
    sections: dict[str | None, list[str]] = {None: []}
    current: str | None = None
    for line in lines:
        if m := _SECTION_RE.match(line):
            current = _SECTION_ROLE[m.group(1).lower()]
            sections.setdefault(current, [])
            line = m.group(2)
        if line:
            sections.setdefault(current, []).append(line)
    return sections


def parse_row(
    cells: list[list[str]],
    columns: dict[str, int],
    where: str,
    theme: ThemeRef | None,
    warnings: list[str],
) -> tuple[ParsedRecommendation, bool] | None:
    """Read one table row as a recommendation, and whether it has comments; None if it has no
    paragraph number."""
    rec_cell = _sections(role_cell(cells, columns, "recommendation"))
    m = PARAGRAPH_RE.match(" ".join(rec_cell[None]))
    if m is None:
        return None
    pos_cell = _sections(role_cell(cells, columns, "position"))
    theme_cell = _sections(role_cell(cells, columns, "themes"))
    group_cell = _sections(role_cell(cells, columns, "groups"))
    paragraph = m.group(1)
    listed = column_states(role_cell(cells, columns, "states"))
    known = {name_key(n) for n in listed}
    text, trailing = split_recommending_states(m.group(2), known)
    # Several states' recommendations joined in one paragraph name each state where its part
    # ends: "Ratify ICCPR (Albania); Ratify ICCPR and CPED (Chile); … (France)".
    named = unique(inline_states(text, known) + trailing) if trailing else []
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
    themes = [theme_ref(_BULLET_RE.sub("", line)) for line in theme_cell[None]]
    if theme is not None:
        themes.append(theme)
    groups = theme_cell.get("groups", []) + group_cell[None] + group_cell.get("groups", [])
    sdg_lines = theme_cell.get("sdgs", []) + role_cell(cells, columns, "sdgs")
    comments = role_cell(cells, columns, "assessment") or any(c.get("comments") for c in sections)
    rec = ParsedRecommendation(
        paragraph=paragraph,
        text=text,
        recommending_states=states,
        location=where,
        position=position,
        position_source=source,
        position_text=raw_position if position is Position.unclear else None,
        themes=unique(themes),
        affected_groups=unique(_BULLET_RE.sub("", g) for g in groups),
        sdgs=unique(_parse_sdgs(sdg_lines, f"{where}: {paragraph}", warnings)),
    )
    return rec, bool(comments)


def map_position(wording: str) -> Position:
    """Map a position's wording to `Position`; anything not unambiguous is `Position.unclear`."""
    key = re.sub(r"\s*/\s*", "/", clean(wording).lower().rstrip("."))
    return _POSITIONS.get(key, Position.unclear)


def split_recommending_states(sentence: str, known: Collection[str] = ()) -> tuple[str, list[str]]:
    """Split "text (State) (State, State);" into the text and the state names, as written.

    `known` holds `name_key`s of names known to be states (those of a states column).
    """
    return split_trailing_states(clean(sentence), known)


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


def theme_ref(label: str) -> ThemeRef:
    """A theme label as a `ThemeRef`: an old UHRI code ("A12") kept, the list's own outline
    number ("2.1.") dropped."""
    m = _THEME_CODE_RE.match(label)
    if m is None:
        return ThemeRef(name=label)
    code = m.group(1)
    return ThemeRef(name=m.group(2), code=None if code[0].isdigit() else code)


def _parse_sdgs(lines: list[str], where: str, warnings: list[str]) -> list[str]:
    """The SDG goals and targets of a cell's lines; a line without one is a warning."""
    sdgs = []
    for line in lines:
        m = _SDG_RE.match(_BULLET_RE.sub("", line))
        if m and 1 <= int(m.group(1)) <= 17:
            sdgs.append(m.group(1) + (m.group(2) or ""))
        else:
            warnings.append(f"{where}: SDG line {line!r} not understood")
    return sdgs


def unique(items: Iterable[_T]) -> list[_T]:
    """The items without repeats, in order."""
    return list(dict.fromkeys(items))
