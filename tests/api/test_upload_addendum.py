"""`POST /v1/imports` of an addendum after its Working Group report, on a database of its own:
the report loads Slovenia's 48th-session recommendations without positions (pending), the
addendum then sets them: 217 supported and 37 noted (A/HRC/59/15/Add.1, paragraphs 3-5)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlmodel import Session

from app.auth.keys import create_key
from app.db import build_engine
from app.unit_of_work import unit_of_work
from tests.conftest import committing_client

DOCUMENTS = Path(__file__).resolve().parents[2] / "data/documents/SVN/session-48"
REPORT = DOCUMENTS / "A_HRC_59_15.pdf"
ADDENDUM = DOCUMENTS / "A_HRC_59_15_Add.1.pdf"


@pytest.fixture
def scratch_engine(scratch_database_url: str) -> Iterator[Engine]:
    """The engine of a migrated, seeded database holding no documents."""
    engine = build_engine(scratch_database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def scratch_client(scratch_engine: Engine) -> Iterator[TestClient]:
    """The app on the scratch database: a session per request, committing for real."""
    with committing_client(scratch_engine) as test_client:
        yield test_client


@pytest.fixture
def auth(scratch_engine: Engine) -> dict[str, str]:
    with Session(scratch_engine) as db, unit_of_work(db):
        token = create_key(db, "curator", ["write"]).token
    return {"Authorization": f"Bearer {token}"}


def upload(client: TestClient, auth: dict[str, str], path: Path, **form: str) -> dict[str, Any]:
    response = client.post(
        "/v1/imports",
        headers=auth,
        files={"file": (path.name, path.read_bytes(), "application/pdf")},
        data=form,
    )
    assert response.status_code == 200, response.text
    return response.json()


def sql(engine: Engine, statement: str) -> list[tuple[Any, ...]]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(statement))]


POSITIONS = (
    "SELECT position, position_from, COUNT(*) FROM recommendation WHERE review_id = '48-SVN' "
    "GROUP BY position, position_from ORDER BY position"
)


def test_report_then_addendum_sets_every_position(
    scratch_client: TestClient, auth: dict[str, str], scratch_engine: Engine
) -> None:
    assert sql(scratch_engine, "SELECT COUNT(*) FROM recommendation") == [(0,)]
    report = upload(scratch_client, auth, REPORT, kind="working_group_report")
    assert (report["source"], report["reviews"], report["recommendations"]) == (
        "working_group_report", ["48-SVN"], 254,
    )  # fmt: skip
    assert (report["added"], report["changed"], report["unchanged"]) == (254, 0, 0)
    assert sql(scratch_engine, POSITIONS) == [("pending", "working_group_report", 254)]
    # the review's stated totals (reference data) disagree with what is loaded so far
    assert len(report["warnings"]) == 2
    assert all("differs from 0 loaded" in warning for warning in report["warnings"])
    version = sql(scratch_engine, "SELECT version FROM dataset_version")

    addendum = upload(scratch_client, auth, ADDENDUM, kind="addendum", session="48", state="SVN")
    assert (addendum["file"], addendum["source"], addendum["reviews"]) == (
        ADDENDUM.name, "addendum", ["48-SVN"],
    )  # fmt: skip
    assert addendum["recommendations"] == 254
    assert (addendum["added"], addendum["changed"], addendum["unchanged"]) == (0, 254, 0)
    assert addendum["dry_run"] is False and addendum["warnings"] == []
    assert "0 added, 254 changed, 0 unchanged" in addendum["summary"]
    assert sql(scratch_engine, POSITIONS) == [
        ("noted", "addendum", 37),
        ("supported", "addendum", 217),
    ]
    assert sql(scratch_engine, "SELECT COUNT(*) FROM recommendation") == [(254,)]
    assert sql(scratch_engine, "SELECT version FROM dataset_version") > version
    audited = sql(scratch_engine, "SELECT action, target FROM audit_entry ORDER BY id")
    assert audited == [
        ("import", f"working_group_report:{REPORT.name}"),
        ("import", f"addendum:{ADDENDUM.name}"),
    ]

    detail = scratch_client.get("/v1/reviews/48-SVN").json()["recommendation_counts"]
    assert (detail["total"], detail["supported"], detail["noted"]) == (254, 217, 37)
    assert detail["pending"] == detail["without_position"] == 0
    summary = scratch_client.get("/v1/reviews/48-SVN/summary").json()
    assert summary["support_rate"] == round(217 / 254, 4)
    assert summary["warnings"] == []  # the stated totals now agree
    noted = scratch_client.get(
        "/v1/recommendations", params={"review": "48-SVN", "position": "noted", "count": "exact"}
    ).json()
    assert noted["total"] == 37


def test_the_same_addendum_again_changes_nothing(
    scratch_client: TestClient, auth: dict[str, str], scratch_engine: Engine
) -> None:
    upload(scratch_client, auth, REPORT, kind="working_group_report")
    upload(scratch_client, auth, ADDENDUM, kind="addendum", session="48", state="Slovenia")
    before = sql(scratch_engine, "SELECT version FROM dataset_version")
    again = upload(scratch_client, auth, ADDENDUM, kind="addendum", session="48", state="svn")
    assert (again["added"], again["changed"], again["unchanged"]) == (0, 0, 254)
    assert again["review_fields_changed"] == []
    assert sql(scratch_engine, POSITIONS) == [
        ("noted", "addendum", 37),
        ("supported", "addendum", 217),
    ]
    dry = upload(
        scratch_client, auth, ADDENDUM, kind="addendum", session="48", state="SVN", dry_run="true"
    )
    assert dry["dry_run"] is True and dry["unchanged"] == 254
    # every import is audited, one that changed nothing too, a dry run not
    assert sql(scratch_engine, "SELECT COUNT(*) FROM audit_entry") == [(3,)]
    # nothing that is served changed: the dataset version, hence the ETags, stay
    assert sql(scratch_engine, "SELECT version FROM dataset_version") == before
