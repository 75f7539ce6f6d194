"""what the state under review claims of a recommendation's implementation, and where

Revision ID: 0008_implementation_claim
Revises: 0007_link_keys
Create Date: 2026-12-01 20:05:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0008_implementation_claim'
down_revision: str | Sequence[str] | None = '0007_link_keys'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# app.vocab.ImplementationClaim at this revision
CLAIMS = ('already_implemented', 'in_progress', 'implemented_or_in_progress')


def upgrade() -> None:
    # The enum's CHECK as a constraint of the column, in one statement for both databases:
    # op.add_column leaves it out on SQLite (which cannot add a table constraint), and batch
    # mode would rebuild the table (see 0007's downgrade).
    values = ', '.join(f"'{claim}'" for claim in CLAIMS)
    op.execute(
        f'ALTER TABLE recommendation ADD COLUMN implementation_claim VARCHAR({max(map(len, CLAIMS))}) '
        f'CONSTRAINT ck_recommendation_implementation_claim CHECK (implementation_claim IN ({values}))'
    )
    op.add_column('recommendation', sa.Column('implementation_claim_source', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True))


def downgrade() -> None:
    # In place, as in 0007; a column's CHECK constraint is dropped with it on both databases.
    op.execute('ALTER TABLE recommendation DROP COLUMN implementation_claim_source')
    op.execute('ALTER TABLE recommendation DROP COLUMN implementation_claim')
