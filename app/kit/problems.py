"""RFC 9457 problem details: the one shape of every error this service returns."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError, DBAPIError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.kit.methods import allowed_methods

logger = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://upr-api.org/problems/"
UNPARSEABLE_BODY = "There was an error parsing the body"  # FastAPI's 400 for such bodies


class FieldError(BaseModel):
    """One invalid input: where it is and what is wrong with it."""

    location: str = Field(examples=["query.limit"])
    message: str = Field(examples=["Input should be less than or equal to 500"])


class Problem(BaseModel):
    """An RFC 9457 problem details object."""

    type: str = Field(examples=[PROBLEM_TYPE_BASE + "not-found"])
    title: str = Field(examples=["Not Found"])
    status: int = Field(examples=[404])
    detail: str | None = Field(default=None, examples=["No state with ISO3 code 'XYZ'."])
    instance: str | None = Field(default=None, examples=["/v1/states/XYZ"])
    errors: list[FieldError] | None = None


class ProblemError(Exception):
    """Raise to answer with a problem: `ProblemError(404, "not-found", "No state 'XYZ'.")`."""

    def __init__(
        self,
        status: int,
        slug: str,
        detail: str,
        headers: dict[str, str] | None = None,
        errors: list[FieldError] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.slug = slug
        self.detail = detail
        self.headers = headers
        self.errors = errors


def not_found(what: str) -> ProblemError:
    """A 404 problem for a resource that does not exist."""
    return ProblemError(404, "not-found", f"{what} does not exist.")


def problem_response(
    request: Request,
    status: int,
    slug: str,
    detail: str | None,
    errors: list[FieldError] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """Render a problem as an `application/problem+json` response."""
    body = Problem(
        type=PROBLEM_TYPE_BASE + slug,
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=request.url.path,
        errors=errors,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def _location(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc)


def install_problem_handlers(app: FastAPI) -> None:
    """Answer every error, expected or not, with problem details and never a stack trace."""

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(
            request, exc.status, exc.slug, exc.detail, exc.errors, headers=exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            FieldError(location=_location(error["loc"]), message=error["msg"])
            for error in exc.errors()
        ]
        detail = "; ".join(f"{error.location}: {error.message}" for error in errors)
        return problem_response(request, 422, "invalid-request", detail, errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and exc.detail == UNPARSEABLE_BODY:  # e.g. bytes not UTF-8
            error = FieldError(location="body", message="The body could not be parsed.")
            return problem_response(request, 422, "invalid-request", error.message, [error])
        slug = {
            404: "not-found",
            405: "method-not-allowed",
            413: "payload-too-large",
            415: "unsupported-media-type",
        }.get(exc.status_code, "http-error")
        detail = exc.detail if isinstance(exc.detail, str) else None
        headers = exc.headers
        if exc.status_code == 405:  # every method of the path, not only the first route's
            headers = {**(headers or {}), "Allow": allowed_methods(request.scope, app.routes)}
        return problem_response(request, exc.status_code, slug, detail, headers=headers)

    @app.exception_handler(OperationalError)
    async def _database_unavailable(request: Request, exc: OperationalError) -> JSONResponse:
        logger.error("database unavailable: %s", type(exc.orig).__name__)
        return problem_response(
            request,
            503,
            "database-unavailable",
            "The database is not reachable; try again.",
            headers={"Retry-After": "5"},
        )

    @app.exception_handler(DataError)
    async def _bad_value(request: Request, exc: DataError) -> JSONResponse:
        # The database refused a value the route let through (e.g. a number beyond its
        # integer range): the request's fault, so a 422 — but a route should bound it itself.
        logger.warning("database refused a value on %s: %s", request.url.path, type(exc.orig))
        error = FieldError(location="request", message="A value is out of the range accepted.")
        return problem_response(request, 422, "invalid-request", error.message, [error])

    @app.exception_handler(DBAPIError)
    async def _database_error(request: Request, exc: DBAPIError) -> JSONResponse:
        logger.exception("database error on %s", request.url.path)
        return problem_response(request, 500, "internal-error", "An internal error occurred.")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled error on %s", request.url.path)
        return problem_response(request, 500, "internal-error", "An internal error occurred.")


def problem_example(status: int, slug: str, detail: str, *errors: tuple[str, str]) -> Problem:
    """An example problem for the OpenAPI document, as the service would answer it."""
    return Problem(
        type=PROBLEM_TYPE_BASE + slug,
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        errors=[FieldError(location=where, message=what) for where, what in errors] or None,
    )


def problem_responses(
    *statuses: int, examples: dict[str, Problem] | None = None
) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries declaring problem details for the given status codes, with
    `examples` (by name) under their statuses."""
    responses: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        content: dict[str, Any] = {"schema": {"$ref": "#/components/schemas/Problem"}}
        named = {
            name: {"summary": example.detail, "value": example.model_dump(exclude_none=True)}
            for name, example in (examples or {}).items()
            if example.status == status
        }
        if named:
            content["examples"] = named
        responses[status] = {
            "model": Problem,
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: content},
        }
    return responses
