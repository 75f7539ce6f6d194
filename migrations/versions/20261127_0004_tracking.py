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

APPEND_ONLY = 'tracking entries are append-only: add an entry that supersedes this one'


def upgrade() -> None:
    op.create_table('review_linking',
    sa.Column('review_id', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('pending', sa.Boolean(), nullable=False),
    sa.Column('linked_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_review_linking_review_id_review')),
    sa.PrimaryKeyConstraint('review_id', name=op.f('pk_review_linking'))
    )
    with op.batch_alter_table('review_linking', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_linking_pending'), ['pending'], unique=False)

    op.create_table('recommendation_link',
    sa.Column('recommendation_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('related_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('kind', sa.Enum('earlier_cycle', 'same_review', name='link_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'], name=op.f('fk_recommendation_link_recommendation_id_recommendation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['related_id'], ['recommendation.id'], name=op.f('fk_recommendation_link_related_id_recommendation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('recommendation_id', 'related_id', name=op.f('pk_recommendation_link'))
    )
    with op.batch_alter_table('recommendation_link', schema=None) as batch_op:
        batch_op.create_index('ix_recommendation_link_kind_score', ['recommendation_id', 'kind', 'score'], unique=False)
        batch_op.create_index(batch_op.f('ix_recommendation_link_related_id'), ['related_id'], unique=False)

    op.create_table('tracking_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recommendation_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('status', sa.Enum('not_started', 'in_progress', 'partially_implemented', 'fully_implemented', 'not_implemented', 'no_longer_relevant', name='tracking_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('status_date', sa.Date(), nullable=False),
    sa.Column('source', sa.Enum('government', 'nhri', 'civil_society', 'un', name='tracking_source', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('responsible_institution', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('indicators', sa.JSON(), nullable=False),
    sa.Column('author_key_id', sa.Integer(), nullable=False),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_key_id'], ['api_key.id'], name=op.f('fk_tracking_entry_author_key_id_api_key')),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'], name=op.f('fk_tracking_entry_recommendation_id_recommendation')),
    sa.ForeignKeyConstraint(['supersedes_id'], ['tracking_entry.id'], name=op.f('fk_tracking_entry_supersedes_id_tracking_entry')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tracking_entry')),
    sa.UniqueConstraint('supersedes_id', name=op.f('uq_tracking_entry_supersedes_id'))
    )
    with op.batch_alter_table('tracking_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tracking_entry_author_key_id'), ['author_key_id'], unique=False)
        batch_op.create_index('ix_tracking_entry_history', ['recommendation_id', 'source', 'status_date', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tracking_entry_status_date'), ['status_date'], unique=False)

    _create_append_only_triggers()


def _create_append_only_triggers() -> None:
    """Refuse UPDATE and DELETE of tracking entries in the database itself."""
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(
            "CREATE FUNCTION tracking_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$"
        )
        op.execute(
            'CREATE TRIGGER tracking_entry_append_only BEFORE UPDATE OR DELETE ON tracking_entry '
            'FOR EACH ROW EXECUTE FUNCTION tracking_entry_append_only()'
        )
        return
    for event in ('UPDATE', 'DELETE'):
        op.execute(
            f'CREATE TRIGGER tracking_entry_no_{event.lower()} BEFORE {event} ON tracking_entry '
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP TRIGGER IF EXISTS tracking_entry_append_only ON tracking_entry')
        op.execute('DROP FUNCTION IF EXISTS tracking_entry_append_only()')
    else:
        op.execute('DROP TRIGGER IF EXISTS tracking_entry_no_update')
        op.execute('DROP TRIGGER IF EXISTS tracking_entry_no_delete')
    with op.batch_alter_table('tracking_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tracking_entry_status_date'))
        batch_op.drop_index('ix_tracking_entry_history')
        batch_op.drop_index(batch_op.f('ix_tracking_entry_author_key_id'))

    op.drop_table('tracking_entry')
    with op.batch_alter_table('recommendation_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendation_link_related_id'))
        batch_op.drop_index('ix_recommendation_link_kind_score')

    op.drop_table('recommendation_link')
    with op.batch_alter_table('review_linking', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_linking_pending'))

    op.drop_table('review_linking')
