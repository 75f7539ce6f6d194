"""Linking speed: one review against a database of N recommendations, and all of them.

Usage (from the repository root, with the project's virtualenv):

    .venv/bin/python bench/linking_speed.py --upr 130000 [--database-url URL]

It generates a UHRI-format export of N UPR recommendations (tests/support/uhri_generator.py:
195 states, four reviews each in cycles 1-4 imported in shuffled order, realistic vocabulary),
migrates and seeds a fresh database (a temporary SQLite file unless --database-url names an
empty PostgreSQL database) and imports it with `upr import uhri` (which links every state
once, after the last batch). Then it times, in this process:

- relinking the state of the largest 4th-cycle review (`upr link --review ID`): loading that
  state's recommendations, computing the links, writing them;
- `upr link --review ID` and `upr link --all` as child processes (interpreter start included).

Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select
from sqlmodel import Session

from app.db import build_engine
from app.linking.runs import link_states
from app.linking.service import state_docs
from app.linking.similarity import compute_links
from app.models.linking import RecommendationLink
from app.models.recommendations import Recommendation
from app.states.queries import name_index

ROOT = Path(__file__).resolve().parent.parent
UPR = [sys.executable, "-m", "app.cli"]


def run(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Run a command; (seconds, last line of its output)."""
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True, cwd=ROOT)
    lines = (done.stdout.strip() or done.stderr.strip()).splitlines()
    return time.perf_counter() - started, lines[-1] if lines else ""


def largest_recent_review(db: Session) -> tuple[str, str, int]:
    """(review id, state, recommendations) of the largest review of the latest cycle."""
    query = (
        select(Recommendation.review_id, Recommendation.state_iso3, func.count())
        .where(Recommendation.session_number >= 41)
        .group_by(Recommendation.review_id, Recommendation.state_iso3)
        .order_by(func.count().desc(), Recommendation.review_id)
        .limit(1)
    )
    rid, iso3, count = db.execute(query).one()
    return rid, iso3, count


def main() -> None:
    """Generate, import, time."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--upr", type=int, default=130_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
        env = {**os.environ, "UPR_DATABASE_URL": url}
        export = Path(folder) / "export-full-en.json"
        generator = [sys.executable, "-m", "tests.support.uhri_generator", str(export)]
        subprocess.run(
            [*generator, "--upr", str(args.upr), "--other", "0", "--seed", "1"],
            check=True,
            cwd=ROOT,
        )
        run([*UPR, "db", "upgrade"], env)
        run([*UPR, "db", "seed"], env)
        seconds, line = run([*UPR, "import", "uhri", str(export)], env)
        print(
            f"`upr import uhri` of {args.upr:,} recommendations, linking included: {seconds:.1f} s"
        )
        print(f"  {line}")

        engine = build_engine(url)
        with Session(engine) as db:
            total = db.execute(select(func.count()).select_from(Recommendation)).scalar_one()
            links = db.execute(select(func.count()).select_from(RecommendationLink)).scalar_one()
            rid, iso3, size = largest_recent_review(db)
            names = frozenset(name_index(db))
            started = time.perf_counter()
            docs = state_docs(db, iso3, names)
            loaded = time.perf_counter()
            computed = compute_links(docs)
            done = time.perf_counter()
        print(f"database: {total:,} recommendations, {links:,} links")
        print(
            f"review {rid} ({size} recommendations; its state has {len(docs)} in all): "
            f"load {loaded - started:.2f} s, compute {done - loaded:.2f} s "
            f"({len(computed)} links)"
        )
        started = time.perf_counter()
        link_states(lambda: Session(engine), [iso3])
        print(f"  relink {iso3} in one transaction (load, compute, write, commit): "
              f"{time.perf_counter() - started:.2f} s")  # fmt: skip
        engine.dispose()
        seconds, line = run([*UPR, "link", "--review", rid], env)
        print(f"`upr link --review {rid}`: {seconds:.2f} s including process start ({line})")
        seconds, line = run([*UPR, "link", "--all"], env)
        print(f"`upr link --all`: {seconds:.1f} s ({line})")


if __name__ == "__main__":
    main()
