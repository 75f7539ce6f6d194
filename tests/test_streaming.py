"""Streamed bodies: made in the streams' own threads, ended when the client goes."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import anyio
from anyio import to_thread

from app.kit.streaming import stream_limiter, streamed


def _request(limiter: Any) -> Any:
    return SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(stream_limiter=limiter)))


def test_chunks_are_made_in_the_streams_threads_not_the_shared_pool() -> None:
    started, release = threading.Event(), threading.Event()

    def chunks() -> Iterator[bytes]:
        started.set()
        release.wait(5)
        yield b"a"
        yield b"b"

    async def main() -> None:
        limiter = stream_limiter(threads=4)
        assert limiter.total_tokens == 2
        received: list[bytes] = []

        async def consume() -> None:
            received.extend([chunk async for chunk in streamed(_request(limiter), chunks())])

        async with anyio.create_task_group() as tasks:
            tasks.start_soon(consume)
            await to_thread.run_sync(started.wait, 5, limiter=anyio.CapacityLimiter(1))
            assert limiter.borrowed_tokens == 1  # the chunk is being made in the streams' pool
            assert to_thread.current_default_thread_limiter().borrowed_tokens == 0
            release.set()
        assert received == [b"a", b"b"]

    anyio.run(main)


def test_a_stream_left_early_ends_its_iterator() -> None:
    ended: list[bool] = []

    def chunks() -> Iterator[bytes]:
        try:
            yield b"a"
            yield b"b"
        finally:
            ended.append(True)

    async def main() -> None:
        iterator = chunks()  # still referenced: ending it is up to `streamed`, not the GC
        stream = streamed(_request(stream_limiter(threads=2)), iterator)
        assert await anext(stream) == b"a"
        await stream.aclose()  # the client went away
        assert ended == [True]

    anyio.run(main)
