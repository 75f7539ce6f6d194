"""The migrations and the models describe the same schema, on every backend."""

from alembic import command
from sqlalchemy import Engine, inspect

from app.migrate import alembic_config, current_revision, head_revision
from app.models import metadata


def test_models_and_migrations_agree(database_url: str) -> None:
    # `alembic check` raises when autogenerate would produce any operation.
    command.check(alembic_config(database_url))


def test_database_is_at_head_with_every_table(engine: Engine) -> None:
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert set(metadata.tables) <= tables
