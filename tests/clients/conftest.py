"""A live server over real HTTP on 127.0.0.1, serving the test database, for the clients."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from sqlalchemy import Engine
from sqlmodel import Session

from app.db import get_db, get_engine
from app.main import create_app


@pytest.fixture(scope="module")
def live_url(engine: Engine) -> Iterator[str]:
    """Base URL of the real app under uvicorn, reading the test database (never writing)."""

    def session() -> Iterator[Session]:
        with Session(engine) as db:
            yield db

    app = create_app()
    app.dependency_overrides[get_db] = session
    app.dependency_overrides[get_engine] = lambda: engine
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the live server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
