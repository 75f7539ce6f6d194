"""FastAPI dependencies that demand an API key with a scope, and the audit of writes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from app.auth.keys import find_key, grants
from app.db import DbDep
from app.kit.problems import ProblemError
from app.models.auth import ApiKey

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="apiKey",
    description="An API key made with `upr keys create`, sent as `Authorization: Bearer <key>`.",
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def authenticate(
    db: Session, credentials: HTTPAuthorizationCredentials | None, scope: str
) -> ApiKey:
    """The key behind the credentials if it has `scope`; otherwise a 401 or 403 problem."""
    if credentials is None:
        raise ProblemError(
            401,
            "unauthorized",
            "This needs an API key: send `Authorization: Bearer <key>`.",
            headers={"WWW-Authenticate": 'Bearer realm="upr"'},
        )
    key = find_key(db, credentials.credentials)
    if key is None:
        raise ProblemError(
            401,
            "unauthorized",
            "The API key is not valid (unknown, malformed or revoked).",
            headers={"WWW-Authenticate": 'Bearer realm="upr", error="invalid_token"'},
        )
    if not grants(key, scope):
        raise ProblemError(
            403,
            "forbidden",
            f"The API key '{key.prefix}' does not have the '{scope}' scope.",
            headers={"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{scope}"'},
        )
    return key


def require_write(request: Request, db: DbDep, credentials: Credentials) -> ApiKey:
    """Dependency of every write: a key with the `write` scope."""
    key = authenticate(db, credentials, "write")
    request.state.api_key_id = key.id
    return key


WriteKey = Annotated[ApiKey, Depends(require_write)]


def require_read(request: Request, db: DbDep, credentials: Credentials) -> None:
    """App-level dependency when `UPR_READ_REQUIRES_KEY` is on: reads need the `read` scope."""
    if request.method in ("GET", "HEAD") and request.url.path.startswith("/v1/"):
        authenticate(db, credentials, "read")
