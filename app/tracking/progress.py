"""Progress summaries: counts by source and status, now and at the end of each period.

Pure computation over the effective assessments of the recommendations in scope, read in
date order: one pass keeps, per (recommendation, source), the status assessed last, and the
counts are taken at each period's end.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from app.models.tracking import TrackingSource, TrackingStatus
from app.tracking.schemas import (
    Interval,
    ProgressPeriod,
    ProgressSummary,
    SourceProgress,
    StatusCounts,
)

Assessment = tuple[str, TrackingSource, str, dt.date]


def period_of(day: dt.date, interval: Interval) -> tuple[str, dt.date]:
    """The label and last day of the period holding `day`: ("2025-Q2", 2025-06-30)."""
    if interval is Interval.year:
        return str(day.year), dt.date(day.year, 12, 31)
    if interval is Interval.quarter:
        quarter = (day.month - 1) // 3 + 1
        return f"{day.year}-Q{quarter}", _month_end(day.year, quarter * 3)
    return f"{day.year}-{day.month:02d}", _month_end(day.year, day.month)


def _month_end(year: int, month: int) -> dt.date:
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def summarize(
    scope: str, total: int, assessments: Iterable[Assessment], interval: Interval
) -> ProgressSummary:
    """The summary of `total` recommendations given their assessments in date order."""
    latest: dict[tuple[str, TrackingSource], str] = {}
    counts: dict[TrackingSource, Counter[str]] = {source: Counter() for source in TrackingSource}
    timeline: list[ProgressPeriod] = []
    period: tuple[str, dt.date] | None = None
    for rid, source, status, day in assessments:
        if period is not None and day > period[1]:
            timeline.append(_period(period, counts, total))
            period = None
        period = period or period_of(day, interval)
        previous = latest.get((rid, source))
        if previous is not None:
            counts[source][previous] -= 1
        latest[(rid, source)] = status
        counts[source][status] += 1
    if period is not None:
        timeline.append(_period(period, counts, total))
    assessed = len({rid for rid, _source in latest})
    return ProgressSummary(
        scope=scope,
        recommendations=total,
        assessed=assessed,
        current=_by_source(counts, total),
        interval=interval,
        timeline=_fill_gaps(timeline, interval),
    )


def _period(
    period: tuple[str, dt.date], counts: dict[TrackingSource, Counter[str]], total: int
) -> ProgressPeriod:
    return ProgressPeriod(period=period[0], end=period[1], by_source=_by_source(counts, total))


def _by_source(counts: dict[TrackingSource, Counter[str]], total: int) -> list[SourceProgress]:
    result = []
    for source in TrackingSource:
        by_status = {status.value: counts[source][status.value] for status in TrackingStatus}
        assessed = sum(by_status.values())
        result.append(
            SourceProgress(
                source=source,
                assessed=assessed,
                not_assessed=total - assessed,
                by_status=StatusCounts(**by_status),
            )
        )
    return result


def _fill_gaps(timeline: list[ProgressPeriod], interval: Interval) -> list[ProgressPeriod]:
    """Periods without assessments repeat the counts of the period before them."""
    filled: list[ProgressPeriod] = []
    for item in timeline:
        while filled:
            label, end = period_of(filled[-1].end + dt.timedelta(days=1), interval)
            if end >= item.end:
                break
            filled.append(ProgressPeriod(period=label, end=end, by_source=filled[-1].by_source))
        filled.append(item)
    return filled
