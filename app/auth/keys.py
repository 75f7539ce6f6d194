"""Making, checking, listing and revoking API keys.

A key reads `upr_<prefix>_<secret>`: 8 hex characters that identify it (safe to show and to
log) and 256 random bits. The database keeps only the SHA-256 of the whole token — a fast hash
is enough for a random secret of that size — so a leaked database yields no usable key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from sqlmodel import Session, col, select

from app.models.auth import ApiKey

SCOPES = ("read", "write", "tracking")  # tracking: implementation assessments (app/tracking)
TOKEN_PATTERN = re.compile(r"^upr_(?P<prefix>[0-9a-f]{8})_[A-Za-z0-9_-]{43}$")


@dataclass(frozen=True)
class NewKey:
    """A key just made: the token is shown once and never stored."""

    key: ApiKey
    token: str


def hash_token(token: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_scopes(scopes: list[str]) -> str:
    """Scopes as stored (sorted, space-separated); raises ValueError on an unknown one."""
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown or not scopes:
        raise ValueError(
            f"unknown scope(s) {', '.join(unknown)}; use {', '.join(SCOPES)}"
            if unknown
            else "give at least one scope"
        )
    return " ".join(sorted(set(scopes)))


def create_key(db: Session, name: str, scopes: list[str]) -> NewKey:
    """Make a key and add its hash to the caller's transaction; return it with its token
    (shown once)."""
    stored_scopes = normalise_scopes(scopes)
    while True:
        prefix = secrets.token_hex(4)
        if db.exec(select(ApiKey).where(ApiKey.prefix == prefix)).first() is None:
            break
    token = f"upr_{prefix}_{secrets.token_urlsafe(32)}"
    key = ApiKey(
        prefix=prefix,
        name=name,
        secret_hash=hash_token(token),
        scopes=stored_scopes,
        created_at=dt.datetime.now(dt.UTC),
    )
    db.add(key)
    db.flush()
    return NewKey(key=key, token=token)


def find_key(db: Session, token: str) -> ApiKey | None:
    """The live (not revoked) key a token belongs to, or None."""
    match = TOKEN_PATTERN.match(token)
    if match is None:
        return None
    key = db.exec(select(ApiKey).where(ApiKey.prefix == match["prefix"])).first()
    if key is None or key.revoked_at is not None:
        return None
    if not hmac.compare_digest(key.secret_hash, hash_token(token)):
        return None
    return key


def grants(key: ApiKey, scope: str) -> bool:
    """Whether a key may act in `scope` (a `write` key may also read)."""
    return scope in key.scope_set or (scope == "read" and "write" in key.scope_set)


def list_keys(db: Session) -> list[ApiKey]:
    """Every key, revoked ones too, oldest first."""
    return list(db.exec(select(ApiKey).order_by(col(ApiKey.id))))


def revoke_key(db: Session, prefix: str) -> ApiKey | None:
    """Revoke the key with this prefix in the caller's transaction; None when there is no such
    key."""
    key = db.exec(select(ApiKey).where(ApiKey.prefix == prefix)).first()
    if key is not None and key.revoked_at is None:
        key.revoked_at = dt.datetime.now(dt.UTC)
        db.flush()
    return key
