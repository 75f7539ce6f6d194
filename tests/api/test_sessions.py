"""Cycles and sessions endpoints."""

from fastapi.testclient import TestClient

SESSION_48_ORDER = [
    "ITA",
    "SLV",
    "GMB",
    "BOL",
    "FJI",
    "SMR",
    "KAZ",
    "AGO",
    "IRN",
    "MDG",
    "IRQ",
    "SVN",
    "EGY",
    "BIH",
]


def test_cycles_span_the_sessions(client: TestClient) -> None:
    items = client.get("/v1/cycles").json()["items"]
    assert [(c["number"], c["first_session"], c["last_session"]) for c in items] == [
        (1, 1, 12),
        (2, 13, 26),
        (3, 27, 40),
        (4, 41, 54),
    ]


def test_sessions_1_to_54_with_cycles(client: TestClient) -> None:
    body = client.get("/v1/sessions").json()
    assert body["total"] == 54
    by_number = {s["number"]: s for s in body["items"]}
    assert by_number[12]["cycle"] == 1 and by_number[13]["cycle"] == 2
    assert by_number[40]["cycle"] == 3 and by_number[41]["cycle"] == 4
    fourth = client.get("/v1/sessions", params={"cycle": 4}).json()["items"]
    assert [s["number"] for s in fourth] == list(range(41, 55))


def test_session_48(client: TestClient) -> None:
    body = client.get("/v1/sessions/48").json()
    assert body == {
        "number": 48,
        "cycle": 4,
        "start_date": "2025-01-20",
        "end_date": "2025-01-31",
        "review_count": 14,
    }


def test_session_48_reviews_in_scheduled_order(client: TestClient) -> None:
    items = client.get("/v1/sessions/48/reviews").json()["items"]
    assert [review["state"]["iso3"] for review in items] == SESSION_48_ORDER
    dates = {review["state"]["iso3"]: review["review_date"] for review in items}
    assert dates["KAZ"] == "2025-01-23"
    assert dates["SVN"] == "2025-01-28"
    assert dates["GMB"] == "2025-01-21"
    assert dates["ITA"] is None


def test_unknown_session_is_404(client: TestClient) -> None:
    for path in ("/v1/sessions/99", "/v1/sessions/99/reviews"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
