"""The states endpoints against the seeded reference data."""

import csv
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session

STATES_CSV = Path(__file__).resolve().parents[2] / "data" / "reference" / "states.csv"


def test_lists_all_195_states_in_name_order(client: TestClient, db: Session) -> None:
    """Every state of the reference data, in name order: the database's order of the names (its
    collation: code points on SQLite and on a C-collated PostgreSQL)."""
    with STATES_CSV.open(encoding="utf-8", newline="") as f:
        reference = {row["iso3"]: row["name"] for row in csv.DictReader(f)}
    body = client.get("/v1/states").json()
    assert body["total"] == len(reference) == 195
    assert {state["iso3"]: state["name"] for state in body["items"]} == reference
    in_name_order = list(db.execute(text("SELECT name FROM state ORDER BY name")).scalars())
    assert [state["name"] for state in body["items"]] == in_name_order


def test_filters_by_regional_group_and_status(client: TestClient) -> None:
    observers = client.get("/v1/states", params={"status": "observer"}).json()["items"]
    assert sorted(state["iso3"] for state in observers) == ["PSE", "VAT"]
    eastern = client.get("/v1/states", params={"regional_group": "Eastern European"}).json()
    assert eastern["total"] == 23
    assert "SVN" in {state["iso3"] for state in eastern["items"]}


def test_get_state_with_aliases(client: TestClient) -> None:
    body = client.get("/v1/states/TUR").json()
    assert body["name"] == "Türkiye"
    assert body["regional_group"] == "Western European and others"
    assert "Turkey" in body["aliases"]
    assert client.get("/v1/states/kaz").json()["regional_group"] == "Asia-Pacific"


def test_state_reviews_in_session_order(client: TestClient) -> None:
    body = client.get("/v1/states/KAZ/reviews").json()
    assert [review["session"] for review in body["items"]] == [7, 20, 34, 48]
    last = body["items"][-1]
    assert last["id"] == "48-KAZ"
    assert last["review_date"] == "2025-01-23"
    assert last["cycle"] == 4
    assert last["reported_totals"]["received"] == 294
