"""ASGI middleware around every request: request id, access log, metrics, security headers,
a last-resort 500 problem, and the request body size limit.

All of it is plain ASGI (no `BaseHTTPMiddleware`), so streamed responses still stream.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from http import HTTPStatus
from typing import Any

import orjson
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.kit import metrics
from app.kit.logging import ACCESS_LOGGER, request_id_var
from app.kit.problems import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE

REQUEST_ID_HEADER = "x-request-id"
REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
DOCS_PATHS = ("/docs", "/redoc", "/static/docs/")
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
API_CSP = "default-src 'none'; frame-ancestors 'none'"
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-site"),
)

access_log = logging.getLogger(ACCESS_LOGGER)
logger = logging.getLogger(__name__)


def route_template(scope: Scope) -> str:
    """The matched route's path template (bounded label set), or "unmatched"."""
    route = scope.get("route")
    return getattr(route, "path", None) or "unmatched"


def request_id_of(scope: Scope) -> str:
    """The caller's `X-Request-ID` when it is short and plain, else a new random id."""
    given = Headers(scope=scope).get(REQUEST_ID_HEADER, "")
    return given if REQUEST_ID_PATTERN.match(given) else uuid.uuid4().hex


async def send_problem(send: Send, status: int, slug: str, detail: str, path: str) -> None:
    """Send a complete `application/problem+json` response (outside FastAPI's handlers)."""
    problem = {
        "type": PROBLEM_TYPE_BASE + slug,
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": path,
    }
    body = orjson.dumps(problem)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequestContextMiddleware:
    """Outermost layer: request id in and out, one access-log line, metrics, security headers."""

    def __init__(self, app: ASGIApp, *, pool_metrics: Any = None) -> None:
        self.app = app
        self.pool_metrics = pool_metrics  # called after each request in multiprocess mode

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_of(scope)
        scope.setdefault("state", {})["request_id"] = request_id
        token = request_id_var.set(request_id)
        path: str = scope["path"]
        csp = DOCS_CSP if path.startswith(DOCS_PATHS) else API_CSP
        outcome = {"status": 500, "started": False}
        started_at = time.perf_counter()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                outcome["status"], outcome["started"] = message["status"], True
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(b"x-request-id", request_id.encode())]
                extra += [h for h in SECURITY_HEADERS if h[0] not in present]
                if b"content-security-policy" not in present:
                    extra.append((b"content-security-policy", csp.encode()))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            logger.exception("unhandled error on %s %s", scope["method"], route_template(scope))
            if outcome["started"]:
                raise
            await send_problem(
                send_with_headers, 500, "internal-error", "An internal error occurred.", path
            )
        finally:
            seconds = time.perf_counter() - started_at
            route = route_template(scope)
            status = int(outcome["status"])
            access_log.info(
                "%s %s %s",
                scope["method"],
                route,
                status,
                extra={
                    "method": scope["method"],
                    "route": route,
                    "status": status,
                    "duration_ms": round(seconds * 1000, 2),
                    "request_id": request_id,
                },
            )
            metrics.observe_request(scope["method"], route, status, seconds)
            if self.pool_metrics is not None:
                self.pool_metrics()
            request_id_var.reset(token)


class BodyTooLarge(StarletteHTTPException):
    """A request body over the limit (raised while it is being read)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body is larger than {limit} bytes.")


class BodyLimitMiddleware:
    """Refuses request bodies over a size limit with 413, before or while reading them.

    Uploads to `upload_paths` that carry a bearer token may be `max_upload` bytes; every other
    body (an upload without credentials too) at most `max_body`.
    """

    def __init__(
        self, app: ASGIApp, *, max_body: int, max_upload: int, upload_paths: tuple[str, ...]
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.max_upload = max_upload
        self.upload_paths = upload_paths

    def limit_for(self, scope: Scope, headers: Headers) -> int:
        """The body limit of this request."""
        authorised = headers.get("authorization", "").lower().startswith("bearer ")
        if scope["path"] in self.upload_paths and authorised:
            return self.max_upload
        return self.max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        limit = self.limit_for(scope, headers)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            detail = f"The request body is larger than {limit} bytes."
            await send_problem(send, 413, "payload-too-large", detail, scope["path"])
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, limited_receive, send)
