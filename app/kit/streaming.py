"""Streamed bodies produced in threads of their own.

An export's chunks come from a blocking iterator (database rows turned into CSV or JSON).
Starlette would advance it in the shared thread pool, where a few exports running at once
keep the pool's few threads (`UPR_THREADS`) busy and every other request queues behind their
chunks. `streamed` advances it in a separate, smaller pool instead: exports share
`max(1, UPR_THREADS // 2)` threads of their own, and lists and items keep theirs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from enum import Enum
from typing import TypeVar

from anyio import CapacityLimiter, to_thread
from starlette.requests import Request


class _Done(Enum):
    """The value `next` gives for an iterator that is done (a type of its own, so that testing
    for it leaves the chunk a `bytes`)."""

    DONE = "done"


_DONE = _Done.DONE
# CSV lines (text, encoded by the response) or bytes already encoded
_Chunk = TypeVar("_Chunk", str, bytes)


def stream_limiter(threads: int) -> CapacityLimiter:
    """The thread pool of streamed bodies for a worker with `threads` threads (create it on
    the worker's event loop)."""
    return CapacityLimiter(max(1, threads // 2))


async def streamed(request: Request, chunks: Iterator[_Chunk]) -> AsyncIterator[_Chunk]:
    """The chunks of a blocking iterator, each made in the streams' own threads."""
    limiter: CapacityLimiter = request.app.state.stream_limiter
    try:
        while True:
            chunk = await to_thread.run_sync(next, chunks, _DONE, limiter=limiter)
            if chunk is _DONE:
                return
            yield chunk
    finally:  # a client gone mid-stream: end the iterator (and its statement) now
        close = getattr(chunks, "close", None)
        if close is not None:
            close()
