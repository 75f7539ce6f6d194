"""When the database goes away: 503 problem details from a failed connection attempt (made
with a connect timeout, so a dead database cannot hold a request for long), readiness fails,
and the service recovers by itself when the database is back."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app.db import build_engine, get_db, get_engine
from app.main import create_app
from app.migrate import upgrade
from tests.conftest import empty_database
from tests.support.writes import seed_committed


class TcpProxy:
    """Forwards a local port to the database; `stop()` cuts every connection and refuses new
    ones (the database is down), `start()` serves again on the same port."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = 0
        self._listener: socket.socket | None = None
        self._sockets: list[socket.socket] = []

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
            self._listener.close()
            self._listener = None
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self._sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self._sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


def _client_on(engine: Engine) -> TestClient:
    app = create_app()

    def db() -> Iterator[Session]:
        with Session(engine) as session:
            yield session

    app.dependency_overrides[get_db] = db
    app.dependency_overrides[get_engine] = lambda: engine
    return TestClient(app, raise_server_exceptions=False)


CONNECT_TIMEOUT = 5  # seconds, as `build_engine` gives every PostgreSQL connection attempt


def _connection_attempts(engine: Engine) -> list[dict[str, object]]:
    """The driver's connection parameters of every connection the engine tries to open from
    now on, in order."""
    attempts: list[dict[str, object]] = []

    @event.listens_for(engine, "do_connect")
    def _record(_dialect: object, _pooled: object, _cargs: object, cparams: dict) -> None:
        attempts.append(dict(cparams))

    return attempts


def _assert_unavailable(
    client: TestClient, path: str, engine: Engine, attempts: list[dict[str, object]]
) -> None:
    """`path` answers 503 with a problem document (`database-unavailable` with `Retry-After`
    on the API, `not-ready` on the readiness probe) after trying to connect with the connect
    timeout, and gives back every connection it checked out (so that no later request waits
    on an exhausted pool)."""
    tried = len(attempts)
    response = client.get(path)
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 503
    if path.startswith("/health/"):
        assert problem["type"].endswith("/not-ready"), problem
    else:
        assert problem["type"].endswith("/database-unavailable"), problem
        assert response.headers["retry-after"] == "5"
    assert "psycopg" not in response.text and "127.0.0.1" not in response.text
    assert len(attempts) > tried, "the request did not try to connect"
    assert all(made["connect_timeout"] == CONNECT_TIMEOUT for made in attempts[tried:])
    assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]


def test_a_database_that_is_not_there_gives_503_problem_documents() -> None:
    engine = build_engine("postgresql+psycopg://upr@127.0.0.1:1/upr", pool_size=1, max_overflow=0)
    attempts = _connection_attempts(engine)
    client = _client_on(engine)
    for path in ("/v1/states", "/health/ready", "/v1/states"):
        _assert_unavailable(client, path, engine, attempts)
    assert client.get("/health/live").status_code == 200
    engine.dispose()


@pytest.fixture
def postgres_url(tmp_path: Path) -> Iterator[str]:
    """A migrated, seeded PostgreSQL database of this test's own (skipped without PostgreSQL,
    except under CI=true)."""
    with empty_database("postgresql", tmp_path) as url:
        upgrade(url)
        engine = build_engine(url)
        with Session(engine) as db:
            seed_committed(db)
        engine.dispose()
        yield url


@pytest.mark.postgres
def test_the_service_recovers_when_postgresql_comes_back(postgres_url: str) -> None:
    url = make_url(postgres_url)
    proxy = TcpProxy((url.host or "127.0.0.1", url.port or 5432))
    proxy.start()
    engine = build_engine(
        url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False),
        pool_size=2,
        max_overflow=0,
    )
    attempts = _connection_attempts(engine)
    client = _client_on(engine)
    try:
        assert client.get("/v1/states/TUR").status_code == 200
        assert client.get("/health/ready").status_code == 200
        assert attempts and all(made["connect_timeout"] == CONNECT_TIMEOUT for made in attempts)

        proxy.stop()  # the database goes down, with the pool's connections open
        for path in ("/v1/states/KAZ", "/v1/sessions/48/reviews", "/health/ready"):
            _assert_unavailable(client, path, engine, attempts)

        proxy.start()  # it comes back on the same address; nothing is restarted here
        deadline = time.monotonic() + 15
        while client.get("/v1/states/KAZ").status_code != 200:
            assert time.monotonic() < deadline, "the service did not recover"
            time.sleep(0.2)
        assert client.get("/health/ready").json()["status"] == "ok"
        assert client.get("/v1/sessions/48/reviews").status_code == 200
    finally:
        proxy.stop()
        engine.dispose()
