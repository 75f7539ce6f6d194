"""The database objects of full-text search stay consistent with the recommendations."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app.db import build_engine
from app.kit.dialect import is_sqlite


def _fts_consistent(db_or_connection) -> None:  # type: ignore[no-untyped-def]
    # raises if the index differs from the content table
    db_or_connection.execute(
        text(
            "INSERT INTO recommendation_fts(recommendation_fts, rank) VALUES ('integrity-check', 1)"
        )
    )


def test_index_agrees_with_the_texts(db: Session) -> None:
    if db.get_bind().dialect.name == "sqlite":
        _fts_consistent(db)
        return
    stale = (
        db.connection()
        .exec_driver_sql(
            "SELECT count(*) FROM recommendation WHERE search_vector IS DISTINCT FROM "
            "to_tsvector('upr', translate(text, '.-/@:_+&<>', '          '))"
        )
        .scalar_one()
    )
    assert stale == 0


def test_sqlite_index_survives_deletes_and_vacuum(scratch_database_url: str) -> None:
    if not is_sqlite(scratch_database_url):
        pytest.skip("VACUUM renumbering rowids is a SQLite matter")
    engine = build_engine(scratch_database_url)
    with engine.begin() as connection:
        for n in range(1, 201):
            connection.execute(
                text(
                    "INSERT INTO recommendation (id, review_id, session_number, state_iso3, "
                    "paragraph, paragraph_major, paragraph_minor, text, text_from) VALUES "
                    "(:id, '48-KAZ', 48, 'KAZ', :p, 140, :n, :t, 'working_group_report')"
                ),
                {"id": f"48-KAZ-140.{n}", "p": f"140.{n}", "n": n, "t": f"Protect word{n}"},
            )
        connection.execute(text("DELETE FROM recommendation WHERE paragraph_minor % 3 = 0"))
    vacuum = sqlite3.connect(make_url(scratch_database_url).database or "")
    vacuum.execute("VACUUM")  # renumbers rowids where a table has no INTEGER PRIMARY KEY
    vacuum.close()
    with engine.begin() as connection:
        _fts_consistent(connection)
        found = connection.execute(
            text(
                "SELECT r.id FROM recommendation_fts f JOIN recommendation r "
                "ON r.rowid = f.rowid WHERE recommendation_fts MATCH 'word200'"
            )
        ).scalars()
        assert list(found) == ["48-KAZ-140.200"]
    engine.dispose()
