"""Facets, statistics and summaries, cross-checked against the list's totals."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.stats.schemas import FacetsResponse, ReviewStats, StateStats, StatsResponse


def total(client: TestClient, **params: Any) -> int:
    body = client.get("/v1/recommendations", params={"limit": 1, "count": "exact", **params})
    assert body.status_code == 200, body.text
    return body.json()["total"]


def facets(client: TestClient, *names: str, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/recommendations/facets", params={"facet": names, **params})
    assert response.status_code == 200, response.text
    FacetsResponse.model_validate(response.json())
    return response.json()


@pytest.mark.parametrize(
    ("facet", "filter_name"),
    [
        ("position", "position"),
        ("theme", "theme"),
        ("group", "group"),
        ("recommending_state", "recommending_state"),
        ("recommending_state_group", "recommending_state_group"),
        ("session", "session"),
        ("cycle", "cycle"),
        ("sdg", "sdg"),
    ],
)
@pytest.mark.parametrize("scope", [{"state_under_review": "SVN"}, {"q": "roma OR women"}])
def test_each_facet_value_counts_what_the_list_finds(
    client: TestClient, facet: str, filter_name: str, scope: dict[str, str]
) -> None:
    body = facets(client, facet, facet_size=5, **scope)
    assert body["total"] == total(client, **scope)
    values = body["facets"][0]["values"]
    assert values and [v["count"] for v in values] == sorted(
        (v["count"] for v in values), reverse=True
    )
    for value in values[:3]:
        assert value["count"] == total(client, **scope, **{filter_name: value["value"]})


def test_single_valued_facets_add_up_to_the_total(client: TestClient) -> None:
    body = facets(client, "position", "session", "cycle", "state_under_review", facet_size=500)
    for facet in body["facets"]:
        assert not facet["truncated"]
        assert sum(value["count"] for value in facet["values"]) == body["total"] == 514
    by_session = {v["value"]: v["count"] for v in body["facets"][1]["values"]}
    assert by_session == {7: 97, 20: 163, 48: 254}
    assert body["facets"][3]["values"] == [{"value": "SVN", "label": "Slovenia", "count": 514}]


def test_facet_size_truncates(client: TestClient) -> None:
    body = facets(client, "recommending_state", facet_size=3)
    assert len(body["facets"][0]["values"]) == 3 and body["facets"][0]["truncated"]


def test_two_dimensional_stats_match_the_list(client: TestClient) -> None:
    response = client.get(
        "/v1/stats/recommendations",
        params={"group_by": ["recommending_state_group", "position"], "review": "48-SVN"},
    )
    assert response.status_code == 200, response.text
    body = StatsResponse.model_validate(response.json())
    assert (body.total.count, body.total.supported, body.total.noted) == (254, 217, 37)
    assert body.total.support_rate == round(217 / 254, 4)
    assert len(body.rows) >= 8
    for row in body.rows[:6]:
        keys = row.keys
        assert row.count == total(
            client,
            review="48-SVN",
            recommending_state_group=keys["recommending_state_group"],
            position=keys["position"],
        )
        expected_supported = row.count if keys["position"] == "supported" else 0
        assert row.supported == expected_supported


def test_one_dimensional_stats_with_support_rates(client: TestClient) -> None:
    body = client.get(
        "/v1/stats/recommendations", params={"group_by": "session", "state_under_review": "SVN"}
    ).json()
    rows = {row["keys"]["session"]: row for row in body["rows"]}
    assert (rows[48]["count"], rows[48]["supported"], rows[48]["noted"]) == (254, 217, 37)
    assert (rows[20]["count"], rows[20]["supported"], rows[20]["noted"]) == (163, 142, 21)
    assert rows[20]["support_rate"] == round(142 / 163, 4)


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/v1/stats/recommendations", {"group_by": ["position", "position"]}, 400),
        ("/v1/stats/recommendations", {"group_by": ["position", "cycle", "session"]}, 422),
        ("/v1/stats/recommendations", {}, 422),
        ("/v1/stats/recommendations", {"group_by": "colour"}, 422),
        ("/v1/recommendations/facets", {"facet": "colour"}, 422),
        ("/v1/recommendations/facets", {}, 422),
        ("/v1/recommendations/facets", {"facet": "position", "facet_size": 0}, 422),
        ("/v1/recommendations/facets", {"facet": "position", "q": "roma OR"}, 400),
    ],
)
def test_bad_facet_and_stats_requests(
    client: TestClient, path: str, params: dict[str, Any], status: int
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"


def test_review_summary(client: TestClient) -> None:
    response = client.get("/v1/reviews/48-svn/summary")
    assert response.status_code == 200, response.text
    body = ReviewStats.model_validate(response.json())
    assert (body.positions.total, body.positions.supported, body.positions.noted) == (254, 217, 37)
    assert body.support_rate == round(217 / 254, 4)
    items = client.get("/v1/recommendations", params={"review": "48-SVN", "limit": 500}).json()
    states = {s["iso3"] for item in items["items"] for s in item["recommending_states"]}
    assert body.recommending_states == len(states)
    assert sum(v.count for v in body.recommending_state_groups) >= 254
    counts = [theme.count for theme in body.top_themes]
    assert len(counts) == 10 and counts == sorted(counts, reverse=True)
    assert counts[0] == total(client, review="48-SVN", theme=body.top_themes[0].value)
    assert client.get("/v1/reviews/48-XXX/summary").status_code == 404


def test_state_summary(client: TestClient) -> None:
    response = client.get("/v1/states/svn/summary")
    assert response.status_code == 200, response.text
    body = StateStats.model_validate(response.json())
    assert body.received.total.count == 514
    cycles = {row.cycle: row for row in body.received.by_cycle}
    assert set(cycles) == {1, 2, 4}
    assert (cycles[4].count, cycles[4].supported, cycles[4].reviews) == (254, 217, ["48-SVN"])
    assert body.made.total.count == 0 and body.made.by_cycle == []
    france = StateStats.model_validate(client.get("/v1/states/FRA/summary").json())
    assert france.made.total.count == total(client, recommending_state="FRA") > 0
    assert sum(row.count for row in france.made.by_cycle) == france.made.total.count
    assert all(row.states_recommended_to == 1 for row in france.made.by_cycle)
    assert client.get("/v1/states/XYZ/summary").status_code == 404
