"""Rendering of the human pages: the Jinja2 environment, page responses with their security
headers, and kind HTML error pages for every error a page can meet.

Every value a template prints is HTML-escaped (autoescape); the only markup that comes from the
data is a search snippet's `<mark>`, which `safe_snippet` rebuilds from escaped text.
"""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import math
import re
from collections.abc import Callable, Coroutine, Iterable
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app import __version__
from app.kit.problems import ProblemError
from app.vocab import DataSource, DocumentKind, Position

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
STATIC_PATH = "/static/web"

# Folds the search filters on a narrow screen while the page is parsed, before it is first
# painted (a deferred script would fold them after, moving the results up). The only inline
# script: the CSP allows it by its hash.
FOLD_SCRIPT = (
    'if(window.matchMedia&&matchMedia("(max-width: 52rem)").matches)'
    "document.currentScript.parentNode.open=false"
)
FOLD_HASH = base64.b64encode(hashlib.sha256(FOLD_SCRIPT.encode()).digest()).decode()
# Self only: the stylesheet and script of app/web/static (and the script above, by its hash),
# no inline style (charts are SVG with presentation attributes), forms submit to this site only.
PAGE_CSP = (
    f"default-src 'none'; script-src 'self' 'sha256-{FOLD_HASH}'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": PAGE_CSP,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

POSITION_LABELS = {
    Position.supported: "Supported",
    Position.noted: "Noted",
    Position.supported_in_part: "Supported in part",
    Position.pending: "Pending",
    Position.unclear: "Unclear",
}

DOCUMENT_LABELS = {
    DocumentKind.national_report: "National report",
    DocumentKind.un_compilation: "Compilation of UN information",
    DocumentKind.stakeholders_summary: "Summary of stakeholders' submissions",
    DocumentKind.working_group_report: "Report of the Working Group",
    DocumentKind.addendum: "Addendum: the state's responses",
    DocumentKind.thematic_list: "OHCHR thematic list of recommendations",
    DocumentKind.hrc_decision: "Human Rights Council decision",
}
SOURCE_LABELS = {
    DataSource.working_group_report: "Working Group report",
    DataSource.addendum: "Addendum (the state's responses)",
    DataSource.thematic_list: "OHCHR thematic list",
    DataSource.uhri: "Universal Human Rights Index",
    DataSource.sdg_explorer: "SDG–Human Rights Data Explorer",
    DataSource.upr_info: "UPR Info database",
}


def document_label(kind: str) -> str:
    """The name of a kind of document ("Report of the Working Group")."""
    try:
        return DOCUMENT_LABELS[DocumentKind(kind)]
    except ValueError:
        return str(kind)


def source_label(source: str) -> str:
    """The name of a data source ("Working Group report")."""
    try:
        return SOURCE_LABELS[DataSource(source)]
    except ValueError:
        return str(source)


_MARK = re.compile(r"(</?mark>)")


def safe_snippet(snippet: str | None) -> Markup:
    """A search snippet as markup in which only balanced `<mark>` tags survive: every other
    character is (re-)escaped, whatever the snippet holds."""
    if not snippet:
        return Markup("")
    parts: list[str] = []
    open_mark = False
    for part in _MARK.split(snippet):
        if part == "<mark>":
            if not open_mark:
                parts.append("<mark>")
                open_mark = True
        elif part == "</mark>":
            if open_mark:
                parts.append("</mark>")
                open_mark = False
        else:
            parts.append(str(escape(html.unescape(part))))
    if open_mark:
        parts.append("</mark>")
    return Markup("".join(parts))


def position_label(position: str | None) -> str:
    """The words for a position ("Supported in part"); no position recorded otherwise."""
    if position is None:
        return "No position recorded"
    try:
        return POSITION_LABELS[Position(position)]
    except ValueError:
        return str(position)


def number(value: int | None) -> str:
    """A count with thousands separators (55,767); an en dash when unknown."""
    return "–" if value is None else f"{value:,}"


def percent(rate: float | None) -> str:
    """A rate as a whole percentage (82 %); an en dash when there is none."""
    return "–" if rate is None else f"{round(rate * 100)}%"


def similarity(score: float) -> str:
    """A similarity score to two decimals, rounded down (0.249 reads 0.24, so that a score
    shown as the threshold always reaches it)."""
    return f"{math.floor(score * 100 + 1e-9) / 100:.2f}"


def ordinal(value: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 22nd..."""
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def query_string(pairs: Iterable[tuple[str, Any]]) -> str:
    """`?a=1&b=2` of the pairs whose value is set ("" when none is)."""
    kept = [(name, str(value)) for name, value in pairs if value is not None and value != ""]
    return "?" + urlencode(kept) if kept else ""


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(
        number=number,
        percent=percent,
        ordinal=ordinal,
        snippet=safe_snippet,
        similarity=similarity,
    )
    env.globals.update(
        position_label=position_label,
        document_label=document_label,
        source_label=source_label,
        query_string=query_string,
        static=STATIC_PATH,
        fold_script=Markup(FOLD_SCRIPT),
        version=__version__,
    )
    return env


ENVIRONMENT = _environment()


def page(
    request: Request,
    template: str,
    *,
    status: int = 200,
    api: str | None = None,
    **context: Any,
) -> HTMLResponse:
    """A page rendered from `template`; `api` is the URL of its JSON twin."""
    body = ENVIRONMENT.get_template(template).render(
        request=request, api=api, path=request.url.path, **context
    )
    headers = dict(PAGE_HEADERS)
    max_age = getattr(request.app.state.settings, "cache_max_age", 60)
    headers["Cache-Control"] = f"public, max-age={max_age}" if status == 200 else "no-store"
    if api:
        headers["Link"] = f'<{api}>; rel="alternate"; type="application/json"'
    return HTMLResponse(body, status_code=status, headers=headers)


FIELD_LABELS = {
    "iso3": "state code",
    "number": "session number",
    "review_id": "review id",
    "recommendation_id": "recommendation id",
    "q": "search",
    "cursor": "page cursor",
}


def _field_message(error: dict[str, Any]) -> str:
    """One validation error in words: which field, which value, what is wrong."""
    location = [str(part) for part in error.get("loc", ()) if part not in ("query", "path")]
    name = location[0] if location else "request"
    label = FIELD_LABELS.get(name, name.replace("_", " "))
    value = error.get("input")
    given = f" ‘{value}’" if isinstance(value, str | int) and str(value) != "" else ""
    return f"The {label}{given} is not valid: {error.get('msg', 'invalid value')}."


ERROR_HEADINGS = {
    400: "There is a problem with your request",
    403: "These pages are off",
    404: "Page not found",
    422: "Part of the address is not valid",
    500: "Sorry, there is a problem with the service",
    503: "Sorry, the service is unavailable",
}


def error_page(
    request: Request, status: int, detail: str, errors: list[str] | None = None
) -> HTMLResponse:
    """A kind error page: what went wrong, in words, and ways on."""
    return page(
        request,
        "error.html",
        status=status,
        title=ERROR_HEADINGS.get(status, HTTPStatus(status).phrase),
        detail=detail,
        errors=errors or [],
        q=request.query_params.get("q", "")[:500],
    )


PRIVATE_READS = (
    "This instance requires an API key for every read, so its web pages are off. "
    "Use the API with a key (see the API documentation)."
)


class PageRoute(APIRoute):
    """A route of a human page: its errors are HTML pages with the status the API would give
    (404 for an unknown id, 400 for a malformed search or an unknown theme, 422 for a malformed
    parameter), never a problem document or a 500 with details."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """The FastAPI handler wrapped so that errors render as error pages."""
        handler = super().get_route_handler()

        async def page_handler(request: Request) -> Response:
            if request.app.state.settings.read_requires_key:
                return error_page(request, 403, PRIVATE_READS)
            try:
                return await handler(request)
            except RequestValidationError as error:
                messages = [_field_message(e) for e in error.errors()]
                return error_page(request, 422, "Part of the address is not valid.", messages)
            except ProblemError as error:
                return error_page(request, error.status, error.detail)
            except StarletteHTTPException as error:
                detail = error.detail if isinstance(error.detail, str) else "Request refused."
                return error_page(request, error.status_code, detail)
            except OperationalError:
                logger.error("database unavailable on page %s", request.url.path)
                response = error_page(
                    request, 503, "The database is not reachable just now; try again shortly."
                )
                response.headers["Retry-After"] = "5"
                return response
            except DataError:
                return error_page(request, 422, "A value is out of the range accepted.")
            except Exception:
                logger.exception("unhandled error on page %s", request.url.path)
                return error_page(request, 500, "Something went wrong on our side.")

        return page_handler
