"""HTTP caching of reads: strong ETags from the dataset version, 304s without the database.

Every successful `GET /v1/...` carries `ETag`, `Cache-Control: public, max-age=N` and
`Vary`. The ETag is `"<dataset version>-<digest of the URL and negotiated representation>"`,
so any write or import (which bumps the version, `app.versioning`) changes every ETag.

Each process keeps the version it last read for `UPR_VERSION_TTL` seconds (default 1). While
that is fresh, `If-None-Match` is answered with 304 before any database work; after it, one
primary-key read refreshes it. A write through this process invalidates its copy at once; a
write by another process or replica is seen within the TTL, which is therefore the bound on
how long a stale 304 (or a new body under the previous ETag) can be served. The same bound
holds for the bodies the response cache (`app.kit.response_cache`) keeps under their ETags.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import __version__
from app.db import DbDep
from app.kit import metrics
from app.kit.response_cache import STATE_KEY as RESPONSE_CACHE_KEY
from app.kit.response_cache import CachedBody, ResponseCache, wants_fresh
from app.versioning import read_version

CACHEABLE_PREFIX = "/v1/"
STATE_KEY = "cache_headers"


class VersionCache:
    """The dataset version as last read by this process, trusted for `ttl` seconds.

    Seconds are read from `clock` (`time.monotonic` unless given; tests pass a clock they
    advance themselves), once when a version is loaded and at every look-up after.
    """

    def __init__(self, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.clock = clock
        self._value: int | None = None
        self._expires = 0.0
        self._lock = threading.Lock()

    def get(self, load: Callable[[], int]) -> int:
        """The cached version, or a fresh one from `load()` when the cache has expired."""
        value, now = self._value, self.clock()
        if value is not None and now < self._expires:
            return value
        with self._lock:
            if self._value is not None and self.clock() < self._expires:
                return self._value  # another thread refreshed it meanwhile
            value = load()
            self._value, self._expires = value, self.clock() + self.ttl
            return value

    def peek(self) -> int | None:
        """The cached version while it is fresh, else None (never touches the database)."""
        value = self._value
        return value if value is not None and self.clock() < self._expires else None

    def invalidate(self) -> None:
        """Forget the cached version (after a write through this process)."""
        self._expires = 0.0


class CachedResponse(Exception):
    """Raised to answer with a body from the response cache."""

    def __init__(self, entry: CachedBody) -> None:
        super().__init__("cached")
        self.entry = entry


class NotModified(Exception):
    """Raised to answer 304 Not Modified with the given headers."""

    def __init__(self, headers: dict[str, str]) -> None:
        super().__init__("not modified")
        self.headers = headers


def entity_tag(version: int, request: Request) -> str:
    """The strong ETag of this request's representation at `version`.

    The digest covers the code version, the URL and what selects the representation
    (`Accept`, and whether gzip is acceptable, since a compressed body is another entity).
    """
    accepts_gzip = "gzip" in request.headers.get("accept-encoding", "")
    key = "\n".join(
        (
            __version__,
            request.url.path,
            request.url.query,
            request.headers.get("accept", ""),
            "gzip" if accepts_gzip else "identity",
        )
    )
    digest = hashlib.blake2b(key.encode(), digest_size=8).hexdigest()
    return f'"{version}-{digest}"'


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an `If-None-Match` header lists `etag` (weak comparison, as RFC 9110 asks)."""
    if not if_none_match:
        return False
    candidates = (tag.strip().removeprefix("W/") for tag in if_none_match.split(","))
    return etag in candidates


def cache_headers(etag: str, *, max_age: int, private: bool) -> dict[str, str]:
    """Validator and freshness headers of a read."""
    return {
        "ETag": etag,
        "Cache-Control": f"{'private' if private else 'public'}, max-age={max_age}",
        "Vary": "Accept, Accept-Encoding" + (", Authorization" if private else ""),
    }


async def conditional_get(request: Request, db: DbDep) -> None:
    """App-wide dependency: tag reads and answer a matching `If-None-Match` with 304.

    The database is read (in the thread pool) only when this process's copy of the version
    has expired; otherwise this runs on the event loop without blocking. A `GET` whose body is
    in the response cache (`app.kit.response_cache`) is answered from there; any other is
    marked for the middleware to store.
    """
    if request.method not in ("GET", "HEAD") or not request.url.path.startswith(CACHEABLE_PREFIX):
        return
    settings = request.app.state.settings
    cache: VersionCache = request.app.state.version_cache
    version = cache.peek()
    if version is None:
        version = await run_in_threadpool(cache.get, lambda: read_version(db))
    etag = entity_tag(version, request)
    headers = cache_headers(
        etag, max_age=settings.cache_max_age, private=settings.read_requires_key
    )
    request.state.cache_headers = headers
    if etag_matches(request.headers.get("if-none-match"), etag):
        raise NotModified(headers)
    responses: ResponseCache = request.app.state.response_cache
    if request.method == "GET" and responses.enabled and not wants_fresh(request):
        entry = responses.get(etag)
        metrics.RESPONSE_CACHE.labels("miss" if entry is None else "hit").inc()
        if entry is not None:
            raise CachedResponse(entry)
        request.state.response_cache_key = (version, etag)


def written(request: Request) -> None:
    """Tell this process's cache that the dataset changed (the write dependency,
    `app.unit_of_work.request_unit_of_work`, calls it after a write that moved the version)."""
    request.app.state.version_cache.invalidate()


class CacheHeadersMiddleware:
    """Adds the headers `conditional_get` chose to successful responses, streamed ones too,
    and stores complete bodies that `conditional_get` marked in the response cache."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent_headers: list[tuple[bytes, bytes]] | None = None

        async def send_with_headers(message: Message) -> None:
            nonlocal sent_headers
            state = scope.get("state", {})
            if message["type"] == "http.response.start" and message["status"] == 200:
                if state.get(RESPONSE_CACHE_KEY):
                    sent_headers = list(message.get("headers", []))
                chosen: dict[str, str] | None = state.get(STATE_KEY)
                if chosen:
                    headers = MutableHeaders(scope=message)
                    for name, value in chosen.items():
                        if name == "Vary":  # merge with gzip's, without repeats
                            fields = [*headers.get("vary", "").split(","), *value.split(",")]
                            unique = dict.fromkeys(f.strip() for f in fields if f.strip())
                            value = ", ".join(unique)
                        headers[name] = value
            elif message["type"] == "http.response.body" and sent_headers is not None:
                if not message.get("more_body", False):  # the whole body in one message
                    version, etag = state[RESPONSE_CACHE_KEY]
                    entry = CachedBody(sent_headers, message.get("body", b""))
                    scope["app"].state.response_cache.put(version, etag, entry)
                sent_headers = None  # a streamed body is not stored
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _document(schema: dict[str, Any]) -> None:
    """Declare the validators, `If-None-Match` and the 304 on every cacheable read."""
    headers = {
        "ETag": {"description": "Strong validator of this representation.",
                 "schema": {"type": "string"}},
        "Cache-Control": {"description": "`public, max-age=N` (`private` when reads need a key).",
                          "schema": {"type": "string"}},
    }  # fmt: skip
    for path, item in schema.get("paths", {}).items():
        operation = item.get("get")
        if not path.startswith(CACHEABLE_PREFIX) or operation is None:
            continue
        operation.setdefault("parameters", []).append(
            {
                "name": "If-None-Match",
                "in": "header",
                "required": False,
                "description": "ETags of representations the client holds; 304 if one is current.",
                "schema": {"type": "string"},
            }
        )
        responses = operation.setdefault("responses", {})
        if "200" in responses:
            responses["200"].setdefault("headers", {}).update(headers)
        responses["304"] = {
            "description": "Not Modified: the representation named in `If-None-Match` is current.",
            "headers": headers,
        }


def install_caching(app: FastAPI, ttl: float, response_cache_bytes: int) -> None:
    """Set up the version cache, the response cache and the 304 answer on `app`.

    `conditional_get` is an app-level dependency and `CacheHeadersMiddleware` sits outside
    the gzip middleware (see `app.main`), so that it sees and merges gzip's `Vary`.
    """
    app.state.version_cache = VersionCache(ttl)
    app.state.response_cache = ResponseCache(response_cache_bytes)
    build_schema = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            _document(build_schema())
        assert app.openapi_schema is not None  # build_schema() stores it
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented way to extend it

    @app.exception_handler(NotModified)
    async def _not_modified(_request: Request, exc: NotModified) -> Any:
        return Response(status_code=304, headers=exc.headers)

    @app.exception_handler(CachedResponse)
    async def _cached(_request: Request, exc: CachedResponse) -> Any:
        response = Response(exc.entry.body)
        response.raw_headers = list(exc.entry.headers)
        return response
