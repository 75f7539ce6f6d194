"""The action categories stored with the recommendations, and keeping them current.

Every write of a recommendation's text stores its category (`action_category_columns`).
`refresh` recomputes those stored by an older method or not at all (recommendations loaded
before the classifier existed, or after its rules changed): `upr classify`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select, update
from sqlmodel import Session, col

from app.classification.action_category import METHOD, classify
from app.models.recommendations import Recommendation

R = Recommendation
_BATCH = 2_000


def action_category_columns(text: str) -> dict[str, Any]:
    """The stored action category of a text, as computed from it alone (`classify`)."""
    result = classify(text)
    return {
        "action_category": result.category,
        "action_category_confidence": result.confidence if result.category else None,
        "action_category_rule": result.rule,
        "action_category_evidence": " ".join(result.evidence) or None,
        "action_category_reason": result.reason,
        "action_category_method": result.method,
    }


def refresh(db: Session) -> list[str]:
    """Recompute, in the caller's transaction, every category not stored by the current
    method; the ids of the recommendations recomputed."""
    stale = or_(col(R.action_category_method).is_(None), col(R.action_category_method) != METHOD)
    done: list[str] = []
    while rows := db.execute(select(col(R.id), col(R.text)).where(stale).limit(_BATCH)).all():
        for rid, text in rows:
            db.execute(update(R).where(col(R.id) == rid).values(action_category_columns(text)))
            done.append(rid)
    return done
