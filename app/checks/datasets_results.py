"""What a comparison of the datasets found: per source what was read (`SourceSummary`), per pair
of sources and cycle the counts and the `Difference`s of each `Kind` (`CycleComparison`,
`PairComparison`), and all of it together (`DatasetsCheck`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from app.checks.datasets_entries import Source

FIRST_MORE, SECOND_MORE, OTHER_STATES = "first names more", "second names more", "other states"


class Kind(StrEnum):
    """A kind of difference between two sources (the first and the second of a pair)."""

    only_first = "only_first"
    only_second = "only_second"
    slight_text = "slight_text"
    similar_text = "similar_text"
    damaged_text = "damaged_text"
    paragraph_text = "paragraph_text"
    joined_by_first = "joined_by_first"
    joined_by_second = "joined_by_second"
    position = "position"
    states = "states"


@dataclass(frozen=True)
class Difference:
    """One disagreement of a pair: each side's place and value ("" for a side without one), and
    for positions and states a `detail` that sorts it: the two positions ("supported /
    noted"), or which side names more states (`FIRST_MORE`, `SECOND_MORE`, `OTHER_STATES`)."""

    kind: Kind
    review: str
    first_where: str = ""
    first_value: str = ""
    second_where: str = ""
    second_value: str = ""
    detail: str = ""


@dataclass
class CycleComparison:
    """A pair of sources compared over one cycle's reviews.

    Counts of recommendations are of the reviews both have. `first_matched` and
    `second_matched` count each side's recommendations in a match; `matches` counts the
    matches by how their texts compare (`MATCH_KINDS`). `differences` lists every
    disagreement, in review order.
    """

    cycle: int
    reviews: int = 0
    reviews_only_first: list[str] = field(default_factory=list)
    reviews_only_second: list[str] = field(default_factory=list)
    first: int = 0
    second: int = 0
    first_matched: int = 0
    second_matched: int = 0
    matches: Counter[str] = field(default_factory=Counter)
    positions_compared: int = 0
    positions_agreeing: int = 0
    positions_not_compared: Counter[str] = field(default_factory=Counter)
    states_compared: int = 0
    states_agreeing: int = 0
    states_not_compared: Counter[str] = field(default_factory=Counter)
    differences: list[Difference] = field(default_factory=list)

    @property
    def match_count(self) -> int:
        """Matches of every kind (a group counts once)."""
        return sum(self.matches.values())

    def count(self, kind: Kind) -> int:
        """Differences of `kind`."""
        return sum(1 for difference in self.differences if difference.kind is kind)


@dataclass
class PairComparison:
    """Two sources compared, cycle by cycle, on the sessions both cover."""

    first: Source
    second: Source
    sessions: list[int] = field(default_factory=list)
    cycles: list[CycleComparison] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.first.label} and {self.second.label}"


@dataclass
class SourceSummary:
    """What was read of one source: files, rows, recommendations placed in reviews, and the
    rows that could not be placed, counted by the reason."""

    source: Source
    files: list[str] = field(default_factory=list)
    rows: int = 0
    recommendations: int = 0
    reviews: int = 0
    sessions: list[int] = field(default_factory=list)
    not_placed: Counter[str] = field(default_factory=Counter)


@dataclass
class DatasetsCheck:
    """The whole comparison: what each source gave, each pair's comparison, and the state names
    that did not resolve (name -> places, the first few, and how many rows in all)."""

    sources: dict[Source, SourceSummary]
    pairs: list[PairComparison]
    unknown_states: dict[str, tuple[list[str], int]] = field(default_factory=dict)
