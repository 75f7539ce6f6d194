"""Where SQLite and PostgreSQL differ: the one module that asks which database it is on.

- engines: SQLite in WAL mode with foreign keys and real transactions, its pool keeping every
  connection; PostgreSQL pooled, with a connect timeout and an optional statement timeout
  (`engine_options`, `configure`);
- locks: PostgreSQL advisory locks, held for a transaction (`advisory_lock`) or for a
  connection's lifetime (`held_lock`); SQLite has one writer at a time and needs none;
- JSON arrays aggregated from correlated rows (`json_array`): `json_agg` on PostgreSQL,
  `json_group_array` over an ordered subquery on SQLite;
- the planner's row estimates (`estimated_rows`), which only PostgreSQL keeps.

Full-text search is the other difference, and has its own backends (`app.search`). Everything
else asks this module (`name`, `is_sqlite`) instead of reading `dialect.name` itself.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ClauseElement,
    ColumnElement,
    Connection,
    Engine,
    Executable,
    FromClause,
    ScalarSelect,
    Select,
    Text,
    cast,
    event,
    func,
    select,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.engine import make_url
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session

SQLITE, POSTGRESQL = "sqlite", "postgresql"


def is_sqlite(url: str) -> bool:
    """Whether a database URL points at SQLite."""
    return make_url(url).get_backend_name() == SQLITE


def name(db: Session) -> str:
    """The name of the database `db` is connected to: "sqlite" or "postgresql"."""
    return db.get_bind().dialect.name


def in_process(db: Session) -> bool:
    """Whether the database of `db` runs inside this process (SQLite), so that its reads are
    this process's own work and wait on no server."""
    return name(db) == SQLITE


# -- engines --------------------------------------------------------------------------------


def engine_options(
    url: str, *, pool_size: int, max_overflow: int, statement_timeout_ms: int
) -> dict[str, Any]:
    """`create_engine` options for `url` (and, for a SQLite file, its folder made).

    On SQLite the pool keeps every connection it may open (`pool_size + max_overflow`): an
    overflow connection closed after use would take its page cache with it, and the next one
    would start cold. A PostgreSQL connection attempt gives up after 5 seconds, so that a dead
    database fails fast.
    """
    if is_sqlite(url):
        database = make_url(url).database
        options: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
        if database and database != ":memory:":  # in memory: SQLAlchemy's one per thread
            Path(database).parent.mkdir(parents=True, exist_ok=True)
            options.update(pool_size=pool_size + max_overflow, max_overflow=0)
        return options
    connect_args: dict[str, Any] = {"connect_timeout": 5}
    if statement_timeout_ms:
        connect_args["options"] = f"-c statement_timeout={statement_timeout_ms}"
    return {
        "pool_size": pool_size,
        "max_overflow": max_overflow,
        "pool_pre_ping": True,
        "pool_timeout": 10,
        "connect_args": connect_args,
    }


def configure(engine: Engine) -> None:
    """On SQLite: WAL, foreign keys and real transactions (SAVEPOINT, BEGIN) on every
    connection. PostgreSQL needs nothing."""
    if engine.dialect.name != SQLITE:
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy emit BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")


# -- locks ----------------------------------------------------------------------------------


def advisory_lock(db: Session, key: str) -> None:
    """Wait for, then hold until the transaction ends, the lock named `key` (PostgreSQL), so
    that concurrent writes of one thing (a review's import, a state's links) do not interleave.

    SQLite allows one writer at a time: a second writer that would interleave fails with
    "database is locked" and writes nothing.
    """
    if name(db) == POSTGRESQL:
        db.execute(select(func.pg_advisory_xact_lock(func.hashtext(key))))


@contextlib.contextmanager
def held_lock(connection: Connection, key: int) -> Iterator[None]:
    """Run the block holding the lock numbered `key` on `connection` (PostgreSQL), across
    the transactions other connections run meanwhile. The connection stays outside any
    transaction of its own (autocommit), so it never sits idle in one."""
    if connection.dialect.name != POSTGRESQL:
        yield
        return
    connection.execution_options(isolation_level="AUTOCOMMIT")
    connection.execute(select(func.pg_advisory_lock(key)))
    try:
        yield
    finally:
        connection.execute(select(func.pg_advisory_unlock(key)))


# -- JSON -----------------------------------------------------------------------------------


def json_array(
    dialect: str,
    columns: Sequence[ColumnElement[Any]],
    rows: FromClause,
    where: ColumnElement[bool],
    order_by: Sequence[ColumnElement[Any]] = (),
) -> ScalarSelect[str]:
    """A scalar subquery giving, as JSON text, the array of the `columns` of the `rows` that
    match `where` (a correlated condition), in `order_by` order: an array of values for one
    column, of arrays for several; `[]` when no row matches.

    PostgreSQL orders inside `json_agg`; SQLite keeps the order of a FROM subquery with ORDER
    BY for the aggregate over it (its aggregates take no ORDER BY before 3.44).
    """
    if dialect == POSTGRESQL:
        value = func.json_build_array(*columns) if len(columns) > 1 else columns[0]
        aggregate = func.json_agg(aggregate_order_by(value, *order_by) if order_by else value)
        array = cast(func.coalesce(aggregate, func.json_build_array()), Text)
        return select(array).select_from(rows).where(where).scalar_subquery()
    ordered = select(*columns).select_from(rows).where(where).order_by(*order_by).subquery("x")
    inner = list(ordered.c)
    value = func.json_array(*inner) if len(inner) > 1 else inner[0]
    return select(func.json_group_array(value, type_=Text)).scalar_subquery()


# -- planner estimates ----------------------------------------------------------------------


class _Explain(Executable, ClauseElement):
    """`EXPLAIN (FORMAT JSON)` of a statement, with the statement's parameters bound."""

    inherit_cache = False

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement


@compiles(_Explain, POSTGRESQL)
def _compile_explain(element: _Explain, compiler: Any, **kw: Any) -> str:
    return "EXPLAIN (FORMAT JSON) " + compiler.process(element.statement, **kw)


def estimated_rows(db: Session, statement: Select[Any]) -> int | None:
    """The planner's estimate of the rows `statement` returns (PostgreSQL); None on SQLite,
    which keeps no such statistics."""
    if name(db) != POSTGRESQL:
        return None
    plan = db.execute(_Explain(statement)).scalar_one()
    return int(plan[0]["Plan"]["Plan Rows"])
