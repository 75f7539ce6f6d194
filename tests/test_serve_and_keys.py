"""`upr serve` and `upr keys` as an operator runs them: real processes, databases of their own."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time

import httpx
from sqlalchemy import select

from app.auth.models import ApiKey
from app.db import build_engine
from tests.test_cli import upr


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


def test_many_concurrent_reads_on_few_threads_and_connections(
    scratch_database_url: str,
) -> None:
    """60 reads at once on 2 threads and 2 connections: every session is closed outside the
    thread pool, so closes never wait on endpoints that wait for their connections."""
    server, base = _serve(
        scratch_database_url, UPR_THREADS="2", UPR_DB_POOL_SIZE="1", UPR_DB_MAX_OVERFLOW="1"
    )

    async def read_all() -> list[int]:
        async with httpx.AsyncClient(base_url=base, timeout=20) as client:
            replies = await asyncio.gather(
                *(client.get("/v1/recommendations", params={"limit": n}) for n in range(1, 61))
            )
        return [reply.status_code for reply in replies]

    try:
        assert asyncio.run(read_all()) == [200] * 60
    finally:
        server.kill()
        server.wait()


def test_serve_logs_json_and_finishes_in_flight_requests_on_sigterm(
    scratch_database_url: str,
) -> None:
    server, base = _serve(scratch_database_url)
    try:
        assert httpx.get(f"{base}/v1/states/SVN", headers={"X-Request-ID": "serve-1"}).is_success

        body = b'{"notes": "written while the server stops"}'
        port = int(base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(
                b"PATCH /v1/reviews/48-KAZ HTTP/1.1\r\nHost: test\r\n"
                b"Content-Type: application/json\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body[:10]
            )
            time.sleep(0.3)
            server.send_signal(signal.SIGTERM)  # the request above is still in flight
            time.sleep(0.5)
            sock.sendall(body[10:])
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
        status_line = reply.split(b"\r\n", 1)[0]
        assert status_line == b"HTTP/1.1 401 Unauthorized", reply[:200]
        assert reply.rstrip().endswith(b"}")  # the whole problem document arrived
        server.wait(timeout=30)
        # uvicorn finishes gracefully, then re-raises the signal it caught (exit status -15)
        assert server.returncode in (0, -signal.SIGTERM)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    lines = [json.loads(line) for line in server.stderr.read().splitlines() if line.startswith("{")]
    access = [line for line in lines if line["logger"] == "upr.access"]
    assert {
        "method": "GET",
        "route": "/v1/states/{iso3}",
        "status": 200,
        "request_id": "serve-1",
    }.items() <= next(line for line in access if line.get("request_id") == "serve-1").items()
    assert any(line.get("route") == "/v1/reviews/{review_id}" for line in access)
    messages = [line["message"] for line in lines]
    assert "Waiting for application shutdown." in messages
    assert any(message.startswith("Finished server process") for message in messages)
