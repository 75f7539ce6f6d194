"""Similarity of recommendations made to one state: TF-IDF cosine over their terms.

Pure computation, no database. The corpus is every recommendation made to one state under
review (all its reviews): inverse document frequencies come from that corpus, so words the
state hears in every cycle ("rights", "discrimination") weigh less than the words that single a
request out ("defamation", "Paris Principles"). Each recommendation is compared with

- the recommendations of the same state's reviews in earlier cycles: the `TOP_EARLIER` most
  similar with a score of at least `RELATED_MIN` are kept; a recommendation is *repeated* when
  the best of them reaches `REPEATED_THRESHOLD`, *new* otherwise;
- the other recommendations of its own review: pairs of at least `NEAR_IDENTICAL_THRESHOLD`
  made by different states are kept, in both directions.

The thresholds were chosen on hand-labelled Slovenian pairs; docs/linking.md gives the
labelling rule, the figures and the reasons.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from app.vocab import LinkKind

REPEATED_THRESHOLD = 0.25
NEAR_IDENTICAL_THRESHOLD = 0.75
RELATED_MIN = 0.1
TOP_EARLIER = 5
MAX_NEAR_IDENTICAL = 20
SCORE_DIGITS = 4

Vector = dict[str, float]


@dataclass(frozen=True)
class Doc:
    """A recommendation as the linker sees it."""

    id: str
    review_id: str
    cycle: int
    states: frozenset[str]
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    """`recommendation_id` resembles `related_id` with `score` (1 is identical); `rank` 1 is
    the most similar of its kind."""

    recommendation_id: str
    related_id: str
    kind: LinkKind
    score: float
    rank: int


def vectors(docs: Sequence[Doc]) -> list[Vector]:
    """Unit-length TF-IDF vectors: sublinear term frequency, smoothed IDF over `docs`."""
    frequency = Counter(term for doc in docs for term in set(doc.terms))
    total = len(docs)
    idf = {term: math.log((1 + total) / (1 + count)) + 1 for term, count in frequency.items()}
    result: list[Vector] = []
    for doc in docs:
        weights = {t: (1 + math.log(n)) * idf[t] for t, n in Counter(doc.terms).items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        result.append({term: weight / norm for term, weight in weights.items()})
    return result


def cosine(first: Vector, second: Vector) -> float:
    """Cosine of two unit vectors."""
    if len(first) > len(second):
        first, second = second, first
    return sum(weight * second.get(term, 0.0) for term, weight in first.items())


class _Index:
    """An inverted index of vectors, for the scores of one vector against all indexed ones."""

    def __init__(self) -> None:
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)

    def add(self, position: int, vector: Vector) -> None:
        for term, weight in vector.items():
            self.postings[term].append((position, weight))

    def scores(self, vector: Vector) -> dict[int, float]:
        totals: dict[int, float] = defaultdict(float)
        for term, weight in vector.items():
            for position, other in self.postings.get(term, ()):
                totals[position] += weight * other
        return totals


def compute_links(docs: Sequence[Doc]) -> list[Link]:
    """Every link among the recommendations made to one state (see the module docstring)."""
    ordered = sorted(docs, key=lambda doc: (doc.cycle, doc.review_id, doc.id))
    vecs = vectors(ordered)
    links: list[Link] = []
    earlier = _Index()
    for cycle_docs in _runs(range(len(ordered)), lambda i: ordered[i].cycle):
        for i in cycle_docs:
            best = _best(earlier.scores(vecs[i]), ordered, RELATED_MIN, TOP_EARLIER)
            links += _ranked(ordered[i].id, best, ordered, LinkKind.earlier_cycle)
        for i in cycle_docs:
            earlier.add(i, vecs[i])
    for review_docs in _runs(range(len(ordered)), lambda i: ordered[i].review_id):
        links += _near_identical(review_docs, ordered, vecs)
    return links


def _near_identical(positions: list[int], docs: Sequence[Doc], vecs: list[Vector]) -> list[Link]:
    """Pairs within one review, made by different states, scoring at least the threshold."""
    index = _Index()
    matches: dict[int, dict[int, float]] = defaultdict(dict)
    for i in positions:
        for j, score in index.scores(vecs[i]).items():
            if score >= NEAR_IDENTICAL_THRESHOLD and docs[i].states != docs[j].states:
                matches[i][j] = matches[j][i] = score
        index.add(i, vecs[i])
    links: list[Link] = []
    for i in positions:
        best = _best(matches[i], docs, NEAR_IDENTICAL_THRESHOLD, MAX_NEAR_IDENTICAL)
        links += _ranked(docs[i].id, best, docs, LinkKind.same_review)
    return links


def _best(
    scores: dict[int, float], docs: Sequence[Doc], minimum: float, count: int
) -> list[tuple[float, int]]:
    """The `count` best (score, position) at or above `minimum`; ties go to the lower id."""
    near = minimum - 10**-SCORE_DIGITS  # rounding may lift a score to the minimum
    rounded = [(round(s, SCORE_DIGITS), j) for j, s in scores.items() if s >= near]
    kept = [(score, j) for score, j in rounded if score >= minimum]
    return heapq.nsmallest(count, kept, key=lambda item: (-item[0], docs[item[1]].id))


def _ranked(
    rid: str, best: list[tuple[float, int]], docs: Sequence[Doc], kind: LinkKind
) -> list[Link]:
    return [
        Link(rid, docs[j].id, kind, min(score, 1.0), rank)
        for rank, (score, j) in enumerate(best, start=1)
    ]


def _runs(positions: Iterable[int], key: Callable[[int], object]) -> list[list[int]]:
    """Consecutive positions grouped by `key` (the input is sorted by it)."""
    runs: list[list[int]] = []
    previous = object()
    for position in positions:
        value = key(position)
        if not runs or value != previous:
            runs.append([])
            previous = value
        runs[-1].append(position)
    return runs
