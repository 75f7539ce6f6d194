"""Every migration undone down to an empty database, then redone to head, on both backends: the
downgrades leave nothing of the schema behind but Alembic's version table, and the upgraded
schema is the models' again (`alembic check`, as tests/test_migrations.py does) with search
working as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from sqlalchemy import Engine, inspect, text
from sqlmodel import Session

from app.auth.keys import create_key
from app.db import build_engine
from app.importers.documents import DocumentSpec, parse_document
from app.migrate import alembic_config, current_revision, head_revision, upgrade
from app.models import metadata
from app.models.tracking import TrackingEntry, TrackingSource, TrackingStatus
from app.vocab import DocumentKind
from tests.conftest import committing_client
from tests.support.writes import load_committed, seed_committed

REPORT = Path(__file__).resolve().parent.parent / "data/documents/FJI/session-07/A_HRC_14_8.pdf"
SEARCHES = ("torture", '"death penalty"', "women OR girls", "discriminat*")


def fill(engine: Engine) -> dict[str, int]:
    """Load Fiji's 1st Working Group report and add a tracking entry (its table has triggers);
    return how many recommendations each search finds."""
    with Session(engine) as db:
        report = load_committed(
            db, parse_document(DocumentSpec(REPORT, DocumentKind.working_group_report))
        )
    assert report.added == 103
    with Session(engine) as db:
        key = create_key(db, "tracker", ["tracking"]).key
        assert key.id is not None
        first = db.execute(text("SELECT MIN(id) FROM recommendation")).scalar_one()
        db.add(
            TrackingEntry(
                recommendation_id=first,
                status=TrackingStatus.in_progress,
                status_date=dt.date(2012, 1, 1),
                source=TrackingSource.government,
                author_key_id=key.id,
                recorded_at=dt.datetime.now(dt.UTC),
            )
        )
        db.commit()
    found: dict[str, int] = {}
    with committing_client(engine) as client:
        for query in SEARCHES:
            response = client.get("/v1/recommendations", params={"q": query, "count": "exact"})
            assert response.status_code == 200, response.text
            found[query] = response.json()["total"]
    return found


def leftovers(engine: Engine) -> list[tuple[str, str]]:
    """Schema objects other than tables that a migration made: triggers, search objects,
    sequences, functions and types (PostgreSQL), anything in sqlite_master (SQLite)."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            rows = connection.execute(
                text(
                    "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' "
                    "ESCAPE '\\' AND name != 'alembic_version'"
                )
            )
            return [tuple(row) for row in rows]
        not_an_extension = (
            "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = o.oid AND d.deptype = 'e')"
        )
        queries = {
            "trigger": "SELECT tgname FROM pg_trigger o WHERE NOT tgisinternal",
            "sequence": "SELECT relname FROM pg_class o JOIN pg_namespace n ON n.oid = "
            "relnamespace WHERE relkind = 'S' AND nspname = 'public'",
            "function": "SELECT proname FROM pg_proc o JOIN pg_namespace n ON n.oid = "
            f"pronamespace WHERE nspname = 'public' AND {not_an_extension}",
            "search configuration": "SELECT cfgname FROM pg_ts_config o JOIN pg_namespace n ON "
            f"n.oid = cfgnamespace WHERE nspname = 'public' AND {not_an_extension}",
            "search dictionary": "SELECT dictname FROM pg_ts_dict o JOIN pg_namespace n ON "
            f"n.oid = dictnamespace WHERE nspname = 'public' AND {not_an_extension}",
            "type": "SELECT typname FROM pg_type o JOIN pg_namespace n ON n.oid = typnamespace "
            f"WHERE nspname = 'public' AND typtype IN ('e', 'd') AND {not_an_extension}",
        }
        return [
            (kind, name)
            for kind, query in queries.items()
            for name in connection.execute(text(query)).scalars()
        ]


def test_downgrade_to_base_and_upgrade_to_head(scratch_database_url: str) -> None:
    url = scratch_database_url
    engine = build_engine(url)
    try:
        at_head = set(inspect(engine).get_table_names())
        objects_at_head = sorted(leftovers(engine))
        assert set(metadata.tables) <= at_head
        found = fill(engine)
        assert found["torture"] > 0 and found['"death penalty"'] > 0

        command.downgrade(alembic_config(url), "base")
        engine.dispose()
        assert inspect(engine).get_table_names() == ["alembic_version"]
        assert inspect(engine).get_view_names() == []
        assert leftovers(engine) == []
        with engine.connect() as connection:
            assert current_revision(connection) is None
            assert (
                connection.execute(text("SELECT COUNT(*) FROM alembic_version")).scalar_one() == 0
            )

        upgrade(url)
        engine.dispose()
        with engine.connect() as connection:
            assert current_revision(connection) == head_revision()
        assert set(inspect(engine).get_table_names()) == at_head
        assert sorted(leftovers(engine)) == objects_at_head  # triggers and search objects too
        command.check(alembic_config(url))  # the models and the schema agree
        with Session(engine) as db:
            # an empty database again: all the reference data
            assert seed_committed(db).added == 458
        assert fill(engine) == found
    finally:
        engine.dispose()
