"""Keyset pagination: the list envelope, opaque cursors and the RFC 8288 `Link` header."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any, Generic, TypeVar

import orjson
from fastapi import Query, Request, Response
from pydantic import BaseModel, Field

from app.kit.problems import ProblemError

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 500

LimitQuery = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1-{MAX_LIMIT}).")
]
CursorQuery = Annotated[
    str | None,
    Query(
        max_length=500,
        pattern=r"^[A-Za-z0-9_\-=]+$",
        description="The `next_cursor` of the previous page; omit for the first page.",
    ),
]


class Page(BaseModel, Generic[T]):
    """A page of a list; follow `next_cursor` (or the `Link: rel="next"` header) for more."""

    items: list[T]
    next_cursor: str | None = Field(
        default=None, description="Opaque token for the next page; null on the last page."
    )
    total: int | None = Field(
        default=None, description="Number of items matching the query (null when not counted)."
    )
    total_capped: bool = Field(
        default=False,
        description="True when counting stopped at the cap: `total` is a lower bound.",
    )


def encode_cursor(key: tuple[Any, ...]) -> str:
    """An opaque token for the sort key of the last item on a page."""
    return base64.urlsafe_b64encode(orjson.dumps(list(key))).decode().rstrip("=")


def decode_cursor(token: str, types: tuple[type, ...]) -> tuple[Any, ...]:
    """The sort key inside a cursor, checked against the expected types; 400 if tampered with."""
    try:
        padded = token + "=" * (-len(token) % 4)
        values = orjson.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, orjson.JSONDecodeError):
        values = None
    if (
        not isinstance(values, list)
        or len(values) != len(types)
        or not all(type(value) is kind for value, kind in zip(values, types, strict=True))
    ):
        raise ProblemError(
            400, "invalid-cursor", "The cursor is not one this service issued; start again."
        )
    return tuple(values)


def set_next_link(request: Request, response: Response, next_cursor: str | None) -> None:
    """Add `Link: <...>; rel="next"` when there is a next page."""
    if next_cursor:
        url = request.url.include_query_params(cursor=next_cursor)
        response.headers["Link"] = f'<{url}>; rel="next"'
