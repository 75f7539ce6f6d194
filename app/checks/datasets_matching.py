"""Matching one review's recommendations of two sources, by their texts, most alike first.

`match_review` goes through the stages the datasets check describes (`app.checks.datasets`):
one paragraph on each side whose texts are all related, equal `text_key`s, equal `loose_key`s,
similar word sets (`SIMILAR`), one paragraph on each side whatever its texts, and last the
parts: a text that is one of the other side's `segments`, or a run of its whole words at
least `MIN_PART` characters long. Each recommendation is matched once; a `Match` says how its
texts compare (one of `MATCH_KINDS`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app.checks.comparison_rules import SIMILAR, jaccard
from app.checks.datasets_entries import Entry

MIN_PART = 20  # the fewest characters of a text key read as part of another recommendation


@dataclass
class Match:
    """Recommendations of the two sources matched as one (most often one on each side), and
    how their texts compare: one of `MATCH_KINDS`."""

    kind: str
    first: list[Entry]
    second: list[Entry]


EQUAL, SLIGHT, SIMILAR_TEXT, PARTS, PARAGRAPH = (
    "equal",
    "slightly different",
    "similar",
    "parts",
    "same paragraph",
)
MATCH_KINDS = (EQUAL, SLIGHT, SIMILAR_TEXT, PARTS, PARAGRAPH)


@dataclass
class ReviewMatch:
    """One review's matches, and what each source has that matched nothing."""

    matches: list[Match] = field(default_factory=list)
    only_first: list[Entry] = field(default_factory=list)
    only_second: list[Entry] = field(default_factory=list)


def match_review(first: Sequence[Entry], second: Sequence[Entry]) -> ReviewMatch:
    """Match two sources' recommendations of one review (see the module's docstring)."""
    result = ReviewMatch()
    left_first, left_second = list(first), list(second)
    found, left_first, left_second = _by_paragraph(left_first, left_second, related=True)
    result.matches += found
    for kind, key in ((EQUAL, _key), (SLIGHT, _loose)):
        found, left_first, left_second = _match_by(kind, key, left_first, left_second)
        result.matches += found
    found, left_first, left_second = _match_similar(left_first, left_second)
    result.matches += found
    found, left_first, left_second = _by_paragraph(left_first, left_second, related=False)
    result.matches += found
    result.only_first, result.only_second = _match_parts(
        result.matches, left_first, left_second, first, second
    )
    return result


def _key(entry: Entry) -> str:
    return entry.key


def _loose(entry: Entry) -> str:
    return entry.loose


def _part_of(part: Entry, whole: Entry) -> bool:
    """Whether `part`'s text is one of `whole`'s `segments`, or a run of whole words of it at
    least `MIN_PART` characters long, without being all of it."""
    key = part.key
    if not key or key == whole.key:
        return False
    return key in whole.segments or (len(key) >= MIN_PART and f" {key} " in f" {whole.key} ")


def _related(first: Entry, second: Entry) -> bool:
    return (
        first.key == second.key
        or first.loose == second.loose
        or jaccard(first.words, second.words) >= SIMILAR
        or _part_of(first, second)
        or _part_of(second, first)
    )


def _kind_of(first: list[Entry], second: list[Entry]) -> str:
    """How the texts of a match compare."""
    entries = [*first, *second]
    if len({entry.key for entry in entries}) == 1:
        return EQUAL
    if len({entry.loose for entry in entries}) == 1:
        return SLIGHT
    if len(first) == len(second) == 1 and jaccard(first[0].words, second[0].words) >= SIMILAR:
        return SIMILAR_TEXT
    return PARTS


def _by_paragraph(
    first: list[Entry], second: list[Entry], *, related: bool
) -> tuple[list[Match], list[Entry], list[Entry]]:
    """The entries of one paragraph on each side (sources that give paragraphs), as one match.

    With `related`, only where every entry's text is related to one of the other side's (equal,
    slightly different, similar, or a part): the match's kind then says how. Without, whatever
    the texts (kind "same paragraph").
    """
    by_paragraph: dict[str, list[Entry]] = defaultdict(list)
    for entry in second:
        if entry.paragraph:
            by_paragraph[entry.paragraph].append(entry)
    mine: dict[str, list[Entry]] = defaultdict(list)
    for entry in first:
        if entry.paragraph in by_paragraph:
            mine[entry.paragraph].append(entry)
    found = []
    used: set[int] = set()
    for paragraph, xs in mine.items():
        ys = by_paragraph[paragraph]
        if related:
            if not (
                all(any(_related(x, y) for y in ys) for x in xs)
                and all(any(_related(x, y) for x in xs) for y in ys)
            ):
                continue
            kind = _kind_of(xs, ys)
        else:
            kind = PARAGRAPH
        found.append(Match(kind, xs, ys))
        used.update(id(entry) for entry in (*xs, *ys))
    return found, _unused(first, used), _unused(second, used)


def _unused(entries: list[Entry], used: set[int]) -> list[Entry]:
    return [entry for entry in entries if id(entry) not in used]


def _match_by(
    kind: str, key: Callable[[Entry], str], first: list[Entry], second: list[Entry]
) -> tuple[list[Match], list[Entry], list[Entry]]:
    """Entries with equal keys: pairs in order where both sides have as many, else one group
    per key."""
    by_key: dict[str, list[Entry]] = defaultdict(list)
    for entry in second:
        if k := key(entry):
            by_key[k].append(entry)
    mine: dict[str, list[Entry]] = defaultdict(list)
    for entry in first:
        if (k := key(entry)) in by_key:
            mine[k].append(entry)
    found: list[Match] = []
    used: set[int] = set()
    for k, xs in mine.items():
        ys = by_key[k]
        if len(xs) == len(ys):
            found += [Match(kind, [x], [y]) for x, y in zip(xs, ys, strict=True)]
        else:
            found.append(Match(kind, xs, ys))
        used.update(id(entry) for entry in (*xs, *ys))
    return found, _unused(first, used), _unused(second, used)


def _match_similar(
    first: list[Entry], second: list[Entry]
) -> tuple[list[Match], list[Entry], list[Entry]]:
    """Pairs whose word sets are at least `SIMILAR` alike, the most alike first, each once."""
    scored = []
    for i, x in enumerate(first):
        for j, y in enumerate(second):
            if (score := jaccard(x.words, y.words)) >= SIMILAR:
                scored.append((-score, i, j))
    found: list[Match] = []
    used: set[int] = set()
    for _, i, j in sorted(scored):
        if id(first[i]) not in used and id(second[j]) not in used:
            used.update((id(first[i]), id(second[j])))
            found.append(Match(SIMILAR_TEXT, [first[i]], [second[j]]))
    found.sort(key=lambda match: match.first[0].order)
    return found, _unused(first, used), _unused(second, used)


def _match_parts(
    matches: list[Match],
    left_first: list[Entry],
    left_second: list[Entry],
    first: Sequence[Entry],
    second: Sequence[Entry],
) -> tuple[list[Entry], list[Entry]]:
    """Entries left over that are a part of one of the other side's, or that join several
    states' wordings of which one is one of the other side's: added to that one's match (which
    becomes a match of parts), or matched with it. Returns what is still left."""
    match_of: dict[int, Match] = {
        id(entry): match for match in matches for entry in (*match.first, *match.second)
    }
    for side, (entries, others) in enumerate(((left_first, second), (left_second, first))):
        for entry in entries:
            if id(entry) in match_of:  # already joined to the match of one of its parts
                continue
            other = next((other for other in others if _part_of(entry, other)), None)
            if other is None and len(entry.segments) > 1:  # an item that joins states' wordings
                other = next((other for other in others if other.key in entry.segments), None)
            if other is None:
                continue
            match = match_of.get(id(other))
            if match is None:
                match = (
                    Match(PARTS, [entry], [other]) if side == 0 else Match(PARTS, [other], [entry])
                )
                matches.append(match)
                match_of[id(other)] = match
            else:
                (match.first if side == 0 else match.second).append(entry)
                match.kind = PARTS
            match_of[id(entry)] = match
    return (
        [entry for entry in left_first if id(entry) not in match_of],
        [entry for entry in left_second if id(entry) not in match_of],
    )
