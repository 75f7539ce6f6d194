"""The recommendation list's filters, sorts, keyset cursors and counts, on the bundled data."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlmodel import Session, col

from app.config import get_settings
from app.models.recommendations import Recommendation, RecommendationSdg, split_paragraph
from app.models.reviews import Review
from app.models.states import State
from app.models.taxonomy import Sdg
from app.recommendations import queries
from app.recommendations.schemas import RecommendationPage
from app.unit_of_work import unit_of_work
from app.vocab import RegionalGroup

R = Recommendation


def _sql_ids(db: Session, *conditions: Any, joins: tuple[Any, ...] = ()) -> set[str]:
    """The ids of the recommendations meeting `conditions`, read with plain SQL."""
    statement = select(col(R.id))
    for target, on in joins:
        statement = statement.join(target, on)
    return set(db.execute(statement.where(*conditions)).scalars())


def _sql_count(db: Session) -> int:
    """How many recommendations the database holds, read with plain SQL."""
    return db.execute(select(func.count()).select_from(R)).scalar_one()


def walk(client: TestClient, limit: int, **params: Any) -> list[dict[str, Any]]:
    """Every item of a list, page by page, checking each page against the declared model."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, "limit": limit, **({"cursor": cursor} if cursor else {})}
        response = client.get("/v1/recommendations", params=query)
        assert response.status_code == 200, response.text
        body = RecommendationPage.model_validate(response.json())
        assert len(body.items) <= limit
        items += response.json()["items"]
        if (cursor := body.next_cursor) is None:
            return items


def _key(item: dict[str, Any], sort: str) -> tuple[Any, ...]:
    session, state, rid = item["session"], item["state_under_review"]["iso3"], item["id"]
    major, minor = split_paragraph(item["paragraph"])
    return {
        "session": (session, state, major, minor, rid),
        "-session": (-session, state, major, minor, rid),
        "paragraph": (major, minor, session, state, rid),
        "state": (state, session, major, minor, rid),
    }[sort]


@pytest.fixture
def everything(client: TestClient) -> list[dict[str, Any]]:
    return walk(client, 500)


@pytest.mark.parametrize("sort", ["session", "-session", "paragraph", "state"])
def test_every_sort_pages_through_everything_in_order(
    client: TestClient, db: Session, everything: list[dict[str, Any]], sort: str
) -> None:
    expected = [item["id"] for item in sorted(everything, key=lambda item: _key(item, sort))]
    assert len(expected) == len(set(expected)) == _sql_count(db)
    assert set(expected) == _sql_ids(db)
    assert [item["id"] for item in walk(client, 37, sort=sort)] == expected


@pytest.mark.parametrize("sort", [None, "session", "-session", "paragraph", "state"])
def test_search_pages_follow_every_sort(client: TestClient, sort: str | None) -> None:
    params = {"q": "roma OR minorities", **({"sort": sort} if sort else {})}
    whole = client.get("/v1/recommendations", params={**params, "limit": 500}).json()
    assert whole["next_cursor"] is None and whole["total"] == len(whole["items"]) > 40
    paged = walk(client, 7, **params)
    assert [item["id"] for item in paged] == [item["id"] for item in whole["items"]]
    if sort is not None:
        assert [item["id"] for item in paged] == [
            item["id"] for item in sorted(paged, key=lambda item: _key(item, sort))
        ]


def test_a_cursor_continues_only_its_own_sort(client: TestClient) -> None:
    cursor = client.get("/v1/recommendations", params={"limit": 2, "sort": "state"}).json()[
        "next_cursor"
    ]
    response = client.get("/v1/recommendations", params={"cursor": cursor, "sort": "paragraph"})
    assert response.status_code == 400
    assert "sorted by 'state'" in response.json()["detail"]
    ranked = client.get("/v1/recommendations", params={"q": "roma", "limit": 2}).json()
    response = client.get("/v1/recommendations", params={"cursor": ranked["next_cursor"]})
    assert response.status_code == 400


def test_relevance_needs_a_search(client: TestClient) -> None:
    response = client.get("/v1/recommendations", params={"sort": "relevance"})
    assert response.status_code == 400 and response.json()["type"].endswith("invalid-sort")


def _ids(client: TestClient, **params: Any) -> set[str]:
    return {item["id"] for item in walk(client, 500, **params)}


def test_regional_group_filters(
    client: TestClient, db: Session, everything: list[dict[str, Any]]
) -> None:
    groups = {
        state["iso3"]: state["regional_group"] for state in client.get("/v1/states").json()["items"]
    }
    for group in ("African", "Western European and others"):
        expected = {
            item["id"]
            for item in everything
            if any(groups[s["iso3"]] == group for s in item["recommending_states"])
        }
        assert expected and _ids(client, recommending_state_group=group) == expected
    under_review = (State, col(State.iso3) == col(R.state_iso3))
    for group in RegionalGroup:
        expected = _sql_ids(db, col(State.regional_group) == group, joins=(under_review,))
        assert expected and _ids(client, state_under_review_group=group.value) == expected
    svn = _ids(client, state_under_review_group="Eastern European", state_under_review="SVN")
    assert len(svn) == 514
    assert _ids(client, state_under_review_group="Asia-Pacific", state_under_review="SVN") == set()
    both = _ids(client, recommending_state_group=["African", "Asia-Pacific"])
    assert both == _ids(client, recommending_state_group="African") | _ids(
        client, recommending_state_group="Asia-Pacific"
    )


def test_theme_group_and_sdg_filters(client: TestClient, db: Session) -> None:
    with unit_of_work(db) as work:
        if db.get(Sdg, "16.2") is None:
            db.add(Sdg(code="16.2", goal=16))
            db.flush()
        db.add(RecommendationSdg(recommendation_id="48-SVN-140.7", sdg_code="16.2"))
        work.changes.links_changed(["48-SVN-140.7"])
    everything = walk(client, 500)
    theme = next(t for item in everything for t in item["themes"])
    expected = {i["id"] for i in everything if theme in i["themes"]}
    assert _ids(client, theme=theme["id"]) == expected
    assert _ids(client, theme=theme["name"].upper()) == expected
    group = next(g for item in everything for g in item["affected_groups"])
    groups = client.get("/v1/groups").json()["items"]
    group_id = next(g["id"] for g in groups if g["name"] == group)
    expected = {i["id"] for i in everything if group in i["affected_groups"]}
    assert _ids(client, group=group_id) == _ids(client, group=group) == expected
    goal = {i["id"] for i in everything if any(c.split(".")[0] == "16" for c in i["sdgs"])}
    assert goal and _ids(client, sdg="16") == goal
    target = next(c for i in everything for c in i["sdgs"] if "." in c)
    assert _ids(client, sdg=target) == {i["id"] for i in everything if target in i["sdgs"]}


def test_unknown_theme_or_group_is_a_400_naming_it(client: TestClient) -> None:
    for params in ({"theme": "No such theme"}, {"group": "99999"}):
        response = client.get("/v1/recommendations", params=params)
        assert response.status_code == 400
        assert next(iter(params.values())) in response.json()["detail"]


def test_review_and_review_date_filters(client: TestClient, db: Session) -> None:
    assert len(_ids(client, review="48-svn")) == 254
    assert len(_ids(client, review=["48-SVN", "7-SVN"])) == 254 + 97
    in_2014 = {"review_date_from": "2014-01-01", "review_date_to": "2014-12-31"}
    dated = _ids(client, **in_2014, state_under_review="SVN")
    assert dated == _ids(client, review="20-SVN") and len(dated) == 163
    assert len(_ids(client, review_date_from="2014-11-04", state_under_review="SVN")) == 163 + 254
    reviewed = (Review, col(Review.id) == col(R.review_id))
    date = col(Review.review_date)
    checks: list[tuple[dict[str, str], Any]] = [
        (in_2014, date.between(dt.date(2014, 1, 1), dt.date(2014, 12, 31))),
        ({"review_date_from": "2014-11-04"}, date >= dt.date(2014, 11, 4)),
        ({"review_date_to": "2014-11-04"}, date <= dt.date(2014, 11, 4)),
    ]
    for params, condition in checks:
        expected = _sql_ids(db, condition, joins=(reviewed,))
        assert expected and _ids(client, **params) == expected
    response = client.get(
        "/v1/recommendations",
        params={"review_date_from": "2020-01-01", "review_date_to": "2019-01-01"},
    )
    assert response.status_code == 400


def test_filters_combine_with_search(client: TestClient) -> None:
    roma = _ids(client, q="roma")
    in_48 = _ids(client, q="roma", session=48)
    assert in_48 == {rid for rid in roma if rid.startswith("48-")} and in_48


def test_count_modes(
    client: TestClient, db: Session, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = _sql_count(db)
    assert everything > 100

    def body(**params: Any) -> dict[str, Any]:
        # The cap changes under the running app: read past the response cache.
        headers = {"Cache-Control": "no-cache"}
        return client.get(
            "/v1/recommendations", params={"limit": 1, **params}, headers=headers
        ).json()

    assert (body()["total"], body()["total_capped"]) == (everything, False)
    assert body(count="none")["total"] is None
    monkeypatch.setattr(get_settings(), "count_cap", 100)
    assert (body()["total"], body()["total_capped"]) == (100, True)
    assert (body(count="exact")["total"], body(count="exact")["total_capped"]) == (
        everything,
        False,
    )
    estimate = body(count="estimate")
    assert estimate["total_capped"] is False
    if engine.dialect.name == "postgresql":  # the planner's estimate past the cap
        assert estimate["total_estimated"] is True and estimate["total"] > 100
    else:  # SQLite keeps no estimates: an exact count
        assert (estimate["total_estimated"], estimate["total"]) == (False, everything)
    small = body(count="estimate", review="7-SVN")  # under the cap: exact everywhere
    assert (small["total"], small["total_estimated"]) == (97, False)


def test_list_statements_are_built_once_per_shape(client: TestClient) -> None:
    """Requests of one shape share their statements and still get their own rows, counts,
    search results and next pages."""

    def page(**params: Any) -> dict[str, Any]:
        return client.get("/v1/recommendations", params={"limit": 2, **params}).json()

    def shapes(review: str, word: str) -> list[dict[str, Any]]:
        first = page(review=review)
        return [first, page(review=review, cursor=first["next_cursor"]), page(q=word)]

    shapes("7-SVN", "roma")
    built = len(queries._TEMPLATES)
    first, second, search = shapes("48-SVN", "torture")
    assert len(queries._TEMPLATES) == built
    assert first["total"] == 254 and first["items"][0]["id"] == "48-SVN-140.1"
    assert [item["id"] for item in second["items"]] == ["48-SVN-140.3", "48-SVN-140.4"]
    assert len(search["items"]) == 2
    assert all("<mark>tortur" in item["snippet"].lower() for item in search["items"])
