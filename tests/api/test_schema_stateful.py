"""Schemathesis's stateful phase in the suite: seeded sequences of linked calls (a tracking entry
written, then read back, its history listed, ...) with a key of scopes write and tracking, on
SQLite and PostgreSQL, every response held to every check.

A short, derandomized run so the suite stays fast; `bench/fuzz.py` runs every phase against a
live server for as long as asked. Writes happen inside the test's transaction, which is rolled
back afterwards.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from sqlalchemy import Engine
from sqlmodel import Session

from app.kit.response_cache import ResponseCache
from tests.api.test_schema_fuzz import ALL_CHECKS, _live, _schema
from tests.support.writes import key_committed

SCENARIOS = 12  # sequences of calls, each up to STEPS long
STEPS = 6


def test_linked_calls_hold_to_the_schema(db: Session, engine: Engine) -> None:
    target, app, _ = _live()
    target.db, target.engine = db, engine
    app.state.version_cache.invalidate()
    app.state.response_cache = ResponseCache(app.state.response_cache.max_bytes)
    token = key_committed(db, "stateful fuzzing", ["write", "tracking"]).token
    headers = {"Authorization": f"Bearer {token}"}

    class Workflow(_schema(app).as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            return {"headers": headers}

        def validate_response(  # type: ignore[override]
            self, response: Any, case: schemathesis.Case, **kwargs: Any
        ) -> None:
            super().validate_response(response, case, additional_checks=ALL_CHECKS, **kwargs)

    Workflow.run(
        settings=settings(
            max_examples=SCENARIOS,
            stateful_step_count=STEPS,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
