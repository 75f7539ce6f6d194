"""PostgreSQL backend: a stored `tsvector` with a GIN index, ranked with `ts_rank`.

Migration 0002 creates the text search configuration `upr` (English snowball stemming without
stop words, `unaccent` folding accents, hyphenated compounds indexed by their parts only) and
the generated column `recommendation.search_vector`, computed from the text with the
punctuation that PostgreSQL's parser would keep inside a token (`16.2`, `e-mail`, `a/b`)
turned into spaces, so words are cut where SQLite's tokenizer cuts them. Queries are compiled
from the parsed tree into `to_tsquery` syntax: every operand is a single-quoted run of letters
and digits, so nothing the user typed is read as tsquery syntax, and the compiled query is
bound as a parameter.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnClause,
    ColumnElement,
    Double,
    FromClause,
    Select,
    bindparam,
    cast,
    func,
    literal,
    literal_column,
)

from app.models.recommendations import Recommendation
from app.search.highlight import MARK_END, MARK_START
from app.search.syntax import QUERY_PARAMETER, And, Node, Not, Or, SearchQuery, Term

CONFIG = "upr"
SEARCH_COLUMN = "search_vector"
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MinWords=12, MaxWords=30, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)

_config: ColumnClause[Any] = literal_column(f"'{CONFIG}'::regconfig")
_vector: ColumnClause[Any] = literal_column(f"recommendation.{SEARCH_COLUMN}")


def compile_query(node: Node) -> str:
    """The `to_tsquery` text for a parsed search."""
    if isinstance(node, Term):
        operands = [f"'{token}'" for token in node.tokens]
        if node.prefix:
            operands[-1] += ":*"
        return operands[0] if len(operands) == 1 else "(" + " <-> ".join(operands) + ")"
    if isinstance(node, Or):
        return "(" + " | ".join(compile_query(operand) for operand in node.operands) + ")"
    if isinstance(node, And):
        return (
            "("
            + " & ".join(
                f"!{compile_query(op.operand)}" if isinstance(op, Not) else compile_query(op)
                for op in node.operands
            )
            + ")"
        )
    raise AssertionError(f"NOT outside AND reached the compiler: {node!r}")


class PostgresSearch:
    """Full-text search on PostgreSQL tsvector/tsquery."""

    def _tsquery(self, query: SearchQuery) -> ColumnElement:
        return func.to_tsquery(_config, bindparam(QUERY_PARAMETER, compile_query(query.root)))

    def parameters(self, query: SearchQuery) -> dict[str, str]:
        """The compiled search, for statements built once and run with other values."""
        return {QUERY_PARAMETER: compile_query(query.root)}

    def matches(self, query: SearchQuery) -> ColumnElement[bool]:
        """A condition on `recommendation`: its text matches the search."""
        return _vector.op("@@")(self._tsquery(query))

    def ranked(self, statement: Select, query: SearchQuery) -> tuple[Select, ColumnElement[float]]:
        """`statement` (over `recommendation`) narrowed to matches, and the relevance score
        (higher is better) to select and order by."""
        tsquery = self._tsquery(query)
        # float8, whose text form round-trips exactly (a real's does not): cursors carry it
        score = cast(func.ts_rank(_vector, tsquery, 1), Double)
        return statement.where(_vector.op("@@")(tsquery)), score

    def top_ranked(
        self, statement: Select, query: SearchQuery, size: ColumnElement[int]
    ) -> tuple[Select, ColumnElement[float], ColumnElement[int]]:
        """`ranked`, and the number of all matches (every match is scored in one pass over
        the index's matches here, so `size` prunes nothing)."""
        ranked, score = self.ranked(statement, query)
        return ranked, score, func.count().over()

    def with_snippets(self, statement: Select, page: FromClause, query: SearchQuery) -> Select:
        """`statement` (reading `recommendation` for the rows of `page`) with a `snippet`
        column."""
        headline = func.ts_headline(
            _config, Recommendation.text, self._tsquery(query), literal(HEADLINE_OPTIONS)
        )
        return statement.add_columns(headline.label("snippet"))
