"""Database engine and sessions: one place for the SQLite and PostgreSQL differences."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import ClauseElement, CursorResult, Engine, Executable, Select, event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.compiler import compiles
from sqlmodel import Session, create_engine

from app.config import get_settings


def is_sqlite(url: str) -> bool:
    """Whether a database URL points at SQLite."""
    return make_url(url).get_backend_name() == "sqlite"


def build_engine(
    url: str, *, pool_size: int = 5, max_overflow: int = 5, statement_timeout_ms: int = 0
) -> Engine:
    """An engine for `url`, with SQLite in WAL mode with foreign keys, or a pooled PostgreSQL.

    On SQLite the pool keeps every connection it may open (`pool_size + max_overflow`): an
    overflow connection closed after use would take its page cache with it, and the next one
    would start cold.
    """
    if is_sqlite(url):
        database = make_url(url).database
        pool: dict[str, int] = {}  # an in-memory database keeps SQLAlchemy's one-per-thread
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
            pool = {"pool_size": pool_size + max_overflow, "max_overflow": 0}
        engine = create_engine(
            url, **pool, connect_args={"check_same_thread": False, "timeout": 30}
        )
        _configure_sqlite(engine)
        return engine
    connect_args: dict[str, Any] = {"connect_timeout": 5}  # a dead database fails fast
    if statement_timeout_ms:
        connect_args["options"] = f"-c statement_timeout={statement_timeout_ms}"
    return create_engine(
        url,
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_pre_ping=True,
        pool_timeout=10,
        connect_args=connect_args,
    )


def _configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys and real transactions (SAVEPOINT, BEGIN) on every connection."""

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


@lru_cache
def get_engine() -> Engine:
    """The process-wide engine built from the settings."""
    settings = get_settings()
    pool_size, max_overflow = settings.pool_sizes()
    return build_engine(
        settings.database_url,
        pool_size=pool_size,
        max_overflow=max_overflow,
        statement_timeout_ms=settings.db_statement_timeout_ms,
    )


def read(
    db: Session, statement: Executable, parameters: dict[str, Any] | None = None
) -> CursorResult[Any]:
    """Run a read of plain columns on the session's connection, in its transaction, without
    the ORM's result processing (noticeably cheaper per row for lists and exports)."""
    return db.connection().execute(statement, parameters)


# Closing a session that read gives its connection back with a rollback (a round trip on
# PostgreSQL). It runs in threads of its own: queued behind endpoints in the shared thread pool,
# closes could wait on endpoints that themselves wait for the connections those closes hold.
_SESSION_CLOSER = ThreadPoolExecutor(max_workers=2, thread_name_prefix="session-close")


async def get_db() -> AsyncIterator[Session]:
    """A database session for one request.

    Creating it touches nothing: a connection is checked out at the first statement, so a
    request answered before any (a 304, a cached body) costs no thread hop.
    """
    db = Session(get_engine())
    try:
        yield db
    finally:
        if db.in_transaction():
            await asyncio.get_running_loop().run_in_executor(_SESSION_CLOSER, db.close)
        else:
            db.close()


DbDep = Annotated[Session, Depends(get_db)]


class _Explain(Executable, ClauseElement):
    """`EXPLAIN (FORMAT JSON)` of a statement, with the statement's parameters bound."""

    inherit_cache = False

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement


@compiles(_Explain, "postgresql")
def _compile_explain(element: _Explain, compiler: Any, **kw: Any) -> str:
    return "EXPLAIN (FORMAT JSON) " + compiler.process(element.statement, **kw)


def estimated_rows(db: Session, statement: Select[Any]) -> int | None:
    """The planner's estimate of the rows `statement` returns (PostgreSQL); None on SQLite,
    which keeps no such statistics."""
    if db.get_bind().dialect.name != "postgresql":
        return None
    plan = db.execute(_Explain(statement)).scalar_one()
    return int(plan[0]["Plan"]["Plan Rows"])
