"""A request's recommendation filters, derived from the declarations.

Each filter is declared once, in `app.recommendations.filter_registry.FILTERS`. A `Filter`
says what its query parameter is (its type, bounds, description and examples, which FastAPI
reads for validation and for the OpenAPI document), how a request's value is made ready
(codes upper-cased, names resolved to ids), which named SQL parameters carry the value, and
the SQL condition on them. Everything else is derived from the declarations:

- `app.recommendations.params.recommendation_filters`, the dependency of every endpoint that
  takes the filters (list, facets, stats, export, tracking export);
- `RecommendationFilters.conditions` with its `parameters` and its `shape`, which keys the
  statements built once per shape (`app.kit.templates`): the shape says which filters are set
  and which parameters carry them, so a statement and its parameters cannot drift apart;
- `review_conditions`, the filters that concern only a review and the position, which the
  per-review tallies answer too (`app.stats.tallies`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import ColumnElement, bindparam

from app.kit.problems import ProblemError
from app.recommendations.filter_registry import FILTERS, R
from app.recommendations.filter_spec import Filter
from app.search import SearchBackend, SearchQuery

__all__ = ["FILTERS", "Filter", "RecommendationFilters", "check_date_range"]

_BY_NAME = {declared.name: declared for declared in FILTERS}


class RecommendationFilters:
    """The filters of one request: a value for each filter that is set (lists mean "any of";
    every filter narrows), and the parsed search. Read a filter as an attribute
    (`filters.session`, None when not set)."""

    __slots__ = ("_set", "search")

    def __init__(self, *, search: SearchQuery | None = None, **values: Any) -> None:
        unknown = set(values) - _BY_NAME.keys()
        if unknown:
            raise TypeError(f"unknown recommendation filters: {sorted(unknown)}")
        self._set = {name: values[name] for name in _BY_NAME if values.get(name) not in (None, [])}
        self.search = search

    def __getattr__(self, name: str) -> Any:
        if name in _BY_NAME:
            return self._set.get(name)
        raise AttributeError(name)

    def __repr__(self) -> str:
        return f"RecommendationFilters({self._set!r}, search={self.search!r})"

    def _active(self, scope: str | None = None) -> Iterator[tuple[Filter, Any]]:
        for name, value in self._set.items():
            declared = _BY_NAME[name]
            if scope is None or declared.scope == scope:
                yield declared, value

    @property
    def only_search(self) -> bool:
        """Whether the search is the only filter that is set."""
        return self.search is not None and not self._set

    @property
    def only_review_filters(self) -> bool:
        """Whether every filter that is set concerns only the review and the position."""
        return self.search is None and all(f.scope == "review" for f, _ in self._active())

    @property
    def names_review(self) -> bool:
        """Whether a filter that is set tells one review of a session from another."""
        return any(f.names_review for f, _ in self._active())

    def _conditions(self, scope: str | None, table: Any, bound: bool) -> list[ColumnElement[bool]]:
        conditions = []
        for declared, value in self._active(scope):
            arguments = declared.arguments(value)
            given: dict[str, Any] = {
                suffix: bindparam(declared.parameter(suffix), expanding=isinstance(v, list))
                if bound
                else v
                for suffix, v in arguments.items()
            }
            if declared.literal:
                given["value"] = value
            conditions.append(declared.condition(table, given))
        return conditions

    def _shape(self, scope: str | None) -> tuple[Any, ...]:
        return tuple(
            (f.name, tuple(f.arguments(value)), value if f.literal else None)
            for f, value in self._active(scope)
        )

    def _parameters(self, scope: str | None) -> dict[str, Any]:
        return {
            declared.parameter(suffix): argument
            for declared, value in self._active(scope)
            for suffix, argument in declared.arguments(value).items()
        }

    def review_conditions(self, table: Any = R, *, bound: bool = False) -> list[Any]:
        """SQL conditions for the review and position filters that are set, on the columns of
        `table` (`recommendation`, or a table keyed like it such as `review_tally`, or such a
        table's column collection).

        With `bound`, the values are left as named parameters (`review_parameters` gives
        them): the conditions then depend only on `review_shape`, so that a statement built
        from them once can serve every request of that shape.
        """
        return self._conditions("review", table, bound)

    def review_shape(self) -> tuple[Any, ...]:
        """What `review_conditions(bound=True)` depends on."""
        return self._shape("review")

    def review_parameters(self) -> dict[str, Any]:
        """The parameter values of `review_conditions(bound=True)`."""
        return self._parameters("review")

    def conditions(
        self, backend: SearchBackend, *, search: bool = True, bound: bool = False
    ) -> list[Any]:
        """SQL conditions on `recommendation` for the filters that are set (the full-text one
        only with `search`, since ranked lists apply it through the backend themselves).

        With `bound`, the values are named parameters, as in `review_conditions`: the
        conditions depend only on `shape()`, and `parameters(backend)` gives the values.
        """
        conditions = self._conditions(None, R, bound)
        if search and self.search is not None:
            conditions.append(backend.matches(self.search))
        return conditions

    def shape(self) -> tuple[Any, ...]:
        """What `conditions(bound=True)` depends on: which filters are set, the parameters
        that carry them, and whether there is a search."""
        return (self._shape(None), self.search is not None)

    def parameters(self, backend: SearchBackend) -> dict[str, Any]:
        """The parameter values of `conditions(bound=True)` (and of the backend's search)."""
        values = self._parameters(None)
        if self.search is not None:
            values.update(backend.parameters(self.search))
        return values


def check_date_range(filters: RecommendationFilters) -> None:
    """400 when the review dates of the filters cannot both hold."""
    first, last = filters.review_date_from, filters.review_date_to
    if first and last and first > last:
        raise ProblemError(400, "invalid-date-range", "review_date_from is after review_date_to.")
