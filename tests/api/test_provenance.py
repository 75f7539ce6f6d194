"""Sources, disagreements and action categories through the API, after the bundled documents
and a real extract of the SDG–HR Data Explorer export (Kazakhstan's 1st and 2nd reviews)."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.importers.loading.explorer import load_explorer

EXTRACTS = Path(__file__).parents[1] / "data" / "sdg-explorer"


@pytest.fixture
def loaded(client: TestClient, new_session: Callable[[], Session]) -> Iterator[TestClient]:
    """`client` over the documents plus both extracts of the export."""
    for name in ("cycle1.xlsx", "cycle2.xlsx"):
        load_explorer(new_session, EXTRACTS / name)
    yield client


def test_a_recommendation_lists_every_source_and_the_fields_it_gave(loaded: TestClient) -> None:
    item = loaded.get("/v1/recommendations/20-KAZ-124.1").json()
    assert (item["text_from"], item["position_from"]) == ("working_group_report",) * 2
    sources = {source["source"]: source for source in item["sources"]}
    assert list(sources) == ["working_group_report", "sdg_explorer"]  # highest-ranked first
    assert sources["working_group_report"]["reference"] == "A/HRC/28/10 - Para.124.1"
    assert sources["sdg_explorer"]["is_document"] is False
    assert {"text", "position", "sdgs"} <= set(sources["sdg_explorer"]["fields"])
    assert item["action_category"] in range(1, 6)
    assert item["action_category_basis"]["method"] == "rules-v1"
    assert item["action_category_basis"]["evidence"]


def test_disagreements_are_returned_and_filterable(loaded: TestClient) -> None:
    page = loaded.get("/v1/recommendations?review=7-KAZ&disagreement=any&limit=200").json()
    assert page["total"] > 0
    for listed in page["items"]:
        item = loaded.get(f"/v1/recommendations/{listed['id']}").json()
        assert item["disagreements"]
        for disagreement in item["disagreements"]:
            first, second = disagreement["values"]
            assert first["source"] == "working_group_report"  # the document outranks
            assert second["source"] == "sdg_explorer"
            assert first["value"] != second["value"]
    fields = {"text", "recommending_states", "position", "affected_groups", "sdgs", "themes"}
    by_field = sum(
        loaded.get(f"/v1/recommendations?review=7-KAZ&disagreement={field}").json()["total"]
        for field in fields
    )
    assert by_field >= page["total"]
    assert loaded.get("/v1/recommendations?disagreement=nonsense").status_code == 422


def test_a_review_counts_what_each_source_supplied_and_how_much_is_in_conflict(
    loaded: TestClient,
) -> None:
    review = loaded.get("/v1/reviews/20-KAZ").json()
    assert review["recommendation_counts"]["total"] == 194
    sources = {source["source"]: source for source in review["sources"]}
    assert sources["working_group_report"]["recommendations"] == 194
    assert sources["sdg_explorer"]["recommendations"] == 188
    conflicts = loaded.get(
        "/v1/recommendations?review=20-KAZ&disagreement=any&data_source=sdg_explorer"
    ).json()["total"]
    assert sources["sdg_explorer"]["in_conflict"] == conflicts
    assert review["pledges"] == 0
    assert loaded.get("/v1/reviews/20-KAZ/pledges").json() == {
        "items": [],
        "next_cursor": None,
        "total": 0,
        "total_capped": False,
    }


def test_data_source_and_action_category_filter_and_facet(loaded: TestClient) -> None:
    only_dataset = loaded.get("/v1/recommendations?data_source=sdg_explorer&count=exact")
    everything = loaded.get("/v1/recommendations?count=exact")
    assert 0 < only_dataset.json()["total"] < everything.json()["total"]
    facets = loaded.get(
        "/v1/recommendations/facets?review=20-KAZ&facet=action_category&facet=data_source"
    ).json()
    by_facet = {facet["facet"]: facet["values"] for facet in facets["facets"]}
    assert sum(value["count"] for value in by_facet["action_category"]) <= 194
    assert {value["value"] for value in by_facet["data_source"]} == {
        "working_group_report",
        "sdg_explorer",
    }
    fives = loaded.get("/v1/recommendations?review=20-KAZ&action_category=5").json()
    count = next(v["count"] for v in by_facet["action_category"] if v["value"] == 5)
    assert fives["total"] == count
    assert all(item["action_category"] == 5 for item in fives["items"])


def test_lettered_and_paragraph_less_ids_are_served_as_written(loaded: TestClient) -> None:
    assert loaded.get("/v1/recommendations/5-AFG-96.1b").json()["paragraph"] == "96.1b"
    first = loaded.get("/v1/recommendations?review=1-BHR&limit=1").json()["items"][0]
    assert first["paragraph"] == ""
    lower_state = first["id"].replace("BHR", "bhr")
    assert loaded.get(f"/v1/recommendations/{lower_state}").json()["id"] == first["id"]
    assert loaded.get("/v1/recommendations/1-BHR-X0000000G").status_code == 422


def test_unknown_upr_info_issue_is_a_clear_400(loaded: TestClient) -> None:
    response = loaded.get("/v1/recommendations?upr_info_issue=Nothing%20such")
    assert response.status_code == 400
    assert response.json()["type"].endswith("unknown-upr-info-issue")
    assert "/v1/upr-info-issues" in response.json()["detail"]


def test_statistics_by_action_category_and_region(loaded: TestClient) -> None:
    # Support rate by action category, a classic finding: continuity is supported far more
    # often than specific action.
    stats = loaded.get("/v1/stats/recommendations?group_by=action_category&review=20-KAZ").json()
    rows = {row["keys"]["action_category"]: row for row in stats["rows"]}
    assert sum(row["count"] for row in rows.values()) == stats["total"]["count"] == 194
    assert rows[2]["support_rate"] > rows[5]["support_rate"]
    by_region = loaded.get(
        "/v1/stats/recommendations?group_by=recommending_state_group&group_by=action_category"
        "&cycle=2"
    )
    assert by_region.status_code == 200, by_region.text
    keys = [row["keys"] for row in by_region.json()["rows"]]
    assert {"recommending_state_group", "action_category"} <= set(keys[0])
