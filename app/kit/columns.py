"""Column helpers shared by every table: constraint names, closed-set enum columns and a table
model's Core table."""

from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Table
from sqlmodel import SQLModel

# Stable, explicit constraint names so that migrations are the same on SQLite and PostgreSQL.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def enum_column(
    enum: type[StrEnum],
    *,
    nullable: bool,
    index: bool = False,
    name: str | None = None,
    primary_key: bool = False,
) -> Any:
    """A VARCHAR column of an enum's values, guarded by a CHECK constraint on both databases."""
    return sa.Column(
        sa.Enum(
            enum,
            name=name or enum.__name__.lower(),
            native_enum=False,
            create_constraint=True,
            length=max(len(member.value) for member in enum),
            values_callable=lambda members: [member.value for member in members],
            validate_strings=True,
        ),
        nullable=nullable,
        index=index,
        primary_key=primary_key,
    )


def table_of(model: type[SQLModel]) -> Table:
    """The Core table of a table model (`table=True`), for statements on rows without the ORM
    (bulk inserts and updates, selects of plain rows)."""
    # SQLModel sets `__table__` on every table model when the class is created but does not
    # declare it on `SQLModel`, so the type checker cannot see it: the one place it is read.
    return model.__table__  # type: ignore[attr-defined]
