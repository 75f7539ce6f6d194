"""Facets, statistics and summaries, cross-checked against the list's totals."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import distinct, func, select
from sqlmodel import Session, col

from app.models.recommendations import Recommendation, RecommendingState
from app.models.sessions import WorkingGroupSession
from app.models.states import State
from app.stats.schemas import FacetsResponse, ReviewStats, StateStats, StatsResponse
from app.vocab import Position

R = Recommendation


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


def _sql_counts(db: Session, key: Any, *joins: tuple[Any, Any]) -> dict[Any, int]:
    """Recommendations counted by `key` with plain SQL."""
    statement = select(key, func.count()).select_from(R)
    for target, on in joins:
        statement = statement.join(target, on)
    return {value: count for value, count in db.execute(statement.group_by(key))}


def test_single_valued_facets_add_up_to_the_total(client: TestClient, db: Session) -> None:
    names = ("position", "session", "cycle", "state_under_review")
    body = facets(client, *names, facet_size=500)
    everything = db.execute(select(func.count()).select_from(R)).scalar_one()
    for facet in body["facets"]:
        assert not facet["truncated"]
        assert sum(value["count"] for value in facet["values"]) == body["total"] == everything
    cycle = (WorkingGroupSession, col(WorkingGroupSession.number) == col(R.session_number))
    expected = {
        "position": {
            (None if p is None else Position(p).value): n
            for p, n in _sql_counts(db, col(R.position)).items()
        },
        "session": _sql_counts(db, col(R.session_number)),
        "cycle": _sql_counts(db, col(WorkingGroupSession.cycle_number), cycle),
        "state_under_review": _sql_counts(db, col(R.state_iso3)),
    }
    for name, facet in zip(names, body["facets"], strict=True):
        assert {v["value"]: v["count"] for v in facet["values"]} == expected[name], name
    names_of = {iso3: name for iso3, name in db.execute(select(col(State.iso3), col(State.name)))}
    assert body["facets"][3]["values"] == [
        {"value": iso3, "label": names_of[iso3], "count": count}
        for iso3, count in sorted(
            expected["state_under_review"].items(), key=lambda value: (-value[1], value[0])
        )
    ]
    slovenia = facets(client, "session", "state_under_review", state_under_review="SVN")
    by_session = {v["value"]: v["count"] for v in slovenia["facets"][0]["values"]}
    assert by_session == {7: 97, 20: 163, 48: 254}
    assert slovenia["facets"][1]["values"] == [{"value": "SVN", "label": "Slovenia", "count": 514}]


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


def _made_by_cycle(db: Session, iso3: str) -> dict[int, tuple[int, ...]]:
    """Per cycle, with plain SQL: the recommendations `iso3` made, how many of them were
    supported, supported in part and noted, and to how many states."""
    cycle, rid, position = col(WorkingGroupSession.cycle_number), col(R.id), col(R.position)
    statement = (
        select(
            cycle,
            func.count(distinct(rid)),
            func.count(distinct(rid)).filter(position == Position.supported),
            func.count(distinct(rid)).filter(position == Position.supported_in_part),
            func.count(distinct(rid)).filter(position == Position.noted),
            func.count(distinct(col(R.state_iso3))),
        )
        .select_from(R)
        .join(RecommendingState, col(RecommendingState.recommendation_id) == rid)
        .join(WorkingGroupSession, col(WorkingGroupSession.number) == col(R.session_number))
        .where(col(RecommendingState.iso3) == iso3)
        .group_by(cycle)
    )
    return {row[0]: tuple(row[1:]) for row in db.execute(statement)}


def _made(stats: StateStats) -> dict[int, tuple[int, ...]]:
    """The summary's figures per cycle, in the order of `_made_by_cycle`."""
    return {
        row.cycle: (
            row.count,
            row.supported,
            row.supported_in_part,
            row.noted,
            row.states_recommended_to,
        )
        for row in stats.made.by_cycle
    }


def test_state_summary(client: TestClient, db: Session) -> None:
    response = client.get("/v1/states/svn/summary")
    assert response.status_code == 200, response.text
    body = StateStats.model_validate(response.json())
    assert body.received.total.count == 514
    cycles = {row.cycle: row for row in body.received.by_cycle}
    assert set(cycles) == {1, 2, 4}
    assert (cycles[4].count, cycles[4].supported, cycles[4].reviews) == (254, 217, ["48-SVN"])
    assert body.made.total.count == total(client, recommending_state="SVN") > 0
    assert _made(body) == _made_by_cycle(db, "SVN")
    assert sum(row.count for row in body.made.by_cycle) == body.made.total.count
    france = StateStats.model_validate(client.get("/v1/states/FRA/summary").json())
    assert france.made.total.count == total(client, recommending_state="FRA") > 0
    assert sum(row.count for row in france.made.by_cycle) == france.made.total.count
    assert _made(france) == _made_by_cycle(db, "FRA")
    assert client.get("/v1/states/XYZ/summary").status_code == 404
