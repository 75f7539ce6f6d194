"""The engine (SQLite's connection settings, its pool) and the request sessions."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import event, text

from app import db as db_module
from app.db import build_engine


def test_sqlite_connections_are_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    engine = build_engine(f"sqlite:///{tmp_path / 'upr.sqlite3'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    engine.dispose()


def test_sqlite_pool_keeps_every_connection_it_opens(tmp_path: Path) -> None:
    """Eight requests at once, twice: the second round reuses the first round's connections
    (and their page caches) instead of opening new ones."""
    engine = build_engine(f"sqlite:///{tmp_path / 'upr.sqlite3'}", pool_size=5, max_overflow=5)
    opened: list[object] = []
    event.listen(engine, "connect", lambda connection, _record: opened.append(connection))
    for _ in range(2):
        held = [engine.connect() for _ in range(8)]
        for connection in held:
            connection.execute(text("SELECT 1"))
            connection.close()
    assert len(opened) == 8
    engine.dispose()


def test_request_sessions_take_a_connection_only_when_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A request answered before any statement (a 304, a cached body) never touches the pool;
    one that read gives its connection back when it ends."""
    engine = build_engine(f"sqlite:///{tmp_path / 'upr.sqlite3'}")
    monkeypatch.setattr(db_module, "get_engine", lambda: engine)
    events: list[str] = []
    event.listen(engine, "checkout", lambda *_: events.append("checkout"))
    event.listen(engine, "checkin", lambda *_: events.append("checkin"))

    async def request(reads: bool) -> None:
        sessions = db_module.get_db()
        db = await anext(sessions)
        if reads:
            db.execute(text("SELECT 1"))
        with pytest.raises(StopAsyncIteration):
            await anext(sessions)

    asyncio.run(request(reads=False))
    assert events == []
    asyncio.run(request(reads=True))
    assert events == ["checkout", "checkin"]
    engine.dispose()
