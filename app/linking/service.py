"""Computing and storing links, one state under review at a time, in the caller's transaction.

Linking works per state: its recommendations in every review form the corpus that weighs the
terms, so whenever one of its reviews changes, all of its links are recomputed (a few hundred
to a few thousand recommendations: well under a second) and the result does not depend on the
order in which reviews were imported. Each state is linked under an advisory lock
(`app.kit.dialect.advisory_lock`) so that two imports into one state's reviews do not
interleave.

- `link_reviews(db, review_ids)`: the states of reviews a document import changed, in its
  transaction (`app.derived.refresh`, for `Changes.link`);
- `mark_pending(db, review_ids)`: reviews a dataset import changed, linked after it, one state
  per transaction (`app.linking.runs.link_pending`), or by `upr link` later
  (`Changes.link_pending`);
- `link_state(db, iso3, names)`: one state, as both do and as `upr link --review/--all` does.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import delete, insert, select
from sqlmodel import Session, col

from app.kit.columns import table_of
from app.kit.dialect import advisory_lock
from app.linking.similarity import Doc, compute_links
from app.linking.text import terms
from app.models.linking import RecommendationLink, ReviewLinking
from app.models.recommendations import Recommendation, RecommendingState
from app.models.reviews import Review
from app.states.queries import name_index
from app.vocab import cycle_of_session


def states_of(db: Session, review_ids: Iterable[str]) -> list[str]:
    """The states under review of these reviews, sorted."""
    ids = sorted(set(review_ids))
    if not ids:
        return []
    query = select(col(Review.state_iso3)).where(col(Review.id).in_(ids)).distinct()
    return sorted(db.execute(query).scalars())


def state_docs(db: Session, iso3: str, state_names: frozenset[str]) -> list[Doc]:
    """Every recommendation made to `iso3`, as the linker sees it."""
    recommending: dict[str, set[str]] = defaultdict(set)
    for rid, code in db.execute(
        select(col(RecommendingState.recommendation_id), col(RecommendingState.iso3))
        .join(Recommendation, col(Recommendation.id) == col(RecommendingState.recommendation_id))
        .where(col(Recommendation.state_iso3) == iso3)
    ):
        recommending[rid].add(code)
    rows = db.execute(
        select(
            col(Recommendation.id),
            col(Recommendation.review_id),
            col(Recommendation.session_number),
            col(Recommendation.text),
        ).where(col(Recommendation.state_iso3) == iso3)
    )
    return [
        Doc(
            id=rid,
            review_id=review,
            cycle=cycle_of_session(session),
            states=frozenset(recommending[rid]),
            terms=tuple(terms(body, state_names)),
        )
        for rid, review, session, body in rows
    ]


def link_state(db: Session, iso3: str, state_names: frozenset[str]) -> tuple[int, int]:
    """Recompute and store every link among the recommendations made to `iso3` (no commit).

    Returns (recommendations, links).
    """
    advisory_lock(db, f"link:{iso3}")  # one state's links are written by one import at a time
    docs = state_docs(db, iso3, state_names)
    links = compute_links(docs)
    mine = select(col(Recommendation.id)).where(col(Recommendation.state_iso3) == iso3)
    db.execute(
        delete(RecommendationLink).where(col(RecommendationLink.recommendation_id).in_(mine))
    )
    if links:
        db.connection().execute(
            insert(table_of(RecommendationLink)),
            [
                {
                    "recommendation_id": link.recommendation_id,
                    "related_id": link.related_id,
                    "kind": link.kind,
                    "score": link.score,
                    "rank": link.rank,
                }
                for link in links
            ],
        )
    reviews = select(col(Review.id)).where(col(Review.state_iso3) == iso3)
    db.execute(delete(ReviewLinking).where(col(ReviewLinking.review_id).in_(reviews)))
    now = dt.datetime.now(dt.UTC)
    linked = sorted({doc.review_id for doc in docs})
    if linked:
        db.execute(
            insert(table_of(ReviewLinking)),
            [{"review_id": rid, "pending": False, "linked_at": now} for rid in linked],
        )
    return len(docs), len(links)


def link_reviews(db: Session, review_ids: Iterable[str]) -> None:
    """Link the states of these reviews in the caller's transaction."""
    names = frozenset(name_index(db))
    for iso3 in states_of(db, review_ids):
        link_state(db, iso3, names)


def mark_pending(db: Session, review_ids: Iterable[str]) -> None:
    """Note that these reviews changed and need linking (in the caller's transaction)."""
    for rid in sorted(set(review_ids)):
        row = db.get(ReviewLinking, rid)
        if row is None:
            db.add(ReviewLinking(review_id=rid, pending=True))
        else:
            row.pending = True
    db.flush()


def pending_states(db: Session) -> list[str]:
    """States with at least one review waiting to be linked."""
    pending = select(col(ReviewLinking.review_id)).where(col(ReviewLinking.pending))
    return states_of(db, db.execute(pending).scalars())


def all_states(db: Session) -> list[str]:
    """Every state that has recommendations loaded."""
    return sorted(db.execute(select(col(Recommendation.state_iso3)).distinct()).scalars())
