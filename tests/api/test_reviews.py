"""The review endpoint: metadata, documents, reported totals apart from loaded counts."""

from fastapi.testclient import TestClient


def test_kazakhstan_fourth_review_reports_totals_apart_from_loaded(client: TestClient) -> None:
    body = client.get("/v1/reviews/48-KAZ").json()
    assert body["state"] == {"iso3": "KAZ", "name": "Kazakhstan"}
    assert body["review_date"] == "2025-01-23"
    assert body["hrc_session"] == 59
    assert body["reported_totals"]["received"] == 294
    assert body["reported_totals"]["supported"] == 259
    assert body["reported_totals"]["noted"] == 35
    assert body["reported_totals"]["source"]
    assert body["head_of_delegation"] and "Sarsembayev" in body["head_of_delegation"]
    symbols = {doc["symbol"]: doc["kind"] for doc in body["documents"]}
    assert symbols["A/HRC/WG.6/48/KAZ/1"] == "national_report"
    assert symbols["A/HRC/WG.6/48/KAZ/2"] == "un_compilation"
    assert symbols["A/HRC/WG.6/48/KAZ/3"] == "stakeholders_summary"


def test_kazakhstan_first_review(client: TestClient) -> None:
    body = client.get("/v1/reviews/7-kaz").json()
    assert body["id"] == "7-KAZ"
    assert body["review_date"] == "2010-02-12"
    assert body["meeting_number"] == 9
    assert [state["iso3"] for state in body["troika"]] == ["BGD", "CUB", "MUS"]


def test_slovenia_fourth_review_names_its_troika_and_every_document(client: TestClient) -> None:
    body = client.get("/v1/reviews/48-SVN").json()
    # the troika as states, named as the states endpoint names them
    names = {state["iso3"]: state["name"] for state in client.get("/v1/states").json()["items"]}
    assert body["troika"] == [{"iso3": iso3, "name": names[iso3]} for iso3 in ("DOM", "ZAF", "THA")]
    # the reference data's pre-session documents, and each imported document with its date
    assert {doc["kind"]: (doc["symbol"], doc["date"]) for doc in body["documents"]} == {
        "national_report": ("A/HRC/WG.6/48/SVN/1", None),
        "un_compilation": ("A/HRC/WG.6/48/SVN/2", None),
        "stakeholders_summary": ("A/HRC/WG.6/48/SVN/3", None),
        "working_group_report": ("A/HRC/59/15", "2025-03-24"),
        "addendum": ("A/HRC/59/15/Add.1", "2025-04-08"),
        "thematic_list": (None, None),
    }
    assert len(body["documents"]) == 6


def test_unknown_review_is_404(client: TestClient) -> None:
    response = client.get("/v1/reviews/48-USA")
    assert response.status_code == 404
    assert response.json()["detail"] == "Review '48-USA' does not exist."
