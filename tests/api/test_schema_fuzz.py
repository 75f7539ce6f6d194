"""Schemathesis against the live OpenAPI schema, on SQLite and PostgreSQL: every operation,
with data generated from the schema (valid and, where there is input, invalid), holds to every
check — no 5xx, no status, header or body outside the schema, invalid input refused, declared
authentication enforced, ...

Bounded so the suite stays fast: a few examples per operation and mode, no shrinking. Writes
run with a `write` key inside the test's transaction, which is rolled back afterwards.

One setting widens a check: "schema-valid data is accepted" also accepts 400 (a value that is
well-formed but names nothing, e.g. an unknown theme, or a cursor this service did not issue),
415 (an upload whose content is not the document type it claims to be) and 422 (a rule that
JSON Schema cannot state: a tracking date before 2008 or after today, an entry superseding one
that does not exist, a CSV without its header row); all are documented problem responses.
"""

from __future__ import annotations

import functools
from types import SimpleNamespace
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode, checks
from schemathesis.config import SchemathesisConfig
from sqlalchemy import Engine
from sqlmodel import Session

from app.db import get_db, get_engine
from app.kit.response_cache import ResponseCache
from app.main import create_app

ALL_CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
    checks.negative_data_rejection,
    checks.positive_data_acceptance,
    checks.missing_required_header,
    checks.unsupported_method,
    checks.ignored_auth,
    checks.use_after_free,
    checks.ensure_resource_availability,
    checks.allow_header_conformance,
]
CONFIG = """
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "3xx", "400", "401", "403", "404", "409", "415", "422", "429"]
"""
EXAMPLES = 6


def _schema(app: Any) -> Any:
    config = SchemathesisConfig.from_str(CONFIG)
    return schemathesis.openapi.from_asgi("/openapi.json", app, config=config)


@functools.cache
def _live() -> tuple[SimpleNamespace, Any, dict[str, Any]]:
    """One app per test process, its schema as it serves it, and its operations by label.

    The app reads and writes through whatever session `target.db` holds: each test points it
    at its own rolled-back transaction and gives it empty caches (loading the schema once keeps
    the suite fast).
    """
    target = SimpleNamespace(db=None, engine=None)
    app = create_app()
    app.dependency_overrides[get_db] = lambda: target.db
    app.dependency_overrides[get_engine] = lambda: target.engine
    operations = {result.ok().label: result.ok() for result in _schema(app).get_all_operations()}
    return target, app, operations


def _cases() -> list[tuple[str, GenerationMode]]:
    """(operation, mode) pairs: negative data only where some input can be invalid (not where
    the only input is `If-None-Match`, which takes any string)."""
    cases = []
    for label, operation in _live()[2].items():
        cases.append((label, GenerationMode.POSITIVE))
        raw = operation.definition.raw
        inputs = [p for p in raw.get("parameters", []) if p["name"] != "If-None-Match"]
        if inputs or "requestBody" in raw:
            cases.append((label, GenerationMode.NEGATIVE))
    return sorted(cases)


@pytest.mark.parametrize(("label", "mode"), _cases())
def test_operation_holds_to_the_schema(
    db: Session, engine: Engine, write_token: str, label: str, mode: GenerationMode
) -> None:
    target, app, operations = _live()
    target.db, target.engine = db, engine
    # Each test starts from the shared data (its writes are rolled back), so versions repeat
    # from one test to the next and across the two backends: an ETag names different data in
    # different tests, and nothing cached in one may answer another.
    app.state.version_cache.invalidate()
    app.state.response_cache = ResponseCache(app.state.response_cache.max_bytes)
    headers = {"Authorization": f"Bearer {write_token}"}

    @given(case=operations[label].as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=headers, checks=ALL_CHECKS)

    run()
