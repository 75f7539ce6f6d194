"""What a review's page shows: its facts and documents, its counts by position, new against
repeated, its recommendations grouped by paragraph (filterable) and implementation progress."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Any

from markupsafe import Markup
from sqlalchemy import select
from sqlmodel import Session, col

from app.db import read
from app.kit.pagination import decode_cursor, encode_cursor
from app.kit.problems import ProblemError
from app.linking import queries as linking_queries
from app.models.recommendations import Recommendation
from app.recommendations import queries as recommendation_queries
from app.recommendations.filters import RecommendationFilters
from app.recommendations.queries import Sort
from app.reviews import queries as review_queries
from app.stats import queries as stats_queries
from app.stats.dimensions import Dimension
from app.tracking import progress
from app.tracking import queries as tracking_queries
from app.vocab import DataSource, Position
from app.web import charts
from app.web.rendering import number, position_label

PAGE_SIZE = 50
POSITION_COLOURS = {
    Position.supported: charts.SUPPORTED.colour,
    Position.noted: charts.NOTED.colour,
}


@dataclass(frozen=True)
class ParagraphGroup:
    """The recommendations of one paragraph of the report ("140"), in their order."""

    paragraph: str
    items: list[dict[str, Any]]


def repeated_ids(db: Session, review_id: str) -> set[str]:
    """Ids of the review's recommendations that repeat one made to the state in an earlier
    cycle (the list's `repeated=true`)."""
    statement = select(col(Recommendation.id)).where(
        col(Recommendation.review_id) == review_id, linking_queries.is_repeated(True)
    )
    return set(read(db, statement).scalars())


def position_chart(counts: dict[Position | None, int]) -> Markup:
    """The review's loaded recommendations by position, one bar each."""
    total = sum(counts.values())
    order = [*Position, None]
    rows = [
        charts.Row(
            label=position_label(position),
            share=counts[position] / total if total else 0,
            text=f"{number(counts[position])} ({round(100 * counts[position] / total)}%)",
        )
        for position in order
        if counts.get(position)
    ]
    return charts.horizontal_bars("positions-chart", "Recommendations by position", rows)


def _grouped(items: list[dict[str, Any]]) -> list[ParagraphGroup]:
    def major(item: dict[str, Any]) -> str:
        return item["paragraph"].split(".")[0] if item["paragraph"] else ""

    return [ParagraphGroup(key, list(group)) for key, group in groupby(items, key=major)]


def decode_page(cursor: str | None) -> tuple[Any, ...] | None:
    """The key after which a page of the review's list starts (a 400 problem if tampered)."""
    if not cursor:
        return None
    values = decode_cursor(cursor, (str, *recommendation_queries.key_types(Sort.session)))
    if values[0] != Sort.session.value:
        raise ProblemError(400, "invalid-cursor", "The page cursor is not one of this list's.")
    return values[1:]


def recommendations_of(
    db: Session, filters: RecommendationFilters, cursor: str | None
) -> dict[str, Any]:
    """A page of the review's recommendations matching `filters`, grouped by paragraph."""
    page = recommendation_queries.page_of_recommendations(
        db, filters, Sort.session, PAGE_SIZE, decode_page(cursor)
    )
    counted = recommendation_queries.count_recommendations(db, filters, None, 10_000)
    next_cursor = encode_cursor((Sort.session.value, *page.next_key)) if page.next_key else None
    return {
        "groups": _grouped(page.parsed()),
        "shown": len(page.items),
        "matching": counted.total,
        "next_cursor": next_cursor,
    }


def _progress(db: Session, review_id: str) -> Any:
    """Implementation progress of the review's recommendations (None when none is tracked)."""
    matching = tracking_queries.matching(db, RecommendationFilters(), review_id=review_id)
    assessments = list(tracking_queries.effective_assessments(db, matching))
    if not assessments:
        return None
    total = tracking_queries.count(db, matching)
    return progress.summarize(review_id, total, assessments, progress.Interval.year)


def review_page(
    db: Session, review_id: str, filters: RecommendationFilters, cursor: str | None
) -> dict[str, Any] | None:
    """Everything the review page shows; None when there is no such review. `filters` narrow
    the list of recommendations (review, position, theme, new or repeated)."""
    found = review_queries.get_review(db, review_id)
    if found is None:
        return None
    review, state = found
    counts = review_queries.position_counts(db, review.id)
    total = sum(counts.values())
    themes = stats_queries.grouped(
        db, RecommendationFilters(review=[review.id]), [Dimension.theme], by_count=True
    )
    novelty = linking_queries.novelty_counts(db, [review.id]).get(review.id)
    sources = sorted(
        review_queries.source_counts(db, review.id), key=lambda row: -DataSource(row[0]).text_rank
    )
    return {
        "review": review,
        "state": state,
        "counts": counts,
        "position_choices": [(p, counts[p]) for p in Position if counts.get(p)],
        "total": total,
        "positions_chart": position_chart(counts) if total else None,
        "themes": [(g.keys[0], g.labels[0], g.tally.count) for g in themes if g.keys[0]],
        "novelty": novelty,
        "repeated": repeated_ids(db, review.id) if novelty else set(),
        "sources": sources,
        "pledges": review_queries.pledge_count(db, review.id),
        "progress": _progress(db, review.id),
        "list": recommendations_of(db, filters, cursor),
    }
