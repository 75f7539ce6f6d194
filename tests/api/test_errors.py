"""Bad input gets RFC 9457 problem details, never a 500, on every backend."""

import base64

import pytest
from fastapi.testclient import TestClient


def _assert_problem(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith("https://")
    assert body["title"]
    return body


@pytest.mark.parametrize("path", ["/v1/states/XYZ", "/v1/states/XYZ/reviews", "/v1/sessions/60"])
def test_unknown_resources_are_404(client: TestClient, path: str) -> None:
    _assert_problem(client.get(path), 404)


@pytest.mark.parametrize("code", ["kz", "KAZAKHSTAN", "K%00Z", "K1Z", "%C3%A9%C3%A9%C3%A9"])
def test_malformed_iso3_is_422(client: TestClient, code: str) -> None:
    body = _assert_problem(client.get(f"/v1/states/{code}"), 422)
    assert body["errors"][0]["location"] == "path.iso3"


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=100000",
        "limit=abc",
        "session=99999999999999999999",
        "session=0",
        "cycle=-1",
        "position=accepted",
        "state_under_review=K%00Z",
        "recommending_state=TOOLONG",
    ],
)
def test_bad_list_parameters_are_422(client: TestClient, query: str) -> None:
    _assert_problem(client.get(f"/v1/recommendations?{query}"), 422)


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        base64.urlsafe_b64encode(b'["x", 1]').decode().rstrip("="),
        base64.urlsafe_b64encode(b'[48, "SVN", "140", 7]').decode().rstrip("="),
        base64.urlsafe_b64encode(b'{"a": 1}').decode().rstrip("="),
        "AAAA",
    ],
)
def test_tampered_cursor_is_400(client: TestClient, cursor: str) -> None:
    body = _assert_problem(client.get("/v1/recommendations", params={"cursor": cursor}), 400)
    assert "cursor" in body["detail"]


def test_cursor_with_foreign_characters_is_422(client: TestClient) -> None:
    _assert_problem(client.get("/v1/recommendations", params={"cursor": "a b'--"}), 422)


def test_unknown_path_and_method(client: TestClient) -> None:
    _assert_problem(client.get("/v1/nothing-here"), 404)
    _assert_problem(client.post("/v1/states"), 405)
