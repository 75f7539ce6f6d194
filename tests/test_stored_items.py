"""The stored API items stay equal to the items built from the recommendations and their links,
after imports, recomputed categories, renamed states and the migration that fills them."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import orjson
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update
from sqlmodel import Session, col

from app.classification.stored import refresh as classify_stored
from app.db import build_engine
from app.migrate import alembic_config
from app.models.recommendations import Recommendation, RecommendationItem
from app.recommendations import items, related
from app.reference import REFERENCE_DIR
from app.unit_of_work import unit_of_work
from tests.conftest import bundled_thematic_list
from tests.support.writes import load_committed, seed_committed

R = Recommendation


def stored_and_built(db: Session) -> dict[str, tuple[Any, Any]]:
    """(stored item, item built now) of every recommendation, by id."""
    pairs = select(RecommendationItem.recommendation_id, RecommendationItem.item)
    stored = dict(db.execute(pairs).all())
    ids = db.execute(select(R.id)).scalars().all()
    lookups = related.Lookups.read(db)
    built = {row.id: items.build(row, lookups) for row in items.rows_of(db, ids)}
    return {rid: (orjson.loads(stored[rid]) if rid in stored else None, built[rid]) for rid in ids}


def assert_current(db: Session) -> None:
    pairs = stored_and_built(db)
    stale = [rid for rid, (stored, built) in pairs.items() if stored != built]
    assert not stale, f"{len(stale)} stale items, e.g. {stale[:3]}"
    assert db.execute(select(func.count()).select_from(RecommendationItem)).scalar() == len(pairs)


def test_imports_store_every_item_as_built(db: Session) -> None:
    assert_current(db)  # the default instance: reports, addenda and thematic lists imported


def test_the_list_and_the_item_send_the_stored_item(client: TestClient, db: Session) -> None:
    stored = orjson.loads(db.get_one(RecommendationItem, "48-SVN-140.7").item)
    listed = client.get("/v1/recommendations", params={"review": "48-SVN", "limit": 500}).json()
    item = next(i for i in listed["items"] if i["id"] == "48-SVN-140.7")
    assert item == {**stored, "snippet": None, "score": None}
    searched = client.get("/v1/recommendations", params={"review": "48-SVN", "q": "roma"}).json()
    assert searched["items"] and all(i["snippet"] and i["score"] for i in searched["items"])
    assert {k: v for k, v in searched["items"][0].items() if k not in ("snippet", "score")} == (
        orjson.loads(db.get_one(RecommendationItem, searched["items"][0]["id"]).item)
    )
    detail = client.get("/v1/recommendations/48-SVN-140.7").json()
    assert {k: detail[k] for k in stored} == stored


def test_recomputed_categories_rewrite_their_items(db: Session) -> None:
    with unit_of_work(db):
        db.execute(
            update(R)
            .where(col(R.review_id) == "20-KAZ")
            .values(action_category=None, action_category_method="rules-v0")
        )
    stale = stored_and_built(db)["20-KAZ-124.1"]
    assert stale[0] != stale[1]  # written outside the unit of work's notes: stale on purpose
    with unit_of_work(db) as work:
        work.changes.recommendations_changed(classify_stored(db))
    assert_current(db)


def test_a_renamed_state_rewrites_every_item_naming_it(db: Session, tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, reference)
    states = reference / "states.csv"
    states.write_text(
        states.read_text(encoding="utf-8").replace(",France,", ",French Republic,"),
        encoding="utf-8",
    )
    before = db.execute(select(RecommendationItem.item)).scalars().all()
    assert any('"iso3":"FRA","name":"France"' in stored for stored in before)
    seed_committed(db, reference)
    assert_current(db)
    after = db.execute(select(RecommendationItem.item)).scalars().all()
    assert any('"iso3":"FRA","name":"French Republic"' in stored for stored in after)
    assert not any('"iso3":"FRA","name":"France"' in stored for stored in after)


def test_the_migration_stores_what_the_importers_store(scratch_database_url: str) -> None:
    engine = build_engine(scratch_database_url)
    try:
        with Session(engine) as db:
            load_committed(db, bundled_thematic_list(48))
            imported = stored_and_built(db)
        assert len(imported) == 254
        assert all(stored == built for stored, built in imported.values())
        command.downgrade(alembic_config(scratch_database_url), "0009_sources")
        command.upgrade(alembic_config(scratch_database_url), "head")
        with Session(engine) as db:
            assert stored_and_built(db) == imported
    finally:
        engine.dispose()
