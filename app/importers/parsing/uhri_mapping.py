"""One array item of a UHRI export mapped to a `UhriRecord` (`map_item`), every value that
cannot be mapped reported as a `UhriProblem`: fatal ones (the record is skipped) and kept ones
(the record is yielded with that value left out or marked), in the order the fields are read.
See `app.importers.parsing.uhri` for which problems are which.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.importers.parsing.state_groups import name_key, split_trailing_states
from app.importers.parsing.uhri_records import UhriProblem, UhriRecord, UhriStats
from app.importers.parsing.uhri_values import (
    as_list,
    clean_label,
    html_to_text,
    label_list,
    map_position_labels,
    parse_date,
    parse_sdg,
    parse_session,
    shorten,
)
from app.importers.records import ParsedRecommendation, ThemeRef
from app.vocab import Position

Report = Callable[[UhriProblem], None]

_PARAGRAPH = re.compile(
    r"^(?:para(?:graph)?\.?\s*)?(\d{1,4}(?:\.\d{1,4})+)\.?(?:\s*[-\u2013\u2014:]\s*|\s+|(?=[^\d.]))"
)
_SOURCE_OF_POSITION = re.compile(r"\s*\bsource of position\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
_THEME_CODE = re.compile(r"^([A-K]\d{1,2})\s+(?:[-\u2013]\s+)?(\S.*)$")
_TRAILING = " \t;.,"
_UPR_BODIES = frozenset({"upr", "universal periodic review"})


@dataclass(frozen=True, slots=True)
class _Problems:
    """Reports the problems of one item: `kept` ones, and `skipped` ones, which also count the
    item as left out."""

    location: str
    annotation_id: str | None
    report: Report
    stats: UhriStats

    def kept(self, name: str, value: Any, message: str) -> None:
        self.report(UhriProblem(self.location, self.annotation_id, name, value, message))

    def skipped(self, name: str, value: Any, message: str) -> None:
        self.stats.skipped_with_problems += 1
        problem = UhriProblem(self.location, self.annotation_id, name, value, message, True)
        self.report(problem)


def map_item(item: Any, index: int, report: Report, stats: UhriStats) -> UhriRecord | None:
    """The UPR recommendation of the array item at `index`, or None for an item of another
    body or kind (counted in `stats`) and for one with a fatal problem. `report` is given every
    problem, in the order found (a strict reader raises there)."""
    location = f"record {index}"
    if not isinstance(item, dict):
        problems = _Problems(location, None, report, stats)
        problems.skipped("record", item, "array item is not a JSON object")
        return None
    kind = record_kind(item)
    if kind is False:
        stats.skipped_other += 1
        return None
    stats.upr_recommendations += 1

    raw_id = item.get("AnnotationId")
    annotation_id = str(raw_id).strip() if raw_id not in (None, "") else None
    problems = _Problems(location, annotation_id, report, stats)
    if kind is None:
        message = "UPR record without an AnnotationType; read as a recommendation"
        problems.kept("AnnotationType", None, message)
    session = _session(item, problems)
    if session is None:
        return None
    raw_countries = item.get("Countries")
    countries = label_list(raw_countries)
    if len(countries) != 1:
        message = "no state under review" if not countries else "several states under review"
        problems.skipped("Countries", raw_countries, message)
        return None
    numbered = _numbered_text(item, problems)
    if numbered is None:
        return None
    text, paragraph, body, position_source = numbered
    states = label_list(item.get("UprRecommendingCountry"))
    if not states:
        raw_states = item.get("UprRecommendingCountry")
        problems.kept("UprRecommendingCountry", raw_states, "no recommending state")
    body = strip_trailing_states(body, states)
    if not body:
        message = "no recommendation text after the paragraph number"
        problems.skipped("Text", shorten(text), message)
        return None
    position, position_text = _position(item, problems)
    themes = _themes(item)
    groups = label_list(item.get("AffectedPersons"))
    sdgs = _sdgs(item, problems)
    symbols = label_list(item.get("Symbol"))
    symbol = symbols[0] if symbols else None
    raw_date = item.get("PublicationDate")
    publication_date = parse_date(raw_date)
    if raw_date not in (None, "") and publication_date is None:
        problems.kept("PublicationDate", raw_date, "unreadable date; left out")
    if annotation_id is None:
        problems.kept("AnnotationId", raw_id, "no AnnotationId")

    recommendation = ParsedRecommendation(
        paragraph=paragraph,
        text=body,
        recommending_states=states,
        location=location,
        position=position,
        position_source=position_source if position is not None else None,
        position_text=position_text,
        themes=themes,
        affected_groups=groups,
        sdgs=sdgs,
        external_ids={"uhri": annotation_id} if annotation_id else {},
    )
    return UhriRecord(
        index=index,
        annotation_id=annotation_id,
        session=session,
        state_under_review=countries[0],
        recommendation=recommendation,
        symbol=symbol,
        publication_date=publication_date,
    )


def record_kind(item: dict[str, Any]) -> bool | None:
    """True for a UPR recommendation, False for anything else, None for a UPR record whose
    AnnotationType is missing (read as a recommendation, with a problem)."""
    body = item.get("Body")
    if body != "- UPR":
        if isinstance(body, str):
            if clean_label(body).casefold() not in _UPR_BODIES:
                return False
        elif not any(
            clean_label(value).casefold() in _UPR_BODIES
            for value in as_list(body)
            if value is not None
        ):
            return False
    kind = item.get("AnnotationType")
    if kind == "- Recommendations":
        return True
    labels = label_list(kind)
    if not labels:
        return None
    return any(label.casefold().startswith("recommendation") for label in labels)


def _session(item: dict[str, Any], problems: _Problems) -> int | None:
    """The one session of `UprSession` (None, a fatal problem, for none or several)."""
    raw_session = item.get("UprSession")
    sessions: list[int] = []
    unreadable = []
    for value in as_list(raw_session):
        number = parse_session(value)
        if number is None:
            unreadable.append(value)
        elif number not in sessions:
            sessions.append(number)
    if len(sessions) != 1:
        if not sessions:
            message = "unreadable session" if unreadable else "no UPR session number"
        else:
            message = f"several sessions: {sessions}"
        problems.skipped("UprSession", raw_session, message)
        return None
    session = sessions[0]
    if unreadable:
        message = f"unreadable value(s) {unreadable} besides session {session}; ignored"
        problems.kept("UprSession", raw_session, message)
    return session


def _numbered_text(item: dict[str, Any], problems: _Problems) -> tuple[str, str, str, str] | None:
    """(the text, its paragraph number, the text after it, the position's source) of `Text`;
    None, a fatal problem, for no text or no paragraph number at its start."""
    raw_text = item.get("Text")
    text = html_to_text(raw_text) if isinstance(raw_text, str) else ""
    if not text:
        problems.skipped("Text", raw_text, "no recommendation text")
        return None
    match = _PARAGRAPH.match(text)
    if match is None:
        message = "text does not start with a paragraph number such as '136.1'"
        problems.skipped("Text", shorten(text), message)
        return None
    paragraph = match.group(1)
    body = text[match.end() :]
    position_source = "UHRI"
    source_match = _SOURCE_OF_POSITION.search(body) if "osition" in body else None
    if source_match is not None:
        position_source = source_match.group(1).strip(_TRAILING) or position_source
        body = body[: source_match.start()]
    return text, paragraph, body, position_source


def strip_trailing_states(text: str, states: list[str]) -> str:
    """The text without the final ';' / '.' and the trailing "(State) (State, State)" groups.

    A group is removed when its names are among the recommending states, or, until as many
    names as there are recommending states have been removed, when they look like state
    names — this covers spellings that differ from UprRecommendingCountry without eating
    "(No. 189)" or "(CEDAW)".
    """
    known = {name_key(state) for state in states}
    return split_trailing_states(text, known, max_names=len(states))[0]


def _position(item: dict[str, Any], problems: _Problems) -> tuple[Position | None, str | None]:
    """The position of `UprPositions` and the labels as written (a problem if unclear)."""
    raw_positions = item.get("UprPositions")
    position, position_text, position_problem = map_position_labels(label_list(raw_positions))
    if position_problem is not None:
        problems.kept("UprPositions", raw_positions, f"{position_problem}; kept as unclear")
    return position, position_text


def _themes(item: dict[str, Any]) -> list[ThemeRef]:
    """The themes of `Themes`, with their old UHRI code ("A12") where the label starts with one."""
    themes: list[ThemeRef] = []
    for label in label_list(item.get("Themes")):
        code_match = _THEME_CODE.match(label)
        theme = (
            ThemeRef(code_match.group(2), code_match.group(1)) if code_match else ThemeRef(label)
        )
        if theme not in themes:
            themes.append(theme)
    return themes


def _sdgs(item: dict[str, Any], problems: _Problems) -> list[str]:
    """The SDG goals and targets of `Sdgs`; a label without a number is a problem."""
    sdgs: list[str] = []
    for label in label_list(item.get("Sdgs")):
        sdg = parse_sdg(label)
        if sdg is None:
            problems.kept("Sdgs", label, "no SDG goal or target number; left out")
        elif sdg not in sdgs:
            sdgs.append(sdg)
    return sdgs
