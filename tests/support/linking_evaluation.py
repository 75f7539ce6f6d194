"""Measuring the linker against hand-labelled data (the labelling rule: docs/linking.md).

Two judgements, both on Slovenia's bundled reviews:
- pairs (later recommendation, earlier-cycle recommendation): does the later one repeat it?
  A pair counts as predicted repeated when its similarity reaches the threshold;
- recommendations drawn at random from a later review: does it repeat anything made to the
  state in an earlier cycle? Predicted repeated when its best earlier match reaches it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.linking.similarity import Doc, cosine, vectors


@dataclass(frozen=True)
class Quality:
    """Precision and recall of "repeated" at one threshold."""

    threshold: float
    true_positives: int
    false_positives: int
    false_negatives: int
    true_negatives: int

    @property
    def precision(self) -> float:
        """Share of predicted repeats that are repeats."""
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of repeats that are predicted."""
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def quality(scored: Iterable[tuple[float, bool]], threshold: float) -> Quality:
    """Quality of predicting `score >= threshold` for (score, labelled repeated) items."""
    counts = {(True, True): 0, (True, False): 0, (False, True): 0, (False, False): 0}
    for score, repeated in scored:
        counts[(score >= threshold, repeated)] += 1
    return Quality(
        threshold,
        true_positives=counts[(True, True)],
        false_positives=counts[(True, False)],
        false_negatives=counts[(False, True)],
        true_negatives=counts[(False, False)],
    )


@dataclass(frozen=True)
class LabelledPair:
    """A later recommendation, an earlier-cycle one, and whether the later repeats it."""

    later_id: str
    earlier_id: str
    repeated: bool


@dataclass(frozen=True)
class LabelledRecommendation:
    """A recommendation and whether it repeats one made to the state in an earlier cycle."""

    recommendation_id: str
    repeated: bool


def read_pairs(path: Path) -> list[LabelledPair]:
    """The labelled pairs of a CSV file (`later_id, earlier_id, repeated, ...`)."""
    with path.open(encoding="utf-8", newline="") as file:
        return [
            LabelledPair(row["later_id"], row["earlier_id"], row["repeated"] == "1")
            for row in csv.DictReader(file)
        ]


def read_recommendations(path: Path) -> list[LabelledRecommendation]:
    """The labelled recommendations of a CSV file (`recommendation_id, repeated, ...`)."""
    with path.open(encoding="utf-8", newline="") as file:
        return [
            LabelledRecommendation(row["recommendation_id"], row["repeated"] == "1")
            for row in csv.DictReader(file)
        ]


class Scorer:
    """Similarities among one state's recommendations, weighted as the linker weighs them."""

    def __init__(self, docs: Sequence[Doc]) -> None:
        self.docs = {doc.id: doc for doc in docs}
        self.vectors = dict(zip(self.docs, vectors(docs), strict=True))

    def pair(self, first: str, second: str) -> float:
        """The similarity of two recommendations."""
        return round(cosine(self.vectors[first], self.vectors[second]), 4)

    def best_earlier(self, recommendation_id: str) -> float:
        """The best similarity to a recommendation of an earlier cycle (0 if none)."""
        cycle = self.docs[recommendation_id].cycle
        earlier = (rid for rid, doc in self.docs.items() if doc.cycle < cycle)
        return max((self.pair(recommendation_id, rid) for rid in earlier), default=0.0)
