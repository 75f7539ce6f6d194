"""The human pages: their URLs mirror the API's without `/v1`, and each links to its JSON twin.

Every page is rendered on the server from the same query functions as the API and works
without JavaScript. Page routes are left out of the OpenAPI document. Bad input gets the
status the API would give, as a kind HTML page (`PageRoute`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse

from app.config import get_settings
from app.db import DbDep
from app.kit.pagination import CursorQuery
from app.kit.params import (
    Iso3Path,
    RecommendationIdPath,
    ReviewIdPath,
    SessionPath,
    normalised_recommendation_id,
)
from app.kit.problems import not_found
from app.recommendations.filters import RecommendationFilters
from app.recommendations.params import FiltersDep, prepare_filters
from app.recommendations.queries import Sort
from app.vocab import Position
from app.web import home, recommendations, reviews, search, states
from app.web.cache import cached_page
from app.web.rendering import PageRoute, page, query_string

router = APIRouter(route_class=PageRoute, include_in_schema=False)
REVIEW_FILTERS = ("position", "theme", "repeated")

ThemeChoice = Annotated[
    list[Annotated[str, Query(min_length=1, max_length=200)]] | None,
    Query(max_length=20),
]


@router.get("/", response_class=HTMLResponse)
def home_page(request: Request, db: DbDep) -> Response:
    """Search box, headline counts, the latest sessions and the 48th session's reviews."""
    return cached_page(
        request,
        db,
        lambda: page(request, "home.html", title="Home", api="/v1/sessions", **home.home(db)),
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    db: DbDep,
    filters: FiltersDep,
    sort: Sort | None = None,
    cursor: CursorQuery = None,
) -> Response:
    """Search and filter recommendations, with facets, paging and downloads."""
    return cached_page(request, db, lambda: _search(request, db, filters, sort, cursor))


def _search(
    request: Request,
    db: DbDep,
    filters: RecommendationFilters,
    sort: Sort | None,
    cursor: str | None,
) -> HTMLResponse:
    context = search.search_page(
        db,
        filters,
        list(request.query_params.multi_items()),
        sort,
        cursor,
        get_settings().count_cap,
    )
    title = f"Search: {context['q']}" if context["q"] else "Search recommendations"
    return page(request, "search.html", title=title, **context)


@router.get("/sessions/{number}", response_class=HTMLResponse)
def session_page(request: Request, db: DbDep, number: SessionPath) -> Response:
    """A Working Group session and its reviews."""
    return cached_page(request, db, lambda: _session(request, db, number))


def _session(request: Request, db: DbDep, number: int) -> HTMLResponse:
    context = home.session_page(db, number)
    if context is None:
        raise not_found(f"Working Group session {number}")
    return page(
        request,
        "session.html",
        title=f"Session {number}",
        api=f"/v1/sessions/{number}/reviews",
        **context,
    )


@router.get("/states/{iso3}", response_class=HTMLResponse)
def state_page(request: Request, db: DbDep, iso3: Iso3Path) -> Response:
    """A state: its reviews across cycles, support by region, themes, what it recommended."""
    return cached_page(request, db, lambda: _state(request, db, iso3))


def _state(request: Request, db: DbDep, iso3: str) -> HTMLResponse:
    context = states.state_page(db, iso3)
    if context is None:
        raise not_found(f"A state with ISO3 code '{iso3.upper()}'")
    code = context["state"].iso3
    return page(
        request,
        "state.html",
        title=context["state"].name,
        api=f"/v1/states/{code}/summary",
        **context,
    )


@router.get("/reviews/{review_id}", response_class=HTMLResponse)
def review_page(
    request: Request,
    db: DbDep,
    review_id: ReviewIdPath,
    position: Annotated[list[Position] | None, Query(max_length=5)] = None,
    theme: ThemeChoice = None,
    repeated: bool | None = None,
    cursor: CursorQuery = None,
) -> Response:
    """A review: facts, documents, counts, its recommendations by paragraph, progress."""
    return cached_page(
        request, db, lambda: _review(request, db, review_id, position, theme, repeated, cursor)
    )


def _review(
    request: Request,
    db: DbDep,
    review_id: str,
    position: list[Position] | None,
    theme: list[str] | None,
    repeated: bool | None,
    cursor: str | None,
) -> HTMLResponse:
    normalised = review_id.upper()
    filters = RecommendationFilters(
        review=[normalised],
        position=position,
        theme=prepare_filters(db, theme=theme).theme if theme else None,
        repeated=repeated,
    )
    context = reviews.review_page(db, normalised, filters, cursor)
    if context is None:
        raise not_found(f"Review '{normalised}'")
    chosen = {
        "position": {p.value for p in position or ()},
        "theme": {str(t) for t in filters.theme or ()},
        "repeated": "" if repeated is None else str(repeated).lower(),
    }
    state = context["state"]
    kept = [(k, v) for k, v in request.query_params.multi_items() if k in REVIEW_FILTERS]
    next_cursor = context["list"]["next_cursor"]
    base = request.url.path
    return page(
        request,
        "review.html",
        title=f"{state.name}, session {context['review'].session_number}",
        api=f"/v1/reviews/{normalised}",
        chosen=chosen,
        next_page=base + query_string([*kept, ("cursor", next_cursor)]) if next_cursor else None,
        first_page=base + query_string(kept) if cursor else None,
        **context,
    )


@router.get("/recommendations/{recommendation_id}", response_class=HTMLResponse)
def recommendation_page(
    request: Request, db: DbDep, recommendation_id: RecommendationIdPath
) -> Response:
    """One recommendation with its related ones, tracking history and sources."""
    return cached_page(request, db, lambda: _recommendation(request, db, recommendation_id))


def _recommendation(request: Request, db: DbDep, recommendation_id: str) -> HTMLResponse:
    normalised = normalised_recommendation_id(recommendation_id)
    context = recommendations.recommendation_page(db, normalised)
    if context is None:
        raise not_found(f"Recommendation '{normalised}'")
    return page(
        request,
        "recommendation.html",
        title=f"Recommendation {normalised}",
        api=f"/v1/recommendations/{normalised}",
        **context,
    )
