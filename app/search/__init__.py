"""Full-text search over recommendation texts: one interface, one backend per database.

    query = parse_query('"Paris Principles" OR ombudsperson')   # 400 problem if malformed
    backend = backend_for(db)
    statement = select(...).where(backend.matches(query))             # filter only
    statement, score = backend.ranked(select(...), query)             # filter and rank
    statement = backend.with_snippets(select(page), page, query)      # raw excerpts

Both backends give the same semantics (see `app.search.syntax` for the user syntax): English
stemming, case and accent insensitivity, phrases, AND/OR/NOT, prefixes. SQLite uses an FTS5
index ranked by bm25, PostgreSQL a stored tsvector ranked by ts_rank; the database objects
they need are created by migration 0002. This package is where the two databases' SQL
differs for search; every other difference is in `app.kit.dialect`.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import ColumnElement, FromClause, Select
from sqlalchemy.orm import Session

from app.kit import dialect
from app.kit.problems import ProblemError
from app.search.postgresql import SEARCH_COLUMN, PostgresSearch
from app.search.sqlite import FTS_TABLE, SqliteSearch
from app.search.syntax import SearchQuery, SearchSyntaxError, parse

__all__ = ["SearchBackend", "SearchQuery", "backend_for", "is_search_object", "parse_query"]


class SearchBackend(Protocol):
    """What a database backend offers the queries."""

    def matches(self, query: SearchQuery) -> ColumnElement[bool]:
        """A condition on `recommendation`: its text matches."""
        ...

    def ranked(self, statement: Select, query: SearchQuery) -> tuple[Select, ColumnElement[float]]:
        """The statement narrowed to matches, and a relevance score (higher is better)."""
        ...

    def top_ranked(
        self, statement: Select, query: SearchQuery, size: ColumnElement[int]
    ) -> tuple[Select, ColumnElement[float], ColumnElement[int]]:
        """`ranked` for a statement with no other condition when only its `size` best
        matches are wanted (a first page; the backend may skip the others), and an expression
        counting all matches."""
        ...

    def with_snippets(self, statement: Select, page: FromClause, query: SearchQuery) -> Select:
        """`statement`, over `page` (a subquery of a `ranked` statement), with a `snippet`
        column: the raw excerpt of each of the page's rows."""
        ...

    def parameters(self, query: SearchQuery) -> dict[str, str]:
        """The search as the named parameter its conditions read, so that a statement built
        for one search can run another."""
        ...


_BACKENDS: dict[str, SearchBackend] = {
    dialect.SQLITE: SqliteSearch(),
    dialect.POSTGRESQL: PostgresSearch(),
}


def parse_query(text: str) -> SearchQuery:
    """Parse the user's search text; malformed syntax is a 400 `invalid-search` problem."""
    try:
        return parse(text)
    except SearchSyntaxError as error:
        raise ProblemError(400, "invalid-search", f"Invalid search: {error}") from None


def backend_for(db: Session) -> SearchBackend:
    """The search backend of the database `db` is connected to."""
    return _BACKENDS[dialect.name(db)]


def is_search_object(name: str | None, type_: str) -> bool:
    """Whether a database object belongs to search (not in the models; Alembic ignores it)."""
    if not name:
        return False
    if type_ == "table":
        return name == FTS_TABLE or name.startswith(FTS_TABLE + "_")
    if type_ == "column":
        return name == SEARCH_COLUMN
    if type_ == "index":
        return name == f"ix_recommendation_{SEARCH_COLUMN}"
    return False
