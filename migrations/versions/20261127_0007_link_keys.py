"""the keys of each recommendation's links, stored with it for exports

Revision ID: 0007_link_keys
Revises: 0006_session_tally
Create Date: 2026-11-27 15:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007_link_keys'
down_revision: str | Sequence[str] | None = '0006_session_tally'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NO_LINKS = '[[],[],[],[],[]]'
# (fields of one link, FROM and WHERE, ORDER BY); as app.recommendations.related at this revision
KEYS = (
    ('rs.iso3', 'recommending_state rs WHERE rs.recommendation_id = recommendation.id', 'rs.ordinal'),
    ('rt.theme_id', 'recommendation_theme rt WHERE rt.recommendation_id = recommendation.id', ''),
    ('rg.group_id', 'recommendation_group rg WHERE rg.recommendation_id = recommendation.id', ''),
    ('d.sdg_code', 'recommendation_sdg d WHERE d.recommendation_id = recommendation.id', ''),
    ('e.system, e.value', 'external_id e WHERE e.recommendation_id = recommendation.id', ''),
)


def _aggregate(dialect: str, fields: str, source: str, order: str) -> str:
    names = [field.split('.')[-1] for field in fields.split(', ')]
    ordered = f' ORDER BY {order}' if order else ''
    if dialect == 'postgresql':
        value = f'json_build_array({fields})' if len(names) > 1 else fields
        return f"(SELECT coalesce(json_agg({value}{ordered}), '[]')::text FROM {source})"
    inner = ', '.join('x.' + name for name in names)
    value = f'json_array({inner})' if len(names) > 1 else inner
    return f'(SELECT json_group_array({value}) FROM (SELECT {fields} FROM {source}{ordered}) x)'


def upgrade() -> None:
    op.add_column('recommendation', sa.Column('link_keys', sa.Text(), nullable=False, server_default=NO_LINKS))
    dialect = op.get_bind().dialect.name
    keys = " || ',' || ".join(_aggregate(dialect, *key) for key in KEYS)
    op.execute(f"UPDATE recommendation SET link_keys = '[' || {keys} || ']'")


def downgrade() -> None:
    # Not a batch operation: on SQLite that copies and drops the table, and dropping it would
    # cascade to the link tables. SQLite has dropped columns in place since 3.35.
    op.execute('ALTER TABLE recommendation DROP COLUMN link_keys')
