"""API keys: every write without a valid key of the right scope is refused and writes nothing;
writes with one are audited; reads can be made private."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlmodel import Session

from app.auth.keys import create_key, find_key
from app.models.auth import ApiKey, AuditEntry
from app.models.recommendations import Recommendation
from app.models.reviews import Review
from app.models.states import StateAlias
from app.versioning import read_version
from tests.support.writes import key_committed, revoke_committed

REPORT = Path(__file__).resolve().parents[2] / "data/documents/SVN/session-48/A_HRC_59_15.pdf"


def _writes(client: TestClient, headers: dict[str, str]) -> list:  # type: ignore[type-arg]
    """One attempt at every write endpoint."""
    return [
        client.post(
            "/v1/imports",
            headers=headers,
            files={"file": ("A_HRC_59_15.pdf", REPORT.read_bytes(), "application/pdf")},
            data={"kind": "working_group_report"},
        ),
        client.post("/v1/states/TUR/aliases", headers=headers, json={"alias": "Anatolia"}),
        client.delete("/v1/states/TUR/aliases/Turkey", headers=headers),
        client.patch("/v1/reviews/48-KAZ", headers=headers, json={"reported_received": 1}),
    ]


def _snapshot(db: Session) -> tuple:  # type: ignore[type-arg]
    db.expire_all()
    count = lambda model: db.execute(select(func.count()).select_from(model)).scalar_one()  # noqa: E731
    review = db.get(Review, "48-KAZ")
    assert review is not None
    return (
        read_version(db),
        count(AuditEntry),
        count(StateAlias),
        count(Recommendation),
        review.reported_received,
    )


def _bad_credentials(db: Session) -> dict[str, tuple[dict[str, str], int]]:
    reader = key_committed(db, "reader", ["read"]).token
    revoked = key_committed(db, "gone", ["write"])
    revoke_committed(db, revoked.key.prefix)
    forged = revoked.token[:13] + ("A" * 43)
    return {
        "none": ({}, 401),
        "basic scheme": ({"Authorization": "Basic dXNlcjpwYXNz"}, 401),
        "malformed": ({"Authorization": "Bearer not-a-key"}, 401),
        "forged secret": ({"Authorization": f"Bearer {forged}"}, 401),
        "revoked": ({"Authorization": f"Bearer {revoked.token}"}, 401),
        "read scope only": ({"Authorization": f"Bearer {reader}"}, 403),
    }


def test_writes_without_a_valid_write_key_are_refused_and_write_nothing(
    client: TestClient, db: Session
) -> None:
    cases = _bad_credentials(db)
    before = _snapshot(db)
    for name, (headers, status) in cases.items():
        for response in _writes(client, headers):
            assert response.status_code == status, (name, response.request.url, response.text)
            assert response.headers["content-type"] == "application/problem+json"
            assert response.json()["status"] == status
            assert response.headers["www-authenticate"].startswith("Bearer")
    assert _snapshot(db) == before


def test_writes_with_a_write_key_are_audited(
    client: TestClient, db: Session, write_token: str
) -> None:
    headers = {"Authorization": f"Bearer {write_token}", "X-Request-ID": "audit-test-1"}
    before = read_version(db)
    responses = _writes(client, headers)
    assert [r.status_code for r in responses] == [200, 201, 204, 200], [r.text for r in responses]
    entries = db.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars().all()  # type: ignore[arg-type]
    key = find_key(db, write_token)
    assert key is not None
    assert [(e.action, e.target) for e in entries] == [
        ("import", "working_group_report:A_HRC_59_15.pdf"),
        ("alias.create", "TUR:Anatolia"),
        ("alias.delete", "TUR:Turkey"),
        ("review.update", "48-KAZ"),
    ]
    assert {e.key_id for e in entries} == {key.id}
    assert {e.request_id for e in entries} == {"audit-test-1"}
    assert '"reported_received": 1' in (entries[-1].detail or "")
    assert read_version(db) == before + 4


def test_keys_are_stored_only_as_a_hash(db: Session) -> None:
    new = create_key(db, "hash check", ["write", "read"])
    row = db.get(ApiKey, new.key.id)
    assert row is not None
    assert row.secret_hash == hashlib.sha256(new.token.encode()).hexdigest()
    assert new.token.startswith(f"upr_{row.prefix}_")
    stored = " ".join(str(value) for value in row.model_dump().values())
    assert new.token.split("_", 2)[2] not in stored
    assert row.scopes == "read write"
    with pytest.raises(ValueError, match="unknown scope"):
        create_key(db, "bad", ["admin"])


def test_reads_are_public_by_default_and_private_when_configured(
    client: TestClient, make_client: Callable[..., TestClient], read_token: str, write_token: str
) -> None:
    assert client.get("/v1/states/TUR").status_code == 200
    private = make_client(read_requires_key=True)
    refused = private.get("/v1/states/TUR")
    assert refused.status_code == 401
    assert refused.headers["content-type"] == "application/problem+json"
    assert "etag" not in refused.headers
    etag = private.get("/v1/states/TUR", headers={"Authorization": f"Bearer {read_token}"}).headers[
        "etag"
    ]
    assert private.get("/v1/states/TUR", headers={"If-None-Match": etag}).status_code == 401
    for token in (read_token, write_token):
        assert private.get("/v1/states", headers={"Authorization": f"Bearer {token}"}).is_success
    assert private.get("/health/ready").status_code == 200
    assert private.get("/docs").status_code == 200


def test_write_operations_declare_the_bearer_scheme(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert schema["components"]["securitySchemes"]["apiKey"]["scheme"] == "bearer"
    for path, method in (
        ("/v1/imports", "post"),
        ("/v1/states/{iso3}/aliases", "post"),
        ("/v1/states/{iso3}/aliases/{alias}", "delete"),
        ("/v1/reviews/{review_id}", "patch"),
    ):
        operation = schema["paths"][path][method]
        assert operation["security"] == [{"apiKey": []}]
        assert {"401", "403"} <= set(operation["responses"])
    assert "security" not in schema["paths"]["/v1/states/{iso3}"]["get"]
