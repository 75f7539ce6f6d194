"""The search page's facets count what the API's facets count, for any filters."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.recommendations.params import prepare_filters
from app.web.facets import FACETS, facet_counts, without

API_FACET = {name: "sdg_goal" if name == "sdg" else name for name in FACETS}


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "torture"},
        {"q": "death penalty", "position": ["noted"]},
        {"state_under_review": ["SVN"], "theme": ["13"]},
        {"recommending_state_group": ["African"], "cycle": [2]},
        {"q": "women OR girls", "session": [20, 48], "sdg": ["5"]},
    ],
)
def test_facet_counts_match_the_api(
    client: TestClient, db: Session, params: dict[str, object]
) -> None:
    filters = prepare_filters(db, **params)
    counted = facet_counts(db, filters)
    for name, (_, parameter) in FACETS.items():
        # a facet whose own filter is set is counted without it
        narrowed = {k: v for k, v in params.items() if k != parameter}
        query = [
            (k, v)
            for k, values in narrowed.items()
            for v in (values if isinstance(values, list) else [values])
        ]
        query += [("facet", API_FACET[name]), ("facet_size", 500)]
        body = client.get("/v1/recommendations/facets", params=query).json()
        expected = {
            str(v["value"]): v["count"]
            for v in body["facets"][0]["values"]
            if v["value"] is not None
        }
        assert {v.value: v.count for v in counted[name]} == expected, name


def test_without_drops_one_filter_and_keeps_the_search(db: Session) -> None:
    filters = prepare_filters(db, q="roma", position=["noted"], session=[20])
    rest = without(filters, "position")
    assert rest.position is None and rest.session == [20] and rest.search == filters.search
