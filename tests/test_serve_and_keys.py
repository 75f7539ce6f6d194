"""`upr serve` and `upr keys` as an operator runs them: real processes, databases of their own."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, Any

import httpx
import pytest
from sqlalchemy import select

from app.db import build_engine
from app.models.auth import ApiKey
from tests.test_cli import REPORT, upr

READS = "/v1/recommendations"  # the route of the concurrent reads' access-log lines


def test_keys_are_shown_once_listed_without_secrets_and_revocable(
    scratch_database_url: str,
) -> None:
    made = upr(scratch_database_url, "keys", "create", "--name", "curator", "--scope", "write")
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip().splitlines()[-1]
    assert token.startswith("upr_")
    prefix = token.split("_")[1]
    listed = upr(scratch_database_url, "keys", "list")
    assert prefix in listed.stdout and "curator" in listed.stdout and "active" in listed.stdout
    assert token.split("_", 2)[2] not in listed.stdout
    engine = build_engine(scratch_database_url)
    with engine.connect() as connection:
        stored = connection.execute(select(ApiKey.__table__)).one()
    assert token not in json.dumps([str(v) for v in stored])
    assert upr(scratch_database_url, "keys", "revoke", prefix).returncode == 0
    assert "revoked" in upr(scratch_database_url, "keys", "list").stdout
    unknown = upr(scratch_database_url, "keys", "revoke", "ffffffff")
    assert unknown.returncode == 1 and "no API key" in unknown.stderr
    bad = upr(scratch_database_url, "keys", "create", "--name", "x", "--scope", "admin")
    assert bad.returncode == 1 and "unknown scope" in bad.stderr
    engine.dispose()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(database_url: str, **settings: str) -> tuple[subprocess.Popen[str], str]:
    """`upr serve` with one worker on a free port, once it is ready: the process and its URL."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--workers", "1"],
        env={**os.environ, "UPR_DATABASE_URL": database_url, **settings},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{base}/health/ready", timeout=1).status_code == 200:
                return server, base
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            server.kill()
            raise AssertionError("the server did not start")
        time.sleep(0.2)


class _Log:
    """The JSON lines a process writes to a stream, read on a thread of their own as they
    come, so that a test can wait for a message (the stream is drained, so it never fills)."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: list[dict[str, Any]] = []
        self._closed = False
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._reader.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            if line.startswith("{"):
                with self._changed:
                    self.lines.append(json.loads(line))
                    self._changed.notify_all()
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def wait_for(self, prefix: str) -> None:
        """Until a line's message starts with `prefix` (the process gets 30 s to write it)."""
        self.wait_until(
            lambda: any(line["message"].startswith(prefix) for line in self.lines),
            f"no log line {prefix!r}",
        )

    def wait_until(self, done: Callable[[], bool], failure: str) -> None:
        """Until `done()` holds of the lines read (the process gets 30 s to write them)."""
        with self._changed:
            self._changed.wait_for(lambda: done() or self._closed, timeout=30)
            assert done(), f"{failure}: {self.lines}"

    def close(self) -> list[dict[str, Any]]:
        """Every line, once the stream has ended."""
        self._reader.join(timeout=30)
        assert not self._reader.is_alive(), "the stream did not end"
        return self.lines


def _read_until(sock: socket.socket, end: bytes) -> bytes:
    """What `sock` receives until it has an `end` (or the peer closes)."""
    data = b""
    while end not in data and (chunk := sock.recv(65536)):
        data += chunk
    return data


def test_many_concurrent_reads_on_few_threads_and_connections(
    scratch_database_url: str,
) -> None:
    """60 reads at once on 2 threads and 2 connections: every session is closed outside the
    thread pool, so closes never wait on endpoints that wait for their connections."""
    imported = upr(scratch_database_url, "import", "report", REPORT)
    assert imported.returncode == 0, imported.stderr
    assert "254 added" in imported.stdout
    server, base = _serve(
        scratch_database_url, UPR_THREADS="2", UPR_DB_POOL_SIZE="1", UPR_DB_MAX_OVERFLOW="1"
    )
    assert server.stderr is not None
    log = _Log(server.stderr)  # a line per request: drained, so the server never blocks on it

    async def read_all() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=base, timeout=20) as client:
            return await asyncio.gather(
                *(client.get("/v1/recommendations", params={"limit": n}) for n in range(1, 61))
            )

    try:
        replies = asyncio.run(read_all())
        assert [reply.status_code for reply in replies] == [200] * 60
        # the first 60 rows in the default order, read alone once the burst is over
        alone = httpx.get(f"{base}/v1/recommendations", params={"limit": 60}).json()
        # the server logs a request after answering it: wait for the 61st line before stopping
        log.wait_until(
            lambda: len([line for line in log.lines if line.get("route") == READS]) >= 61,
            "fewer than 61 access lines",
        )
    finally:
        server.kill()
        server.wait()
    served = [line for line in log.close() if line.get("route") == READS]
    assert [line["status"] for line in served] == [200] * 61
    rows = alone["items"]
    assert alone["total"] == 254
    assert len(rows) == 60 and len({row["id"] for row in rows}) == 60
    assert {(row["session"], row["state_under_review"]["iso3"]) for row in rows} == {(48, "SVN")}
    # the report's recommendations are its paragraphs 140.1 to 140.254, in that order
    assert [row["paragraph"] for row in rows] == [f"140.{k}" for k in range(1, 61)]
    for n, reply in enumerate(replies, start=1):
        page = reply.json()
        assert page["total"] == 254
        assert page["items"] == rows[:n], f"limit={n}"
        assert page["next_cursor"] is not None


def test_serve_logs_json_and_finishes_in_flight_requests_on_sigterm(
    scratch_database_url: str,
) -> None:
    server, base = _serve(scratch_database_url)
    assert server.stderr is not None
    log = _Log(server.stderr)
    port = int(base.rsplit(":", 1)[1])
    try:
        assert httpx.get(f"{base}/v1/states/SVN", headers={"X-Request-ID": "serve-1"}).is_success

        body = b'{"notes": "written while the server stops"}'
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall(
                b"PATCH /v1/reviews/48-KAZ HTTP/1.1\r\nHost: test\r\n"
                b"Content-Type: application/json\r\nExpect: 100-continue\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
            )
            # the server has the request and its application is waiting for the body
            assert _read_until(sock, b"\r\n\r\n") == b"HTTP/1.1 100 Continue\r\n\r\n"
            server.send_signal(signal.SIGTERM)
            # it has stopped listening and waits for this request to finish
            log.wait_for("Waiting for connections to close.")
            with pytest.raises(ConnectionRefusedError):
                socket.create_connection(("127.0.0.1", port), timeout=30).close()
            sock.sendall(body)
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
        head, _, content = reply.partition(b"\r\n\r\n")
        status_line, *header_lines = head.decode().split("\r\n")
        headers = {k.lower(): v for k, v in (line.split(": ", 1) for line in header_lines)}
        assert status_line == "HTTP/1.1 401 Unauthorized", reply[:200]
        assert headers["content-type"] == "application/problem+json"
        assert headers["connection"] == "close"
        assert int(headers["content-length"]) == len(content)  # the whole document arrived
        assert json.loads(content)["status"] == 401
        server.wait(timeout=30)
        # uvicorn finishes gracefully, then re-raises the signal it caught
        assert server.returncode == -signal.SIGTERM
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    lines = log.close()
    access = [line for line in lines if line["logger"] == "upr.access"]
    assert {
        "method": "GET",
        "route": "/v1/states/{iso3}",
        "status": 200,
        "request_id": "serve-1",
    }.items() <= next(line for line in access if line.get("request_id") == "serve-1").items()
    assert {"method": "PATCH", "route": "/v1/reviews/{review_id}", "status": 401}.items() <= next(
        line for line in access if line.get("route") == "/v1/reviews/{review_id}"
    ).items()
    messages = [line["message"] for line in lines]
    assert messages.index("Shutting down") < messages.index("Waiting for application shutdown.")
    assert any(message.startswith("Finished server process") for message in messages)
