"""implementation tracking and cross-cycle links

Revision ID: 0004_tracking
Revises: 0003_production
Create Date: 2026-11-27 10:55:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0004_tracking'
down_revision: str | Sequence[str] | None = '0003_production'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
