"""The interactive docs load their assets from the service itself and render in a browser."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from fastapi.testclient import TestClient

from app.main import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_docs_pages_reference_only_local_assets() -> None:
    client = TestClient(create_app())
    for page in ("/docs", "/redoc"):
        assets = re.findall(r'(?:src|href)="([^"]+)"', client.get(page).text)
        assets += re.findall(r"url: '([^']+)'", client.get(page).text)
        assert assets
        assert all(url.startswith(("/static/docs/", "/openapi.json")) for url in assets), assets
    assert client.get("/static/docs/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/docs/redoc.standalone.js").status_code == 200


@pytest.fixture(scope="module")
def live_server() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_swagger_ui_lists_the_operations_in_headless_chromium(live_server: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    if CHROMIUM is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but chromium is not installed (.ci/run installs it)")
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    dom = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path}",
            "--virtual-time-budget=15000",
            "--dump-dom",
            f"{live_server}/docs",
        ],
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    ).stdout
    for operation in ("/v1/recommendations", "/v1/reviews/{review_id}", "/v1/states/{iso3}"):
        assert operation in dom, f"{operation} not rendered"
    assert "opblock" in dom  # Swagger UI's operation blocks were built by its JavaScript
