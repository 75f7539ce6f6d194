"""production: dataset version, API keys, audit

Revision ID: 0003_production
Revises: 0002_search
Create Date: 2026-11-27 10:55:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0003_production'
down_revision: str | Sequence[str] | None = '0002_search'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
