"""A recommendation's implementation claim, as the item, the list and the exports serve it.

The claim is what the state under review says in the Working Group report of a recommendation's
implementation (e.g. Kazakhstan's A/HRC/28/10, paragraph 124: "considers that they have already
been implemented"). Slovenia's bundled reports make no such claim, so the tests write one on a
bundled recommendation, as the report importer does for the reports that make one.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from app.models.recommendations import Recommendation
from app.recommendations import export
from app.unit_of_work import unit_of_work
from app.vocab import ImplementationClaim

CLAIMED = "20-SVN-115.1"
SOURCE = "A/HRC/28/15 - Para.115"
UNCLAIMED = "20-SVN-115.2"


@pytest.fixture
def claimed(db: Session) -> None:
    """The claim set on `CLAIMED` in the test's database."""
    with unit_of_work(db) as work:
        db.execute(
            update(Recommendation)
            .where(col(Recommendation.id) == CLAIMED)
            .values(
                implementation_claim=ImplementationClaim.in_progress,
                implementation_claim_source=SOURCE,
            )
        )
        work.changes.recommendations_changed([CLAIMED])


def _claim(item: dict[str, Any]) -> tuple[Any, Any]:
    return item["implementation_claim"], item["implementation_claim_source"]


@pytest.mark.usefixtures("claimed")
def test_the_item_serves_the_claim_and_its_source(client: TestClient) -> None:
    body = client.get(f"/v1/recommendations/{CLAIMED}").json()
    assert _claim(body) == ("in_progress", SOURCE)
    assert body["position"] == "supported"  # the claim leaves the position as it was
    assert _claim(client.get(f"/v1/recommendations/{UNCLAIMED}").json()) == (None, None)


@pytest.mark.usefixtures("claimed")
@pytest.mark.parametrize("search", [None, "ratification"])
def test_the_list_serves_the_claim(client: TestClient, search: str | None) -> None:
    params = {"review": "20-SVN", "limit": 500, **({"q": search} if search else {})}
    items = {
        item["id"]: item
        for item in client.get("/v1/recommendations", params=params).json()["items"]
    }
    assert _claim(items.pop(CLAIMED)) == ("in_progress", SOURCE)
    assert UNCLAIMED in items
    assert {_claim(item) for item in items.values()} == {(None, None)}


@pytest.mark.usefixtures("claimed")
def test_the_csv_export_has_the_claim_beside_the_position(client: TestClient) -> None:
    response = client.get("/v1/recommendations/export", params={"review": "20-SVN"})
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}
    names = [name for name, _ in export.CSV_COLUMNS]
    after_position = names.index("position_source") + 1
    assert names[after_position : after_position + 2] == [
        "implementation_claim",
        "implementation_claim_source",
    ]
    claimed = rows.pop(CLAIMED)
    assert (claimed["implementation_claim"], claimed["implementation_claim_source"]) == (
        "in_progress",
        SOURCE,
    )
    item = client.get(f"/v1/recommendations/{CLAIMED}").json()  # the other cells stay in place
    assert (claimed["position"], claimed["position_source"]) == (
        item["position"],
        item["position_source"],
    )
    assert claimed["recommending_states"] == "; ".join(
        state["iso3"] for state in item["recommending_states"]
    )
    assert {
        (row["implementation_claim"], row["implementation_claim_source"]) for row in rows.values()
    } == {("", "")}


@pytest.mark.usefixtures("claimed")
def test_the_ndjson_export_has_the_claim(client: TestClient) -> None:
    response = client.get(
        "/v1/recommendations/export", params={"review": "20-SVN", "format": "ndjson"}
    )
    items = {item["id"]: item for item in map(orjson.loads, response.content.splitlines())}
    assert _claim(items.pop(CLAIMED)) == ("in_progress", SOURCE)
    assert {_claim(item) for item in items.values()} == {(None, None)}


def test_the_database_refuses_a_claim_outside_the_vocabulary(db: Session) -> None:
    with pytest.raises(IntegrityError), db.begin_nested():
        db.execute(
            text("UPDATE recommendation SET implementation_claim = 'implemented' WHERE id = :id"),
            {"id": CLAIMED},
        )
    assert db.get(Recommendation, CLAIMED).implementation_claim is None  # type: ignore[union-attr]
