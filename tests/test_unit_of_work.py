"""The unit of work: what it commits, what it rolls back, and when a route's one finishes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlmodel import Session

from app import unit_of_work as unit_of_work_module
from app.db import get_db
from app.models.auth import AuditEntry
from app.models.states import StateAlias
from app.unit_of_work import UnitOfWorkDep, unit_of_work
from app.versioning import read_version
from tests.support.writes import key_committed


def _aliases(db: Session) -> int:
    return db.execute(select(func.count()).select_from(StateAlias)).scalar_one()


def test_a_write_commits_with_its_audit_entry_and_moves_the_version(db: Session) -> None:
    key = key_committed(db, "writer", ["write"]).key
    before, aliases = read_version(db), _aliases(db)
    with unit_of_work(db, request_id="r-1") as work:
        db.add(StateAlias(alias="Testland", key="testland", iso3="SVN"))
        work.changes.data_changed()
        work.audit(key, "alias.create", "SVN:Testland")
    db.rollback()  # back to the last commit: the unit of work's
    assert _aliases(db) == aliases + 1
    assert read_version(db) == before + 1
    entry = db.execute(select(AuditEntry).where(AuditEntry.request_id == "r-1")).scalar_one()
    assert (entry.action, entry.target, entry.key_id) == ("alias.create", "SVN:Testland", key.id)


def test_a_write_that_changed_nothing_keeps_the_version(db: Session) -> None:
    before = read_version(db)
    with unit_of_work(db) as work:
        assert not work.changes.any
    assert read_version(db) == before
    assert not work.moved


def test_a_failed_or_discarded_write_leaves_nothing(db: Session) -> None:
    before, aliases = read_version(db), _aliases(db)
    with pytest.raises(RuntimeError), unit_of_work(db) as work:
        db.add(StateAlias(alias="Testland", key="testland", iso3="SVN"))
        work.changes.data_changed()
        raise RuntimeError("the write fails")
    assert (_aliases(db), read_version(db)) == (aliases, before)
    with unit_of_work(db) as work:
        db.add(StateAlias(alias="Testland", key="testland", iso3="SVN"))
        work.changes.data_changed()
        work.discard()
    assert (_aliases(db), read_version(db)) == (aliases, before)
    assert not work.moved


class _FailingCommit:
    """A session whose commit fails, recording what was asked of it."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def add_all(self, _rows: object) -> None:
        self.calls.append("add")

    def commit(self) -> None:
        self.calls.append("commit")
        raise RuntimeError("the database refused the commit")

    def rollback(self) -> None:
        self.calls.append("rollback")


def test_a_route_is_answered_after_its_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The route's unit of work ends before the response is sent: a commit that fails is an
    error response, never a success for a write that was lost."""
    session = _FailingCommit()
    monkeypatch.setattr(unit_of_work_module, "refresh", lambda _db, _changes: None)
    app = FastAPI()

    @app.post("/write")
    def write(work: UnitOfWorkDep) -> dict[str, bool]:
        session.calls.append("route")
        return {"written": True}

    def sessions() -> Iterator[_FailingCommit]:
        yield session

    app.dependency_overrides[get_db] = sessions
    response = TestClient(app, raise_server_exceptions=False).post("/write")
    assert response.status_code == 500
    assert session.calls == ["route", "add", "commit", "rollback"]
