"""The default instance's data, imported from the bundled official documents, checked by the API.

Facts from data/documents (see the shared data README): Slovenia's 4th review (session 48)
254 recommendations, 217 supported, 37 noted; 2nd review (session 20) 163, 142 supported,
21 noted; 1st review (session 7) 97 recommendations.
"""

import re
from collections import defaultdict
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import exists, func
from sqlmodel import Session, select

from app.models.recommendations import (
    Recommendation,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationTheme,
    RecommendingState,
)
from app.models.taxonomy import AffectedGroup, Sdg, Theme
from tests.conftest import bundled_documents_parsed
from tests.support.writes import load_committed

OLD_UHRI_CODE = re.compile(r"[A-Z]\d+")  # "A12"; the later taxonomy numbers its themes ("2.1")


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


def theme_codes_in_the_lists() -> dict[str, set[str | None]]:
    """Each theme's name, with the codes the bundled thematic lists give it (None: no code)."""
    codes: dict[str, set[str | None]] = defaultdict(set)
    for document in bundled_documents_parsed():
        for recommendation in document.recommendations:
            for theme in recommendation.themes:
                codes[theme.name].add(theme.code)
    return codes


def counts_of(db: Session, column: Any) -> dict[Any, int]:
    """How many rows of a link table there are for each value of `column`."""
    return {value: n for value, n in db.exec(select(column, func.count()).group_by(column))}


def test_themes_groups_and_sdgs_are_listed_with_counts(client: TestClient, db: Session) -> None:
    themes = client.get("/v1/themes").json()["items"]
    per_theme = counts_of(db, RecommendationTheme.theme_id)
    assert {t["id"]: (t["name"], t["code"], t["recommendations"]) for t in themes} == {
        theme.id: (theme.name, theme.code, per_theme.get(theme.id, 0))
        for theme in db.exec(select(Theme))
    }
    links = db.exec(select(func.count()).select_from(RecommendationTheme)).one()
    assert sum(t["recommendations"] for t in themes) == links
    # every theme of the lists, with a code where they give one (one of theirs, where they differ)
    in_the_lists = theme_codes_in_the_lists()
    assert {t["name"] for t in themes} == set(in_the_lists)
    for theme in themes:
        if given := in_the_lists[theme["name"]] - {None}:
            assert theme["code"] in given, theme
        else:
            assert theme["code"] is None, theme
    assert any(theme["code"] == "B31" for theme in themes)  # Slovenia's 2nd-review list's code
    listed_groups = client.get("/v1/groups").json()["items"]
    groups = {g["id"]: (g["name"], g["recommendations"]) for g in listed_groups}
    per_group = counts_of(db, RecommendationGroup.group_id)
    assert groups == {
        group.id: (group.name, per_group.get(group.id, 0))
        for group in db.exec(select(AffectedGroup))
    }
    assert dict(groups.values())["Public officials"] > 0
    sixteen = client.get("/v1/sdgs", params={"goal": 16}).json()["items"]
    per_sdg = counts_of(db, RecommendationSdg.sdg_code)
    assert {s["code"]: s["recommendations"] for s in sixteen} == {
        code: per_sdg.get(code, 0) for code in db.exec(select(Sdg.code).where(Sdg.goal == 16))
    }
    assert sixteen[0]["code"] == "16" and sixteen[0]["recommendations"] > 0


def test_a_theme_keeps_the_old_uhri_code_its_lists_give(client: TestClient) -> None:
    old_codes = {
        name: sorted(code for code in codes if code and OLD_UHRI_CODE.fullmatch(code))
        for name, codes in theme_codes_in_the_lists().items()
    }
    old_codes = {name: codes for name, codes in old_codes.items() if codes}
    assert all(len(codes) == 1 for codes in old_codes.values())  # the lists agree on them
    listed = {theme["name"]: theme["code"] for theme in client.get("/v1/themes").json()["items"]}
    assert listed["Acceptance of international norms"] == "A12"
    assert {name: listed[name] for name in old_codes} == {
        name: code for name, (code,) in old_codes.items()
    }


def test_reimporting_the_bundled_documents_changes_nothing(db: Session) -> None:
    for document in bundled_documents_parsed():
        report = load_committed(db, document)
        assert (report.added, report.changed) == (0, 0), report.summary()
        assert report.review_fields_changed == []
