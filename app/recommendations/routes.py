"""HTTP routes for recommendations: the list (filters, search, sorts), facets, export, one item.

The list and item responses are the stored items (`app.recommendations.items`), sent as they
are, the hot path of the service; their shapes are the declared response models (tests
validate every response against them).
"""

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlmodel import Session

from app.config import get_settings
from app.db import DbDep, run_read
from app.kit.pagination import (
    DEFAULT_LIMIT,
    CursorQuery,
    LimitQuery,
    decode_cursor,
    encode_cursor,
    set_next_link,
)
from app.kit.params import RecommendationIdPath, normalised_recommendation_id
from app.kit.problems import ProblemError, not_found, problem_responses
from app.kit.streaming import streamed
from app.recommendations import export, queries
from app.recommendations.filters import RecommendationFilters
from app.recommendations.params import FiltersDep
from app.recommendations.queries import CountMode, Sort
from app.recommendations.schemas import RecommendationDetail, RecommendationPage

router = APIRouter(prefix="/v1/recommendations", tags=["recommendations"])


def _encoded(body: bytes, response: Response) -> Response:
    """A JSON response of `body`, keeping the `Link` header set on `response`."""
    link = response.headers.get("link")
    return Response(body, media_type="application/json", headers={"Link": link} if link else None)


@router.get(
    "",
    response_model=RecommendationPage,
    responses=problem_responses(400, 422),
    summary="List and search recommendations",
)
async def list_recommendations(
    request: Request,
    response: Response,
    db: DbDep,
    filters: FiltersDep,
    sort: Annotated[
        Sort | None,
        Query(
            description="`relevance` (the default with `q`; only with `q`), `session` (the "
            "default without `q`: session, state, paragraph), `-session` (newest first), "
            "`paragraph`, `state` (ISO3 of the state under review)."
        ),
    ] = None,
    count: Annotated[
        CountMode | None,
        Query(
            description="`total`: omitted, an exact count stopped at a cap (`total_capped`); "
            "`exact` without a cap; `estimate`: exact up to the cap, the planner's estimate "
            "beyond it on PostgreSQL (`total_estimated`); `none`: not counted (fastest)."
        ),
    ] = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Response:
    """List recommendations matching the filters, or search them with `q`.

    Filters combine with AND; a repeated filter matches any of its values. With `q`, items
    carry a relevance `score` and a highlighted `snippet`, and are ranked by relevance unless
    another `sort` is asked for. Pages are keyset pages: follow `next_cursor` (or the
    `Link: rel="next"` header) until it is null; a cursor only continues the sort it came from.

    Examples: `?state_under_review=SVN&session=48&position=noted`,
    `?q="Paris Principles"`, `?q=roma -housing&sort=-session`, `?sdg=16&theme=13`.
    """
    sort = sort or (Sort.relevance if filters.search else Sort.session)
    after = _decode(cursor, sort) if cursor else None
    short = filters.search is None and count in (None, CountMode.none)  # capped or no count
    return await run_read(
        db, lambda: _page(request, response, db, filters, sort, count, limit, after), short=short
    )


def _page(
    request: Request,
    response: Response,
    db: Session,
    filters: RecommendationFilters,
    sort: Sort,
    count: CountMode | None,
    limit: int,
    after: tuple[Any, ...] | None,
) -> Response:
    """The list response: a page of stored items, its cursor and its count."""
    page = queries.page_of_recommendations(db, filters, sort, limit, after)
    cap = get_settings().count_cap
    counted = queries.count_recommendations(db, filters, count, cap, page.matched)
    next_cursor = encode_cursor((sort.value, *page.next_key)) if page.next_key else None
    set_next_link(request, response, next_cursor)
    rest = {
        "next_cursor": next_cursor,
        "total": counted.total,
        "total_capped": counted.capped,
        "total_estimated": counted.estimated,
    }
    # the items as stored, then the rest of the page's fields: {"items":[...],"next_cursor":...
    body = b'{"items":[' + b",".join(page.items) + b"]," + orjson.dumps(rest)[1:]
    return _encoded(body, response)


def _decode(cursor: str, sort: Sort) -> tuple[Any, ...]:
    """The key in a cursor issued for `sort`; a cursor of another sort is a 400 problem."""
    for issued_for in (sort, *(other for other in Sort if other is not sort)):
        try:
            values = decode_cursor(cursor, (str, *queries.key_types(issued_for)))
        except ProblemError:
            continue
        if values[0] == issued_for.value:
            if issued_for is not sort:
                raise ProblemError(
                    400,
                    "invalid-cursor",
                    f"The cursor continues a list sorted by '{issued_for.value}', not by "
                    f"'{sort.value}'; start again without it.",
                )
            return values[1:]
    return decode_cursor(cursor, ())  # not ours: the usual invalid-cursor problem


_COLUMNS_DOC = "\n".join(f"- `{name}`: {about}" for name, about in export.CSV_COLUMNS)


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "The file, streamed.",
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
                "application/json": {"schema": {"type": "array", "items": {}}},
            },
        },
        **problem_responses(400, 422),
    },
    summary="Export recommendations as CSV, NDJSON or JSON",
    description=f"""Every recommendation matching the filters (and `q`), in the order of the
official documents, streamed: no row cap, constant memory on the server. The file name says
what was exported (e.g. `upr-recommendations-SVN-s48.csv`).

`ndjson` and `json` give one object per recommendation in the shape of
`GET /v1/recommendations/{{id}}`. `csv` gives one row per recommendation (`bom=true` adds a
UTF-8 byte order mark, for spreadsheets that need one), with these columns — several values in
one cell are joined with "; ":

{_COLUMNS_DOC}
""",
)
def export_recommendations(
    request: Request,
    db: DbDep,
    filters: FiltersDep,
    format: Annotated[export.ExportFormat, Query(description="File format.")] = (
        export.ExportFormat.csv
    ),
    bom: Annotated[bool, Query(description="CSV only: start with a UTF-8 byte order mark.")] = (
        False
    ),
) -> StreamingResponse:
    name = export.file_name(filters, format)
    return StreamingResponse(
        streamed(request, export.stream(db, filters, format, bom=bom)),
        media_type=export.MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(
    "/{recommendation_id}",
    response_model=RecommendationDetail,
    responses=problem_responses(404, 422),
    summary="Get one recommendation",
)
def get_recommendation(
    response: Response, db: DbDep, recommendation_id: RecommendationIdPath
) -> Response:
    """Get one recommendation by its id, e.g. `48-SVN-140.7`, with its recommending states,
    themes, affected groups, SDGs and ids in other databases."""
    normalised = normalised_recommendation_id(recommendation_id)
    item = queries.get_recommendation(db, normalised)
    if item is None:
        raise not_found(f"Recommendation '{normalised}'")
    return _encoded(orjson.dumps(item), response)
