"""Liveness and readiness."""

from fastapi.testclient import TestClient

from app.migrate import head_revision


def test_live(client: TestClient) -> None:
    assert client.get("/health/live").json() == {"status": "ok", "database": None, "revision": None}


def test_ready_checks_database_and_revision(client: TestClient) -> None:
    body = client.get("/health/ready").json()
    assert body["status"] == "ok"
    assert body["revision"] == head_revision()
    assert body["database"] in {"sqlite", "postgresql"}
