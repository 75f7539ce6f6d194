"""The default instance's data, imported from the bundled official documents, checked by the API.

Facts from data/documents (see the shared data README): Slovenia's 4th review (session 48)
254 recommendations, 217 supported, 37 noted; 2nd review (session 20) 163, 142 supported,
21 noted; 1st review (session 7) 97 recommendations.
"""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import exists, func
from sqlmodel import Session, select

from app.importers.loading import load_document
from app.recommendations.models import Recommendation, RecommendingState
from tests.conftest import bundled_documents_parsed


@pytest.mark.parametrize(
    ("review", "total", "supported", "noted"),
    [("48-SVN", 254, 217, 37), ("20-SVN", 163, 142, 21)],
)
def test_counts_match_the_stated_totals(
    client: TestClient, review: str, total: int, supported: int, noted: int
) -> None:
    body = client.get(f"/v1/reviews/{review}").json()
    counts = body["recommendation_counts"]
    assert (counts["total"], counts["supported"], counts["noted"]) == (total, supported, noted)
    assert counts["without_position"] == counts["unclear"] == 0
    stated = body["reported_totals"]
    assert (stated["received"], stated["supported"], stated["noted"]) == (total, supported, noted)
    assert not [w for w in body["warnings"] if w.startswith("stated ")]


def test_first_cycle_review(client: TestClient) -> None:
    body = client.get("/v1/reviews/7-SVN").json()
    assert body["recommendation_counts"]["total"] == 97
    # Slovenia answered in prose; only unambiguous wording is mapped, the rest is "unclear".
    counts = body["recommendation_counts"]
    assert (
        counts["supported"] + counts["noted"] + counts["supported_in_part"] + counts["unclear"]
        == 97
    )
    first = client.get("/v1/recommendations/7-SVN-111.1").json()
    assert [s["iso3"] for s in first["recommending_states"]] == ["DZA", "EGY", "BIH", "ARG"]
    assert first["position"] == "unclear" and first["position_text"]


@pytest.mark.parametrize(
    ("review", "date", "meeting", "troika"),
    [
        ("48-SVN", "2025-01-28", 13, ["DOM", "ZAF", "THA"]),
        ("20-SVN", "2014-11-04", 13, ["BWA", "ITA", "VNM"]),
        ("7-SVN", "2010-02-16", 14, ["EGY", "BRA", "USA"]),
    ],
)
def test_review_facts_from_the_reports(
    client: TestClient, review: str, date: str, meeting: int, troika: list[str]
) -> None:
    body = client.get(f"/v1/reviews/{review}").json()
    assert body["review_date"] == date
    assert body["meeting_number"] == meeting
    assert [state["iso3"] for state in body["troika"]] == troika
    kinds = {document["kind"] for document in body["documents"]}
    assert {"working_group_report", "addendum", "national_report"} <= kinds


def test_a_fourth_cycle_recommendation_whole(client: TestClient) -> None:
    body = client.get("/v1/recommendations/48-SVN-140.7").json()
    assert body["text"] == (
        "Ratify the Optional Protocol to the International Covenant on Economic, Social and "
        "Cultural Rights"
    )
    assert [s["iso3"] for s in body["recommending_states"]] == ["MDV", "PRT"]
    assert body["position"] == "supported"
    assert body["position_source"] == "A/HRC/59/15/Add.1 - Para.3"
    assert "Public officials" in body["affected_groups"]
    assert "1" in body["sdgs"]
    assert any(t["name"].startswith("Ratification of") for t in body["themes"])


def test_every_recommendation_has_resolved_recommending_states(db: Session) -> None:
    orphans = db.exec(
        select(func.count()).where(
            ~exists().where(RecommendingState.recommendation_id == Recommendation.id)
        )
    ).one()
    assert orphans == 0
    assert db.exec(select(func.count()).select_from(Recommendation)).one() >= 254 + 163 + 97


def test_themes_groups_and_sdgs_are_listed_with_counts(client: TestClient) -> None:
    themes = client.get("/v1/themes").json()["items"]
    assert any(theme["code"] == "A12" for theme in themes)
    assert sum(theme["recommendations"] for theme in themes) > 254
    groups = {g["name"]: g["recommendations"] for g in client.get("/v1/groups").json()["items"]}
    assert groups["Public officials"] > 0
    sixteen = client.get("/v1/sdgs", params={"goal": 16}).json()["items"]
    assert sixteen[0]["code"] == "16" and sixteen[0]["recommendations"] > 0


def test_reimporting_the_bundled_documents_changes_nothing(db: Session) -> None:
    for document in bundled_documents_parsed():
        report = load_document(db, document)
        assert (report.added, report.changed) == (0, 0), report.summary()
        assert report.review_fields_changed == []
