"""Stored action categories: written with the text, recomputed when missing or outdated."""

from sqlalchemy import update
from sqlmodel import Session, col, select

from app.classification.action_category import METHOD, classify
from app.classification.stored import refresh
from app.models.recommendations import Recommendation

R = Recommendation


def test_imports_store_the_category_of_each_text(db: Session) -> None:
    rows = db.exec(select(R).where(R.review_id == "20-KAZ")).all()
    assert len(rows) == 194
    for row in rows:
        result = classify(row.text)
        assert (row.action_category, row.action_category_method) == (result.category, METHOD)
        assert row.action_category_rule == result.rule


def test_refresh_recomputes_missing_and_outdated_categories_only(db: Session) -> None:
    db.execute(
        update(R)
        .where(col(R.review_id) == "20-KAZ")
        .values(action_category=None, action_category_method="rules-v0")
    )
    db.execute(update(R).where(col(R.review_id) == "7-KAZ").values(action_category_method=None))
    outdated = db.exec(select(R.id).where(col(R.review_id).in_(["20-KAZ", "7-KAZ"]))).all()
    assert sorted(refresh(db)) == sorted(outdated)
    db.expire_all()
    first = db.get(R, "20-KAZ-124.1")
    assert first is not None and first.action_category == classify(first.text).category
    assert refresh(db) == []
