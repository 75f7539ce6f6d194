"""Write bodies are validated strictly: a JSON value of another type than the documented one is
a 422 problem naming the field, and nothing is stored. A number without a fractional part is an
integer, as JSON Schema defines it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.models.reviews import Review
from tests.support.writes import key_committed

ENTRY = {"status": "in_progress", "status_date": "2025-06-30", "source": "government"}


@pytest.fixture
def auth(db: Session) -> dict[str, str]:
    """Headers of a key that may write and track."""
    return {"Authorization": f"Bearer {key_committed(db, 'curator', ['write', 'tracking']).token}"}


def _assert_refused(response, field: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert [error["location"] for error in body["errors"]] == [f"body.{field}"]
    assert f"body.{field}" in body["detail"]


@pytest.mark.parametrize("value", [False, True, "35", 35.5, [35], {"n": 35}])
def test_an_integer_field_takes_only_integers(
    client: TestClient, db: Session, auth: dict[str, str], value: object
) -> None:
    before = db.get(Review, "48-KAZ")
    assert before is not None and before.reported_noted == 35
    response = client.patch("/v1/reviews/48-KAZ", headers=auth, json={"reported_noted": value})
    _assert_refused(response, "reported_noted")
    db.expire_all()
    assert db.get(Review, "48-KAZ").reported_noted == 35  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reported_source", 59),
        ("head_of_delegation", True),
        ("review_date", 20250123),
        ("review_date", True),
        ("hrc_session", "59"),
    ],
)
def test_other_review_fields_are_not_coerced(
    client: TestClient, auth: dict[str, str], field: str, value: object
) -> None:
    response = client.patch("/v1/reviews/48-KAZ", headers=auth, json={field: value})
    _assert_refused(response, field)


def test_dates_and_integers_of_the_right_type_are_taken(
    client: TestClient, auth: dict[str, str]
) -> None:
    response = client.patch(
        "/v1/reviews/48-KAZ",
        headers=auth,
        json={
            "reported_noted": 36,
            "reported_received": 295.0,
            "review_date": "2025-01-24",
            "meeting_number": None,
        },
    )
    assert response.status_code == 200, response.text
    assert response.json()["reported_totals"]["noted"] == 36
    assert response.json()["reported_totals"]["received"] == 295
    assert response.json()["review_date"] == "2025-01-24"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("status", 1),
        ("status", True),
        ("source", ["government"]),
        ("status_date", 20250630),
        ("supersedes", "1"),
        ("supersedes", 1.5),
        ("note", 5),
        ("evidence", "https://www.gov.si/x"),
        ("indicators", [1]),
    ],
)
def test_tracking_entries_are_not_coerced(
    client: TestClient, auth: dict[str, str], field: str, value: object
) -> None:
    response = client.post(
        "/v1/recommendations/48-SVN-140.69/tracking", headers=auth, json=ENTRY | {field: value}
    )
    location = f"{field}.0" if field == "indicators" else field
    _assert_refused(response, location)


def test_a_tracking_entry_of_the_right_types_is_taken(
    client: TestClient, auth: dict[str, str]
) -> None:
    response = client.post("/v1/recommendations/48-SVN-140.69/tracking", headers=auth, json=ENTRY)
    assert response.status_code == 201, response.text
    assert response.json()["status_date"] == "2025-06-30"


def test_csv_cells_are_still_read_as_text(client: TestClient, auth: dict[str, str]) -> None:
    first = client.post("/v1/recommendations/48-SVN-140.69/tracking", headers=auth, json=ENTRY)
    csv = (
        "recommendation_id,status,status_date,source,supersedes\n"
        f"48-SVN-140.69,fully_implemented,2025-07-01,government,{first.json()['id']}\n"
    )
    response = client.post(
        "/v1/tracking/imports", headers=auth | {"Content-Type": "text/csv"}, content=csv
    )
    assert response.status_code == 200, response.text
    assert response.json()["added"] == 1


@pytest.mark.parametrize("value", [7, True, ["Republika Slovenija"]])
def test_an_alias_is_a_string(client: TestClient, auth: dict[str, str], value: object) -> None:
    response = client.post("/v1/states/SVN/aliases", headers=auth, json={"alias": value})
    _assert_refused(response, "alias")
