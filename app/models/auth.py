"""Tables for API keys and the audit trail of writes."""

import datetime as dt

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel


class ApiKey(SQLModel, table=True):
    """An API key. Only a SHA-256 hash of the token is stored; `prefix` is its public id."""

    __tablename__ = "api_key"

    id: int | None = Field(default=None, primary_key=True)
    prefix: str = Field(max_length=16, unique=True)
    name: str = Field(max_length=100)
    secret_hash: str = Field(max_length=64)
    scopes: str = Field(max_length=100, description="Space-separated scopes, e.g. 'read write'.")
    created_at: dt.datetime
    revoked_at: dt.datetime | None = None

    @property
    def scope_set(self) -> frozenset[str]:
        """The key's scopes as a set."""
        return frozenset(self.scopes.split())


class AuditEntry(SQLModel, table=True):
    """One write through the API: which key did what to which target, when, in which request."""

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(index=True)
    key_id: int = Field(foreign_key="api_key.id", index=True)
    action: str = Field(max_length=40)
    target: str = Field(max_length=200)
    request_id: str | None = Field(default=None, max_length=64)
    detail: str | None = Field(default=None, sa_column=Column(Text))
