"""The review a thematic list names: the state under review and the session, read from the page
header, else from the first paragraphs of the body, and for the session, failing these, from the
Council session of the position sources (`named_review`); the caller's values override them
(`given_or_found`), and a review that neither gives is an error (`no_review_error`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TypeVar

from docx.document import Document

from app.importers.records import ParsedRecommendation, ParseError
from app.reference import working_group_session_of_hrc
from app.states.queries import fold_name

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
_V = TypeVar("_V", int, str)


def _header_texts(document: Document) -> list[str]:
    """The text of every page header of the document (paragraphs and table cells)."""
    texts: list[str] = []
    for section in document.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            texts += [p.text for p in header.paragraphs]
            texts += [c.text for table in header.tables for row in table.rows for c in row.cells]
    return texts


@dataclass
class NamedReview:
    """The review as the document names it, with where it names it."""

    state: str | None = None
    state_from: str | None = None
    session: int | None = None
    session_from: str | None = None
    council: int | None = None  # the Council session of the position sources


def named_review(
    document: Document, recommendations: list[ParsedRecommendation], warnings: list[str]
) -> NamedReview:
    """The state under review and the session the document names: in the page header, else in
    the first paragraphs of the body; for the session, failing these, the position sources."""
    named = NamedReview()
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


def _council_session(
    recommendations: list[ParsedRecommendation], warnings: list[str]
) -> int | None:
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


def given_or_found(
    what: str, given: _V | None, found: _V | None, where: str | None, warnings: list[str]
) -> _V | None:
    """The caller's value if given, else the document's; a warning if the two differ."""
    if given is not None and found is not None:
        differs = (
            _state_key(given) != _state_key(found) if isinstance(given, str) else given != found
        )
        if differs:
            warnings.append(f"{what} {given} given, the {where} says {found}; {given} is used")
    return given if given is not None else found


def _state_key(name: str) -> str:
    """A state name as compared: folded, without a leading "the"."""
    return re.sub(r"^the ", "", fold_name(name))


def no_review_error(
    file: str, session: int | None, state: str | None, council: int | None
) -> ParseError:
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
