"""CSV export of tracking histories and all-or-nothing CSV upload."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import Session, select

from app.models.tracking import TrackingEntry
from app.tracking.csv_io import EXPORT_COLUMNS

IMPORTS = "/v1/tracking/imports"
GOOD = (
    "recommendation_id,status,status_date,source,evidence,indicators,note\r\n"
    "48-SVN-140.69,in_progress,2025-03-01,government,"
    'https://a.example/1 | https://a.example/2,Draft law|Adopted law,"Draft, in consultation"\r\n'
    "48-svn-140.70,not_started,2025-04-01,nhri,,,\r\n"
    "\r\n"
    "20-SVN-115.132,not_implemented,2019-05-01,civil_society,,,\r\n"
)


def _entries(db: Session) -> int:
    return db.exec(select(func.count()).select_from(TrackingEntry)).one()


def _upload(client: TestClient, auth: dict[str, str], body: str | bytes, **params: str):  # type: ignore[no-untyped-def]
    headers = {**auth, "Content-Type": "text/csv; charset=utf-8"}
    return client.post(IMPORTS, content=body, headers=headers, params=params)


def test_an_upload_adds_every_row_and_the_export_gives_them_back(
    client: TestClient, db: Session, auth: dict[str, str]
) -> None:
    dry = _upload(client, auth, GOOD, dry_run="true")
    assert dry.status_code == 200, dry.text
    assert dry.json()["dry_run"] and dry.json()["rows"] == 3 and dry.json()["entry_ids"] == []
    assert _entries(db) == 0

    response = _upload(client, auth, "\ufeff" + GOOD)
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["rows"], report["added"], report["recommendations"]) == (3, 3, 3)

    exported = client.get("/v1/tracking/export?state_under_review=SVN")
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert list(rows[0]) == [name for name, _ in EXPORT_COLUMNS]
    assert [row["recommendation_id"] for row in rows] == [
        "20-SVN-115.132", "48-SVN-140.69", "48-SVN-140.70"
    ]  # fmt: skip
    first = rows[1]
    assert first["evidence"] == "https://a.example/1|https://a.example/2"
    assert first["indicators"] == "Draft law|Adopted law"
    assert first["note"] == "Draft, in consultation"
    ids = report["entry_ids"]  # in file order
    assert [int(row["id"]) for row in rows] == [ids[2], ids[0], ids[1]]  # documents' order

    nhri = client.get("/v1/tracking/export?source=nhri").text
    assert [row["recommendation_id"] for row in csv.DictReader(io.StringIO(nhri))] == [
        "48-SVN-140.70"
    ]
    assert client.get("/v1/tracking/export?session=7").text.count("\r\n") == 1  # header only


def test_a_bad_upload_reports_every_problem_by_row_and_writes_nothing(
    client: TestClient, db: Session, auth: dict[str, str]
) -> None:
    body = (
        "recommendation_id,status,status_date,source,supersedes\r\n"
        "48-SVN-140.69,in_progress,2025-03-01,government,\r\n"
        "48-SVN-999.1,done,2025-13-01,government,\r\n"
        "48-SVN-140.70,not_started,2025-04-01,press,424242\r\n"
        "48-SVN-140.71,not_started,2025-04-01,nhri,,extra\r\n"
    )
    response = _upload(client, auth, body)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    errors = {(e["location"], e["message"].split(":")[0]) for e in response.json()["errors"]}
    locations = {location for location, _ in errors}
    assert {"row 3.status", "row 3.status_date", "row 4.source", "row 5"} <= locations
    assert "row 2" not in " ".join(locations)
    assert _entries(db) == 0

    # once each row is valid on its own, the database checks run on all of them
    body = (
        "recommendation_id,status,status_date,source,supersedes\r\n"
        "48-SVN-999.1,in_progress,2025-03-01,government,\r\n"
        "48-SVN-140.70,not_started,2025-04-01,nhri,424242\r\n"
    )
    problems = _upload(client, auth, body).json()["errors"]
    assert [e["location"] for e in problems] == ["row 2", "row 3.supersedes"]
    assert _entries(db) == 0


def test_header_encoding_and_media_type_problems(client: TestClient, auth: dict[str, str]) -> None:
    header = _upload(client, auth, "recommendation_id,status,when\r\n")
    messages = " ".join(e["message"] for e in header.json()["errors"])
    assert header.status_code == 422 and "unknown column(s) when" in messages
    assert "missing column(s) status_date, source" in messages
    assert _upload(client, auth, "").status_code == 422
    assert (
        _upload(client, auth, "recommendation_id,status,status_date,source\r\n").status_code == 422
    )
    latin1 = (
        "recommendation_id,status,status_date,source,note\r\n"
        "48-SVN-140.69,in_progress,2025-03-01,nhri,caf\xe9\r\n"
    )
    assert _upload(client, auth, latin1.encode("latin-1")).status_code == 422
    json_body = client.post(IMPORTS, json={"rows": []}, headers=auth)
    assert json_body.status_code == 415
    assert (
        client.post(IMPORTS, content=GOOD, headers={"Content-Type": "text/csv"}).status_code == 401
    )
