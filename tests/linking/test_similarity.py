"""The link computation on small made-up states: ranking, cycles, thresholds, states."""

from app.linking.similarity import (
    NEAR_IDENTICAL_THRESHOLD,
    REPEATED_THRESHOLD,
    Doc,
    LinkKind,
    compute_links,
    cosine,
    vectors,
)
from app.linking.text import terms


def doc(rid: str, cycle: int, text: str, *states: str) -> Doc:
    review = rid.rsplit("-", 1)[0]
    return Doc(rid, review, cycle, frozenset(states or {"FRA"}), tuple(terms(text)))


DOCS = [
    doc("1-X-1", 1, "Ratify the Convention on Migrant Workers and Members of Their Families"),
    doc("1-X-2", 1, "Combat trafficking in persons, in particular women and children"),
    doc("1-X-3", 1, "Reduce the backlog of court cases"),
    doc("2-X-1", 2, "Consider ratifying ICRMW", "BRA"),
    doc("2-X-2", 2, "Intensify efforts to combat trafficking in persons", "CHL"),
    doc("2-X-3", 2, "Redouble efforts to combat trafficking in persons", "PER"),
    doc("2-X-4", 2, "Adopt a climate change act", "FJI"),
    doc("2-X-5", 2, "Continue efforts to combat trafficking in persons", "CHL"),
]


def links_by(kind: LinkKind) -> dict[str, list[tuple[str, float]]]:
    found: dict[str, list[tuple[str, float]]] = {}
    for link in compute_links(DOCS):
        if link.kind is kind:
            found.setdefault(link.recommendation_id, []).append((link.related_id, link.score))
    return found


def test_vectors_are_unit_length_and_cosine_is_symmetric() -> None:
    vecs = vectors(DOCS)
    for vec in vecs:
        assert abs(sum(w * w for w in vec.values()) - 1) < 1e-9
    assert abs(cosine(vecs[0], vecs[3]) - cosine(vecs[3], vecs[0])) < 1e-12
    assert abs(cosine(vecs[4], vecs[4]) - 1) < 1e-9


def test_earlier_links_point_only_to_earlier_cycles_best_first() -> None:
    earlier = links_by(LinkKind.earlier_cycle)
    assert not any(rid.startswith("1-") for rid in earlier)  # the first cycle has no past
    assert earlier["2-X-1"][0][0] == "1-X-1"
    assert earlier["2-X-1"][0][1] >= REPEATED_THRESHOLD
    assert earlier["2-X-2"][0][0] == "1-X-2"
    assert "2-X-4" not in earlier  # nothing about climate before
    for rows in earlier.values():
        assert all(related.startswith("1-") for related, _ in rows)
        assert [score for _, score in rows] == sorted((score for _, score in rows), reverse=True)


def test_near_identical_pairs_need_different_states_and_are_stored_both_ways() -> None:
    near = links_by(LinkKind.same_review)
    assert ("2-X-3", near["2-X-2"][0][1]) in near["2-X-2"]
    assert any(related == "2-X-2" for related, _ in near["2-X-3"])
    # 2-X-5 says the same as 2-X-2 but both come from Chile: not a pair
    assert all(related != "2-X-5" for related, _ in near.get("2-X-2", []))
    assert all(score >= NEAR_IDENTICAL_THRESHOLD for rows in near.values() for _, score in rows)
    assert "2-X-4" not in near and "1-X-1" not in near


def test_the_result_does_not_depend_on_input_order() -> None:
    assert compute_links(DOCS) == compute_links(list(reversed(DOCS)))
