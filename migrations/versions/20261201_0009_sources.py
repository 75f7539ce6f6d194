"""sources of each field, their disagreements, action categories, UPR Info taxonomy and pledges

Revision ID: 0009_sources
Revises: 0008_implementation_claim
Create Date: 2026-12-01 23:39:03.367562
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0009_sources'
down_revision: str | Sequence[str] | None = '0008_implementation_claim'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# app.vocab.DataSource before and at this revision: the datasets join the documents
DOCUMENT_SOURCES = ('uhri', 'thematic_list', 'working_group_report', 'addendum')
ALL_SOURCES = ('upr_info', 'sdg_explorer', *DOCUMENT_SOURCES)
SOURCE_COLUMNS = ('text_from', 'position_from')


def _check(column: str, values: Sequence[str]) -> str:
    return f"CONSTRAINT ck_recommendation_{column} CHECK ({column} IN ({', '.join(repr(v) for v in values)}))"


def _set_source_checks(old: Sequence[str], new: Sequence[str]) -> None:
    """Let recommendation.text_from and .position_from hold the `new` sources.

    PostgreSQL replaces each CHECK constraint. SQLite cannot alter a constraint, and rebuilding
    the table would cascade to every table that refers to it and drop its search triggers; so
    the table's definition is edited in place, as SQLite documents for changes that leave
    stored rows valid ("Making Other Kinds Of Table Schema Changes", ALTER TABLE). Widening
    the allowed values is such a change; narrowing them back (downgrade) is too once no row
    uses the values taken away.
    """
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        for column in SOURCE_COLUMNS:
            op.execute(
                f'ALTER TABLE recommendation DROP CONSTRAINT ck_recommendation_{column}, '
                f'ADD {_check(column, new)}'
            )
        return
    definition = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'recommendation'"
    ).scalar_one()
    for column in SOURCE_COLUMNS:
        if _check(column, old) not in definition:
            raise RuntimeError(f'recommendation.{column}: CHECK constraint not as expected')
        definition = definition.replace(_check(column, old), _check(column, new))
    version = bind.exec_driver_sql('PRAGMA schema_version').scalar_one()
    bind.exec_driver_sql('PRAGMA writable_schema = ON')
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'recommendation'",
        (definition,),
    )
    bind.exec_driver_sql(f'PRAGMA schema_version = {version + 1}')
    bind.exec_driver_sql('PRAGMA writable_schema = OFF')


def upgrade() -> None:
    _set_source_checks(DOCUMENT_SOURCES, ALL_SOURCES)
    op.create_table('upr_info_issue',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_upr_info_issue')),
    sa.UniqueConstraint('name', name=op.f('uq_upr_info_issue_name'))
    )
    op.create_table('pledge',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('review_id', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('source', sa.Enum('upr_info', 'sdg_explorer', 'uhri', 'thematic_list', 'working_group_report', 'addendum', name='source', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('reference', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('upr_info_action_category', sa.Integer(), nullable=True),
    sa.Column('upr_info_issues', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_pledge_review_id_review')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pledge'))
    )
    with op.batch_alter_table('pledge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pledge_review_id'), ['review_id'], unique=False)

    op.create_table('recommendation_disagreement',
    sa.Column('recommendation_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('field', sa.Enum('text', 'position', 'recommending_states', 'themes', 'affected_groups', 'sdgs', name='disagreement_field', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('source', sa.Enum('upr_info', 'sdg_explorer', 'uhri', 'thematic_list', 'working_group_report', 'addendum', name='source', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('other_source', sa.Enum('upr_info', 'sdg_explorer', 'uhri', 'thematic_list', 'working_group_report', 'addendum', name='other_source', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('reference', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('other_reference', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('other_value', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'], name=op.f('fk_recommendation_disagreement_recommendation_id_recommendation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('recommendation_id', 'field', 'source', 'other_source', name=op.f('pk_recommendation_disagreement'))
    )
    with op.batch_alter_table('recommendation_disagreement', schema=None) as batch_op:
        batch_op.create_index('ix_recommendation_disagreement_field', ['field', 'recommendation_id'], unique=False)

    op.create_table('recommendation_source',
    sa.Column('recommendation_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('source', sa.Enum('upr_info', 'sdg_explorer', 'uhri', 'thematic_list', 'working_group_report', 'addendum', name='source', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('reference', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('fields', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'], name=op.f('fk_recommendation_source_recommendation_id_recommendation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('recommendation_id', 'source', name=op.f('pk_recommendation_source'))
    )
    op.create_table('recommendation_upr_info_issue',
    sa.Column('recommendation_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('issue_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['issue_id'], ['upr_info_issue.id'], name=op.f('fk_recommendation_upr_info_issue_issue_id_upr_info_issue')),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'], name=op.f('fk_recommendation_upr_info_issue_recommendation_id_recommendation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('recommendation_id', 'issue_id', name=op.f('pk_recommendation_upr_info_issue'))
    )
    with op.batch_alter_table('recommendation_upr_info_issue', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendation_upr_info_issue_issue_id'), ['issue_id'], unique=False)

    with op.batch_alter_table('recommendation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('action_category', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('action_category_confidence', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('action_category_rule', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True))
        batch_op.add_column(sa.Column('action_category_evidence', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True))
        batch_op.add_column(sa.Column('action_category_reason', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True))
        batch_op.add_column(sa.Column('action_category_method', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True))
        batch_op.add_column(sa.Column('upr_info_action_category', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_recommendation_action_category'), ['action_category'], unique=False)
        batch_op.create_index(batch_op.f('ix_recommendation_upr_info_action_category'), ['upr_info_action_category'], unique=False)



def downgrade() -> None:
    # In place, as in 0007 and 0008 (a batch operation would rebuild the table on SQLite).
    op.drop_index('ix_recommendation_upr_info_action_category', 'recommendation')
    op.drop_index('ix_recommendation_action_category', 'recommendation')
    for column in (
        'upr_info_action_category', 'action_category_method', 'action_category_reason',
        'action_category_evidence', 'action_category_rule', 'action_category_confidence',
        'action_category',
    ):
        op.execute(f'ALTER TABLE recommendation DROP COLUMN {column}')

    with op.batch_alter_table('recommendation_upr_info_issue', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendation_upr_info_issue_issue_id'))

    op.drop_table('recommendation_upr_info_issue')
    op.drop_table('recommendation_source')
    with op.batch_alter_table('recommendation_disagreement', schema=None) as batch_op:
        batch_op.drop_index('ix_recommendation_disagreement_field')

    op.drop_table('recommendation_disagreement')
    with op.batch_alter_table('pledge', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pledge_review_id'))

    op.drop_table('pledge')
    op.drop_table('upr_info_issue')
    op.execute(
        'DELETE FROM recommendation WHERE text_from IN (\'upr_info\', \'sdg_explorer\')'
    )
    op.execute(
        'UPDATE recommendation SET position = NULL, position_source = NULL, '
        'position_text = NULL, position_from = NULL '
        'WHERE position_from IN (\'upr_info\', \'sdg_explorer\')'
    )
    _set_source_checks(ALL_SOURCES, DOCUMENT_SOURCES)
