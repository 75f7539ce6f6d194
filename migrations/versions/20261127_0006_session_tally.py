"""per-session sums of the review tallies

Revision ID: 0006_session_tally
Revises: 0005_review_tally
Create Date: 2026-11-27 14:20:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0006_session_tally'
down_revision: str | Sequence[str] | None = '0005_review_tally'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('session_tally',
    sa.Column('dimension', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('session_number', sa.Integer(), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('position', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('dimension', 'session_number', 'value', 'position', name=op.f('pk_session_tally')),
    sqlite_with_rowid=False
    )
    op.execute(
        'INSERT INTO session_tally (dimension, session_number, value, position, count) '
        'SELECT dimension, session_number, value, position, sum(count) FROM review_tally '
        'GROUP BY dimension, session_number, value, position'
    )


def downgrade() -> None:
    op.drop_table('session_tally')
