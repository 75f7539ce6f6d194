"""What a recommendation filter declares (`app.recommendations.filter_registry` holds them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement
from sqlmodel import Session

# A condition gets the columns it filters (`recommendation`'s, or those of a table keyed like
# it such as `review_tally`) and the filter's arguments: for each parameter of the filter, its
# bound parameter or (unbound) its value.
Condition = Callable[[Any, dict[str, Any]], ColumnElement[bool]]


def _one(value: Any) -> dict[str, Any]:
    return {"": value}


@dataclass(frozen=True)
class Filter:
    """One filter of the recommendation endpoints.

    `scope` "review": the condition uses only a review's keys and the position
    (`state_iso3`, `session_number`, `review_id`, `position`), so the tallies can answer it;
    `names_review`: it tells one review of a session from another (so the per-session tallies
    cannot). `arguments` gives the named parameters that carry a value (by suffix of
    `filter_{name}`; a list is expanded in `IN`); `literal`: the value itself is part of the
    statement's shape (a flag that chooses the condition), and has no parameter.
    `prepare_reads_database`: `prepare` queries the database (resolving names), so a request
    that uses the filter is prepared in the thread pool rather than on the event loop.
    """

    name: str
    query: Any
    condition: Condition
    scope: Literal["review", "recommendation"] = "recommendation"
    names_review: bool = False
    prepare: Callable[[Session, Any], Any] | None = None
    prepare_reads_database: bool = False
    arguments: Callable[[Any], dict[str, Any]] = _one
    literal: bool = False

    def parameter(self, suffix: str = "") -> str:
        """The name of the SQL parameter that carries (part of) this filter's value."""
        return f"filter_{self.name}{suffix}"
