"""Precision and recall of the new/repeated classification on the hand-labelled Slovenian data.

Usage (from the repository root, on a database holding the bundled documents, e.g. after
`make data`):

    .venv/bin/python bench/linking_quality.py [--database-url URL]

Prints, for thresholds from 0.10 to 0.40, precision / recall / F1 of
- pairs (tests/linking/labelled_pairs.csv): development = 2nd-cycle recommendations against
  the 1st cycle, test = 4th-cycle recommendations against the 1st and 2nd;
- recommendations (tests/linking/labelled_recommendations.csv), split the same way;
and the share of each whole review classified repeated. docs/linking.md reports these figures.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlmodel import Session

from app.config import get_settings
from app.db import build_engine
from app.linking.service import state_docs
from app.states.queries import name_index

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.support.linking_evaluation import (
    Scorer,
    quality,
    read_pairs,
    read_recommendations,
)

LABELS = Path(__file__).resolve().parent.parent / "tests" / "linking"


def main() -> None:
    """Score the labelled data and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=get_settings().database_url)
    args = parser.parse_args()
    engine = build_engine(args.database_url)
    with Session(engine) as db:
        scorer = Scorer(state_docs(db, "SVN", frozenset(name_index(db))))
    pairs = read_pairs(LABELS / "labelled_pairs.csv")
    recommendations = read_recommendations(LABELS / "labelled_recommendations.csv")
    pair_scores = [(p.later_id, scorer.pair(p.later_id, p.earlier_id), p.repeated) for p in pairs]
    best = [
        (r.recommendation_id, scorer.best_earlier(r.recommendation_id), r.repeated)
        for r in recommendations
    ]
    print(f"{len(pairs)} pairs ({sum(p.repeated for p in pairs)} repeated), "
          f"{len(recommendations)} recommendations ({sum(r.repeated for r in recommendations)} "
          "repeated)")  # fmt: skip
    print("threshold | pairs dev P R F1 | pairs test P R F1 | recs dev P R F1 | recs test P R F1")
    for step in range(10, 42, 2):
        threshold = step / 100
        cells = []
        for items in (pair_scores, best):
            for prefix in ("20-", "48-"):
                measured = quality(
                    ((s, label) for rid, s, label in items if rid.startswith(prefix)), threshold
                )
                cells.append(f"{measured.precision:.2f} {measured.recall:.2f} {measured.f1:.2f}")
        print(f"{threshold:.2f}      | " + " | ".join(cells))
    for review in ("20-SVN", "48-SVN"):
        ids = [rid for rid, doc in scorer.docs.items() if doc.review_id == review]
        scores = [scorer.best_earlier(rid) for rid in ids]
        shares = ", ".join(
            f"{t:.2f}: {sum(s >= t for s in scores) / len(scores):.0%}" for t in (0.2, 0.25, 0.3)
        )
        print(f"{review}: share classified repeated at {shares}")
    engine.dispose()


if __name__ == "__main__":
    main()
