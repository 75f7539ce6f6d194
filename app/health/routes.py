"""Liveness and readiness probes."""

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from sqlalchemy import Engine, text

from app.db import get_engine
from app.kit.problems import ProblemError, problem_responses
from app.migrate import current_revision, head_revision

router = APIRouter(prefix="/health", tags=["health"])


class Health(BaseModel):
    """The outcome of a probe."""

    status: str = Field(examples=["ok"])
    database: str | None = Field(default=None, examples=["sqlite"])
    revision: str | None = Field(default=None, description="Migration the database is at.")


@router.get("/live", response_model=Health)
async def live() -> Health:
    """The process is up (no dependency is checked)."""
    return Health(status="ok")


@router.get("/ready", response_model=Health, responses=problem_responses(503))
def ready(engine: Annotated[Engine, Depends(get_engine)]) -> Health:
    """The database is reachable and migrated to the revision this code expects."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            revision = current_revision(connection)
    except Exception as error:  # any failure to reach the database means not ready
        raise ProblemError(503, "not-ready", "The database is not reachable.") from error
    expected = head_revision()
    if revision != expected:
        raise ProblemError(
            503, "not-ready", f"The database is at revision {revision}, expected {expected}."
        )
    return Health(status="ok", database=engine.dialect.name, revision=revision)
