"""Adding tracking entries, histories, current statuses, corrections, append-only storage."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, update
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from app.kit.pagination import encode_cursor
from app.models.auth import AuditEntry
from app.models.tracking import TrackingEntry, TrackingStatus
from app.tracking.schemas import CurrentStatus, TrackingEntryPublic

RID = "48-SVN-140.69"
URL = f"/v1/recommendations/{RID}/tracking"


def entry(**changes: Any) -> dict[str, Any]:
    body = {
        "status": "in_progress",
        "status_date": "2025-03-01",
        "source": "government",
        "note": "Draft amendment of the Criminal Code in public consultation.",
        "evidence": ["https://www.gov.si/en/news/defamation-draft/"],
        "responsible_institution": "Ministry of Justice",
        "indicators": ["Draft law submitted to the National Assembly"],
    }
    return {**body, **changes}


def add(client: TestClient, auth: dict[str, str], **changes: Any) -> TrackingEntryPublic:
    response = client.post(URL, json=entry(**changes), headers=auth)
    assert response.status_code == 201, response.text
    return TrackingEntryPublic.model_validate(response.json())


def test_adding_needs_a_key_with_the_tracking_scope(
    client: TestClient, write_token: str, auth: dict[str, str], tracking_token: str
) -> None:
    anonymous = client.post(URL, json=entry())
    assert anonymous.status_code == 401
    assert anonymous.headers["content-type"] == "application/problem+json"
    writer = client.post(URL, json=entry(), headers={"Authorization": f"Bearer {write_token}"})
    assert writer.status_code == 403 and "tracking" in writer.json()["detail"]
    response = client.post(URL, json=entry(), headers=auth)
    assert response.status_code == 201
    created = TrackingEntryPublic.model_validate(response.json())
    assert response.headers["location"] == f"{URL}/{created.id}"
    assert created.recommendation_id == RID and created.status is TrackingStatus.in_progress
    assert created.author_key == tracking_token.split("_")[1]
    assert created.supersedes is None and created.superseded_by is None
    assert client.get(f"{URL}/{created.id}").json() == response.json()


def test_each_write_is_audited_and_moves_the_etag(
    client: TestClient, db: Session, auth: dict[str, str]
) -> None:
    before = client.get(URL).headers["etag"]
    created = add(client, auth)
    assert client.get(URL).headers["etag"] != before
    audit = db.exec(select(AuditEntry).where(AuditEntry.action == "tracking.add")).all()
    assert [row.target for row in audit] == [f"{RID}#{created.id}"]


@pytest.mark.parametrize(
    ("changes", "location"),
    [
        ({"status": "done"}, "body.status"),
        ({"source": "press"}, "body.source"),
        ({"status_date": "2999-01-01"}, "body.status_date"),
        ({"status_date": "2001-01-01"}, "body.status_date"),
        ({"evidence": ["ftp://example.org/x"]}, "body.evidence.0"),
        ({"indicators": ["a | b"]}, "body.indicators.0"),
        ({"note": "nul \x00 byte"}, "body.note"),
        ({"author": "someone"}, "body.author"),
        ({"supersedes": 0}, "body.supersedes"),
    ],
)
def test_invalid_entries_are_problems(
    client: TestClient, auth: dict[str, str], changes: dict[str, Any], location: str
) -> None:
    response = client.post(URL, json=entry(**changes), headers=auth)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert location in [error["location"] for error in response.json()["errors"]]


def test_unknown_recommendations_are_not_found(client: TestClient, auth: dict[str, str]) -> None:
    response = client.post("/v1/recommendations/48-SVN-999.1/tracking", json=entry(), headers=auth)
    assert response.status_code == 404
    assert client.get("/v1/recommendations/48-SVN-999.1/tracking").status_code == 404
    assert client.get(f"{URL}/999999").status_code == 404


def test_history_current_status_and_corrections(client: TestClient, auth: dict[str, str]) -> None:
    first = add(client, auth, status="in_progress", status_date="2025-03-01")
    nhri = add(client, auth, status="not_started", status_date="2025-04-01", source="nhri")
    later = add(client, auth, status="fully_implemented", status_date="2025-06-01")
    correction = add(
        client, auth, status="partially_implemented", status_date="2025-06-01",
        supersedes=later.id, note="Adopted, but only for the press; correction.",
    )  # fmt: skip
    assert correction.supersedes == later.id

    current = CurrentStatus.model_validate(client.get(f"{URL}/current").json())
    assert [(e.source, e.status, e.id) for e in current.current] == [
        ("government", "partially_implemented", correction.id),
        ("nhri", "not_started", nhri.id),
    ]
    history = client.get(URL).json()["items"]
    assert [item["id"] for item in history] == [first.id, nhri.id, later.id, correction.id]
    superseded = {item["id"]: item["superseded_by"] for item in history}
    assert superseded == {first.id: None, nhri.id: None, later.id: correction.id,
                          correction.id: None}  # fmt: skip


def test_a_correction_must_match_and_can_be_made_once(
    client: TestClient, auth: dict[str, str]
) -> None:
    government = add(client, auth)
    add(client, auth, supersedes=government.id, status="not_started")
    cases = [
        ({"supersedes": government.id}, "already superseded"),
        ({"supersedes": government.id + 1000}, "does not exist"),
        ({"supersedes": add(client, auth, source="un").id}, "same source"),
    ]
    for changes, message in cases:
        response = client.post(URL, json=entry(**changes), headers=auth)
        assert response.status_code == 422
        [error] = response.json()["errors"]
        assert error["location"] == "body.supersedes" and message in error["message"]
    other = client.post(
        "/v1/recommendations/48-SVN-140.70/tracking",
        json=entry(supersedes=add(client, auth, source="nhri").id, source="nhri"),
        headers=auth,
    )
    assert other.status_code == 422 and "not this one" in other.json()["errors"][0]["message"]


def test_history_pages_follow_the_cursor(client: TestClient, auth: dict[str, str]) -> None:
    ids = [add(client, auth, status_date=f"2025-0{month}-01").id for month in (1, 2, 3)]
    seen: list[int] = []
    url = f"{URL}?limit=2"
    while url:
        page = client.get(url).json()
        seen += [item["id"] for item in page["items"]]
        url = f"{URL}?limit=2&cursor={page['next_cursor']}" if page["next_cursor"] else ""
    assert seen == ids
    assert client.get(f"{URL}?cursor=bm9wZQ").status_code == 400
    for forged in (("not a date", 1), ("2025-01-01", 2**40)):
        assert client.get(f"{URL}?cursor={encode_cursor(forged)}").status_code == 400
    assert client.get(f"{URL}?limit=501").status_code == 422


def test_entries_cannot_be_changed_or_deleted_in_the_database(
    client: TestClient, db: Session, auth: dict[str, str]
) -> None:
    created = add(client, auth)
    for statement in (
        update(TrackingEntry).where(TrackingEntry.id == created.id).values(status="not_started"),
        delete(TrackingEntry).where(TrackingEntry.id == created.id),  # type: ignore[arg-type]
    ):
        with pytest.raises(DBAPIError, match="append-only"), db.begin_nested():
            db.execute(statement)
    assert db.get(TrackingEntry, created.id).status == "in_progress"  # type: ignore[union-attr]
