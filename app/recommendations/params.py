"""The filter parameters every recommendation endpoint takes (list, facets, export, stats).

`recommendation_filters` is derived from `app.recommendations.filters.FILTERS`: one query
parameter per declared filter (typed, bounded, documented), then the search `q`. It turns them
into a `RecommendationFilters`: each value made ready by its filter (ISO codes upper-cased,
themes and groups given by id or name resolved to ids) and the search text parsed (a 400
problem when malformed).
"""

from __future__ import annotations

import inspect
from typing import Annotated, Any

from fastapi import Depends, Query
from fastapi.concurrency import run_in_threadpool
from sqlmodel import Session

from app.db import DbDep
from app.kit.params import PRINTABLE
from app.recommendations.filters import FILTERS, RecommendationFilters, check_date_range
from app.search import parse_query

SEARCH_MAX = 500

SEARCH_DESCRIPTION = """Full-text search in the recommendation's text: words (all must match),
`"exact phrases"`, `AND`, `OR`, `NOT` (capitals) or `-word`, `prefix*`, parentheses. English
stemming (`discriminate` finds `discrimination`, `woman` finds `women`), case and accents
ignored. Malformed syntax (an unclosed quote or parenthesis, a lone operator) is a 400 problem
that says what is wrong."""

SearchQueryParameter = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=SEARCH_MAX,
        pattern=PRINTABLE,
        description=SEARCH_DESCRIPTION,
        examples=['"Paris Principles"', "roma -housing", "(woman OR girl) violen*"],
    ),
]


async def recommendation_filters(
    db: Session, q: str | None = None, **given: Any
) -> RecommendationFilters:
    """The filters of a recommendation request (its query parameters: see `__signature__`).

    Made on the event loop, without a hop to the thread pool, unless a filter given must
    resolve names in the database.
    """
    if any(
        declared.prepare_reads_database and given.get(declared.name) not in (None, [])
        for declared in FILTERS
    ):
        return await run_in_threadpool(lambda: prepare_filters(db, q, **given))
    return prepare_filters(db, q, **given)


def prepare_filters(db: Session, q: str | None = None, **given: Any) -> RecommendationFilters:
    """The filters of these parameter values (by filter name) and search text: each value
    made ready by its filter, the search parsed."""
    values = {}
    for declared in FILTERS:
        value = given.get(declared.name)
        if value is not None and value != [] and declared.prepare is not None:
            value = declared.prepare(db, value)
        values[declared.name] = value
    filters = RecommendationFilters(**values, search=parse_query(q) if q is not None else None)
    check_date_range(filters)
    return filters


def _parameter(name: str, annotation: Any) -> inspect.Parameter:
    keyword = inspect.Parameter.KEYWORD_ONLY
    return inspect.Parameter(name, keyword, default=None, annotation=annotation)


# FastAPI reads the parameters from the signature: one per declared filter, then `q`. Python
# lets any function carry a `__signature__`, which the type checker does not declare.
recommendation_filters.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [
        inspect.Parameter("db", inspect.Parameter.KEYWORD_ONLY, annotation=DbDep),
        *(_parameter(declared.name, declared.query) for declared in FILTERS),
        _parameter("q", SearchQueryParameter),
    ],
    return_annotation=RecommendationFilters,
)

FiltersDep = Annotated[RecommendationFilters, Depends(recommendation_filters)]
