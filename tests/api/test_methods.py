"""Methods of a path: a 405's `Allow` lists every one of them, and `HEAD` answers every `GET`."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("OPTIONS", "/v1/reviews/48-FJI", "GET, HEAD, PATCH"),
        ("PUT", "/v1/reviews/48-FJI", "GET, HEAD, PATCH"),
        ("OPTIONS", "/v1/recommendations/48-SVN-140.7/tracking", "GET, HEAD, POST"),
        ("DELETE", "/v1/recommendations/48-SVN-140.7/tracking", "GET, HEAD, POST"),
        ("OPTIONS", "/v1/states/TUR/aliases/Turkey", "DELETE"),
        ("GET", "/v1/imports", "POST"),
        ("HEAD", "/v1/tracking/imports", "POST"),
        ("POST", "/v1/recommendations/facets", "GET, HEAD"),
        ("TRACE", "/openapi.json", "GET, HEAD"),
    ],
)
def test_allow_lists_every_method_of_the_path(
    client: TestClient, method: str, path: str, allow: str
) -> None:
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allow
    if method != "HEAD":
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == 405


@pytest.mark.parametrize(
    "path",
    [
        "/v1/reviews/48-FJI",
        "/v1/recommendations?state_under_review=SVN&limit=2",
        "/v1/recommendations/export?review=48-SVN&format=csv",
        "/v1/states/XYZ",
        "/health/live",
        "/openapi.json",
    ],
)
def test_head_answers_as_get_without_a_body(client: TestClient, path: str) -> None:
    get = client.get(path)
    head = client.head(path)
    assert head.status_code == get.status_code
    assert head.content == b""
    ignored = {"x-request-id", "date"}
    assert {k: v for k, v in head.headers.items() if k not in ignored} == {
        k: v for k, v in get.headers.items() if k not in ignored
    }


def test_head_revalidates_like_get(client: TestClient) -> None:
    etag = client.get("/v1/reviews/48-SVN").headers["etag"]
    response = client.head("/v1/reviews/48-SVN", headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
