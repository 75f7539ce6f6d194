"""full-text search

Revision ID: 0002_search
Revises: 977a97a1efb9
Create Date: 2026-11-27 10:55:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0002_search'
down_revision: str | Sequence[str] | None = '977a97a1efb9'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
