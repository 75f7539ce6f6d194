"""The linking endpoints: related recommendations and near-identical groups."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.linking.schemas import NearIdenticalPublic, RelatedPublic
from app.linking.similarity import NEAR_IDENTICAL_THRESHOLD, REPEATED_THRESHOLD


def _related(client: TestClient, rid: str) -> RelatedPublic:
    response = client.get(f"/v1/recommendations/{rid}/related")
    assert response.status_code == 200, response.text
    return RelatedPublic.model_validate(response.json())


def test_a_repeated_recommendation_shows_its_earlier_match(client: TestClient) -> None:
    body = _related(client, "48-svn-140.69")
    assert body.id == "48-SVN-140.69" and body.novelty == "repeated"
    assert body.repeated_threshold == REPEATED_THRESHOLD
    best = body.earlier[0]
    assert best.id == "20-SVN-115.132" and best.cycle == 2 and best.score >= REPEATED_THRESHOLD
    assert "defamation" in best.text
    assert [item.score for item in body.earlier] == sorted(
        (item.score for item in body.earlier), reverse=True
    )
    assert len(body.earlier) <= 5 and all(item.session < 48 for item in body.earlier)


def test_a_first_cycle_recommendation_is_new_and_shows_its_later_repeats(
    client: TestClient,
) -> None:
    body = _related(client, "7-SVN-111.1")  # the Migrant Workers Convention, 1st cycle
    assert body.novelty == "new" and body.earlier == []
    later = {item.id for item in body.later}
    assert {"20-SVN-115.8", "20-SVN-115.11"} <= later  # "Ratify ICRMW", reworded
    assert all(item.score >= REPEATED_THRESHOLD for item in body.later)


def test_near_identical_recommendations_of_other_states(client: TestClient) -> None:
    body = _related(client, "48-SVN-140.93")  # "Redouble efforts to combat trafficking ..."
    near = {item.id: item for item in body.near_identical}
    assert {"48-SVN-140.90", "48-SVN-140.94"} <= set(near)
    assert all(item.score >= NEAR_IDENTICAL_THRESHOLD for item in near.values())
    assert all(item.recommending_states for item in near.values())


def test_a_review_lists_its_near_identical_groups(client: TestClient) -> None:
    response = client.get("/v1/reviews/48-svn/near-identical")
    assert response.status_code == 200
    body = NearIdenticalPublic.model_validate(response.json())
    assert body.linked and body.review_id == "48-SVN"
    groups = [{item.paragraph for item in group.recommendations} for group in body.groups]
    trafficking = next(group for group in groups if "140.93" in group)
    assert {"140.90", "140.91", "140.94"} <= trafficking
    icrmw = next(group for group in groups if "140.1" in group)
    assert "140.7" not in icrmw  # two different treaties are not near-identical
    for group in body.groups:
        assert len(group.recommendations) >= 2 and len(group.states) >= 2


def test_unknown_and_malformed_ids_are_problems(client: TestClient) -> None:
    missing = client.get("/v1/recommendations/48-SVN-999.1/related")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert client.get("/v1/recommendations/48-SVN-x/related").status_code == 422
    assert client.get("/v1/reviews/48-XYZ/near-identical").status_code == 404
    assert client.get("/v1/reviews/forty/near-identical").status_code == 422


def test_the_review_counts_new_and_repeated_and_the_list_filters_them(
    client: TestClient,
) -> None:
    review = client.get("/v1/reviews/48-SVN").json()
    novelty = review["novelty"]
    assert novelty["new"] + novelty["repeated"] == 254
    assert novelty["threshold"] == REPEATED_THRESHOLD
    assert client.get("/v1/reviews/7-SVN").json()["novelty"] == {
        "new": 97, "repeated": 0, "threshold": REPEATED_THRESHOLD
    }  # fmt: skip
    for flag, expected in (("true", novelty["repeated"]), ("false", novelty["new"])):
        listed = client.get(f"/v1/recommendations?review=48-SVN&repeated={flag}&limit=500")
        assert listed.status_code == 200
        body = listed.json()
        assert body["total"] == expected == len(body["items"])
    repeated_ids = {
        item["id"]
        for item in client.get("/v1/recommendations?review=48-SVN&repeated=true&limit=500").json()[
            "items"
        ]
    }
    assert "48-SVN-140.69" in repeated_ids and "48-SVN-140.147" not in repeated_ids
    assert client.get("/v1/recommendations?repeated=maybe").status_code == 422
