"""The write API: document uploads through the loader, aliases, review facts."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, func, select
from sqlmodel import Session, col

from app.models.recommendations import (
    Recommendation,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationTheme,
)
from app.versioning import read_version
from tests.support.uhri_generator import generate_uhri_export
from tests.test_cli import classifications, classifications_of_the_list

DOCUMENTS = Path(__file__).resolve().parents[2] / "data/documents/SVN/session-48"
REPORT = DOCUMENTS / "A_HRC_59_15.pdf"
THEMATIC = DOCUMENTS / "thematic-list-of-recommendations.docx"


@pytest.fixture
def auth(write_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {write_token}"}


def _upload(client: TestClient, auth: dict[str, str], name: str, content: bytes, **form: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/v1/imports",
        headers=auth,
        files={"file": (name, content, "application/octet-stream")},
        data=form,
    )


def _recommendations(db: Session) -> int:
    return db.execute(select(func.count()).select_from(Recommendation)).scalar_one()


def test_upload_gives_the_loaders_report(
    client: TestClient, auth: dict[str, str], db: Session
) -> None:
    dry = _upload(
        client, auth, "A_HRC_59_15.pdf", REPORT.read_bytes(), kind="working_group_report",
        dry_run="true",
    )  # fmt: skip
    assert dry.status_code == 200, dry.text
    body = dry.json()
    assert (body["file"], body["reviews"], body["recommendations"]) == (
        "A_HRC_59_15.pdf", ["48-SVN"], 254,
    )  # fmt: skip
    assert (body["added"], body["unchanged"], body["dry_run"]) == (0, 254, True)
    assert "dry run: nothing written" in body["summary"]
    # Slovenia's fourth review without what its thematic list gave it (themes, groups, SDGs):
    # the list's upload gives it all back, to every recommendation, adding none.
    reviewed = select(Recommendation.id).where(Recommendation.review_id == "48-SVN")
    for model in (RecommendationTheme, RecommendationGroup, RecommendationSdg):
        db.execute(delete(model).where(col(model.recommendation_id).in_(reviewed)))
    db.commit()
    assert not any(any(parts) for parts in classifications(db, "48-SVN").values())
    listed = _upload(
        client, auth, "list.docx", THEMATIC.read_bytes(), kind="thematic_list", session="48",
        state="Slovenia",
    )  # fmt: skip
    assert listed.status_code == 200, listed.text
    body = listed.json()
    assert (body["source"], body["reviews"], body["recommendations"]) == (
        "thematic_list", ["48-SVN"], 254,
    )  # fmt: skip
    assert (body["added"], body["changed"], body["unchanged"], body["dry_run"]) == (
        0, 254, 0, False,
    )  # fmt: skip
    assert classifications(db, "48-SVN") == classifications_of_the_list()


def test_uhri_upload_loads_new_recommendations(
    client: TestClient, auth: dict[str, str], db: Session, tmp_path: Path
) -> None:
    export = tmp_path / "export.json"
    generate_uhri_export(
        export, upr_records=40, other_records=5, seed=7, states=["Kazakhstan", "Uzbekistan"]
    )
    before = _recommendations(db)
    response = _upload(client, auth, "export-full-en.json", export.read_bytes(), kind="uhri")
    assert response.status_code == 200, response.text
    assert response.json()["added"] == 40
    assert _recommendations(db) == before + 40


def test_unresolved_names_fail_listing_each_and_write_nothing(
    client: TestClient, auth: dict[str, str], db: Session, tmp_path: Path
) -> None:
    export = tmp_path / "export.json"
    generate_uhri_export(export, upr_records=10, seed=3, states=["Atlantis", "Kazakhstan"])
    before = (_recommendations(db), read_version(db))
    response = _upload(client, auth, "export.json", export.read_bytes(), kind="uhri")
    assert response.status_code == 422
    problem = response.json()
    assert problem["type"].endswith("/import-failed")
    assert any("Atlantis" in error["message"] for error in problem["errors"])
    assert str(tmp_path) not in response.text and "/tmp/" not in response.text
    assert (_recommendations(db), read_version(db)) == before


def _docx_that_is_no_word_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a document")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("report.pdf", b"<html>not a pdf</html>", "working_group_report"),
        ("report.pdf", THEMATIC.read_bytes(), "addendum"),  # a DOCX named .pdf
        ("list.docx", REPORT.read_bytes(), "thematic_list"),  # a PDF named .docx
        ("list.docx", _docx_that_is_no_word_document(), "thematic_list"),
        ("export.json", b"\x89PNG\r\n\x1a\n....", "uhri"),
    ],
)
def test_uploads_are_typed_by_content(
    client: TestClient, auth: dict[str, str], name: str, content: bytes, kind: str
) -> None:
    response = _upload(client, auth, name, content, kind=kind, session="48", state="Slovenia")
    assert response.status_code == 415, response.text
    assert response.json()["type"].endswith("/unsupported-media-type")


def test_unreadable_documents_are_422(client: TestClient, auth: dict[str, str]) -> None:
    response = _upload(client, auth, "r.pdf", b"%PDF-1.4 truncated", kind="working_group_report")
    assert response.status_code == 422
    assert response.json()["type"].endswith("/unreadable-document")
    assert "/tmp/" not in response.text
    unnamed = _upload(client, auth, "l.docx", _list_naming_no_review(), kind="thematic_list")
    assert unnamed.status_code == 422, unnamed.text
    assert "does not name its session or its state under review" in unnamed.json()["detail"]


def test_a_thematic_list_names_its_review_or_takes_an_iso3_code(
    client: TestClient, auth: dict[str, str]
) -> None:
    for form in ({}, {"state": "SVN"}, {"state": "svn", "session": "48"}):
        listed = _upload(
            client, auth, "l.docx", THEMATIC.read_bytes(), kind="thematic_list", dry_run="true",
            **form,
        )  # fmt: skip
        assert listed.status_code == 200, (form, listed.text)
        assert listed.json()["reviews"] == ["48-SVN"]


def _list_naming_no_review() -> bytes:
    """A thematic list whose page header, paragraphs and sources name no review."""
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells, ("Recommendation", "Position"), strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "140.1 Ratify the Convention (France);"
    table.rows[1].cells[1].text = "Supported"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_uploads_over_the_limit_are_413(
    make_client: Callable[..., TestClient], auth: dict[str, str]
) -> None:
    client = make_client(max_upload_bytes=100_000, max_body_bytes=2_000)
    big = _upload(client, auth, "r.pdf", REPORT.read_bytes(), kind="working_group_report")
    assert big.status_code == 413
    assert big.headers["content-type"] == "application/problem+json"
    anonymous = client.post(
        "/v1/imports", files={"file": ("r.pdf", b"%PDF-" + b"0" * 5_000)}, data={"kind": "addendum"}
    )
    assert anonymous.status_code == 413  # without credentials only the small limit applies


def test_request_bodies_over_the_limit_are_413_even_when_streamed(
    make_client: Callable[..., TestClient], auth: dict[str, str]
) -> None:
    client = make_client(max_body_bytes=2_000)
    declared = client.patch("/v1/reviews/48-KAZ", headers=auth, json={"notes": "x" * 3_000})
    assert declared.status_code == 413

    def chunks():  # type: ignore[no-untyped-def]
        yield b'{"notes": "'
        for _ in range(10):
            yield b"x" * 500
        yield b'"}'

    streamed = client.patch(
        "/v1/reviews/48-KAZ",
        headers={**auth, "Content-Type": "application/json"},
        content=chunks(),
    )
    assert streamed.status_code == 413
    assert streamed.headers["content-type"] == "application/problem+json"


def test_aliases_can_be_added_and_removed(client: TestClient, auth: dict[str, str]) -> None:
    added = client.post(
        "/v1/states/SVN/aliases", headers=auth, json={"alias": "Republika Slovenija"}
    )
    assert added.status_code == 201
    assert "Republika Slovenija" in added.json()["aliases"]
    again = client.post(
        "/v1/states/svn/aliases", headers=auth, json={"alias": "republika slovenija"}
    )
    assert again.status_code == 200
    taken = client.post("/v1/states/SVN/aliases", headers=auth, json={"alias": "Turkey"})
    assert taken.status_code == 409
    assert "TUR" in taken.json()["detail"]
    assert (
        client.post("/v1/states/XYZ/aliases", headers=auth, json={"alias": "X"}).status_code == 404
    )
    for bad in ({"alias": ""}, {"alias": "  "}, {"alias": "a\x00b"}, {"alias": "x", "extra": 1}):
        assert client.post("/v1/states/SVN/aliases", headers=auth, json=bad).status_code == 422
    removed = client.delete("/v1/states/SVN/aliases/REPUBLIKA%20SLOVENIJA", headers=auth)
    assert removed.status_code == 204
    assert "Republika Slovenija" not in client.get("/v1/states/SVN").json()["aliases"]
    assert client.delete("/v1/states/SVN/aliases/Nowhere", headers=auth).status_code == 404


def test_review_facts_can_be_patched(client: TestClient, auth: dict[str, str]) -> None:
    patched = client.patch(
        "/v1/reviews/48-kaz",
        headers=auth,
        json={"reported_received": 300, "reported_source": "test source", "notes": "checked"},
    )
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert body["reported_totals"] == {
        "received": 300, "supported": 259, "noted": 35, "source": "test source",
    }  # fmt: skip
    assert body["notes"] == "checked"
    cleared = client.patch("/v1/reviews/48-KAZ", headers=auth, json={"notes": None})
    assert cleared.json()["notes"] is None
    assert cleared.json()["reported_totals"]["received"] == 300
    for bad in ({"reported_received": -1}, {"id": "x"}, {"review_date": "soon"}):
        assert client.patch("/v1/reviews/48-KAZ", headers=auth, json=bad).status_code == 422
    assert client.patch("/v1/reviews/48-USA", headers=auth, json={}).status_code == 404


def test_the_documented_415_example_is_what_the_service_answers(
    client: TestClient, auth: dict[str, str]
) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/v1/imports"]["post"]
    content = operation["responses"]["415"]["content"]["application/problem+json"]
    example = content["examples"]["a file of another kind than declared"]["value"]
    response = _upload(
        client, auth, "report.pdf", THEMATIC.read_bytes(), kind="working_group_report"
    )
    assert response.status_code == 415
    body = response.json()
    assert {key: body[key] for key in example} == example
