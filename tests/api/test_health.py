"""Liveness and readiness, and the worker's thread pool."""

from anyio import to_thread
from fastapi.testclient import TestClient

from app.config import get_settings
from app.main import create_app
from app.migrate import head_revision


def test_live(client: TestClient) -> None:
    assert client.get("/health/live").json() == {"status": "ok", "database": None, "revision": None}


def test_ready_checks_database_and_revision(client: TestClient) -> None:
    body = client.get("/health/ready").json()
    assert body["status"] == "ok"
    assert body["revision"] == head_revision()
    assert body["database"] in {"sqlite", "postgresql"}


def test_the_thread_pool_has_the_configured_size() -> None:
    app = create_app(get_settings().model_copy(update={"threads": 3}))
    with TestClient(app) as client:
        portal = client.portal
        assert portal is not None
        tokens = portal.call(lambda: to_thread.current_default_thread_limiter().total_tokens)
    assert tokens == 3
