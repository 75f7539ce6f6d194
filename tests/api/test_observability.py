"""Request ids, JSON access logs without secrets, Prometheus metrics, security headers, CORS,
errors without internals, and streaming through the middleware."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator

import httpx
import pytest
import uvicorn
from fastapi.responses import StreamingResponse
from fastapi.testclient import TestClient

from app.kit.logging import ACCESS_LOGGER, JsonFormatter, mask_secrets
from app.kit.middleware import DOCS_CSP
from app.main import create_app


def test_request_id_is_taken_when_plain_and_made_otherwise(client: TestClient) -> None:
    given = client.get("/v1/states/TUR", headers={"X-Request-ID": "abc-123.x:y"})
    assert given.headers["x-request-id"] == "abc-123.x:y"
    for bad in ("x" * 65, "has space", "semi;colon", ""):
        made = client.get("/v1/states/TUR", headers={"X-Request-ID": bad})
        assert len(made.headers["x-request-id"]) == 32
        assert made.headers["x-request-id"] != bad
    assert client.get("/nowhere").headers["x-request-id"]


def test_one_json_log_line_per_request_without_secrets(
    client: TestClient, write_token: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger=ACCESS_LOGGER):
        client.post(
            "/v1/states/KAZ/aliases",
            json={"alias": "Qazaqstan"},
            headers={"Authorization": f"Bearer {write_token}", "X-Request-ID": "log-test-7"},
        )
    [record] = [r for r in caplog.records if r.name == ACCESS_LOGGER]
    line = json.loads(JsonFormatter().format(record))
    assert line["method"] == "POST"
    assert line["route"] == "/v1/states/{iso3}/aliases"
    assert line["status"] == 201
    assert line["request_id"] == "log-test-7"
    assert isinstance(line["duration_ms"], float)
    assert line["level"] == "INFO" and line["time"].endswith("+00:00")
    secret = write_token.split("_", 2)[2]
    assert all(secret not in JsonFormatter().format(r) for r in caplog.records)


def test_secrets_are_masked_in_any_log_message() -> None:
    token = "upr_0123abcd_" + "s" * 43
    assert mask_secrets(f"key {token} used") == "key upr_0123abcd_*** used"
    assert mask_secrets("Authorization: Bearer abc.def") == "Authorization: Bearer ***"
    record = logging.LogRecord("app", logging.ERROR, __file__, 1, "got %s", (token,), None)
    assert "s" * 43 not in JsonFormatter().format(record)


def test_metrics_count_requests_per_route_template_and_show_the_pool(client: TestClient) -> None:
    for iso3 in ("TUR", "KAZ", "SVN"):
        client.get(f"/v1/states/{iso3}")
    text = client.get("/metrics").text
    sample = 'upr_http_requests_total{method="GET",route="/v1/states/{iso3}",status="200"}'
    assert sample in text
    assert float(text.split(sample)[1].split()[0]) >= 3
    assert (
        'upr_http_request_duration_seconds_bucket{le="0.1",method="GET",route="/v1/states/{iso3}"}'
        in text
    )
    for state in ("checked_out", "idle", "size"):
        assert f'upr_db_pool_connections{{state="{state}"}}' in text
    assert "/v1/states/TUR" not in text  # labels are templates, not raw paths


def test_metrics_count_response_cache_hits_and_misses(client: TestClient) -> None:
    def lookups(result: str) -> float:
        sample = f'upr_response_cache_lookups_total{{result="{result}"}} '
        text = client.get("/metrics").text
        return float(text.split(sample)[1].split()[0]) if sample in text else 0.0

    hits, misses = lookups("hit"), lookups("miss")
    for _ in range(3):
        client.get("/v1/sessions/48")
    assert (lookups("hit") - hits, lookups("miss") - misses) == (2, 1)


def test_security_headers_everywhere_and_a_docs_policy_for_the_docs(client: TestClient) -> None:
    for path in ("/v1/states", "/v1/nothing", "/health/live"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
        assert "server" not in headers
    assert client.get("/docs").headers["content-security-policy"] == DOCS_CSP


def test_cors_is_off_by_default_and_follows_the_allow_list(
    client: TestClient, make_client: Callable[..., TestClient]
) -> None:
    origin = {"Origin": "https://example.org"}
    assert "access-control-allow-origin" not in client.get("/v1/states", headers=origin).headers
    allowed = make_client(cors_origins=["https://example.org"])
    response = allowed.get("/v1/states", headers=origin)
    assert response.headers["access-control-allow-origin"] == "https://example.org"
    assert "ETag" in response.headers["access-control-expose-headers"]
    other = allowed.get("/v1/states", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    preflight = allowed.options(
        "/v1/states",
        headers={
            **origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "cache-control, if-none-match",
        },
    )
    assert preflight.status_code == 200  # a page may ask for a fresh read or a 304


def test_unexpected_errors_are_problems_without_internals(client: TestClient) -> None:
    app = client.app

    @app.get("/v1/test-explodes", include_in_schema=False)  # type: ignore[attr-defined]
    def explodes() -> None:
        raise RuntimeError("SELECT secret FROM internals")

    response = client.get("/v1/test-explodes")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["x-request-id"]
    assert "SELECT" not in response.text and "Traceback" not in response.text


@pytest.fixture
def streaming_server() -> Iterator[tuple[str, threading.Event]]:
    """A live server of the real app plus a test route that streams until told to stop."""
    app = create_app()
    release = threading.Event()

    @app.get("/test-stream", include_in_schema=False)
    def stream() -> StreamingResponse:
        def chunks() -> Iterator[bytes]:
            for i in range(200):  # 200 kB of text the client can see before the end
                yield (f"line {i} " + "x" * 1000 + "\n").encode()
            if not release.wait(timeout=20):  # the test read the first part: now finish
                return
            yield b"end\n"

        return StreamingResponse(chunks(), media_type="application/x-ndjson")

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", release
    release.set()
    server.should_exit = True
    thread.join(timeout=10)


@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_streamed_responses_still_stream_through_gzip(
    streaming_server: tuple[str, threading.Event], encoding: str
) -> None:
    url, release = streaming_server
    release.clear()
    headers = {"Accept-Encoding": encoding}
    with httpx.stream("GET", f"{url}/test-stream", headers=headers, timeout=30) as response:
        assert response.status_code == 200
        assert response.headers.get("content-encoding", "identity") == encoding
        assert response.headers["x-request-id"]
        received = b""
        chunks = response.iter_bytes()
        while b"line 10 " not in received:
            received += next(chunks)  # arrives while the generator is still waiting
        assert not release.is_set()
        release.set()
        received += b"".join(chunks)
    assert received.endswith(b"end\n")
