"""The dataset version: one counter that every write and every import moves forward.

Caches key on it (see `app.kit.caching`): a strong ETag is derived from the version, so any
change to the data changes every ETag. The counter lives in a one-row table and is bumped in
the same transaction as the writes it stands for, so it never runs ahead of or behind them:
the unit of work (`app.unit_of_work`) bumps it when it commits a write that changed anything.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlmodel import Session, col

from app.models.versioning import ROW_ID, DatasetVersion


def bump(db: Session) -> None:
    """Move the version forward inside the caller's transaction (committed with its writes).

    Called last in a transaction (by the unit of work): on PostgreSQL the row lock it takes is
    then held briefly.
    """
    now = dt.datetime.now(dt.UTC)
    result = db.connection().execute(
        update(DatasetVersion)
        .where(col(DatasetVersion.id) == ROW_ID)
        .values(version=DatasetVersion.version + 1, changed_at=now)
    )
    if result.rowcount == 0:  # the migration inserts the row
        db.add(DatasetVersion(id=ROW_ID, version=2, changed_at=now))
        db.flush()


def read_version(db: Session) -> int:
    """The current dataset version (0 if the row is missing)."""
    query = select(col(DatasetVersion.version)).where(col(DatasetVersion.id) == ROW_ID)
    return db.execute(query).scalar_one_or_none() or 0
