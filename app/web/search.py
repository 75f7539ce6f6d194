"""What the search page shows: the results of the query and filters in the URL (one keyset
page, ranked with a search), the facets with their counts, and the links that keep the view:
next page, each filter removed, the JSON twin and the export of the same selection."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from app.kit.pagination import decode_cursor, encode_cursor
from app.kit.problems import ProblemError
from app.recommendations import queries as recommendation_queries
from app.recommendations.filters import RecommendationFilters
from app.recommendations.queries import Sort
from app.web.facets import FACETS, FILTER_NAMES, FacetValue, facet_counts
from app.web.rendering import query_string

PAGE_SIZE = 20
FACET_SHOWN = 8  # values in view; the rest of the first FACET_LISTED behind "show more"
FACET_LISTED = 30
PAGE_PARAMETERS = ("sort", "cursor")
FACET_DIMENSIONS = {name: "sdg_goal" if name == "sdg" else name for name in FACETS}

SORT_LABELS = {
    Sort.relevance: "Relevance",
    Sort.session: "Session, oldest first",
    Sort.session_desc: "Session, newest first",
    Sort.state: "State under review",
}


@dataclass(frozen=True)
class FacetView:
    """A facet as the page lists it: its values (the selected ones always among them)."""

    name: str
    heading: str
    parameter: str
    shown: list[tuple[FacetValue, bool]]
    more: list[tuple[FacetValue, bool]]
    left_out: int

    @property
    def more_checked(self) -> bool:
        """Whether a value behind "show more" is ticked (it is then shown open)."""
        return any(checked for _, checked in self.more)


@dataclass(frozen=True)
class ActiveFilter:
    """A filter value in the URL, with the link that removes it."""

    parameter: str
    value: str
    label: str
    remove: str


def decode_page_cursor(cursor: str, sort: Sort) -> tuple[Any, ...]:
    """The key in a cursor issued for `sort`; 400 for a cursor of another sort or a forged one."""
    try:
        values = decode_cursor(cursor, (str, *recommendation_queries.key_types(sort)))
    except ProblemError:
        values = None
    if values is None or values[0] != sort.value:
        raise ProblemError(
            400,
            "invalid-cursor",
            "This page link is out of date or was changed; start again from the first page.",
        )
    return values[1:]


def known_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The query's filter, search and page parameters, in their order (others dropped)."""
    known = (*FILTER_NAMES, "q", *PAGE_PARAMETERS)
    return [(name, value) for name, value in pairs if name in known]


def _selected(filters: RecommendationFilters, parameter: str) -> set[str]:
    """The values of a filter as the facet lists them (themes and groups as resolved ids)."""
    values = getattr(filters, parameter) or []
    return {str(value) for value in values}


def _facet_view(
    name: str, values: list[FacetValue], selected: set[str], labels: dict[str, str]
) -> FacetView:
    heading, parameter = FACETS[name]
    listed = values[:FACET_LISTED]
    present = {value.value for value in listed}
    found = {value.value: value for value in values}
    extra = [
        found.get(chosen, FacetValue(chosen, labels.get(chosen, chosen), 0))
        for chosen in sorted(selected - present)
    ]
    ordered = [(value, value.value in selected) for value in [*extra, *listed]]
    listed_values = {value.value for value, _ in ordered}
    return FacetView(
        name=name,
        heading=heading,
        parameter=parameter,
        shown=ordered[:FACET_SHOWN],
        more=ordered[FACET_SHOWN:],
        left_out=sum(1 for value in values if value.value not in listed_values),
    )


def search_page(
    db: Session,
    filters: RecommendationFilters,
    pairs: list[tuple[str, str]],
    sort: Sort | None,
    cursor: str | None,
    count_cap: int,
) -> dict[str, Any]:
    """Everything the search page shows for the query string `pairs` (already validated into
    `filters`, `sort` and `cursor`)."""
    searching = filters.search is not None
    sort = sort or (Sort.relevance if searching else Sort.session)
    if sort is Sort.relevance and not searching:
        raise ProblemError(400, "invalid-sort", "Sorting by relevance needs search words.")
    after = decode_page_cursor(cursor, sort) if cursor else None
    page = recommendation_queries.page_of_recommendations(db, filters, sort, PAGE_SIZE, after)
    counted = recommendation_queries.count_recommendations(
        db, filters, None, count_cap, page.matched
    )
    next_cursor = encode_cursor((sort.value, *page.next_key)) if page.next_key else None
    facets = facet_counts(db, filters)
    kept = known_pairs(pairs)
    first_page = [(k, v) for k, v in kept if k != "cursor"]
    selection = [(k, v) for k, v in first_page if k != "sort"]  # filters and q
    views = []
    labels: dict[tuple[str, str], str] = {}
    for name, values in facets.items():
        parameter = FACETS[name][1]
        by_value = {value.value: value.label for value in values}
        labels.update(((parameter, v), label) for v, label in by_value.items())
        views.append(_facet_view(name, values, _selected(filters, parameter), by_value))
    active = [
        ActiveFilter(
            parameter=k,
            value=v,
            label=labels.get((k, v), v),
            remove="/search" + query_string([p for p in first_page if p != (k, v)]),
        )
        for k, v in selection
        if k != "q"
    ]
    facet_parameters = {FACETS[name][1] for name in FACETS}
    api_pairs = [*first_page, ("limit", str(PAGE_SIZE))]
    if cursor:
        api_pairs.append(("cursor", cursor))
    return {
        "q": next((v for k, v in kept if k == "q"), ""),
        "sort": sort,
        "sorts": [s for s in SORT_LABELS if searching or s is not Sort.relevance],
        "sort_labels": SORT_LABELS,
        "items": page.parsed(),
        "total": counted.total,
        "capped": counted.capped,
        "continued": cursor is not None,
        "first_page": "/search" + query_string(first_page),
        "next_page": "/search" + query_string([*first_page, ("cursor", next_cursor)])
        if next_cursor
        else None,
        "facets": views,
        "active": active,
        "hidden": [(k, v) for k, v in selection if k not in facet_parameters and k != "q"],
        "api": "/v1/recommendations" + query_string(api_pairs),
        "facets_api": "/v1/recommendations/facets"
        + query_string([*selection, *(("facet", FACET_DIMENSIONS[n]) for n in FACETS)]),
        "export_csv": "/v1/recommendations/export" + query_string([*selection, ("format", "csv")]),
        "export_ndjson": "/v1/recommendations/export"
        + query_string([*selection, ("format", "ndjson")]),
        "page_size": PAGE_SIZE,
    }
