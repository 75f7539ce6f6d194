"""per-review tallies of recommendations for facets and statistics

Revision ID: 0005_review_tally
Revises: 0004_tracking
Create Date: 2026-11-27 13:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0005_review_tally'
down_revision: str | Sequence[str] | None = '0004_tracking'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# dimension -> (value as text, joins from recommendation r); as app.stats.tallies at this revision
SOURCES = {
    'all': ("''", ''),
    'theme': ('CAST(l.theme_id AS VARCHAR)', 'JOIN recommendation_theme l ON l.recommendation_id = r.id'),
    'group': ('CAST(l.group_id AS VARCHAR)', 'JOIN recommendation_group l ON l.recommendation_id = r.id'),
    'sdg': ('l.sdg_code', 'JOIN recommendation_sdg l ON l.recommendation_id = r.id'),
    'sdg_goal': ('CAST(s.goal AS VARCHAR)', 'JOIN recommendation_sdg l ON l.recommendation_id = r.id '
                 'JOIN sdg s ON s.code = l.sdg_code'),
    'recommending_state': ('l.iso3', 'JOIN recommending_state l ON l.recommendation_id = r.id'),
    'recommending_state_group': ('s.regional_group', 'JOIN recommending_state l ON l.recommendation_id = r.id '
                                 'JOIN state s ON s.iso3 = l.iso3'),
}


def upgrade() -> None:
    op.create_table('review_tally',
    sa.Column('dimension', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('session_number', sa.Integer(), nullable=False),
    sa.Column('state_iso3', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('review_id', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('position', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_review_tally_review_id_review')),
    sa.PrimaryKeyConstraint('dimension', 'session_number', 'state_iso3', 'review_id', 'value', 'position', name=op.f('pk_review_tally')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('review_tally', schema=None) as batch_op:
        batch_op.create_index('ix_review_tally_review_id', ['review_id'], unique=False)
        batch_op.create_index('ix_review_tally_state', ['dimension', 'state_iso3', 'session_number'], unique=False)

    for dimension, (value, joins) in SOURCES.items():
        grouped_value = '' if dimension == 'all' else f', {value}'
        op.execute(
            'INSERT INTO review_tally (dimension, session_number, state_iso3, review_id, value, position, count) '
            f"SELECT '{dimension}', r.session_number, r.state_iso3, r.review_id, {value}, "
            f"COALESCE(r.position, ''), count(DISTINCT r.id) FROM recommendation r {joins} "
            f"GROUP BY r.session_number, r.state_iso3, r.review_id{grouped_value}, COALESCE(r.position, '')"
        )


def downgrade() -> None:
    with op.batch_alter_table('review_tally', schema=None) as batch_op:
        batch_op.drop_index('ix_review_tally_state')
        batch_op.drop_index('ix_review_tally_review_id')

    op.drop_table('review_tally')
