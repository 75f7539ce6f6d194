"""The generated Python client (clients/python): fresh, and working against a live server."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "clients" / "python"))

from upr_api_client import Client
from upr_api_client.api.recommendations import (
    get_recommendation,
    list_recommendations,
)
from upr_api_client.api.reviews import get_review
from upr_api_client.models import Problem, RecommendationPage

ROOT = Path(__file__).resolve().parents[2]


def _differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right, ignore=["__pycache__", ".ruff_cache"])
    found = [str(left / name) for name in comparison.left_only + comparison.right_only]
    found += [str(left / name) for name in comparison.diff_files]
    for name in comparison.common_dirs:
        found += _differences(left / name, right / name)
    return found


def test_committed_client_is_fresh(tmp_path: Path) -> None:
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [bin_dir / "openapi-python-client", "generate", "--path", ROOT / "openapi/openapi.json",
         "--output-path", tmp_path / "python", "--config", ROOT / "clients/python-client.yaml",
         "--meta", "pdm"],
        check=True, capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"},
    )  # fmt: skip
    stale = _differences(ROOT / "clients" / "python", tmp_path / "python")
    assert not stale, f"clients/python is stale ({stale[:5]}): run `make clients`"


def test_list_filter_and_page_through_everything(live_url: str) -> None:
    with Client(base_url=live_url) as client:
        seen: list[str] = []
        cursor = None
        while True:
            page = list_recommendations.sync(
                client=client, state_under_review=["SVN"], session=[48], limit=100, cursor=cursor
            )
            assert isinstance(page, RecommendationPage)
            seen += [item.id for item in page.items]
            cursor = page.next_cursor
            if not cursor:
                break
    assert len(seen) == len(set(seen)) == 254
    assert "48-SVN-140.7" in seen


def test_search_and_fetch_one(live_url: str) -> None:
    with Client(base_url=live_url) as client:
        found = list_recommendations.sync(client=client, q='"Paris Principles"', limit=20)
        assert isinstance(found, RecommendationPage) and found.items
        assert all("paris principles" in item.text.lower() for item in found.items)
        assert all(item.snippet for item in found.items)
        one = get_recommendation.sync("48-SVN-140.7", client=client)
        assert one is not None and not isinstance(one, Problem)
        assert [state.iso3 for state in one.recommending_states] == ["MDV", "PRT"]
        review = get_review.sync("48-KAZ", client=client)
        assert review is not None and not isinstance(review, Problem)
        assert review.reported_totals is not None and review.reported_totals.received == 294


@pytest.mark.parametrize(
    ("call", "status"),
    [
        (lambda client: get_recommendation.sync("48-SVN-999.9", client=client), 404),
        (lambda client: list_recommendations.sync(client=client, limit=100000), 422),
    ],
)
def test_errors_come_back_as_typed_problems(live_url: str, call, status: int) -> None:  # type: ignore[no-untyped-def]
    with Client(base_url=live_url) as client:
        problem = call(client)
    assert isinstance(problem, Problem)
    assert problem.status == status
    assert problem.type_.startswith("https://")
