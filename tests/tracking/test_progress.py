"""Progress summaries: the pure computation, and the per-review and per-state endpoints."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from app.models.tracking import TrackingSource
from app.tracking.progress import period_of, summarize
from app.tracking.schemas import ProgressSummary
from app.vocab import Interval

GOV, NHRI = TrackingSource.government, TrackingSource.nhri


@pytest.mark.parametrize(
    ("day", "interval", "expected"),
    [
        (dt.date(2025, 2, 14), Interval.year, ("2025", dt.date(2025, 12, 31))),
        (dt.date(2025, 2, 14), Interval.quarter, ("2025-Q1", dt.date(2025, 3, 31))),
        (dt.date(2024, 2, 14), Interval.month, ("2024-02", dt.date(2024, 2, 29))),
        (dt.date(2025, 12, 1), Interval.month, ("2025-12", dt.date(2025, 12, 31))),
        (dt.date(2025, 11, 30), Interval.quarter, ("2025-Q4", dt.date(2025, 12, 31))),
    ],
)
def test_periods(day: dt.date, interval: Interval, expected: tuple[str, dt.date]) -> None:
    assert period_of(day, interval) == expected


def test_summaries_count_the_latest_status_per_source_at_each_period_end() -> None:
    assessments = [
        ("a", GOV, "not_started", dt.date(2025, 1, 10)),
        ("b", GOV, "in_progress", dt.date(2025, 2, 1)),
        ("a", NHRI, "not_started", dt.date(2025, 2, 5)),
        ("a", GOV, "in_progress", dt.date(2025, 5, 1)),
        ("a", GOV, "fully_implemented", dt.date(2025, 11, 3)),
    ]
    summary = summarize("48-SVN", 3, assessments, Interval.quarter)
    assert (summary.recommendations, summary.assessed) == (3, 2)
    government = summary.current[0]
    assert (government.source, government.assessed, government.not_assessed) == (GOV, 2, 1)
    assert (government.by_status.in_progress, government.by_status.fully_implemented) == (1, 1)
    assert [p.period for p in summary.timeline] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    q1, q2, q3, q4 = (period.by_source[0].by_status for period in summary.timeline)
    assert (q1.not_started, q1.in_progress) == (1, 1)
    assert (q2.not_started, q2.in_progress) == (0, 2)
    assert q3 == q2  # no assessment in Q3: the counts carry over
    assert (q4.in_progress, q4.fully_implemented) == (1, 1)
    assert summary.timeline[-1].by_source == summary.current
    assert summarize("SVN", 5, [], Interval.year).timeline == []


def _add(client: TestClient, auth: dict[str, str], rid: str, **body: str) -> None:
    response = client.post(f"/v1/recommendations/{rid}/tracking", json=body, headers=auth)
    assert response.status_code == 201, response.text


def test_review_and_state_progress_with_filters(client: TestClient, auth: dict[str, str]) -> None:
    _add(client, auth, "48-SVN-140.69", status="in_progress", status_date="2025-03-01",
         source="government")  # fmt: skip
    _add(client, auth, "48-SVN-140.70", status="not_started", status_date="2025-07-01",
         source="civil_society")  # fmt: skip
    _add(client, auth, "20-SVN-115.132", status="not_implemented", status_date="2019-05-01",
         source="nhri")  # fmt: skip

    review = ProgressSummary.model_validate(client.get("/v1/reviews/48-svn/progress").json())
    assert (review.scope, review.recommendations, review.assessed) == ("48-SVN", 254, 2)
    by_source = {item.source: item for item in review.current}
    assert by_source[GOV].by_status.in_progress == 1 and by_source[GOV].not_assessed == 253
    assert [p.period for p in review.timeline] == ["2025"]

    state = client.get("/v1/states/SVN/progress?interval=year").json()
    summary = ProgressSummary.model_validate(state)
    assert (summary.recommendations, summary.assessed) == (514, 3)
    assert summary.timeline[0].period == "2019" and summary.timeline[-1].period == "2025"
    assert len(summary.timeline) == 7  # 2019-2025, gaps carried over

    noted = client.get("/v1/states/SVN/progress?session=48&position=noted").json()
    assert noted["recommendations"] == 37
    fourth = client.get("/v1/states/SVN/progress?cycle=4").json()
    assert (fourth["recommendations"], fourth["assessed"]) == (254, 2)
    other = client.get("/v1/reviews/48-SVN/progress?review=20-SVN").json()  # filters AND
    assert (other["recommendations"], other["assessed"]) == (0, 0)


def test_progress_problems(client: TestClient) -> None:
    assert client.get("/v1/reviews/48-XYZ/progress").status_code == 404
    assert client.get("/v1/states/XYZ/progress").status_code == 404
    assert client.get("/v1/states/SVN/progress?interval=week").status_code == 422
    assert client.get("/v1/states/SVN/progress?session=0").status_code == 422
