"""each recommendation's API item, stored ready to send

Revision ID: 0010_stored_items
Revises: 0009_sources
Create Date: 2026-12-02 15:30:00
"""
import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0010_stored_items'
down_revision: str | Sequence[str] | None = '0009_sources'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1000
# The item as app.recommendations.items.build makes it at this revision.
COLUMNS = (
    'r.id, r.review_id, r.session_number, r.state_iso3, s.name, r.paragraph, r.text, r.position, '
    'r.position_source, r.position_text, r.implementation_claim, r.implementation_claim_source, '
    'r.action_category, r.action_category_confidence, r.upr_info_action_category, r.link_keys'
)


def _cycle(session: int) -> int:
    return 1 if session <= 12 else 2 + (session - 13) // 14


def _sdg_order(code: str) -> tuple[int, int, int, str]:
    goal, _, target = code.partition('.')
    if not target:
        return int(goal), 0, 0, ''
    if target.isdigit():
        return int(goal), 1, int(target), ''
    return int(goal), 2, 0, target


def _items(bind: sa.Connection) -> Any:
    """(id, item JSON) of every recommendation."""
    names = dict(bind.execute(sa.text('SELECT iso3, name FROM state')).all())
    themes = {row[0]: row for row in bind.execute(sa.text('SELECT id, name, code FROM theme ORDER BY name'))}
    theme_rank = {theme_id: rank for rank, theme_id in enumerate(themes)}
    groups = dict(bind.execute(sa.text('SELECT id, name FROM affected_group ORDER BY name')).all())
    group_rank = {group_id: rank for rank, group_id in enumerate(groups)}
    ids = bind.execute(sa.text('SELECT id FROM recommendation ORDER BY id')).scalars().all()
    select = sa.text(
        f'SELECT {COLUMNS} FROM recommendation r JOIN state s ON s.iso3 = r.state_iso3 WHERE r.id IN :ids'
    ).bindparams(sa.bindparam('ids', expanding=True))
    for start in range(0, len(ids), BATCH):
        for row in bind.execute(select, {'ids': ids[start:start + BATCH]}):
            states, theme_ids, group_ids, sdgs, external = json.loads(row.link_keys)
            item = {
                'id': row.id,
                'review_id': row.review_id,
                'session': row.session_number,
                'cycle': _cycle(row.session_number),
                'state_under_review': {'iso3': row.state_iso3, 'name': row.name},
                'paragraph': row.paragraph,
                'text': row.text,
                'position': row.position,
                'position_source': row.position_source,
                'position_text': row.position_text,
                'implementation_claim': row.implementation_claim,
                'implementation_claim_source': row.implementation_claim_source,
                'action_category': row.action_category,
                'action_category_confidence': row.action_category_confidence,
                'upr_info_action_category': row.upr_info_action_category,
                'recommending_states': [{'iso3': iso3, 'name': names[iso3]} for iso3 in states],
                'themes': [
                    {'id': i, 'name': themes[i][1], 'code': themes[i][2]}
                    for i in sorted(theme_ids, key=theme_rank.__getitem__)
                ],
                'affected_groups': [groups[i] for i in sorted(group_ids, key=group_rank.__getitem__)],
                'sdgs': sorted(sdgs, key=_sdg_order),
                'external_ids': dict(sorted(map(tuple, external))),
            }
            yield row.id, json.dumps(item, ensure_ascii=False, separators=(',', ':'))


def upgrade() -> None:
    op.create_table('recommendation_item',
    sa.Column('recommendation_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('item', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'], name=op.f('fk_recommendation_item_recommendation_id_recommendation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('recommendation_id', name=op.f('pk_recommendation_item'))
    )
    bind = op.get_bind()
    insert = sa.text('INSERT INTO recommendation_item (recommendation_id, item) VALUES (:id, :item)')
    batch: list[dict[str, str]] = []
    for rid, item in _items(bind):
        batch.append({'id': rid, 'item': item})
        if len(batch) == BATCH:
            bind.execute(insert, batch)
            batch = []
    if batch:
        bind.execute(insert, batch)


def downgrade() -> None:
    op.drop_table('recommendation_item')
