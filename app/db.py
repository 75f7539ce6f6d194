"""Database engine and sessions: the process's engine, and a session per request for reads.

Writes go through a unit of work (`app.unit_of_work`) on the same session; what differs
between SQLite and PostgreSQL is in `app.kit.dialect`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import Annotated, Any, TypeVar

from fastapi import Depends
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import CursorResult, Engine, Executable
from sqlmodel import Session, create_engine

from app.config import get_settings
from app.kit import dialect

T = TypeVar("T")


def build_engine(
    url: str, *, pool_size: int = 5, max_overflow: int = 5, statement_timeout_ms: int = 0
) -> Engine:
    """An engine for `url`, configured for its database (`app.kit.dialect`)."""
    engine = create_engine(
        url,
        **dialect.engine_options(
            url,
            pool_size=pool_size,
            max_overflow=max_overflow,
            statement_timeout_ms=statement_timeout_ms,
        ),
    )
    dialect.configure(engine)
    return engine


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
) -> CursorResult[*tuple[Any, ...]]:
    """Run a read of plain columns on the session's connection, in its transaction, without
    the ORM's result processing (noticeably cheaper per row for lists and exports)."""
    return db.connection().execute(statement, parameters)


async def run_read(db: Session, work: Callable[[], T], *, short: bool) -> T:
    """Run `work()`, the reads of a request on `db` that build its response, then give the
    session's connection back; `short` when the reads are a keyset page or look-ups in the
    tallies, bounded by their page (no full-text search).

    Short reads on an in-process database (SQLite) run on the event loop: they wait on
    nothing, and the hop to the thread pool and back costs more than the reads. Other reads
    run in the thread pool, and so does giving the connection back (a rollback), in the same
    hop: on PostgreSQL both wait on the server, and a long SQLite read (a search) works
    outside the GIL while the loop goes on with other requests.
    """

    def work_then_close() -> T:
        try:
            return work()
        finally:
            db.close()

    if short and dialect.in_process(db):
        return work_then_close()
    return await run_in_threadpool(work_then_close)


# Closing a session that read gives its connection back with a rollback (a round trip on
# PostgreSQL). It runs in threads of its own: queued behind endpoints in the shared thread pool,
# closes could wait on endpoints that themselves wait for the connections those closes hold.
# On SQLite the rollback is a call in this process, made where the request ran.
_SESSION_CLOSER = ThreadPoolExecutor(max_workers=2, thread_name_prefix="session-close")


async def get_db() -> AsyncIterator[Session]:
    """A database session for one request: reads use it as it is, a write through its unit
    of work (`app.unit_of_work.UnitOfWorkDep`), which commits it.

    Creating it touches nothing: a connection is checked out at the first statement, so a
    request answered before any (a 304, a cached body) costs no thread hop.
    """
    db = Session(get_engine())
    try:
        yield db
    finally:
        if db.in_transaction() and not dialect.in_process(db):
            await asyncio.get_running_loop().run_in_executor(_SESSION_CLOSER, db.close)
        else:
            db.close()


DbDep = Annotated[Session, Depends(get_db)]

SessionFactory = Callable[[], AbstractContextManager[Session]]
"""What makes a new session (`sqlmodel.Session` bound to an engine), for work that runs a unit
of work per batch or per state rather than one per request."""
