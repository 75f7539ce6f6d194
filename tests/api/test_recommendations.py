"""The recommendation list and item endpoints on a handful of recommendations made here.

They are attached to the Gambia's reviews of the 7th and 48th sessions (the 7th added here),
whose individual recommendations are not bundled, so the data are fully known to the test.
"""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlmodel import Session, col

from app.models.recommendations import (
    ExternalId,
    Recommendation,
    RecommendationTheme,
    RecommendingState,
    recommendation_id,
    split_paragraph,
)
from app.models.reviews import Review
from app.models.taxonomy import Theme
from app.recommendations import items, related
from app.vocab import DataSource, Position

# (session, paragraph, text, position, recommending states)
ROWS = [
    (
        48,
        "140.10",
        "Ratify the Convention on the Reduction of Statelessness",
        Position.supported,
        ["PRT", "ESP"],
    ),
    (48, "140.2", "Strengthen the national human rights institution", Position.noted, ["FRA"]),
    (48, "140.1", "Adopt a comprehensive anti-discrimination law", Position.supported, ["ESP"]),
    (7, "111.3", "Ratify the Optional Protocol to the Convention against Torture", None, ["DZA"]),
]


STATE = "GMB"  # reviewed in sessions 7 and 48; none of its recommendations is bundled


@pytest.fixture
def recommendations(db: Session) -> list[str]:
    bundled = select(func.count()).select_from(Recommendation)
    bundled = bundled.where(col(Recommendation.state_iso3) == STATE)
    assert db.execute(bundled).scalar_one() == 0, f"{STATE}'s recommendations are now bundled"
    for session in sorted({row[0] for row in ROWS}):
        if db.get(Review, f"{session}-{STATE}") is None:
            db.add(Review(id=f"{session}-{STATE}", session_number=session, state_iso3=STATE))
    db.flush()
    theme = Theme(name="Statelessness test theme", code="Z99")
    db.add(theme)
    db.flush()
    ids = []
    for session, paragraph, text, position, states in ROWS:
        major, minor = split_paragraph(paragraph)
        rid = recommendation_id(session, STATE, paragraph)
        db.add(
            Recommendation(
                id=rid,
                review_id=f"{session}-{STATE}",
                session_number=session,
                state_iso3=STATE,
                paragraph=paragraph,
                paragraph_major=major,
                paragraph_minor=minor,
                text=text,
                position=position,
                text_from=DataSource.working_group_report,
            )
        )
        db.flush()
        db.add_all(
            RecommendingState(recommendation_id=rid, iso3=iso3, ordinal=i)
            for i, iso3 in enumerate(states)
        )
        ids.append(rid)
    db.add(RecommendationTheme(recommendation_id="48-GMB-140.10", theme_id=theme.id))
    db.add(ExternalId(system="uhri", value="abc-123", recommendation_id="48-GMB-140.10"))
    db.flush()
    related.refresh_link_keys(db, ids)  # as the unit of work does after the importers' writes
    items.refresh(db, ids)
    db.commit()
    return ids


def _ids(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [item["id"] for item in response.json()["items"]]


def test_natural_order_by_session_and_paragraph(
    client: TestClient, recommendations: list[str]
) -> None:
    response = client.get("/v1/recommendations", params={"state_under_review": STATE})
    assert _ids(response) == ["7-GMB-111.3", "48-GMB-140.1", "48-GMB-140.2", "48-GMB-140.10"]
    assert response.json()["total"] == 4


def test_cursor_pages_cover_everything_once(client: TestClient, recommendations: list[str]) -> None:
    seen: list[str] = []
    params = {"state_under_review": "gmb", "limit": 1}
    response = client.get("/v1/recommendations", params=params)
    while True:
        seen += _ids(response)
        cursor = response.json()["next_cursor"]
        if cursor is None:
            assert "link" not in response.headers
            break
        assert response.headers["link"].endswith('>; rel="next"')
        assert f"cursor={cursor}" in response.headers["link"]
        response = client.get("/v1/recommendations", params={**params, "cursor": cursor})
    assert seen == ["7-GMB-111.3", "48-GMB-140.1", "48-GMB-140.2", "48-GMB-140.10"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"recommending_state": "ESP"}, ["48-GMB-140.1", "48-GMB-140.10"]),
        ({"recommending_state": ["FRA", "DZA"]}, ["7-GMB-111.3", "48-GMB-140.2"]),
        ({"position": "noted"}, ["48-GMB-140.2"]),
        ({"position": ["noted", "supported"]}, ["48-GMB-140.1", "48-GMB-140.2", "48-GMB-140.10"]),
        ({"cycle": 1}, ["7-GMB-111.3"]),
        ({"session": 48, "recommending_state": "PRT"}, ["48-GMB-140.10"]),
        ({"session": 20}, []),
    ],
)
def test_filters(
    client: TestClient, recommendations: list[str], params: dict, expected: list[str]
) -> None:
    response = client.get("/v1/recommendations", params={"state_under_review": STATE, **params})
    assert _ids(response) == expected
    assert response.json()["total"] == len(expected)


def test_get_one_with_its_relations(client: TestClient, recommendations: list[str]) -> None:
    body = client.get("/v1/recommendations/48-GMB-140.10").json()
    assert body["text"] == "Ratify the Convention on the Reduction of Statelessness"
    assert body["review_id"] == "48-GMB"
    assert body["cycle"] == 4
    assert body["position"] == "supported"
    assert [s["iso3"] for s in body["recommending_states"]] == ["PRT", "ESP"]
    assert body["recommending_states"][0]["name"] == "Portugal"
    assert body["themes"][0]["code"] == "Z99"
    assert body["external_ids"] == {"uhri": "abc-123"}


def test_unknown_recommendation_is_404(client: TestClient, recommendations: list[str]) -> None:
    response = client.get("/v1/recommendations/48-GMB-999.1")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
