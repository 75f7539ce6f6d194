"""The link keys stored with each recommendation stand for exactly its links."""

from __future__ import annotations

from typing import Any

import orjson
from alembic import command
from sqlalchemy import select
from sqlmodel import Session, col

from app.db import build_engine
from app.migrate import alembic_config
from app.models.recommendations import (
    NO_LINKS,
    Recommendation,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationTheme,
)
from app.models.reviews import Document
from app.models.taxonomy import Sdg
from app.recommendations import related
from app.vocab import DocumentKind
from tests.conftest import bundled_documents_parsed, bundled_thematic_list
from tests.support.writes import load_committed


def normalised(link_keys: str) -> list[Any]:
    """Keys with the unordered links sorted: only the recommending states' order matters."""
    states, themes, groups, sdgs, external = orjson.loads(link_keys)
    return [states, sorted(themes), sorted(groups), sorted(sdgs), sorted(external)]


def stored_and_recomputed(db: Session) -> list[tuple[str, list[Any], list[Any]]]:
    recomputed = related.link_keys_column(db.get_bind().dialect.name, "recommendation.id")
    rows = db.execute(
        select(Recommendation.id, Recommendation.link_keys, recomputed).order_by(Recommendation.id)
    )
    return [(rid, normalised(stored), normalised(fresh)) for rid, stored, fresh in rows]


def test_imports_store_the_keys_of_the_links_they_write(db: Session) -> None:
    # the reports add the recommendations (keys built with the rows); the addenda and
    # thematic lists change their links (keys recomputed from the link tables)
    rows = stored_and_recomputed(db)
    documents = bundled_documents_parsed()
    given = {
        (d.session, d.state_under_review, r.paragraph) for d in documents for r in d.recommendations
    }
    assert len(rows) == len(given)
    assert sum(1 for rid, _, _ in rows if rid.split("-")[1] == "SVN") == 514  # Slovenia's 3 reviews
    assert [(rid, stored) for rid, stored, _ in rows] == [(rid, fresh) for rid, _, fresh in rows]
    # the thematic lists' themes, groups and SDGs: in the keys of exactly the linked ones
    for position, link in enumerate(
        (RecommendationTheme, RecommendationGroup, RecommendationSdg), start=1
    ):
        linked = set(db.execute(select(link.recommendation_id).distinct()).scalars())
        assert {rid for rid, stored, _ in rows if stored[position]} == linked
    # every recommendation of a review with a thematic list has themes, and only those
    listed = select(Document.review_id).where(Document.kind == DocumentKind.thematic_list)
    of_lists = select(Recommendation.id).where(col(Recommendation.review_id).in_(listed))
    assert {rid for rid, stored, _ in rows if stored[1]} == set(db.execute(of_lists).scalars())
    assert all(stored[0] for _, stored, _ in rows)  # every one has its recommending states


def test_changed_links_are_recomputed(db: Session) -> None:
    rid = "48-SVN-140.7"
    db.execute(
        RecommendationTheme.__table__.delete().where(RecommendationTheme.recommendation_id == rid)
    )
    related.refresh_link_keys(db, [rid])
    stored = db.execute(select(Recommendation.link_keys).where(Recommendation.id == rid))
    assert normalised(stored.scalar_one())[1] == []


def test_keys_resolve_to_the_listed_relationships(db: Session) -> None:
    for code in ("16.a", "16.10", "5.2"):
        db.merge(Sdg(code=code, goal=int(code.split(".")[0])))
    db.flush()
    lookups = related.Lookups.read(db)
    keys = orjson.dumps([["FRA", "ESP"], [], [], ["16.a", "16.10", "16", "5.2"], []]).decode()
    links = related.links_from_keys(keys, lookups)
    assert links.states == [("FRA", "France"), ("ESP", "Spain")]
    assert links.sdgs == ["5.2", "16", "16.10", "16.a"]
    assert related.links_from_keys(NO_LINKS, lookups) == ([], [], [], [], [])


def test_the_migration_stores_what_the_importers_store(scratch_database_url: str) -> None:
    engine = build_engine(scratch_database_url)
    thematic_list = bundled_thematic_list(48)
    try:
        with Session(engine) as db:
            load_committed(db, thematic_list)
            imported = stored_and_recomputed(db)
        assert len(imported) == 254
        command.downgrade(alembic_config(scratch_database_url), "0006_session_tally")
        command.upgrade(alembic_config(scratch_database_url), "head")
        with Session(engine) as db:
            assert stored_and_recomputed(db) == imported
    finally:
        engine.dispose()


def test_sdgs_are_in_the_official_order() -> None:
    codes = ["16.a", "16.10", "16", "16.2", "5.2", "2", "16.b"]
    ordered = ["2", "5.2", "16", "16.2", "16.10", "16.a", "16.b"]
    assert sorted(codes, key=related.sdg_order) == ordered
