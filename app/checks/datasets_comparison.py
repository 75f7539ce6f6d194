"""Comparing a pair of sources of the datasets check, review by review, on the sessions both
cover: each review's recommendations are matched (`match_review`), and every match's texts,
positions and recommending states are compared. What does not agree, and what only one source
has, becomes a `Difference` of its `Kind` in the cycle's `CycleComparison`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from app.checks.comparison_rules import excerpt
from app.checks.datasets_entries import DAMAGED, Entry, Source
from app.checks.datasets_matching import (
    EQUAL,
    PARAGRAPH,
    PARTS,
    SIMILAR_TEXT,
    SLIGHT,
    Match,
    match_review,
)
from app.checks.datasets_results import (
    FIRST_MORE,
    OTHER_STATES,
    SECOND_MORE,
    CycleComparison,
    Difference,
    Kind,
    PairComparison,
)
from app.vocab import Position, cycle_of_session

EXCERPT = 90  # characters of a text shown in a difference


def positions_agree(first: frozenset[Position], second: frozenset[Position]) -> bool:
    """Whether two sides' final positions agree: equal sets, or `supported_in_part` on one side
    and Supported among the other's."""
    if first == second:
        return True
    if first == {Position.supported_in_part}:
        return Position.supported in second
    if second == {Position.supported_in_part}:
        return Position.supported in first
    return False


def compare_pair(
    first: Source, second: Source, first_entries: list[Entry], second_entries: list[Entry]
) -> PairComparison:
    """Two sources' entries compared review by review, on the sessions both have entries for.

    A review only one source has is listed as such, unless the other source is the documents,
    which cover only their own reviews.
    """
    by_review_first = _by_review(first_entries)
    by_review_second = _by_review(second_entries)
    sessions = sorted({s for s, _ in by_review_first} & {s for s, _ in by_review_second})
    pair = PairComparison(first, second, sessions=sessions)
    cycles: dict[int, CycleComparison] = {}
    common = set(sessions)
    for review in sorted(by_review_first.keys() | by_review_second.keys()):
        session, iso3 = review
        if session not in common:
            continue
        number = cycle_of_session(session)
        cycle = cycles.setdefault(number, CycleComparison(number))
        name = f"{session}-{iso3}"
        xs, ys = by_review_first.get(review), by_review_second.get(review)
        if xs and ys:
            _compare_review(cycle, name, xs, ys)
        elif xs and second is not Source.documents:
            cycle.reviews_only_first.append(name)
        elif ys and first is not Source.documents:
            cycle.reviews_only_second.append(name)
    pair.cycles = [cycles[number] for number in sorted(cycles)]
    return pair


def _by_review(entries: Iterable[Entry]) -> dict[tuple[int, str], list[Entry]]:
    found: dict[tuple[int, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        found[(entry.session, entry.iso3)].append(entry)
    return found


def _compare_review(
    cycle: CycleComparison, review: str, first: list[Entry], second: list[Entry]
) -> None:
    cycle.reviews += 1
    cycle.first += len(first)
    cycle.second += len(second)
    matched = match_review(first, second)
    for match in sorted(matched.matches, key=lambda match: match.first[0].order):
        _compare_match(cycle, review, match)
    for entry in matched.only_first:
        cycle.differences.append(
            Difference(Kind.only_first, review, entry.where, _excerpt(entry.text))
        )
    for entry in matched.only_second:
        cycle.differences.append(
            Difference(
                Kind.only_second, review, second_where=entry.where,
                second_value=_excerpt(entry.text),
            )
        )  # fmt: skip


def _sides(entries: list[Entry], other: Entry) -> tuple[str, str]:
    """A side's place and text for a difference: "124.1, upr2.xlsx row 5" or, for several,
    the place of the first whose text differs from `other`'s and how many more, and its
    text."""
    shown = next((entry for entry in entries if entry.key != other.key), entries[0])
    where = shown.where
    if len(entries) > 1:
        where += f" and {len(entries) - 1} more"
    return where, _excerpt(shown.text)


def _compare_match(cycle: CycleComparison, review: str, match: Match) -> None:
    cycle.matches[match.kind] += 1
    cycle.first_matched += len(match.first)
    cycle.second_matched += len(match.second)
    first_where, first_text = _sides(match.first, match.second[0])
    second_where, second_text = _sides(match.second, match.first[0])
    if match.kind != EQUAL:
        texts = [entry.text for entry in (*match.first, *match.second)]
        if match.kind == PARTS:
            joined_first = len(match.first) < len(match.second) or (
                len(match.first) == len(match.second)
                and len(match.first[0].key) > len(match.second[0].key)
            )
            kind = Kind.joined_by_first if joined_first else Kind.joined_by_second
        elif match.kind in (SLIGHT, SIMILAR_TEXT) and any(DAMAGED in text for text in texts):
            kind = Kind.damaged_text
        else:
            kind = _TEXT_KINDS[match.kind]
        cycle.differences.append(
            Difference(kind, review, first_where, first_text, second_where, second_text)
        )
    positions_first = frozenset(p for entry in match.first for p in entry.positions)
    positions_second = frozenset(p for entry in match.second for p in entry.positions)
    if not positions_first or not positions_second:
        side = match.first if not positions_first else match.second
        reason = next((entry.unfinal for entry in side if entry.unfinal), "no position")
        cycle.positions_not_compared[reason] += 1
    else:
        cycle.positions_compared += 1
        if positions_agree(positions_first, positions_second):
            cycle.positions_agreeing += 1
        else:
            first_value, second_value = _positions(positions_first), _positions(positions_second)
            cycle.differences.append(
                Difference(
                    Kind.position, review, first_where, first_value, second_where,
                    second_value, detail=f"{first_value} / {second_value}",
                )
            )  # fmt: skip
    states_first = frozenset(s for entry in match.first for s in entry.states)
    states_second = frozenset(s for entry in match.second for s in entry.states)
    if any(entry.unresolved for entry in (*match.first, *match.second)):
        cycle.states_not_compared["a recommending state's name unknown"] += 1
    elif not states_first or not states_second:
        cycle.states_not_compared["no recommending state on one side"] += 1
    else:
        cycle.states_compared += 1
        if states_first == states_second:
            cycle.states_agreeing += 1
        else:
            if states_second < states_first:
                detail = FIRST_MORE
            elif states_first < states_second:
                detail = SECOND_MORE
            else:
                detail = OTHER_STATES
            cycle.differences.append(
                Difference(
                    Kind.states, review, first_where, ", ".join(sorted(states_first)),
                    second_where, ", ".join(sorted(states_second)), detail=detail,
                )
            )  # fmt: skip


_TEXT_KINDS = {
    SLIGHT: Kind.slight_text,
    SIMILAR_TEXT: Kind.similar_text,
    PARAGRAPH: Kind.paragraph_text,
}


def _positions(positions: frozenset[Position]) -> str:
    return " and ".join(sorted(position.value for position in positions))


def _excerpt(text: str) -> str:
    return excerpt(text, EXCERPT)
