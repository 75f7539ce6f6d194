"""Reads when `UPR_READ_REQUIRES_KEY` is on: the streamed exports and the tracking reads need a
key that may read (401 problem without one), and the documented exceptions stay open."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import text
from sqlmodel import Session

from app.auth.keys import create_key, revoke_key
from tests.support.writes import key_committed

RID = "48-SVN-140.69"
ENTRY = {
    "status": "in_progress",
    "status_date": "2025-03-01",
    "source": "government",
    "note": "Draft amendment in public consultation.",
}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def private(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client(read_requires_key=True)


@pytest.fixture
def entry_id(private: TestClient, db: Session) -> int:
    """A tracking entry on 48-SVN-140.69, added with a `tracking` key (a write, not a read)."""
    token = key_committed(db, "tracker", ["tracking"]).token
    response = private.post(
        f"/v1/recommendations/{RID}/tracking", json=ENTRY, headers=bearer(token)
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


def refused(response: Response) -> dict[str, Any]:
    """The problem of a 401 response, checked."""
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer")
    problem: dict[str, Any] = response.json()
    assert problem["status"] == 401 and problem["type"].endswith("/unauthorized")
    return problem


def review_ids(db: Session, review: str) -> list[str]:
    statement = text("SELECT id FROM recommendation WHERE review_id = :review")
    return sorted(db.execute(statement, {"review": review}).scalars())


def test_exports_need_a_read_key(private: TestClient, db: Session, read_token: str) -> None:
    for fmt in ("csv", "ndjson", "json"):
        params = {"review": "48-SVN", "format": fmt}
        problem = refused(private.get("/v1/recommendations/export", params=params))
        assert "needs an API key" in problem["detail"]
        unknown = bearer("upr_00000000_not-a-key")
        problem = refused(private.get("/v1/recommendations/export", params=params, headers=unknown))
        assert "not valid" in problem["detail"]
    expected = review_ids(db, "48-SVN")
    assert len(expected) == 254
    allowed = private.get(
        "/v1/recommendations/export", params={"review": "48-SVN"}, headers=bearer(read_token)
    )
    assert allowed.status_code == 200, allowed.text
    assert allowed.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(allowed.content.decode())))
    assert sorted(row["id"] for row in rows) == expected
    lines = private.get(
        "/v1/recommendations/export",
        params={"review": "48-SVN", "format": "ndjson"},
        headers=bearer(read_token),
    )
    assert lines.status_code == 200
    items = [orjson.loads(line) for line in lines.content.splitlines() if line]
    assert sorted(item["id"] for item in items) == expected


def test_tracking_reads_need_a_read_key(
    private: TestClient, entry_id: int, read_token: str, write_token: str
) -> None:
    paths = [
        f"/v1/recommendations/{RID}/tracking",
        f"/v1/recommendations/{RID}/tracking/current",
        f"/v1/recommendations/{RID}/tracking/{entry_id}",
        "/v1/reviews/48-SVN/progress",
        "/v1/states/SVN/progress",
        "/v1/tracking/export",
    ]
    for path in paths:
        refused(private.get(path))
    for token in (read_token, write_token):  # a write key may also read
        for path in paths:
            response = private.get(path, headers=bearer(token))
            assert response.status_code == 200, (path, response.text)
    history = private.get(paths[0], headers=bearer(read_token)).json()["items"]
    assert [(e["id"], e["status"], e["note"]) for e in history] == [
        (entry_id, ENTRY["status"], ENTRY["note"])
    ]
    current = private.get(paths[1], headers=bearer(read_token)).json()["current"]
    assert [e["id"] for e in current] == [entry_id]
    exported = private.get("/v1/tracking/export", headers=bearer(read_token))
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.content.decode())))
    assert [(int(row["id"]), row["recommendation_id"]) for row in rows] == [(entry_id, RID)]


def test_keys_that_may_not_read_are_refused(private: TestClient, db: Session) -> None:
    tracking_only = create_key(db, "tracker", ["tracking"])
    response = private.get("/v1/tracking/export", headers=bearer(tracking_only.token))
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert "'read' scope" in response.json()["detail"]
    reader = create_key(db, "soon revoked", ["read"])
    assert private.get("/v1/recommendations/export", headers=bearer(reader.token)).is_success
    revoke_key(db, reader.key.prefix)
    refused(private.get("/v1/recommendations/export", headers=bearer(reader.token)))


def test_metrics_and_health_stay_open(private: TestClient, read_token: str) -> None:
    """The setting covers every `/v1` read (README, configuration table); `/metrics` is for
    the scraper, to be restricted at the proxy (README, "Logs, metrics and security")."""
    assert private.get("/v1/states/SVN").status_code == 401
    for headers in ({}, bearer(read_token)):
        metrics = private.get("/metrics", headers=headers)
        assert metrics.status_code == 200
        assert metrics.headers["content-type"].startswith("text/plain")
        assert "upr_http_requests_total" in metrics.text
        assert private.get("/health/ready", headers=headers).status_code == 200
