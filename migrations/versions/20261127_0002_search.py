"""full-text search

SQLite: an external-content FTS5 table `recommendation_fts` over `recommendation.text` (porter
stemming, unicode61 with accents removed), keyed by the recommendation's rowid and kept in step
by three triggers. PostgreSQL: a text search configuration `upr` (English snowball stemming
without stop words, accents folded by `unaccent`, hyphenated words indexed by their parts) and
a generated, GIN-indexed column `recommendation.search_vector`.

None of these objects is in the models; migrations/env.py leaves them out of `alembic check`
(app.search.is_search_object). A later migration that rebuilds `recommendation` on SQLite
(batch mode) must recreate the triggers and run the FTS 'rebuild' command.

Revision ID: 0002_search
Revises: 977a97a1efb9
Create Date: 2026-11-27 10:55:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002_search"
down_revision: str | Sequence[str] | None = "977a97a1efb9"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UPGRADE = [
    """CREATE VIRTUAL TABLE recommendation_fts USING fts5(
        text, content='recommendation', tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER recommendation_fts_insert AFTER INSERT ON recommendation BEGIN
        INSERT INTO recommendation_fts(rowid, text) VALUES (new.rowid, new.text);
    END""",
    """CREATE TRIGGER recommendation_fts_delete AFTER DELETE ON recommendation BEGIN
        INSERT INTO recommendation_fts(recommendation_fts, rowid, text)
        VALUES ('delete', old.rowid, old.text);
    END""",
    """CREATE TRIGGER recommendation_fts_update AFTER UPDATE OF text ON recommendation BEGIN
        INSERT INTO recommendation_fts(recommendation_fts, rowid, text)
        VALUES ('delete', old.rowid, old.text);
        INSERT INTO recommendation_fts(rowid, text) VALUES (new.rowid, new.text);
    END""",
    "INSERT INTO recommendation_fts(recommendation_fts) VALUES ('rebuild')",
]
SQLITE_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS recommendation_fts_update",
    "DROP TRIGGER IF EXISTS recommendation_fts_delete",
    "DROP TRIGGER IF EXISTS recommendation_fts_insert",
    "DROP TABLE IF EXISTS recommendation_fts",
]

# Characters PostgreSQL's parser keeps inside one token ("16.2", "e-mail", "a/b", "x_y") and
# markup it would read as tags or entities: cut there, as SQLite's unicode61 tokenizer does.
_CUT = ".-/@:_+&<>"
POSTGRESQL_UPGRADE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH DICTIONARY upr_english_stem (TEMPLATE = snowball, LANGUAGE = english)",
    "CREATE TEXT SEARCH CONFIGURATION upr (COPY = english)",
    """ALTER TEXT SEARCH CONFIGURATION upr
        ALTER MAPPING FOR asciiword, word, hword_part, hword_asciipart
        WITH unaccent, upr_english_stem""",
    "ALTER TEXT SEARCH CONFIGURATION upr DROP MAPPING FOR asciihword, hword, numhword",
    f"""ALTER TABLE recommendation ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            to_tsvector('upr'::regconfig, translate(text, '{_CUT}', '{" " * len(_CUT)}'))
        ) STORED""",
    "CREATE INDEX ix_recommendation_search_vector ON recommendation USING gin (search_vector)",
]
POSTGRESQL_DOWNGRADE = [
    "DROP INDEX IF EXISTS ix_recommendation_search_vector",
    "ALTER TABLE recommendation DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS upr",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS upr_english_stem",
    # the unaccent extension stays: other objects of the database may use it
]


def _run(statements: dict[str, list[str]]) -> None:
    bind = op.get_bind()
    for statement in statements.get(bind.dialect.name, []):
        bind.exec_driver_sql(statement)  # verbatim: no bind-parameter parsing of ":" or "%"


def upgrade() -> None:
    _run({"sqlite": SQLITE_UPGRADE, "postgresql": POSTGRESQL_UPGRADE})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWNGRADE, "postgresql": POSTGRESQL_DOWNGRADE})
