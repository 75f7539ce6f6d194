"""Typed records that the parsers produce and the loader writes.

Parsers turn one official document into a `ParsedDocument`; they never touch the
database. State names stay exactly as written in the document: the loader resolves
them through the alias table, so that an unknown name fails the whole import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.vocab import DocumentKind, ImplementationClaim, Position


class ParseError(Exception):
    """A document that cannot be parsed; the message names the file, the place and the problem."""

    def __init__(self, file: str, where: str, problem: str) -> None:
        super().__init__(f"{file}: {where}: {problem}")
        self.file = file
        self.where = where
        self.problem = problem


@dataclass(frozen=True)
class ThemeRef:
    """A theme as a document names it, with the old UHRI code (e.g. "A12") where one is given."""

    name: str
    code: str | None = None


@dataclass
class ParsedRecommendation:
    """One recommendation as a document gives it.

    `paragraph` is the number that makes the recommendation's id: "140.7" in cycles 2-4;
    in the 1st cycle, where items 1-97 stand inside paragraph 111, "111.7" for item 7.
    `implementation_claim` is the state's own claim, in the report, that the recommendation is
    already implemented or being implemented, with the paragraph it was read from.
    """

    paragraph: str
    text: str
    recommending_states: list[str]
    location: str
    position: Position | None = None
    position_source: str | None = None
    position_text: str | None = None
    implementation_claim: ImplementationClaim | None = None
    implementation_claim_source: str | None = None
    themes: list[ThemeRef] = field(default_factory=list)
    affected_groups: list[str] = field(default_factory=list)
    sdgs: list[str] = field(default_factory=list)
    external_ids: dict[str, str] = field(default_factory=dict)


@dataclass
class ParsedPosition:
    """A position taken in an addendum on one paragraph, with the words it was read from."""

    paragraph: str
    position: Position
    source: str
    location: str
    response_text: str | None = None


@dataclass(frozen=True)
class DocumentRef:
    """A document cited by another (e.g. the national report in a Working Group report)."""

    symbol: str
    kind: DocumentKind
    date: dt.date | None = None


@dataclass
class ReportedTotals:
    """Totals that a document states in words, kept apart from what was parsed."""

    received: int | None
    supported: int | None
    noted: int | None
    source: str


@dataclass
class ReviewMetadata:
    """What a Working Group report's introduction says about the review."""

    session_start: dt.date | None = None
    session_end: dt.date | None = None
    review_date: dt.date | None = None
    meeting_number: int | None = None
    head_of_delegation: str | None = None
    troika: list[str] = field(default_factory=list)
    report_adopted_on: dt.date | None = None
    hrc_session: int | None = None


@dataclass
class ParsedDocument:
    """Everything one document contributes to one review."""

    file: str
    symbol: str | None
    kind: DocumentKind
    session: int
    state_under_review: str
    date: dt.date | None = None
    metadata: ReviewMetadata | None = None
    cited_documents: list[DocumentRef] = field(default_factory=list)
    recommendations: list[ParsedRecommendation] = field(default_factory=list)
    positions: list[ParsedPosition] = field(default_factory=list)
    reported_totals: ReportedTotals | None = None
    warnings: list[str] = field(default_factory=list)
