"""The bundled corpus: every official document in data/documents, imported on both databases.

Per review: the total, the count under each lead-in paragraph of the Working Group report, and
the positions after every source is merged. The figures were read off the documents
themselves (see docs/data-quality.md for how they compare with the SDG-HR explorer export).
"""

from __future__ import annotations

from collections import Counter

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.models.recommendations import Recommendation
from app.vocab import Position

# review: (report symbol or None, {lead-in paragraph: recommendations}, {position: count})
CORPUS = {
    "7-AGO": ("A/HRC/14/11", {87: 166}, {"pending": 166}),
    "20-AGO": ("A/HRC/28/11", {134: 192, 135: 34}, {"supported": 192, "pending": 34}),
    "7-BIH": ("A/HRC/14/16", {90: 125}, {"pending": 125}),
    "20-BIH": ("A/HRC/28/17", {107: 167}, {"pending": 167}),
    "7-EGY": ("A/HRC/14/17", {95: 119, 97: 14, 98: 7, 99: 25},
              {"supported": 119, "noted": 21, "pending": 25}),
    # The report leaves all 300 to be examined; the thematic list gives their final positions.
    "20-EGY": ("A/HRC/28/16", {166: 300},
               {"supported": 224, "noted": 53, "supported_in_part": 23}),
    "7-FJI": ("A/HRC/14/8", {71: 103}, {"pending": 103}),
    "20-FJI": ("A/HRC/28/8", {99: 86, 100: 12, 101: 40}, {"supported": 98, "pending": 40}),
    "7-IRQ": ("A/HRC/14/14", {81: 135, 82: 14, 83: 27},
              {"supported": 135, "pending": 14, "noted": 27}),
    "20-IRQ": ("A/HRC/28/14", {127: 229}, {"pending": 229}),
    "7-ITA": ("A/HRC/14/4", {84: 92}, {"pending": 92}),
    "20-ITA": ("A/HRC/28/4", {145: 186}, {"pending": 186}),
    "7-KAZ": ("A/HRC/14/10", {95: 102, 97: 26}, {"supported": 102, "pending": 26}),
    "20-KAZ": ("A/HRC/28/10", {124: 47, 125: 96, 126: 51}, {"supported": 143, "noted": 51}),
    "7-MDG": ("A/HRC/14/13", {72: 65, 73: 17, 74: 2},
              {"supported": 65, "pending": 17, "noted": 2}),
    "20-MDG": ("A/HRC/28/13", {108: 139, 109: 21}, {"supported": 139, "pending": 21}),
    "7-SLV": ("A/HRC/14/5", {81: 78, 82: 40}, {"supported": 78, "pending": 40}),
    "20-SLV": ("A/HRC/28/5", {103: 61, 104: 36, 105: 62}, {"supported": 97, "pending": 62}),
    "20-SVN": ("A/HRC/28/15", {115: 163}, {"supported": 142, "noted": 21}),
    "48-SVN": ("A/HRC/59/15", {140: 254}, {"supported": 217, "noted": 37}),
    # No report bundled: the thematic list alone.
    "17-CHN": (None, {}, {"supported": 204, "noted": 48}),
}  # fmt: skip


def _loaded(db: Session, review: str) -> list[Recommendation]:
    return list(db.exec(select(Recommendation).where(Recommendation.review_id == review)))


@pytest.mark.parametrize("review", sorted(CORPUS))
def test_every_review_of_the_corpus(db: Session, client: TestClient, review: str) -> None:
    symbol, paragraphs, positions = CORPUS[review]
    loaded = _loaded(db, review)
    assert len(loaded) == sum(positions.values())
    assert Counter(r.position.value for r in loaded if r.position) == positions
    if paragraphs:
        assert Counter(r.paragraph_major for r in loaded) == paragraphs
    body = client.get(f"/v1/reviews/{review}").json()
    assert body["recommendation_counts"]["total"] == len(loaded)
    symbols = {d["symbol"] for d in body["documents"] if d["kind"] == "working_group_report"}
    assert symbols == ({symbol} if symbol else set())


def test_kazakhstan_second_review_is_sourced_to_its_report(db: Session) -> None:
    loaded = {r.paragraph: r for r in _loaded(db, "20-KAZ")}
    assert loaded["124.1"].position_source == "A/HRC/28/10 - Para.124"
    assert loaded["126.51"].position == Position.noted
    assert loaded["126.51"].position_source == "A/HRC/28/10 - Para.126"
    claims = Counter(
        r.implementation_claim.value for r in loaded.values() if r.implementation_claim
    )
    assert claims == {"already_implemented": 47, "in_progress": 96}


def test_a_pending_lead_in_gives_way_to_the_thematic_list(db: Session) -> None:
    loaded = _loaded(db, "20-EGY")
    assert {r.position_from for r in loaded} == {"thematic_list"}
    assert {r.text_from for r in loaded} == {"working_group_report"}
    sources = Counter((r.position_source or "").split(" - ")[0] for r in loaded)
    # 166.16's row gives no source, only "Comments: Information sent in a post Add.1 letter".
    assert sources == {"A/HRC/28/16/Add.1": 299, "": 1}


def test_every_recommendation_has_a_recommending_state(client: TestClient) -> None:
    for review in CORPUS:
        body = client.get("/v1/recommendations", params={"review": review, "limit": 500}).json()
        assert body["items"], review
        assert all(item["recommending_states"] for item in body["items"]), review
