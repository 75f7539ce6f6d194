"""Per-review and per-session tallies answer facets and statistics exactly as counting the
recommendations does."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import ColumnElement, func, select
from sqlmodel import Session, col

from app.db import build_engine
from app.kit.templates import StatementTemplates
from app.migrate import alembic_config
from app.models.recommendations import Recommendation
from app.models.stats import ReviewTally, SessionTally
from app.recommendations.filters import RecommendationFilters
from app.reference import REFERENCE_DIR
from app.search import parse_query
from app.stats import queries, tallies
from app.stats.dimensions import Dimension
from app.vocab import Position, RegionalGroup
from tests.conftest import bundled_thematic_list
from tests.support.writes import load_committed, seed_committed

REVIEW_FILTERS = [
    RecommendationFilters(),
    RecommendationFilters(state_under_review=["SVN"]),
    RecommendationFilters(session=[20, 48]),
    RecommendationFilters(cycle=[4]),
    RecommendationFilters(cycle=[1, 2], position=[Position.supported]),
    RecommendationFilters(position=[Position.noted, Position.unclear]),
    RecommendationFilters(state_under_review_group=[RegionalGroup.eastern_european]),
    RecommendationFilters(review=["7-SVN"]),
    RecommendationFilters(review_date_from=dt.date(2015, 1, 1)),
    RecommendationFilters(state_under_review=["KAZ"]),
    RecommendationFilters(state_under_review=["FRA"]),  # no recommendations: nothing to count
]
ONE = [d for d in Dimension if d.value in tallies.COUNTABLE]  # the others are always counted
TWO = [
    [Dimension.theme, Dimension.position],
    [Dimension.cycle, Dimension.recommending_state_group],
    [Dimension.state_under_review_group, Dimension.position],
    [Dimension.session, Dimension.sdg_goal],
    [Dimension.recommending_state, Dimension.state_under_review],
]


def counted_rows(db: Session, *conditions: ColumnElement[bool]) -> tuple[int, int]:
    """The number of recommendations meeting `conditions`, and of those supported, counted in
    the recommendations themselves."""
    supported = func.count().filter(Recommendation.position == Position.supported)
    row = db.execute(select(func.count(), supported).where(*conditions)).one()
    return row[0], row[1]


def direct(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every grouping count the recommendations themselves."""
    monkeypatch.setattr(tallies, "usable", lambda *_: False)


@pytest.mark.parametrize("filters", REVIEW_FILTERS, ids=repr)
def test_tallies_count_what_the_recommendations_count(
    db: Session, monkeypatch: pytest.MonkeyPatch, filters: RecommendationFilters
) -> None:
    groupings = [[d] for d in ONE] + TWO
    assert all(tallies.usable(filters, dimensions) for dimensions in groupings)
    from_tallies = [
        queries.grouped(db, filters, dims, by_count=by_count, limit=limit)
        for dims, (by_count, limit) in itertools.product(groupings, [(False, None), (True, 3)])
    ]
    total = queries.total(db, filters)
    direct(monkeypatch)
    from_rows = [
        queries.grouped(db, filters, dims, by_count=by_count, limit=limit)
        for dims, (by_count, limit) in itertools.product(groupings, [(False, None), (True, 3)])
    ]
    assert from_tallies == from_rows
    assert [[type(k) for g in gs for k in g.keys] for gs in from_tallies] == [
        [type(k) for g in gs for k in g.keys] for gs in from_rows
    ]
    assert total == queries.total(db, filters)
    if filters.state_under_review != ["FRA"]:
        assert any(from_tallies)
    else:
        assert not any(from_tallies) and total.count == 0


def test_statements_over_the_tallies_are_built_once_per_shape(db: Session) -> None:
    """Filters of one shape share a statement and still get their own counts."""

    def counted(filters: RecommendationFilters) -> int:
        return sum(g.tally.count for g in queries.grouped(db, filters, [Dimension.position]))

    def in_sessions(*numbers: int) -> int:
        return counted_rows(db, col(Recommendation.session_number).in_(numbers))[0]

    slovenia = ["SVN"]
    assert counted(RecommendationFilters(review=["7-SVN"])) == 97
    assert queries.total(db, RecommendationFilters(session=[20])).count == in_sessions(20)
    svn_20 = RecommendationFilters(state_under_review=slovenia, session=[20])
    assert queries.total(db, svn_20).count == 163
    built = len(queries._TEMPLATES)
    assert counted(RecommendationFilters(review=["48-SVN"])) == 254
    assert counted(RecommendationFilters(review=["20-SVN", "48-SVN"])) == 163 + 254
    assert queries.total(db, RecommendationFilters(session=[7, 48])).count == in_sessions(7, 48)
    svn_7_48 = RecommendationFilters(state_under_review=slovenia, session=[7, 48])
    assert queries.total(db, svn_7_48).count == 97 + 254
    assert len(queries._TEMPLATES) == built


def test_statement_templates_keep_the_most_recently_used() -> None:
    templates = StatementTemplates(size=2)
    builds: list[str] = []

    def build(name: str) -> Callable[[], str]:
        return lambda: builds.append(name) or name

    assert [templates.get(name, build(name)) for name in ("a", "b", "a", "c", "a", "b")] == [
        "a", "b", "a", "c", "a", "b"
    ]  # fmt: skip
    assert builds == ["a", "b", "c", "b"]  # "b" was the least recently used when "c" came


def test_filters_on_sessions_and_positions_alone_read_the_session_tallies() -> None:
    by_session = [
        filters
        for filters in REVIEW_FILTERS
        if tallies.table_for(filters, [Dimension.theme]) is SessionTally.__table__
    ]
    assert by_session == [REVIEW_FILTERS[n] for n in (0, 2, 3, 4, 5)]


def test_the_bundled_reviews_are_tallied(db: Session) -> None:
    everything = queries.total(db, RecommendationFilters())
    assert (everything.count, everything.supported) == counted_rows(db)
    slovenia = queries.total(db, RecommendationFilters(state_under_review=["SVN"]))
    assert (slovenia.count, slovenia.supported) == (514, 89 + 142 + 217)
    rows = db.execute(select(ReviewTally.review_id).distinct()).scalars().all()
    reviewed = db.execute(select(Recommendation.review_id).distinct()).scalars().all()
    assert sorted(rows) == sorted(reviewed)
    assert {"20-SVN", "48-SVN", "7-SVN"} <= set(rows)


@pytest.mark.parametrize(
    ("filters", "dimensions"),
    [
        (RecommendationFilters(theme=[1]), [Dimension.position]),
        (RecommendationFilters(recommending_state=["FRA"]), [Dimension.session]),
        (RecommendationFilters(repeated=True), [Dimension.cycle]),
        (RecommendationFilters(search=parse_query("women")), [Dimension.position]),
        (RecommendationFilters(), [Dimension.theme, Dimension.recommending_state]),
    ],
)
def test_other_filters_and_two_linked_dimensions_count_the_recommendations(
    filters: RecommendationFilters, dimensions: list[Dimension]
) -> None:
    assert not tallies.usable(filters, dimensions)


def test_session_tallies_are_the_sums_of_their_reviews(db: Session) -> None:
    sessions = db.execute(select(*SessionTally.__table__.c)).all()
    reviewed = db.execute(select(Recommendation.session_number).distinct()).scalars()
    assert {row.session_number for row in sessions} == set(reviewed) >= {7, 20, 48}
    for row in sessions:
        of_reviews = select(func.sum(ReviewTally.count)).where(
            ReviewTally.dimension == row.dimension,
            ReviewTally.session_number == row.session_number,
            ReviewTally.value == row.value,
            ReviewTally.position == row.position,
        )
        assert db.execute(of_reviews).scalar_one() == row.count
    # and no review's tally is missing from its session's
    keys = (ReviewTally.dimension, ReviewTally.session_number, ReviewTally.value)
    of_reviews = select(*keys, ReviewTally.position).group_by(*keys, ReviewTally.position)
    assert sorted(tuple(row) for row in db.execute(of_reviews)) == sorted(
        tuple(row)[:4] for row in sessions
    )
    everything = select(func.sum(SessionTally.count)).where(SessionTally.dimension == "all")
    assert db.execute(everything).scalar_one() == counted_rows(db)[0]
    assert (
        tallies.table_for(RecommendationFilters(cycle=[4]), [Dimension.theme])
        is SessionTally.__table__
    )
    for dimensions in ([Dimension.state_under_review], [Dimension.state_under_review_group]):
        assert (
            tallies.table_for(RecommendationFilters(cycle=[4]), dimensions) is ReviewTally.__table__
        )


def test_imports_keep_the_tallies_that_the_migration_computes(scratch_database_url: str) -> None:
    """A document's import recounts its review and its session; the migrations' backfills
    count the same."""
    engine = build_engine(scratch_database_url)
    thematic_list = bundled_thematic_list(48)
    try:
        with Session(engine) as db:
            load_committed(db, thematic_list)
            recounted = sorted(db.execute(select(*ReviewTally.__table__.c)).all())
            summed = sorted(db.execute(select(*SessionTally.__table__.c)).all())
        assert {row.review_id for row in recounted} == {"48-SVN"}
        assert {row.session_number for row in summed} == {48}
        command.downgrade(alembic_config(scratch_database_url), "0004_tracking")
        command.upgrade(alembic_config(scratch_database_url), "head")
        with Session(engine) as db:
            assert sorted(db.execute(select(*ReviewTally.__table__.c)).all()) == recounted
            assert sorted(db.execute(select(*SessionTally.__table__.c)).all()) == summed
    finally:
        engine.dispose()


def test_a_regional_group_changed_by_the_seed_is_recounted(
    db: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, reference)
    states = reference / "states.csv"
    rows = list(csv.DictReader(states.open(encoding="utf-8")))
    for row in rows:
        if row["iso3"] == "FRA":
            assert row["regional_group"] == RegionalGroup.western_european_others
            row["regional_group"] = RegionalGroup.eastern_european.value
    with states.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    seed_committed(db, reference)
    dimensions = [Dimension.recommending_state_group]
    from_tallies = queries.grouped(db, RecommendationFilters(), dimensions)
    direct(monkeypatch)
    assert from_tallies == queries.grouped(db, RecommendationFilters(), dimensions)
