"""Generate a benchmark database: N realistic recommendations written straight into the tables.

Usage (from the repository root, with the project's virtualenv):

    .venv/bin/python bench/generate_data.py --rows 130000 --database-url sqlite:///bench/out/upr-130k.sqlite3
    .venv/bin/python bench/generate_data.py --rows 1000000 \
        --database-url postgresql+psycopg://postgres@127.0.0.1/upr_bench_1m

The database must be new (an empty SQLite path, or an empty PostgreSQL database): it is
migrated and seeded, then filled in bulk. The distributions are those of the UHRI export
generator (tests/support/uhri_generator.py): the ~193 member states reviewed once per cycle in
the real session layout, 100-300 recommendations per review growing with the cycle, 1-3
recommending states (80 % one), themes, affected groups and SDG targets that go with the
recommendation's topic, and texts assembled from real recommendation vocabulary, so that a
full-text search is as selective as on the real data. Past the 4 real cycles (about 145,000
recommendations), further cycles of 14 sessions follow, as the UPR would grow. Deterministic
for a given --seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db import build_engine
from app.migrate import upgrade
from app.models.recommendations import (
    Recommendation,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationTheme,
    RecommendingState,
)
from app.models.reviews import Review
from app.models.sessions import Cycle, WorkingGroupSession
from app.models.taxonomy import AffectedGroup, Sdg, Theme
from app.recommendations import items, related
from app.reference import seed
from app.stats import tallies
from app.unit_of_work import unit_of_work
from app.vocab import cycle_of_session, session_range_of_cycle
from tests.support import uhri_generator as vocabulary

BATCH = 20_000


class Tables:
    """Rows waiting to be written, flushed in bulk."""

    def __init__(self, db: Session) -> None:
        self.db = db
        self.pending: dict[Any, list[dict[str, Any]]] = {}

    def add(self, model: Any, row: dict[str, Any]) -> None:
        self.pending.setdefault(model, []).append(row)

    def flush(self) -> None:
        for model in (
            Review,
            Recommendation,
            RecommendingState,
            RecommendationTheme,
            RecommendationGroup,
            RecommendationSdg,
        ):
            rows = self.pending.pop(model, [])
            if rows:
                self.db.execute(insert(model), rows)
        self.db.commit()


def _taxonomy(db: Session) -> tuple[dict[str, int], dict[str, int]]:
    """Theme and group ids by name, and every SDG target the vocabulary uses."""
    for name in vocabulary.THEMES:
        if db.execute(select(Theme.id).where(Theme.name == name)).first() is None:
            db.add(Theme(name=name))
    for name in vocabulary.AFFECTED_PERSONS:
        if db.execute(select(AffectedGroup.id).where(AffectedGroup.name == name)).first() is None:
            db.add(AffectedGroup(name=name))
    known = set(db.execute(select(Sdg.code)).scalars())
    for code, title in vocabulary.SDG_TARGETS.items():
        if code not in known:
            db.add(Sdg(code=code, goal=int(code.split(".")[0]), title=title))
    db.commit()
    themes = {name: tid for tid, name in db.execute(select(Theme.id, Theme.name))}
    groups = {name: gid for gid, name in db.execute(select(AffectedGroup.id, AffectedGroup.name))}
    return themes, groups


def _ensure_sessions(db: Session, last_session: int) -> None:
    """Cycles and sessions past the real ones, for growth beyond the 4th cycle."""
    cycles = set(db.execute(select(Cycle.number)).scalars())
    sessions = set(db.execute(select(WorkingGroupSession.number)).scalars())
    for number in range(1, last_session + 1):
        cycle = cycle_of_session(number)
        if cycle not in cycles:
            first, last = session_range_of_cycle(cycle)
            db.add(Cycle(number=cycle, first_session=first, last_session=last))
            cycles.add(cycle)
        if number not in sessions:
            db.add(WorkingGroupSession(number=number, cycle_number=cycle))
    db.commit()


def generate(db: Session, rows: int, seed_value: int) -> dict[str, int]:
    """Write `rows` recommendations; returns counts of what was written."""
    rng = random.Random(seed_value)
    gen = vocabulary._Generator(rng, vocabulary._load_states(None))  # the export's vocabulary
    themes, groups = _taxonomy(db)
    existing_reviews = set(db.execute(select(Review.id)).scalars())
    tables = Tables(db)
    written = {"recommendations": 0, "reviews": 0, "links": 0}
    for review in _reviews(gen):
        if written["recommendations"] >= rows:
            break
        session, state = review.session, review.state
        if session > 54:
            _ensure_sessions(db, session)
        rid = f"{session}-{state.iso3}"
        day = vocabulary._session_start(session) + dt.timedelta(days=review.order % 12)
        if rid not in existing_reviews:
            tables.add(
                Review,
                {
                    "id": rid,
                    "session_number": session,
                    "state_iso3": state.iso3,
                    "scheduled_order": review.order + 1,
                    "review_date": day,
                },
            )
            existing_reviews.add(rid)
            written["reviews"] += 1
        low, high = ((100, 180), (120, 230), (150, 300))[min(cycle_of_session(session), 3) - 1]
        count = min(rng.randint(low, high), rows - written["recommendations"])
        major, supported = rng.randint(86, 160), rng.uniform(0.6, 0.9)
        for minor in range(1, count + 1):
            written["links"] += _recommendation(
                tables, rng, gen, rid, session, state, major, minor, supported, themes, groups
            )
        written["recommendations"] += count
        if sum(len(v) for v in tables.pending.values()) > BATCH:
            tables.flush()
    tables.flush()
    return written


def _reviews(gen: Any) -> Iterator[Any]:
    yield from gen.review_iter


def _recommendation(
    tables: Tables,
    rng: random.Random,
    gen: Any,
    review_id: str,
    session: int,
    state: Any,
    major: int,
    minor: int,
    supported: float,
    themes: dict[str, int],
    groups: dict[str, int],
) -> int:
    recommenders: list[Any] = []
    wanted = 1 if rng.random() < 0.8 else (2 if rng.random() < 0.75 else 3)
    while len(recommenders) < wanted:
        other = rng.choice(gen.states)
        if other is not state and other not in recommenders:
            recommenders.append(other)
    topic = rng.choice(vocabulary._TOPICS)
    text = gen._phrase(topic)
    theme_names, group_names, sdgs = gen._labels(topic)
    rid = f"{review_id}-{major}.{minor}"
    tables.add(
        Recommendation,
        {
            "id": rid,
            "review_id": review_id,
            "session_number": session,
            "state_iso3": state.iso3,
            "paragraph": f"{major}.{minor}",
            "paragraph_major": major,
            "paragraph_minor": minor,
            "text": text,
            "position": "supported" if rng.random() < supported else "noted",
            "position_source": None,
            "position_text": None,
            "text_from": "uhri",
            "position_from": "uhri",
        },
    )
    for ordinal, other in enumerate(recommenders):
        tables.add(
            RecommendingState, {"recommendation_id": rid, "iso3": other.iso3, "ordinal": ordinal}
        )
    for name in theme_names:
        tables.add(RecommendationTheme, {"recommendation_id": rid, "theme_id": themes[name]})
    for name in group_names:
        tables.add(RecommendationGroup, {"recommendation_id": rid, "group_id": groups[name]})
    for code in sdgs:
        tables.add(RecommendationSdg, {"recommendation_id": rid, "sdg_code": code})
    return len(recommenders) + len(theme_names) + len(group_names) + len(sdgs)


def main() -> None:
    """Migrate, seed, generate, report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=130_000)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    upgrade(args.database_url)
    engine = build_engine(args.database_url)
    with Session(engine) as db:
        with unit_of_work(db) as work:
            seed(work)
        written = generate(db, args.rows, args.seed)
        # the importers keep these current; this bypasses them
        related.refresh_link_keys(db, db.execute(select(Recommendation.id)).scalars().all())
        items.refresh(db)
        tallies.refresh_all(db)
        db.commit()
    with engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
        connection.commit()
    engine.dispose()
    print(f"{written} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
