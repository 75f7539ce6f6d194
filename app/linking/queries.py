"""SQL for reading links: the `repeated` condition, new/repeated counts, related items."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, exists, func, not_, select
from sqlmodel import Session, col

from app.linking.similarity import REPEATED_THRESHOLD
from app.models.linking import RecommendationLink, ReviewLinking
from app.models.recommendations import Recommendation, RecommendingState
from app.models.states import State
from app.vocab import LinkKind

L = RecommendationLink


def _repeats_earlier() -> ColumnElement[bool]:
    """A link from the recommendation to an earlier cycle's one that reaches the threshold."""
    return exists().where(
        col(L.recommendation_id) == col(Recommendation.id),
        col(L.kind) == LinkKind.earlier_cycle,
        col(L.score) >= REPEATED_THRESHOLD,
    )


def _review_linked() -> ColumnElement[bool]:
    linked = select(col(ReviewLinking.review_id)).where(not_(col(ReviewLinking.pending)))
    return col(Recommendation.review_id).in_(linked)


def is_repeated(flag: bool) -> ColumnElement[bool]:
    """SQL condition on `recommendation`: repeated (`True`) or new (`False`).

    Repeated: its best match in an earlier cycle of the same state reaches the threshold.
    New: its review is linked and no such match exists. Recommendations of reviews not linked
    yet are neither.
    """
    if flag:
        return _repeats_earlier()
    return and_(_review_linked(), not_(_repeats_earlier()))


@dataclass(frozen=True)
class NoveltyCounts:
    """New and repeated recommendations of one linked review."""

    new: int
    repeated: int


def novelty_counts(db: Session, review_ids: Sequence[str]) -> dict[str, NoveltyCounts]:
    """Counts for each of these reviews that is linked (absent: not linked yet)."""
    if not review_ids:
        return {}
    linked = set(
        db.execute(
            select(col(ReviewLinking.review_id)).where(
                col(ReviewLinking.review_id).in_(review_ids), not_(col(ReviewLinking.pending))
            )
        ).scalars()
    )
    if not linked:
        return {}
    repeated = func.sum(case((_repeats_earlier(), 1), else_=0))
    query = (
        select(col(Recommendation.review_id), func.count(), repeated)
        .where(col(Recommendation.review_id).in_(sorted(linked)))
        .group_by(col(Recommendation.review_id))
    )
    counts = {
        rid: NoveltyCounts(new=total - (rep or 0), repeated=rep or 0)
        for rid, total, rep in db.execute(query)
    }
    return {rid: counts.get(rid, NoveltyCounts(0, 0)) for rid in linked}


def linking_state(db: Session, review_id: str) -> ReviewLinking | None:
    """Whether and when a review was linked."""
    return db.get(ReviewLinking, review_id)


@dataclass(frozen=True)
class RelatedRow:
    """A linked recommendation with the link's score."""

    recommendation: Recommendation
    score: float
    recommending_states: list[tuple[str, str]]


def related(db: Session, recommendation_id: str) -> dict[str, list[RelatedRow]]:
    """The links of one recommendation: `earlier` (most similar in earlier cycles), `later`
    (later recommendations that repeat it: it is among their most similar earlier ones, at or
    above the threshold), `near_identical` (same review, other states); each best first."""
    outgoing = select(col(L.related_id), col(L.kind), col(L.score)).where(
        col(L.recommendation_id) == recommendation_id
    )
    incoming = select(col(L.recommendation_id), col(L.score)).where(
        col(L.related_id) == recommendation_id,
        col(L.kind) == LinkKind.earlier_cycle,
        col(L.score) >= REPEATED_THRESHOLD,
    )
    found: dict[str, dict[str, float]] = defaultdict(dict)
    for other, kind, score in db.execute(outgoing):
        group = "earlier" if kind == LinkKind.earlier_cycle else "near_identical"
        found[group][other] = score
    for other, score in db.execute(incoming):
        found["later"][other] = score
    loaded = _load(db, [rid for scores in found.values() for rid in scores])
    groups = ("earlier", "later", "near_identical")
    return {group: _rows(found[group], *loaded) for group in groups}


def near_identical_groups(db: Session, review_id: str) -> list[list[RelatedRow]]:
    """Groups of a review's recommendations joined by near-identical links (connected
    components), each in paragraph order with every member's best score in the group;
    groups ordered by their first paragraph."""
    members = select(col(Recommendation.id)).where(col(Recommendation.review_id) == review_id)
    pairs = db.execute(
        select(col(L.recommendation_id), col(L.related_id), col(L.score)).where(
            col(L.kind) == LinkKind.same_review, col(L.recommendation_id).in_(members)
        )
    ).all()
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    best: dict[str, float] = defaultdict(float)
    for first, second, score in pairs:
        parent[root(first)] = root(second)
        best[first] = max(best[first], score)
    components: dict[str, dict[str, float]] = defaultdict(dict)
    for node in list(parent):
        components[root(node)][node] = best[node]
    loaded = _load(db, list(parent))
    groups = [_rows(scores, *loaded) for scores in components.values()]
    for group in groups:
        group.sort(key=lambda row: _natural(row.recommendation))
    return sorted(groups, key=lambda group: _natural(group[0].recommendation))


def _natural(item: Recommendation) -> tuple[int, int]:
    return item.paragraph_major, item.paragraph_minor


Loaded = tuple[dict[str, Recommendation], dict[str, list[tuple[str, str]]]]


def _load(db: Session, ids: list[str]) -> Loaded:
    """The recommendations with these ids and their recommending states (two queries)."""
    unique = sorted(set(ids))
    return _recommendations(db, unique), _recommending_states(db, unique)


def _rows(
    scores: dict[str, float],
    items: dict[str, Recommendation],
    states: dict[str, list[tuple[str, str]]],
) -> list[RelatedRow]:
    """Rows for recommendations with their scores, best first (ties by id)."""
    ordered = sorted(scores, key=lambda rid: (-scores[rid], rid))
    return [RelatedRow(items[rid], scores[rid], states.get(rid, [])) for rid in ordered]


def _recommendations(db: Session, ids: list[str]) -> dict[str, Recommendation]:
    if not ids:
        return {}
    query = select(Recommendation).where(col(Recommendation.id).in_(ids))
    return {row.id: row for row in db.execute(query).scalars()}


def _recommending_states(db: Session, ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    if not ids:
        return {}
    query = (
        select(col(RecommendingState.recommendation_id), col(State.iso3), col(State.name))
        .join(State, col(State.iso3) == col(RecommendingState.iso3))
        .where(col(RecommendingState.recommendation_id).in_(ids))
        .order_by(col(RecommendingState.recommendation_id), col(RecommendingState.ordinal))
    )
    states: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for rid, iso3, name in db.execute(query):
        states[rid].append((iso3, name))
    return states
