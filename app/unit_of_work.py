"""The unit of work: the one owner of a write's transaction.

A write opens one (`UnitOfWorkDep` in a route, `unit_of_work(db)` on the command line or in a
batch of a long import), and what it calls only adds and flushes on `work.db`, noting in
`work.changes` what derived data depends on and recording its audit entry with `work.audit`.
When the write succeeds the unit of work, in this order, refreshes the derived data
(`app.derived.refresh`), adds the audit entries, moves the dataset version forward if
anything changed (`app.versioning.bump`, last, so that its row lock is held briefly) and
commits; the route's then tells this process's caches that the data changed. A write that
fails, or one discarded (a dry run), is rolled back and leaves nothing behind.

Nothing else in `app` commits or rolls back (`tests/test_ownership.py` checks it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from app.db import DbDep
from app.derived import Changes, refresh
from app.kit.caching import written
from app.models.auth import ApiKey, AuditEntry
from app.versioning import bump


class UnitOfWork:
    """One write: its session, what it changed, the audit entries it records, and whether it
    is kept."""

    def __init__(self, db: Session, request_id: str | None = None) -> None:
        self.db = db
        self.changes = Changes()
        self.request_id = request_id
        self.moved = False  # whether the committed write moved the dataset version
        self._audits: list[AuditEntry] = []
        self._discarded = False

    def audit(self, key: ApiKey, action: str, target: str, detail: str | None = None) -> None:
        """Record that `key` did `action` to `target`: written with the write, if it commits."""
        assert key.id is not None
        self._audits.append(
            AuditEntry(
                at=dt.datetime.now(dt.UTC),
                key_id=key.id,
                action=action,
                target=target[:200],
                request_id=self.request_id,
                detail=detail,
            )
        )

    def discard(self) -> None:
        """Roll back at the end instead of committing (a dry run): nothing is written."""
        self._discarded = True

    def _finish(self) -> None:
        if self._discarded:
            self.db.rollback()
            return
        refresh(self.db, self.changes)
        self.db.add_all(self._audits)
        if self.changes.any:
            bump(self.db)
        self.db.commit()
        self.moved = self.changes.any


@contextlib.contextmanager
def unit_of_work(db: Session, request_id: str | None = None) -> Iterator[UnitOfWork]:
    """A unit of work on `db`: committed when the block ends, rolled back if it raises."""
    work = UnitOfWork(db, request_id)
    try:
        yield work
        work._finish()
    except BaseException:
        db.rollback()
        raise


def request_unit_of_work(request: Request, db: DbDep) -> Iterator[UnitOfWork]:
    """Dependency of every write route: the request's unit of work, finished when the route
    returns and before the response is sent (a failed commit is an error response, and a
    client that gets an answer can read what it wrote). A write that moved the dataset
    version invalidates this process's copy of it (`app.kit.caching`)."""
    with unit_of_work(db, getattr(request.state, "request_id", None)) as work:
        yield work
    if work.moved:
        written(request)


UnitOfWorkDep = Annotated[UnitOfWork, Depends(request_unit_of_work, scope="function")]
