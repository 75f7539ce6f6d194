"""The taxonomy lists (/v1/themes, /v1/groups, /v1/sdgs): each count is the total of the
recommendation list filtered by that value, the lists come in their documented order, and
/v1/sdgs takes its one filter, `goal`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session

from tests.uhri_records import upr_record, write_export


def listed(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"]) and body["next_cursor"] is None
    return body["items"]


def list_total(client: TestClient, **filters: Any) -> int:
    response = client.get("/v1/recommendations", params={**filters, "count": "exact", "limit": 1})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total_capped"] is False
    return body["total"]


def bytewise_collation(db: Session) -> bool:
    """Whether the database orders text by code point (SQLite's BINARY, PostgreSQL's C)."""
    if db.get_bind().dialect.name == "sqlite":
        return True
    collation = db.execute(
        text("SELECT datcollate FROM pg_database WHERE datname = current_database()")
    ).scalar_one()
    return collation.split(".")[0] in ("C", "POSIX")


def by_name(db: Session, names: list[str]) -> list[str]:
    """`names` in the order "by name" means on this database: code point order where the
    collation is bytewise (SQLite, PostgreSQL's C), the database's own order otherwise."""
    if bytewise_collation(db):
        return sorted(names)
    values = ", ".join(f"(:n{i})" for i in range(len(names)))
    statement = text(f"SELECT name FROM (VALUES {values}) AS v(name) ORDER BY name")
    return list(db.execute(statement, {f"n{i}": name for i, name in enumerate(names)}).scalars())


def sdg_key(code: str) -> tuple[tuple[int, int | str], ...]:
    """Official SDG order: a goal, its numbered targets (16.1 ... 16.10), then its lettered
    means of implementation (16.a, 16.b)."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in code.split("."))


def test_each_theme_count_is_the_list_total_of_that_theme(client: TestClient, db: Session) -> None:
    themes = listed(client, "/v1/themes")
    used = [theme for theme in themes if theme["recommendations"]]
    assert len(used) == len(themes) > 100  # every theme came from a loaded list
    for theme in themes:
        assert list_total(client, theme=theme["id"]) == theme["recommendations"], theme
    # a theme given by its exact name (any case) is the same filter as its id
    largest = max(themes, key=lambda theme: theme["recommendations"])
    assert list_total(client, theme=largest["name"].upper()) == largest["recommendations"]
    # recommendations with a theme, counted once each, are those the lists classified
    classified = db.execute(
        text("SELECT COUNT(DISTINCT recommendation_id) FROM recommendation_theme")
    ).scalar_one()
    assert list_total(client, theme=[t["id"] for t in themes]) == classified


def test_each_group_count_is_the_list_total_of_that_group(client: TestClient) -> None:
    groups = listed(client, "/v1/groups")
    assert len(groups) > 40
    for group in groups:
        assert list_total(client, group=group["id"]) == group["recommendations"], group
    roma = next(group for group in groups if group["name"] == "Roma, Gypsies, Sinti & Travellers")
    assert roma["recommendations"] > 0
    assert list_total(client, group="roma, gypsies, sinti & travellers") == roma["recommendations"]


def test_each_sdg_count_is_the_list_total_of_that_sdg(client: TestClient, db: Session) -> None:
    """A target's count is the list total of that target. A goal's count is of the
    recommendations citing the goal itself, while the list's goal filter also takes its
    targets' recommendations: the two agree for a goal with no target known (in the default
    instance, every goal: its documents cite goals only)."""
    sdgs = listed(client, "/v1/sdgs")
    goals = [sdg for sdg in sdgs if "." not in sdg["code"]]
    assert [sdg["code"] for sdg in goals] == [str(goal) for goal in range(1, 18)]
    assert all(sdg["goal"] == int(sdg["code"]) and sdg["title"] for sdg in goals)
    for sdg in sdgs:
        linked = db.execute(
            text("SELECT COUNT(*) FROM recommendation_sdg WHERE sdg_code = :code"),
            {"code": sdg["code"]},
        ).scalar_one()
        assert sdg["recommendations"] == linked, sdg
        goal_or_target = db.execute(
            text(
                "SELECT COUNT(DISTINCT l.recommendation_id) FROM recommendation_sdg l "
                "JOIN sdg s ON s.code = l.sdg_code WHERE s.code = :code "
                "OR (s.goal = :goal AND :code NOT LIKE '%.%')"
            ),
            {"code": sdg["code"], "goal": sdg["goal"]},
        ).scalar_one()
        total = list_total(client, sdg=sdg["code"])
        assert total == goal_or_target, sdg
        with_targets = any(t["goal"] == sdg["goal"] and "." in t["code"] for t in sdgs)
        if "." in sdg["code"] or not with_targets:
            assert total == sdg["recommendations"], sdg
    assert sum(sdg["recommendations"] for sdg in sdgs) > 0
    # goals no loaded recommendation cites are listed too, with 0
    assert any(sdg["recommendations"] == 0 for sdg in goals)


def test_themes_and_groups_are_ordered_by_name(client: TestClient, db: Session) -> None:
    for path in ("/v1/themes", "/v1/groups"):
        names = [item["name"] for item in listed(client, path)]
        assert len(set(names)) == len(names)
        assert names == by_name(db, names), path
    groups = [item["name"] for item in listed(client, "/v1/groups")]
    if bytewise_collation(db):  # capitals first: OHCHR's older lists write groups in lower case
        assert groups.index("Women & girls") < groups.index("children")


def test_sdgs_filter_by_goal(client: TestClient) -> None:
    everything = {sdg["code"]: sdg for sdg in listed(client, "/v1/sdgs")}
    for goal in (1, 16, 17):
        only = listed(client, "/v1/sdgs", goal=goal)
        assert only == [sdg for sdg in everything.values() if sdg["goal"] == goal]
    for bad in ("0", "18", "sixteen"):
        response = client.get("/v1/sdgs", params={"goal": bad})
        assert response.status_code == 422, bad
        assert response.headers["content-type"] == "application/problem+json"


@pytest.fixture
def with_targets(client: TestClient, write_token: str, tmp_path: Path) -> dict[str, int]:
    """Two UHRI recommendations citing targets of goal 16, lettered ones among them, imported
    through the API in the test's transaction; returns how many cite each code."""
    export = write_export(
        tmp_path / "export.json",
        [
            upr_record(
                1, "140.1", "Strengthen the independence of the judiciary",
                sdgs=("16.10 - Ensure public access to information", "16.3 - Rule of law"),
            ),
            upr_record(
                2, "140.2", "Ratify the Rome Statute of the International Criminal Court",
                sdgs=("16.a - Strengthen national institutions", "16.3 - Rule of law", "16"),
            ),
        ],
    )  # fmt: skip
    response = client.post(
        "/v1/imports",
        headers={"Authorization": f"Bearer {write_token}"},
        files={"file": ("export.json", export.read_bytes(), "application/json")},
        data={"kind": "uhri"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["added"] == 2
    return {"16.10": 1, "16.3": 2, "16.a": 1}


def test_targets_follow_their_goal_in_numeric_order(
    client: TestClient, db: Session, with_targets: dict[str, int]
) -> None:
    sixteen = listed(client, "/v1/sdgs", goal=16)
    codes = [sdg["code"] for sdg in sixteen]
    assert codes == ["16", "16.3", "16.10", "16.a"]
    assert codes == sorted(codes, key=sdg_key)
    for sdg in sixteen[1:]:
        assert sdg["goal"] == 16 and sdg["recommendations"] == with_targets[sdg["code"]]
        assert list_total(client, sdg=sdg["code"]) == sdg["recommendations"]
    # a goal's filter also takes its targets' recommendations: distinct ones, counted by SQL
    goal_or_target = db.execute(
        text(
            "SELECT COUNT(DISTINCT l.recommendation_id) FROM recommendation_sdg l "
            "JOIN sdg s ON s.code = l.sdg_code WHERE s.goal = 16"
        )
    ).scalar_one()
    assert list_total(client, sdg="16") == goal_or_target == sixteen[0]["recommendations"] + 1
    everything = [sdg["code"] for sdg in listed(client, "/v1/sdgs")]
    assert everything == sorted(everything, key=sdg_key)
    assert everything.index("16.a") < everything.index("17")
