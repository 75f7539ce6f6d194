"""What a recommendation's page shows: its text, states, position and its source, themes,
groups and SDGs, related recommendations of other cycles with their scores, its tracking
history, and its sources with their disagreements."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from app.linking import queries as linking_queries
from app.linking.similarity import NEAR_IDENTICAL_THRESHOLD, REPEATED_THRESHOLD
from app.models.tracking import TrackingSource, TrackingStatus
from app.recommendations import queries as recommendation_queries
from app.tracking import queries as tracking_queries
from app.vocab import cycle_of_session

HISTORY_SIZE = 50

TRACKING_SOURCE_LABELS = {
    TrackingSource.government: "Government",
    TrackingSource.nhri: "National human rights institution",
    TrackingSource.civil_society: "Civil society",
    TrackingSource.un: "United Nations",
}
TRACKING_STATUS_LABELS = {
    status: status.value.replace("_", " ").capitalize() for status in TrackingStatus
}
CLAIM_LABELS = {
    "already_implemented": "The state considers it already implemented",
    "in_progress": "The state says it is being implemented",
    "implemented_or_in_progress": "The state says it is already implemented or being implemented",
}


def _linked(rows: list[linking_queries.RelatedRow]) -> list[dict[str, Any]]:
    return [
        {
            "id": row.recommendation.id,
            "review_id": row.recommendation.review_id,
            "session": row.recommendation.session_number,
            "cycle": cycle_of_session(row.recommendation.session_number),
            "text": row.recommendation.text,
            "position": row.recommendation.position,
            "states": row.recommending_states,
            "score": row.score,
        }
        for row in rows
    ]


def recommendation_page(db: Session, recommendation_id: str) -> dict[str, Any] | None:
    """Everything the recommendation page shows; None when there is no such recommendation."""
    item = recommendation_queries.get_recommendation(db, recommendation_id)
    if item is None:
        return None
    found = linking_queries.related(db, recommendation_id)
    linking = linking_queries.linking_state(db, item["review_id"])
    novelty = None
    if found["earlier"] and found["earlier"][0].score >= REPEATED_THRESHOLD:
        novelty = "repeated"
    elif linking is not None and not linking.pending:
        novelty = "new"
    history, more = tracking_queries.history(db, recommendation_id, HISTORY_SIZE, None)
    return {
        "item": item,
        "novelty": novelty,
        "earlier": _linked(found["earlier"]),
        "later": _linked(found["later"]),
        "near_identical": _linked(found["near_identical"]),
        "repeated_threshold": REPEATED_THRESHOLD,
        "near_identical_threshold": NEAR_IDENTICAL_THRESHOLD,
        "history": history,
        "history_more": more is not None,
        "current": tracking_queries.current(db, recommendation_id),
        "tracking_sources": TRACKING_SOURCE_LABELS,
        "tracking_statuses": TRACKING_STATUS_LABELS,
        "claims": CLAIM_LABELS,
    }
