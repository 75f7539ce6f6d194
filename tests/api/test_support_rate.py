"""The support rate where positions other than "supported" and "noted" occur.

Slovenia's 1st review (`7-SVN`) is the bundled review with recommendations supported in part
and recommendations whose position is unclear. The documented formula (`TallyPublic`, the
`/v1/stats/recommendations` description) is supported / (supported + supported in part +
noted): "supported in part" counts as decided but not supported, unclear (like pending or
none) is left out of the denominator. Every expected figure is counted here with SQL.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session

from app.vocab import RegionalGroup

REVIEW = "7-SVN"


def positions_of(db: Session, where: str, **parameters: Any) -> dict[str | None, int]:
    """How many recommendations matching `where` have each position (None: none recorded)."""
    statement = text(
        f"SELECT position, COUNT(*) FROM recommendation WHERE {where} GROUP BY position"
    )
    return {position: n for position, n in db.execute(statement, parameters)}


def documented_rate(counts: dict[str | None, int]) -> float | None:
    supported, in_part, noted = (
        counts.get(p, 0) for p in ("supported", "supported_in_part", "noted")
    )
    decided = supported + in_part + noted
    return round(supported / decided, 4) if decided else None


def tally_of(counts: dict[str | None, int]) -> dict[str, Any]:
    """The `TallyPublic` the API should give for these counts."""
    decided = ("supported", "supported_in_part", "noted")
    total = sum(counts.values())
    return {
        "count": total,
        **{position: counts.get(position, 0) for position in decided},
        "other": total - sum(counts.get(position, 0) for position in decided),
        "support_rate": documented_rate(counts),
    }


def test_the_review_has_positions_in_part_and_unclear(db: Session) -> None:
    counts = positions_of(db, "review_id = :review", review=REVIEW)
    assert counts == {"supported": 89, "supported_in_part": 2, "noted": 3, "unclear": 3}
    # the formula's result differs from both readings that would count the other positions
    assert documented_rate(counts) == round(89 / 94, 4) == 0.9468
    assert documented_rate(counts) not in (round(89 / 97, 4), round(91 / 97, 4), round(91 / 94, 4))


def test_review_detail_and_summary_count_every_position(client: TestClient, db: Session) -> None:
    counts = positions_of(db, "review_id = :review", review=REVIEW)
    expected_positions = {
        "total": sum(counts.values()),
        "supported": counts.get("supported", 0),
        "noted": counts.get("noted", 0),
        "supported_in_part": counts.get("supported_in_part", 0),
        "pending": counts.get("pending", 0),
        "unclear": counts.get("unclear", 0),
        "without_position": counts.get(None, 0),
    }
    detail = client.get(f"/v1/reviews/{REVIEW}")
    assert detail.status_code == 200, detail.text
    assert detail.json()["recommendation_counts"] == expected_positions
    summary = client.get(f"/v1/reviews/{REVIEW.lower()}/summary")
    assert summary.status_code == 200, summary.text
    body = summary.json()
    assert body["positions"] == expected_positions
    assert body["review"]["loaded_recommendations"] == expected_positions["total"]
    assert body["support_rate"] == documented_rate(counts) == 0.9468


def test_stats_total_and_rows_follow_the_formula(client: TestClient, db: Session) -> None:
    counts = positions_of(db, "review_id = :review", review=REVIEW)
    response = client.get(
        "/v1/stats/recommendations", params={"review": REVIEW, "group_by": "position"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == tally_of(counts)
    rows = {row["keys"]["position"]: row for row in body["rows"]}
    assert set(rows) == set(counts)
    for position, row in rows.items():
        only = {position: counts[position]}
        assert {name: row[name] for name in tally_of(only)} == tally_of(only), position
    # one position per row: a rate of 1 or 0 where a position was decided, none where unclear
    assert rows["supported"]["support_rate"] == 1.0
    assert rows["supported_in_part"]["support_rate"] == 0.0
    assert rows["noted"]["support_rate"] == 0.0
    assert rows["unclear"]["support_rate"] is None and rows["unclear"]["other"] == 3


def test_the_direct_count_gives_the_same_rate_as_the_tallies(
    client: TestClient, db: Session
) -> None:
    """A filter on recommending states is not answered from the per-review tallies but by
    counting the recommendations themselves; naming every regional group keeps all of the
    review's recommendations, each of which has a recommending state."""
    without_state = db.execute(
        text(
            "SELECT COUNT(*) FROM recommendation r WHERE r.review_id = :review AND NOT EXISTS "
            "(SELECT 1 FROM recommending_state s WHERE s.recommendation_id = r.id)"
        ),
        {"review": REVIEW},
    ).scalar_one()
    assert without_state == 0
    counts = positions_of(db, "review_id = :review", review=REVIEW)
    params: dict[str, Any] = {
        "review": REVIEW,
        "group_by": "position",
        "recommending_state_group": [group.value for group in RegionalGroup],
    }
    response = client.get("/v1/stats/recommendations", params=params)
    assert response.status_code == 200, response.text
    assert response.json()["total"] == tally_of(counts)


def test_state_summary_rates_per_cycle_and_overall(client: TestClient, db: Session) -> None:
    response = client.get("/v1/states/SVN/summary")
    assert response.status_code == 200, response.text
    received = response.json()["received"]
    everything = positions_of(db, "state_iso3 = 'SVN'")
    assert received["total"] == tally_of(everything)
    assert received["total"]["supported_in_part"] == 2 and received["total"]["other"] == 3
    first_cycle = next(row for row in received["by_cycle"] if row["cycle"] == 1)
    assert first_cycle["reviews"] == [REVIEW]
    review_counts = positions_of(db, "review_id = :review", review=REVIEW)
    assert {name: first_cycle[name] for name in tally_of(review_counts)} == tally_of(review_counts)
