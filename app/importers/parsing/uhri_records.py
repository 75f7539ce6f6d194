"""What the UHRI reader (`app.importers.parsing.uhri`) gives: one `UhriRecord` per UPR
recommendation, a `UhriProblem` per value that could not be mapped (raised as
`UhriProblemError` by a strict reader), and the `UhriStats` of a pass over the export."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.importers.records import ParsedRecommendation, ParseError


@dataclass(frozen=True, slots=True)
class UhriProblem:
    """A value in the export that could not be mapped.

    `skipped` is True when the whole record was left out because of it.
    """

    location: str
    annotation_id: str | None
    field: str
    value: Any
    message: str
    skipped: bool = False

    def __str__(self) -> str:
        ident = f" ({self.annotation_id})" if self.annotation_id else ""
        outcome = "record skipped" if self.skipped else "record kept"
        return f"{self.location}{ident}: {self.field}={self.value!r}: {self.message} [{outcome}]"


class UhriProblemError(ParseError):
    """Raised by a strict reader at the first `UhriProblem`."""

    def __init__(self, file: str, problem: UhriProblem) -> None:
        where = problem.location
        if problem.annotation_id:
            where += f" (AnnotationId {problem.annotation_id})"
        super().__init__(file, where, f"{problem.field}={problem.value!r}: {problem.message}")
        self.uhri_problem = problem


@dataclass(slots=True)
class UhriRecord:
    """One UPR recommendation from the export."""

    index: int  # position in the export's array (0-based); resume with start=index + 1
    annotation_id: str | None
    session: int
    state_under_review: str
    recommendation: ParsedRecommendation
    symbol: str | None
    publication_date: dt.date | None


@dataclass(slots=True)
class UhriStats:
    """Counts from one pass over the export (items before `start` are not counted)."""

    items: int = 0  # array items read
    upr_recommendations: int = 0  # items that are UPR recommendations
    yielded: int = 0
    skipped_other: int = 0  # other bodies, or UPR items that are not recommendations
    skipped_with_problems: int = 0  # UPR recommendations left out because of a fatal problem
    problems: int = 0
