"""Fixtures: a database per backend (SQLite always, PostgreSQL when configured) holding what the
default instance holds: the migrated schema, the reference data and the bundled documents.

Every database test runs once per backend. PostgreSQL runs when `UPR_TEST_POSTGRES_URL` names a
server database the tests may use to create and drop their own (e.g.
`postgresql+psycopg://postgres@127.0.0.1:5432/postgres`); without it those tests are skipped,
except under `CI=true`, where a missing PostgreSQL fails the run.

Each test runs inside a transaction that is rolled back afterwards; code under test may commit
(commits become savepoint releases), so tests stay independent without rebuilding the database.
"""

from __future__ import annotations

import contextlib
import functools
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app.config import get_settings
from app.db import build_engine, get_db, get_engine
from app.importers.documents import bundled_documents, parse_document
from app.importers.records import ParsedDocument
from app.main import create_app
from app.migrate import upgrade
from tests.support.writes import key_committed, load_committed, seed_committed

BACKENDS = ["sqlite", "postgresql"]


def postgres_admin_url() -> str | None:
    """The PostgreSQL server URL for tests, or None (skip) — a failure under CI."""
    url = os.environ.get("UPR_TEST_POSTGRES_URL")
    if not url and os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI=true but UPR_TEST_POSTGRES_URL is not set: PostgreSQL tests cannot run")
    return url


@contextlib.contextmanager
def empty_database(backend: str, folder: Path) -> Iterator[str]:
    """The URL of a new, empty database of `backend`, dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / f'upr-{uuid.uuid4().hex[:8]}.sqlite3'}"
        return
    admin_url = postgres_admin_url()
    if not admin_url:
        pytest.skip("PostgreSQL tests need UPR_TEST_POSTGRES_URL (see tests/conftest.py)")
    name = f"upr_test_{uuid.uuid4().hex[:12]}"
    admin = build_engine(admin_url).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database holding the default instance's data, shared by the whole test run."""
    with empty_database(request.param, tmp_path_factory.mktemp("db")) as url:
        _prepare(url, with_documents=True)
        yield url


@pytest.fixture
def scratch_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated, seeded database of its own for one test that commits for real."""
    with empty_database(request.param, tmp_path) as url:
        _prepare(url, with_documents=False)
        yield url


@functools.cache
def bundled_documents_parsed() -> list[ParsedDocument]:
    """The bundled official documents, parsed once per test process."""
    return [parse_document(spec) for spec in bundled_documents()]


def bundled_thematic_list(session: int) -> ParsedDocument:
    """The bundled OHCHR thematic list of Slovenia's review at `session`, parsed."""
    return next(
        doc
        for doc in bundled_documents_parsed()
        if doc.kind.value == "thematic_list" and doc.session == session
    )


def _prepare(url: str, *, with_documents: bool) -> None:
    """Migrate and seed; with documents, also import the bundled ones (the default instance)."""
    upgrade(url)
    engine = build_engine(url)
    with Session(engine) as db:
        seed_committed(db)
    for document in bundled_documents_parsed() if with_documents else []:
        with Session(engine) as db:
            load_committed(db, document)
    engine.dispose()


def pytest_report_header(config: pytest.Config) -> str:
    """Say up front whether the PostgreSQL variants will run."""
    if os.environ.get("UPR_TEST_POSTGRES_URL"):
        return "databases: SQLite and PostgreSQL (UPR_TEST_POSTGRES_URL)"
    return "databases: SQLite only; PostgreSQL variants are skipped (set UPR_TEST_POSTGRES_URL)"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every test that needs a database once per backend."""
    if "database_url" in metafunc.fixturenames:
        metafunc.parametrize("database_url", BACKENDS, indirect=True, scope="session")
    if "scratch_database_url" in metafunc.fixturenames:
        metafunc.parametrize("scratch_database_url", BACKENDS, indirect=True)


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    """The engine of the test database."""
    engine = build_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    """A connection inside a transaction that is rolled back after the test."""
    with engine.connect() as connection:
        transaction = connection.begin()
        try:
            yield connection
        finally:
            transaction.rollback()


@pytest.fixture
def new_session(connection: Connection) -> Callable[[], Session]:
    """Makes sessions on the test's connection whose commits are savepoint releases."""
    return lambda: Session(bind=connection, join_transaction_mode="create_savepoint")


@pytest.fixture
def db(new_session: Callable[[], Session]) -> Iterator[Session]:
    """A session whose work is rolled back after the test, even if the code under test commits."""
    with new_session() as session:
        yield session


@contextlib.contextmanager
def committing_client(engine: Engine) -> Iterator[TestClient]:
    """An HTTP client for the app on `engine`, with a session per request that commits for real
    (for tests on a scratch database of their own)."""
    app = create_app()

    def session() -> Iterator[Session]:
        with Session(engine) as db:
            yield db

    app.dependency_overrides[get_db] = session
    app.dependency_overrides[get_engine] = lambda: engine
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def client(db: Session, engine: Engine) -> Iterator[TestClient]:
    """An HTTP client for the app, reading and writing through the test's session."""
    app = create_app()
    app.dependency_overrides[get_db] = lambda: db
    app.dependency_overrides[get_engine] = lambda: engine
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def make_client(db: Session, engine: Engine) -> Iterator[Callable[..., TestClient]]:
    """Makes clients of apps with some settings changed (`make_client(read_requires_key=True)`),
    reading and writing through the test's session like `client`."""
    clients: list[TestClient] = []

    def make(**changes: object) -> TestClient:
        app = create_app(get_settings().model_copy(update=changes))
        app.dependency_overrides[get_db] = lambda: db
        app.dependency_overrides[get_engine] = lambda: engine
        clients.append(TestClient(app, raise_server_exceptions=False).__enter__())
        return clients[-1]

    yield make
    for made in clients:
        made.__exit__(None, None, None)


@pytest.fixture
def write_token(db: Session) -> str:
    """The token of an API key with the `write` scope, in the test's database."""
    return key_committed(db, "test writer", ["write"]).token


@pytest.fixture
def read_token(db: Session) -> str:
    """The token of an API key with only the `read` scope."""
    return key_committed(db, "test reader", ["read"]).token
