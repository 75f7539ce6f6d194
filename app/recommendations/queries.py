"""SQL for recommendations: filters, sorts with keyset pages, counts and item loading.

Lists are read with Core statements: one statement reads a page of rows' stored items
(`app.recommendations.items`) and, with a search, their snippets and the number of all
matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import orjson
from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    bindparam,
    func,
    null,
    or_,
    select,
    tuple_,
)
from sqlmodel import Session, col

from app.db import read
from app.kit.columns import table_of
from app.kit.dialect import estimated_rows
from app.kit.dialect import name as dialect_of
from app.kit.problems import ProblemError
from app.kit.templates import StatementTemplates
from app.models.recommendations import (
    Recommendation,
    RecommendationDisagreement,
    RecommendationItem,
    RecommendationSource,
    RecommendationUprInfoIssue,
)
from app.models.taxonomy import UprInfoIssue
from app.recommendations import items
from app.recommendations.filters import RecommendationFilters
from app.search import SearchBackend, backend_for
from app.search.highlight import to_html
from app.vocab import (
    DataSource,
    RecommendationField,
)

R = Recommendation
# Statements built once per shape (which filters are set, sort...), run with each request's
# values as parameters: building one costs more than running it on a page of a review.
_TEMPLATES = StatementTemplates()


# -- sorts and keyset pages -----------------------------------------------------------------


class Sort(StrEnum):
    """Orders of the recommendation list."""

    relevance = "relevance"
    session = "session"
    session_desc = "-session"
    paragraph = "paragraph"
    state = "state"


_SESSION, _STATE = col(R.session_number), col(R.state_iso3)
_MAJOR, _MINOR, _ID = col(R.paragraph_major), col(R.paragraph_minor), col(R.id)
# (column, descending); every order ends with the id, so keys are unique.
_NATURAL = [(_SESSION, False), (_STATE, False), (_MAJOR, False), (_MINOR, False), (_ID, False)]
_ORDERS: dict[Sort, list[tuple[Any, bool]]] = {
    Sort.session: _NATURAL,
    Sort.session_desc: [(_SESSION, True), *_NATURAL[1:]],
    Sort.paragraph: [
        (_MAJOR, False),
        (_MINOR, False),
        (_SESSION, False),
        (_STATE, False),
        (_ID, False),
    ],
    Sort.state: [
        (_STATE, False),
        (_SESSION, False),
        (_MAJOR, False),
        (_MINOR, False),
        (_ID, False),
    ],
}
NATURAL_ORDER = [column for column, _ in _NATURAL]  # the order of the official documents
_NATURAL_KEYS: list[str] = [column.key for column, _ in _ORDERS[Sort.session]]
_KEY_TYPES: dict[Any, type] = {_SESSION: int, _STATE: str, _MAJOR: int, _MINOR: int, _ID: str}


def key_types(sort: Sort) -> tuple[type, ...]:
    """The types of a sort's key values, as a cursor carries them."""
    if sort is Sort.relevance:
        return (float, *key_types(Sort.session))
    return tuple(_KEY_TYPES[column] for column, _ in _ORDERS[sort])


def _order(sort: Sort, score: Any) -> list[tuple[Any, bool]]:
    return [(score, True), *_NATURAL] if sort is Sort.relevance else _ORDERS[sort]


def _after(order: list[tuple[Any, bool]], key: Sequence[Any]) -> ColumnElement[bool]:
    """Rows after `key` in `order`: runs of keys in one direction compare as row values."""
    runs: list[tuple[bool, list[Any], list[Any]]] = []
    for (column, descending), value in zip(order, key, strict=True):
        if runs and runs[-1][0] == descending:
            runs[-1][1].append(column)
            runs[-1][2].append(value)
        else:
            runs.append((descending, [column], [value]))
    alternatives: list[ColumnElement[bool]] = []
    equal_before: list[ColumnElement[bool]] = []
    for descending, columns, values in runs:
        left = columns[0] if len(columns) == 1 else tuple_(*columns)
        right = values[0] if len(values) == 1 else tuple_(*values)
        alternatives.append(and_(*equal_before, left < right if descending else left > right))
        equal_before.append(left == right)
    return or_(*alternatives)


@dataclass
class Page:
    """A page of API items as JSON ready to send (`items.ready_to_send`), the key to continue
    after it, and the number of all matches when the page statement counted them in the same
    pass (a first page of a search)."""

    items: list[bytes]
    next_key: tuple[Any, ...] | None
    matched: int | None = None

    def parsed(self) -> list[dict[str, Any]]:
        """The items as dicts (for the web pages)."""
        return [orjson.loads(item) for item in self.items]


def page_of_recommendations(
    db: Session,
    filters: RecommendationFilters,
    sort: Sort,
    limit: int,
    after: Sequence[Any] | None,
) -> Page:
    """One page of items in `sort` order after the key `after`, read in one statement: the
    page's keys are chosen in a subquery, and only its rows are joined to their stored items
    and (with a search) get snippets. The statement is built once per shape
    (`_page_statement`)."""
    if filters.search is None and sort is Sort.relevance:
        raise ProblemError(400, "invalid-sort", "sort=relevance needs a search (q).")
    backend, dialect = backend_for(db), dialect_of(db)
    shape = ("page", dialect, filters.shape(), sort, after is not None)
    statement, key_names = _TEMPLATES.get(
        shape, lambda: _page_statement(backend, filters, sort, after is not None)
    )
    parameters = {**filters.parameters(backend), "page_size": limit + 1}
    parameters.update((f"after_{n}", value) for n, value in enumerate(after or ()))
    rows = read(db, statement, parameters).all()
    page = rows[:limit]
    next_key = None
    if len(rows) > limit:
        next_key = tuple(getattr(page[-1], name) for name in key_names)
    if filters.search is None:
        ready = [items.ready_to_send(row.item) for row in page]
    else:
        ready = [items.ready_to_send(row.item, _snippet(row.snippet), row.score) for row in page]
    matched = None
    if filters.search is not None and after is None:
        matched = rows[0].matched if rows else 0
    return Page(ready, next_key, matched)


def _snippet(raw: str | None) -> str | None:
    return to_html(raw) if raw is not None else None


def _page_statement(
    backend: SearchBackend,
    filters: RecommendationFilters,
    sort: Sort,
    continued: bool,
) -> tuple[Select, list[str]]:
    """The page statement of a shape, and the names of its sort key's columns. Parameters:
    `filters.parameters(backend)`, `page_size` (the limit plus one, to know whether a next
    page exists) and, when `continued`, `after_0`... (the key of the last row seen)."""
    keys = select(*(column for column, _ in _NATURAL)).where(
        *filters.conditions(backend, search=False, bound=True)
    )
    score = matched = None
    page_size = bindparam("page_size", type_=Integer)
    if filters.search is not None:
        if sort is Sort.relevance and not continued and filters.only_search:
            # the ranking alone chooses the page: the backend may skip the other matches
            keys, score, matched = backend.top_ranked(keys, filters.search, page_size)
        else:
            keys, score = backend.ranked(keys, filters.search)
            if not continued:  # every match is scored anyway: count them in the same pass
                matched = func.count().over()
        keys = keys.add_columns(score.label("score"))
        if matched is not None:
            keys = keys.add_columns(matched.label("matched"))
    order = _order(sort, score)
    if continued:
        keys = keys.where(_after(order, [bindparam(f"after_{n}") for n in range(len(order))]))
    keys = keys.order_by(*(c.desc() if d else c.asc() for c, d in order))
    inner = keys.limit(page_size).cte("page")  # read twice (snippets)
    stored = table_of(RecommendationItem)
    outer = (
        select(*(inner.c[key] for key in _NATURAL_KEYS), stored.c.item)
        .select_from(inner)
        .join(stored, stored.c.recommendation_id == inner.c.id)
    )
    if filters.search is not None:
        outer = outer.join(R, col(R.id) == inner.c.id)  # the text, for snippets
        outer = outer.add_columns(inner.c.score, inner.c.get("matched", null()).label("matched"))
        outer = backend.with_snippets(outer, inner, filters.search)
    for column, descending in order:
        key = inner.c.score if column is score else inner.c[column.key]
        outer = outer.order_by(key.desc() if descending else key.asc())
    return outer, ["score" if column is score else column.key for column, _ in order]


# -- counting -------------------------------------------------------------------------------


class CountMode(StrEnum):
    """How `total` is counted."""

    exact = "exact"
    estimate = "estimate"
    none = "none"


@dataclass(frozen=True)
class Count:
    """A list's `total`, whether counting stopped at the cap, and whether it is an estimate."""

    total: int | None
    capped: bool = False
    estimated: bool = False


def count_recommendations(
    db: Session,
    filters: RecommendationFilters,
    mode: CountMode | None,
    cap: int,
    matched: int | None = None,
) -> Count:
    """Count matches: capped at `cap` by default; `exact` without a cap; `estimate` exact up to
    the cap and the planner's estimate beyond (where the database has one); `none` not at all.
    `matched`, the number of matches when already known (`Page.matched`), saves the count."""
    if mode is CountMode.none:
        return Count(None)
    if mode is CountMode.exact:
        if matched is not None:
            return Count(matched)
        return Count(_count(db, filters, None))
    total = matched if matched is not None else _count(db, filters, cap + 1)
    if total <= cap:
        return Count(total)
    if mode is CountMode.estimate:
        matching = select(col(R.id)).where(*filters.conditions(backend_for(db)))
        estimate = estimated_rows(db, matching)
        if estimate is not None:
            return Count(max(estimate, cap + 1), estimated=True)
        return count_recommendations(db, filters, CountMode.exact, cap)
    return Count(cap, capped=True)


def _count(db: Session, filters: RecommendationFilters, stop_at: int | None) -> int:
    """How many recommendations match, counting no further than `stop_at` when it is given
    (with a statement built once per shape)."""
    backend, dialect = backend_for(db), dialect_of(db)

    def build() -> Select:
        matching = select(col(R.id)).where(*filters.conditions(backend, bound=True))
        if stop_at is not None:
            matching = matching.limit(bindparam("count_stop", type_=Integer))
        return select(func.count()).select_from(matching.subquery())

    statement = _TEMPLATES.get(("count", dialect, filters.shape(), stop_at is None), build)
    parameters = {**filters.parameters(backend), "count_stop": stop_at}
    return read(db, statement, parameters).scalar_one()


# -- items ----------------------------------------------------------------------------------


def get_recommendation(db: Session, recommendation_id: str) -> dict[str, Any] | None:
    """One recommendation as an API item with its provenance (`RecommendationDetail`), or None."""
    statement = (
        select(
            col(RecommendationItem.item),
            col(R.text_from),
            col(R.position_from),
            col(R.action_category_method),
            col(R.action_category_rule),
            col(R.action_category_evidence),
            col(R.action_category_reason),
        )
        .join_from(R, RecommendationItem, col(RecommendationItem.recommendation_id) == col(R.id))
        .where(col(R.id) == recommendation_id)
    )
    row = read(db, statement).first()
    if row is None:
        return None
    item = orjson.loads(row.item)
    sources = read(
        db,
        select(table_of(RecommendationSource)).where(
            col(RecommendationSource.recommendation_id) == recommendation_id
        ),
    ).all()
    pairs = read(
        db,
        select(table_of(RecommendationDisagreement)).where(
            col(RecommendationDisagreement.recommendation_id) == recommendation_id
        ),
    ).all()
    issues = read(
        db,
        select(col(UprInfoIssue.name))
        .join(
            RecommendationUprInfoIssue,
            col(RecommendationUprInfoIssue.issue_id) == UprInfoIssue.id,
        )
        .where(col(RecommendationUprInfoIssue.recommendation_id) == recommendation_id)
        .order_by(col(UprInfoIssue.name)),
    ).scalars()
    item.update(
        text_from=row.text_from,
        position_from=row.position_from,
        sources=[
            {
                "source": source.source,
                "is_document": DataSource(source.source).is_document,
                "reference": source.reference,
                "fields": source.fields.split(",") if source.fields else [],
            }
            for source in sorted(sources, key=lambda s: -DataSource(s.source).text_rank)
        ],
        disagreements=[
            {
                "field": pair.field,
                "values": [
                    {"source": pair.source, "reference": pair.reference, "value": pair.value},
                    {
                        "source": pair.other_source,
                        "reference": pair.other_reference,
                        "value": pair.other_value,
                    },
                ],
            }
            for pair in sorted(pairs, key=lambda p: list(RecommendationField).index(p.field))
        ],
        action_category_basis={
            "method": row.action_category_method,
            "rule": row.action_category_rule,
            "evidence": (row.action_category_evidence or "").split(),
            "reason": row.action_category_reason,
        },
        upr_info_issues=list(issues),
    )
    return item
