"""Running the Alembic migrations from the service, the CLI and the tests."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from app.config import PROJECT_ROOT
from app.db import build_engine
from app.kit.dialect import held_lock, is_sqlite

SCHEMA_LOCK = 7_301_905  # PostgreSQL advisory lock key: one migrating/seeding process at a time


def alembic_config(url: str | None = None) -> Config:
    """An Alembic configuration for this project, pointing at `url` when given."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.attributes["configure_logger"] = False
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Migrate the database at `url` (default: the configured one) to `revision`."""
    command.upgrade(alembic_config(url), revision)


def head_revision() -> str | None:
    """The newest revision the code knows."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    """The revision a database is at (None when never migrated)."""
    return MigrationContext.configure(connection).get_current_revision()


@contextlib.contextmanager
def exclusive(url: str) -> Iterator[None]:
    """Run the block while holding the schema lock (PostgreSQL), so that containers starting
    together migrate and seed one after the other. SQLite serialises writers itself."""
    if is_sqlite(url):
        yield
        return
    engine = build_engine(url, pool_size=1, max_overflow=0)
    try:
        with engine.connect() as connection, held_lock(connection, SCHEMA_LOCK):
            yield
    finally:
        engine.dispose()
