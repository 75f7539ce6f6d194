"""Response cache: whole bodies of reads kept in memory under their strong ETag.

A read's ETag (`app.kit.caching.entity_tag`) names one representation at one dataset
version, so the bytes first sent for it can be sent again for as long as that version is
current. `conditional_get` looks the ETag up before any other work and answers a hit at once;
`CacheHeadersMiddleware` stores complete `200` bodies on their way out (a streamed body, such
as an export, is never stored). A new dataset version empties the cache; until then it holds at
most `UPR_RESPONSE_CACHE_MB` of bodies, least recently used first out, so a write by another
process or replica shows within `UPR_VERSION_TTL`, as for ETags. A request carrying
`Cache-Control: no-cache` is answered from the database and not stored.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from starlette.requests import Request

STATE_KEY = "response_cache_key"


@dataclass(frozen=True)
class CachedBody:
    """A stored response: its headers as the application sent them (before the caching
    headers), and its body."""

    headers: list[tuple[bytes, bytes]]
    body: bytes


class ResponseCache:
    """Bodies by ETag, for one dataset version, within a byte budget (LRU).

    Used from the event loop only (the dependency and the middleware are async), so it takes
    no lock.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_bytes // 16
        self.size = 0
        self._version: int | None = None
        self._entries: OrderedDict[str, CachedBody] = OrderedDict()

    @property
    def enabled(self) -> bool:
        """Whether anything is ever stored (a budget of 0 turns the cache off)."""
        return self.max_bytes > 0

    def get(self, etag: str) -> CachedBody | None:
        """The body stored under `etag`, or None."""
        found = self._entries.get(etag)
        if found is not None:
            self._entries.move_to_end(etag)
        return found

    def put(self, version: int, etag: str, entry: CachedBody) -> None:
        """Store `entry` under `etag` (a tag of `version`); a newer version empties the cache
        first, and a body over a sixteenth of the budget is not kept."""
        if len(entry.body) > self.max_entry_bytes:
            return
        if self._version is None or version > self._version:
            self.clear()
            self._version = version
        elif version < self._version:
            return  # read before a newer version was seen: never looked up again
        previous = self._entries.pop(etag, None)
        if previous is not None:
            self.size -= len(previous.body)
        self._entries[etag] = entry
        self.size += len(entry.body)
        while self.size > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self.size -= len(evicted.body)

    def clear(self) -> None:
        """Forget every body."""
        self._entries.clear()
        self.size = 0

    def __len__(self) -> int:
        return len(self._entries)


def wants_fresh(request: Request) -> bool:
    """Whether the client asked for a response from the origin (`Cache-Control: no-cache` or
    `no-store`)."""
    directives = request.headers.get("cache-control", "").lower()
    return "no-cache" in directives or "no-store" in directives
