"""Fixtures for the web pages' tests."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from app.auth.keys import create_key


@pytest.fixture
def tracking_token(db: Session) -> str:
    """The token of an API key with the `tracking` scope, in the test's database."""
    return create_key(db, "test tracker", ["tracking"]).token
