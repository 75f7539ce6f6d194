"""Rendered pages kept in memory until the data change, as the API keeps its responses.

A page is a function of its URL and the dataset version (`app.versioning`), so the bytes
rendered once can be sent again while that version is current: a new version empties the
cache. The version is the one this process trusts for `UPR_VERSION_TTL` seconds
(`app.kit.caching.VersionCache`), so the staleness bound is the API's. A request with
`Cache-Control: no-cache` is rendered from the database and not stored; error pages never are.
The cache takes a quarter of `UPR_RESPONSE_CACHE_MB` (0: off), least recently used out first.
Pages are rendered in the thread pool, so the cache takes a lock.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from fastapi import Request, Response
from sqlmodel import Session

from app.kit.response_cache import wants_fresh
from app.versioning import read_version

STATE_KEY = "page_cache"


class PageCache:
    """Page bodies and headers by URL, for one dataset version, within a byte budget (LRU)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._version: int | None = None
        self._entries: OrderedDict[str, tuple[bytes, dict[str, str]]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, version: int, url: str) -> tuple[bytes, dict[str, str]] | None:
        """The page stored for `url` at `version`, or None."""
        with self._lock:
            if version != self._version:
                return None
            found = self._entries.get(url)
            if found is not None:
                self._entries.move_to_end(url)
            return found

    def put(self, version: int, url: str, body: bytes, headers: dict[str, str]) -> None:
        """Store a page of `version` (a newer version empties the cache first)."""
        if len(body) > self.max_bytes // 16:
            return
        with self._lock:
            if self._version is None or version > self._version:
                self._entries.clear()
                self.size = 0
                self._version = version
            elif version < self._version:
                return
            previous = self._entries.pop(url, None)
            if previous is not None:
                self.size -= len(previous[0])
            self._entries[url] = (body, headers)
            self.size += len(body)
            while self.size > self.max_bytes:
                _, (evicted, _headers) = self._entries.popitem(last=False)
                self.size -= len(evicted)

    def __len__(self) -> int:
        return len(self._entries)


def cached_page(request: Request, db: Session, render: Callable[[], Response]) -> Response:
    """The page for this request from the cache, or rendered by `render` (and stored when it
    is a 200 and the client did not ask for a fresh one)."""
    cache: PageCache | None = getattr(request.app.state, STATE_KEY, None)
    if cache is None or cache.max_bytes <= 0:
        return render()
    version = request.app.state.version_cache.get(lambda: read_version(db))
    url = str(request.url.path) + ("?" + request.url.query if request.url.query else "")
    fresh = wants_fresh(request)
    if not fresh:
        found = cache.get(version, url)
        if found is not None:
            body, headers = found
            return Response(body, media_type="text/html; charset=utf-8", headers=headers)
    response = render()
    if response.status_code == 200 and not fresh:
        headers = {
            name: value
            for name, value in response.headers.items()
            if name not in ("content-length", "content-type")
        }
        cache.put(version, url, bytes(response.body), headers)
    return response
