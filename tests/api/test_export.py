"""Streamed exports: contents in every format, file names, and constant memory."""

from __future__ import annotations

import csv
import io
import tracemalloc
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert
from sqlmodel import Session

from app.models.recommendations import Recommendation, RecommendingState
from app.recommendations import export, items, related
from app.recommendations.filters import RecommendationFilters


def listed(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    items, cursor = [], None
    while True:
        query = {"limit": 500, **params, **({"cursor": cursor} if cursor else {})}
        body = client.get("/v1/recommendations", params=query).json()
        items += body["items"]
        if not (cursor := body["next_cursor"]):
            return [{k: v for k, v in i.items() if k not in ("snippet", "score")} for i in items]


def test_csv_has_one_row_per_recommendation(client: TestClient) -> None:
    response = client.get(
        "/v1/recommendations/export", params={"state_under_review": "SVN", "session": 48}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == (
        'attachment; filename="upr-recommendations-SVN-s48.csv"'
    )
    assert not response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    items = listed(client, state_under_review="SVN", session=48)
    assert [row["id"] for row in rows] == [item["id"] for item in items]
    assert list(rows[0]) == [name for name, _ in export.CSV_COLUMNS]
    for row, item in zip(rows, items, strict=True):
        assert row["text"] == item["text"]
        assert row["position"] == (item["position"] or "")
        states = item["recommending_states"]
        assert row["recommending_states"] == "; ".join(s["iso3"] for s in states)
        assert row["recommending_state_names"] == "; ".join(s["name"] for s in states)
        assert row["themes"] == "; ".join(t["name"] for t in item["themes"])
        assert row["affected_groups"] == "; ".join(item["affected_groups"])
        assert row["sdgs"] == "; ".join(item["sdgs"])


def test_csv_byte_order_mark(client: TestClient) -> None:
    response = client.get("/v1/recommendations/export", params={"review": "7-SVN", "bom": True})
    assert response.content.startswith(b"\xef\xbb\xbfid,review_id,")
    assert len(list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))) == 98


@pytest.mark.parametrize("params", [{}, {"q": "roma -housing"}, {"theme": "Migrants", "cycle": 4}])
def test_ndjson_and_json_hold_the_list_items(client: TestClient, params: dict[str, Any]) -> None:
    expected = listed(client, sort="session", **params)  # exports keep the documents' order
    ndjson = client.get("/v1/recommendations/export", params={**params, "format": "ndjson"})
    assert ndjson.headers["content-type"] == "application/x-ndjson"
    assert [orjson.loads(line) for line in ndjson.content.splitlines()] == expected
    whole = client.get("/v1/recommendations/export", params={**params, "format": "json"})
    assert whole.headers["content-disposition"].endswith('.json"')
    assert orjson.loads(whole.content) == expected


def test_empty_exports_are_well_formed(client: TestClient) -> None:
    params = {"state_under_review": "KAZ", "session": 1}
    assert (
        orjson.loads(
            client.get("/v1/recommendations/export", params={**params, "format": "json"}).content
        )
        == []
    )
    assert (
        client.get("/v1/recommendations/export", params={**params, "format": "ndjson"}).content
        == b""
    )
    rows = client.get("/v1/recommendations/export", params=params).content.decode().splitlines()
    assert len(rows) == 1


def _generate(db: Session, session: int, count: int) -> None:
    """`count` recommendations for one of Kazakhstan's reviews, each made by two states."""
    rows, links = [], []
    for n in range(1, count + 1):
        rid = f"{session}-KAZ-500.{n}"
        rows.append(
            {
                "id": rid,
                "review_id": f"{session}-KAZ",
                "session_number": session,
                "state_iso3": "KAZ",
                "paragraph": f"500.{n}",
                "paragraph_major": 500,
                "paragraph_minor": n,
                "text": f"Take measures number {n} to protect the rights of persons with "
                "disabilities, in consultation with civil society",
                "position": "supported",
                "text_from": "working_group_report",
                "link_keys": related.keys_of(["FRA", "ESP"], [], [], [], {}),
            }
        )
        links += [
            {"recommendation_id": rid, "iso3": "FRA", "ordinal": 0},
            {"recommendation_id": rid, "iso3": "ESP", "ordinal": 1},
        ]
    db.execute(insert(Recommendation), rows)
    db.execute(insert(RecommendingState), links)
    items.refresh(db, [row["id"] for row in rows])  # as the unit of work does
    db.commit()


def _peak_while_exporting(db: Session, filters: RecommendationFilters) -> tuple[int, int]:
    """(peak traced memory, bytes produced) while streaming a CSV export and discarding it."""
    tracemalloc.start()
    try:
        produced = sum(len(chunk) for chunk in export.stream(db, filters, export.ExportFormat.csv))
        return tracemalloc.get_traced_memory()[1], produced
    finally:
        tracemalloc.stop()


def test_export_memory_does_not_grow_with_the_rows(
    db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "BATCH", 200)
    _generate(db, 34, 1000)
    _generate(db, 48, 4000)
    few = RecommendationFilters(review=["34-KAZ"])
    many = RecommendationFilters(review=["48-KAZ"])
    _peak_while_exporting(db, many)  # warm up: statement caches, first-use allocations
    small_peak, small = _peak_while_exporting(db, few)
    large_peak, large = _peak_while_exporting(db, many)
    assert large > 4000 * 150 and large > 3.9 * small  # the whole export went through
    # 1,000 rows or 4,000: the peak is that of one batch, not of the file
    assert large_peak < 1.25 * small_peak, (small_peak, large_peak)
