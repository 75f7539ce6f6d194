"""Fixtures for tracking tests: API keys with the `tracking` scope."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from tests.support.writes import key_committed


@pytest.fixture
def tracking_token(db: Session) -> str:
    """The token of an API key with the `tracking` scope, in the test's database."""
    return key_committed(db, "test tracker", ["tracking"]).token


@pytest.fixture
def auth(tracking_token: str) -> dict[str, str]:
    """Headers that authenticate as the tracking key."""
    return {"Authorization": f"Bearer {tracking_token}"}
