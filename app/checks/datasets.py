"""The two bulk datasets against each other and against the official documents loaded.

Three sources are compared in pairs, per UPR cycle, without writing anything:

- the SDG–HR Data Explorer export (`app.importers.parsing.sdg_explorer`): a row's review is its
  state under review and the Working Group session of its symbol's Council session
  (`app.reference.working_group_session_of`); rows of one review with the same paragraph and
  text are one recommendation, made by each row's state;
- UPR Info's database export (`app.importers.parsing.upr_info`): its recommendations as the
  reader groups them (one per session, state under review and text); voluntary pledges are
  not recommendations and are left out;
- the official documents in the database: the recommendations whose text comes from a
  document (`text_from` is the Working Group report or the thematic list), with their
  recommending states, and their position where a document gave it (`position_from` the
  report, the thematic list or the addendum). Recommendations that only a dataset gave, and
  positions that only a dataset gave, are not the documents' and are left out.

A review is a (Working Group session, state under review) pair. State names of the datasets
resolve through the alias table (`StateResolver`); a name that does not resolve is counted and
listed, its rows left out of the comparison (a recommending state's) or of the review (a state
under review's). Each pair is compared on the reviews both sources have, in the sessions both
cover: a dataset covers the sessions it has rows for, the documents only their own reviews.

Within a review, recommendations are matched by their text, most alike first, each one once.
A *part* is a text that is a piece of another's: one of its `segments` between parenthesised
state names ("Ratify ICRMW (Ghana); Ratify ICRMW (Uruguay)" has "ratify icrmw" twice), or a
run of its whole words at least `MIN_PART` characters long. Reports and thematic lists often
join into one item what several states recommended in turn; the datasets give each state's
wording on its own. The stages:

1. where both sources give paragraphs (the explorer and the documents): the recommendations
   of one paragraph on each side, as one match, if every text of either side is related to
   one of the other's (equal, slightly different, similar or a part, as below);
2. equal `text_key`s: `matching_key` (case, punctuation and spacing aside) without a leading
   "to" (the reports write "To ratify …", the datasets "Ratify …"). A text that one source
   gives once and the other several times (one per paragraph or per state) is matched as one
   group;
3. equal `loose_key`s: the text key without the small words of `SMALL_WORDS` ("the", "a",
   "to", "of", "and", …), word breaks and letters outside ASCII: a text that differs
   slightly, by an article, a preposition, a hyphen ("non-discriminatory") or a damaged
   letter (the explorer writes "\ufffd" for some accented letters: `DAMAGED`);
4. similar texts: word sets at least `SIMILAR` alike (Jaccard), the most alike pairs first;
5. where both give paragraphs, the recommendations of one paragraph left on each side, as one
   match whatever their texts (listed, since their texts disagree);
6. what is left and is a part of a recommendation of the other source joins that one's match
   (or makes one with it): a match of parts.

On every match (a pair or a group) the positions are compared where both sides give a final
one (supported or noted, or `supported_in_part` in a document, which agrees with a dataset
that says Supported); UPR Info's "Accepted" is supported. A side whose rows say both Supported
and Noted disagrees with either. The recommending states are compared as sets of ISO3 codes
where both sides name states and every name resolved. What does not agree, and what only one
source has, is listed as a `Difference` of its `Kind`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.checks.sdg_explorer import SIMILAR
from app.importers.loading.states import StateResolver
from app.importers.loading.text import matching_key
from app.importers.parsing.sdg_explorer import read_explorer
from app.importers.parsing.upr_info import read_upr_info
from app.models.recommendations import Recommendation, RecommendingState, split_paragraph
from app.reference import working_group_session_of
from app.vocab import DataSource, Position, cycle_of_session

MIN_PART = 20  # the fewest characters of a text key read as part of another recommendation
EXCERPT = 90  # characters of a text shown in a difference
SMALL_WORDS = frozenset(
    ("a", "an", "the", "to", "of", "and", "or", "in", "on", "for", "at", "by", "with", "its",
     "their", "his", "her", "it", "this", "that", "these", "those", "as", "be", "is", "are",
     "all", "any")
)  # fmt: skip
TEXT_SOURCES = (DataSource.working_group_report, DataSource.thematic_list)
POSITION_SOURCES = (*TEXT_SOURCES, DataSource.addendum)
FINAL = frozenset({Position.supported, Position.noted, Position.supported_in_part})
DAMAGED = "\ufffd"  # the replacement character the explorer has for some accented letters
FIRST_MORE, SECOND_MORE, OTHER_STATES = "first names more", "second names more", "other states"
_LEADING_TO = re.compile(r"^to ")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_PARENTHESES = re.compile(r"\([^()]*\)")
_SLASHED = re.compile(r"\s*\([^()]*\)\s*/\s*")  # "(Slovenia)/" between states' wordings


class Source(StrEnum):
    """A source of the comparison."""

    explorer = "explorer"
    upr_info = "upr_info"
    documents = "documents"

    @property
    def label(self) -> str:
        """The source's name for a reader."""
        return _LABELS[self]


_LABELS = {
    Source.explorer: "SDG–HR explorer",
    Source.upr_info: "UPR Info",
    Source.documents: "documents",
}


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


def text_key(text: str) -> str:
    """The key texts are matched by: `matching_key` without a leading "to"."""
    return _LEADING_TO.sub("", matching_key(text))


def loose_key(text: str) -> str:
    """The text key without the small words of `SMALL_WORDS`, word breaks and letters outside
    ASCII, so that "non-discriminatory" and "nondiscriminatory" have the same loose key, and
    so have "Equité" and the explorer's damaged "Equit\ufffd"."""
    words = (word for word in text_key(text).split() if word not in SMALL_WORDS)
    return _NOT_ASCII.sub("", "".join(words))


def segments(text: str) -> list[str]:
    """The text keys of the wordings a report item joins: its pieces between parenthesised
    names ("Ratify ICRMW (Ghana); Ratify ICRMW (Uruguay)" has "ratify icrmw" twice), and, for
    a 1st-cycle item that gives several states' beginnings of one sentence ("To consider
    ratifying (Slovenia)/ratify (Republic of Korea) the Convention …"), each beginning with
    the common end ("consider ratifying the convention …", "ratify the convention …")."""
    keys = [key for piece in _PARENTHESES.split(text) if (key := text_key(piece))]
    heads = _SLASHED.split(text)
    if len(heads) > 1:
        last, _, end = heads.pop().partition(")")
        last = _PARENTHESES.sub("", last.rsplit("(", 1)[0]) if "(" in last else last
        end = _PARENTHESES.sub("", end)
        keys += [key for head in (*heads, last) if (key := text_key(f"{head} {end}"))]
    return keys


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


@dataclass(frozen=True)
class Entry:
    """One recommendation of one source in one review.

    `positions` are the final positions its rows give (empty when none does; `unfinal` then
    says why); `states` the ISO3 codes of its recommending states and `unresolved` the names
    that did not resolve. `where` is its place: a recommendation id, or files and rows.
    """

    source: Source
    session: int
    iso3: str
    text: str
    where: str
    positions: frozenset[Position] = frozenset()
    states: frozenset[str] = frozenset()
    unresolved: tuple[str, ...] = ()
    unfinal: str | None = None
    paragraph: str | None = None
    order: tuple[int, ...] = ()

    @property
    def review(self) -> str:
        """The review's id: "20-KAZ"."""
        return f"{self.session}-{self.iso3}"

    @cached_property
    def key(self) -> str:
        """The text's `text_key`."""
        return text_key(self.text)

    @cached_property
    def loose(self) -> str:
        """The text's `loose_key`."""
        return loose_key(self.text)

    @cached_property
    def words(self) -> frozenset[str]:
        """The words of the text key."""
        return frozenset(self.key.split())

    @cached_property
    def segments(self) -> tuple[str, ...]:
        """The text's `segments`."""
        return tuple(segments(self.text))


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


class _Names:
    """State names resolved once each; the places of names that do not resolve are kept."""

    def __init__(self, db: Session) -> None:
        self._resolver = StateResolver(db)
        self._known: dict[str, str | None] = {}
        self.unknown: dict[str, tuple[list[str], int]] = {}

    def resolve(self, name: str, where: str) -> str | None:
        if name not in self._known:
            self._known[name] = self._resolver.resolve(name, where)
        iso3 = self._known[name]
        if iso3 is None:
            places, count = self.unknown.get(name, ([], 0))
            if len(places) < 5:
                places.append(where)
            self.unknown[name] = (places, count + 1)
        return iso3


def compare_datasets(
    db: Session, explorer: Sequence[Path] = (), upr_info: Sequence[Path] = ()
) -> DatasetsCheck:
    """Compare the SDG–HR explorer export `explorer` (XLSX files), UPR Info's export `upr_info`
    (CSV files) and the documents loaded in `db`, each pair that has data, per cycle.

    Reads, never writes. Raises the readers' `ExplorerFormatError` or `UprInfoFormatError` for
    a file that is not such an export.
    """
    names = _Names(db)
    entries: dict[Source, list[Entry]] = {}
    sources: dict[Source, SourceSummary] = {}
    if explorer:
        sources[Source.explorer], entries[Source.explorer] = _explorer(explorer, names)
    if upr_info:
        sources[Source.upr_info], entries[Source.upr_info] = _upr_info(upr_info, names)
    sources[Source.documents], entries[Source.documents] = _documents(db)
    pairs = [
        _compare_pair(first, second, entries[first], entries[second])
        for first, second in (
            (Source.explorer, Source.upr_info),
            (Source.explorer, Source.documents),
            (Source.upr_info, Source.documents),
        )
        if first in entries and second in entries
    ]
    return DatasetsCheck(sources=sources, pairs=pairs, unknown_states=names.unknown)


# Reading the sources.


@dataclass
class _ExplorerGroup:
    """Explorer rows of one review with the same paragraph and text."""

    session: int
    iso3: str
    paragraph: str | None
    text: str
    file: str
    order: tuple[int, ...]
    rows: list[int] = field(default_factory=list)
    positions: set[Position] = field(default_factory=set)
    states: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)

    def entry(self) -> Entry:
        paragraph = self.paragraph or "no paragraph"
        return Entry(
            Source.explorer,
            self.session,
            self.iso3,
            self.text,
            where=f"{paragraph}, {self.file} {_rows_text(self.rows)}",
            positions=frozenset(self.positions),
            states=frozenset(self.states),
            unresolved=tuple(self.unresolved),
            unfinal=None if self.positions else "no readable Response in the explorer",
            paragraph=self.paragraph,
            order=self.order,
        )


def _explorer(files: Sequence[Path], names: _Names) -> tuple[SourceSummary, list[Entry]]:
    """The explorer's recommendations: rows of one review, paragraph and text key grouped."""
    summary = SourceSummary(Source.explorer, files=[path.name for path in files])
    groups: dict[tuple[int, str, str | None, str], _ExplorerGroup] = {}
    for index, path in enumerate(files):
        for record in read_explorer(path):
            summary.rows += 1
            where = f"{path.name} row {record.row}"
            if record.symbol is None or record.hrc_session is None:
                summary.not_placed["no readable symbol"] += 1
                continue
            if not record.text or not record.state_under_review:
                summary.not_placed["no text or no state under review"] += 1
                continue
            iso3 = names.resolve(record.state_under_review, f"{where} (Recommendation)")
            if iso3 is None:
                summary.not_placed["state under review unknown"] += 1
                continue
            session = working_group_session_of(record.hrc_session, iso3)
            if session is None:
                summary.not_placed["Working Group session unknown"] += 1
                continue
            key = (session, iso3, record.paragraph, text_key(record.text))
            group = groups.get(key)
            if group is None:
                order = (session, *split_paragraph(record.paragraph or ""), index, record.row)
                group = groups[key] = _ExplorerGroup(
                    session, iso3, record.paragraph, record.text, path.name, order
                )
            group.rows.append(record.row)
            if record.position is not None:
                group.positions.add(record.position)
            for name in record.recommending_states:
                code = names.resolve(name, f"{where} (Recommending state)")
                if code is None:
                    group.unresolved.append(name)
                elif code not in group.states:
                    group.states.append(code)
    return _summarised(summary, [group.entry() for group in groups.values()])


def _upr_info(files: Sequence[Path], names: _Names) -> tuple[SourceSummary, list[Entry]]:
    """UPR Info's recommendations as its reader groups them; pledges and malformed rows apart."""
    summary = SourceSummary(Source.upr_info, files=[path.name for path in files])
    entries = []
    for index, path in enumerate(files):
        export = read_upr_info(path)
        summary.rows += export.rows
        if export.malformed:
            summary.not_placed["malformed row"] += len(export.malformed)
        if export.pledges:
            summary.not_placed["voluntary pledge, not a recommendation"] += len(export.pledges)
        for item in export.recommendations:
            where = f"{path.name} {_rows_text(item.rows)}"
            iso3 = names.resolve(item.state_under_review, f"{where} (To)")
            if iso3 is None:
                summary.not_placed["state under review unknown"] += len(item.rows)
                continue
            states: list[str] = []
            unresolved: list[str] = []
            for name in item.recommending_states:
                code = names.resolve(name, f"{where} (From)")
                if code is None:
                    unresolved.append(name)
                elif code not in states:
                    states.append(code)
            if any("names no recommending state" in problem for problem in item.problems):
                unresolved.append("(Unknown)")
            final = frozenset({item.position}) & FINAL if item.position else frozenset()
            if final:
                unfinal = None
            elif item.position is Position.pending:
                unfinal = "Pending in UPR Info"
            else:
                unfinal = "UPR Info's rows disagree on the response"
            entries.append(
                Entry(
                    Source.upr_info,
                    item.session,
                    iso3,
                    item.text,
                    where=where,
                    positions=final,
                    states=frozenset(states),
                    unresolved=tuple(unresolved),
                    unfinal=unfinal,
                    order=(item.session, index, item.rows[0]),
                )
            )
    return _summarised(summary, entries)


def _documents(db: Session) -> tuple[SourceSummary, list[Entry]]:
    """The recommendations whose text a document gave, with the documents' positions."""
    summary = SourceSummary(Source.documents, files=["the database"])
    from_documents = col(Recommendation.text_from).in_(TEXT_SOURCES)
    states: dict[str, list[str]] = defaultdict(list)
    for rid, iso3 in db.exec(
        select(col(RecommendingState.recommendation_id), col(RecommendingState.iso3))
        .join(Recommendation, col(Recommendation.id) == col(RecommendingState.recommendation_id))
        .where(from_documents)
        .order_by(col(RecommendingState.recommendation_id), col(RecommendingState.ordinal))
    ):
        states[rid].append(iso3)
    rows = db.execute(
        sa_select(
            col(Recommendation.id),
            col(Recommendation.session_number),
            col(Recommendation.state_iso3),
            col(Recommendation.paragraph),
            col(Recommendation.paragraph_major),
            col(Recommendation.paragraph_minor),
            col(Recommendation.text),
            col(Recommendation.position),
            col(Recommendation.position_from),
        )
        .where(from_documents)
        .order_by(
            col(Recommendation.session_number),
            col(Recommendation.state_iso3),
            col(Recommendation.paragraph_major),
            col(Recommendation.paragraph_minor),
        )
    ).all()
    entries = []
    for row in rows:
        summary.rows += 1
        position = Position(row.position) if row.position else None
        from_document = row.position_from is not None and (
            DataSource(row.position_from) in POSITION_SOURCES
        )
        if position in FINAL and from_document:
            unfinal = None
        elif position is None:
            unfinal = "no position in the documents"
        elif not from_document:
            unfinal = "position only from a dataset"
        else:
            unfinal = f"{position.value} in the documents"
        entries.append(
            Entry(
                Source.documents,
                row.session_number,
                row.state_iso3,
                row.text,
                where=row.id,
                positions=frozenset({position}) if unfinal is None and position else frozenset(),
                states=frozenset(states.get(row.id, ())),
                unfinal=unfinal,
                paragraph=row.paragraph or None,
                order=(row.session_number, row.paragraph_major, row.paragraph_minor),
            )
        )
    return _summarised(summary, entries)


def _summarised(summary: SourceSummary, entries: list[Entry]) -> tuple[SourceSummary, list[Entry]]:
    entries.sort(key=lambda entry: (entry.iso3, entry.order))
    summary.recommendations = len(entries)
    summary.reviews = len({(entry.session, entry.iso3) for entry in entries})
    summary.sessions = sorted({entry.session for entry in entries})
    return summary, entries


def _rows_text(rows: Sequence[int]) -> str:
    """ "row 12", "rows 12, 13", "rows 12, 13, 14 and 2 more"."""
    if len(rows) == 1:
        return f"row {rows[0]}"
    shown = ", ".join(str(row) for row in rows[:3])
    return f"rows {shown}" + (f" and {len(rows) - 3} more" if len(rows) > 3 else "")


# Matching one review's recommendations of two sources.


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


def _jaccard(first: Entry, second: Entry) -> float:
    union = len(first.words | second.words)
    return len(first.words & second.words) / union if union else 0.0


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
        or _jaccard(first, second) >= SIMILAR
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
    if len(first) == len(second) == 1 and _jaccard(first[0], second[0]) >= SIMILAR:
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
            if (score := _jaccard(x, y)) >= SIMILAR:
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


# Comparing a pair of sources.


def _compare_pair(
    first: Source, second: Source, first_entries: list[Entry], second_entries: list[Entry]
) -> PairComparison:
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
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


# Rendering: the same content as plain text and as Markdown.


def _total(cycles: Sequence[CycleComparison]) -> CycleComparison:
    """The cycles' comparisons added up (cycle 0)."""
    total = CycleComparison(0)
    for cycle in cycles:
        for name in (
            "reviews", "first", "second", "first_matched", "second_matched",
            "positions_compared", "positions_agreeing", "states_compared",
            "states_agreeing",
        ):  # fmt: skip
            setattr(total, name, getattr(total, name) + getattr(cycle, name))
        total.reviews_only_first += cycle.reviews_only_first
        total.reviews_only_second += cycle.reviews_only_second
        total.matches.update(cycle.matches)
        total.positions_not_compared.update(cycle.positions_not_compared)
        total.states_not_compared.update(cycle.states_not_compared)
        total.differences += cycle.differences
    return total


def _percent(part: int, whole: int) -> str:
    """A share to one decimal, rounded down so that only all of it reads 100%."""
    if not whole:
        return "n/a"
    tenths = part * 1000 // whole
    return f"{tenths // 10}.{tenths % 10}%"


def _ratio(part: int, whole: int) -> str:
    return f"{_percent(part, whole)} ({part:,}/{whole:,})" if whole else "n/a"


def _sessions(sessions: Sequence[int]) -> str:
    """ "1–20" for a run, else "7, 17, 20"."""
    if not sessions:
        return "none"
    if list(sessions) == list(range(sessions[0], sessions[-1] + 1)) and len(sessions) > 2:
        return f"{sessions[0]}–{sessions[-1]}"
    return ", ".join(str(session) for session in sessions)


def _spread(items: Sequence[Difference], count: int) -> list[Difference]:
    """`count` of `items` spread evenly over them, first and last included."""
    if len(items) <= count:
        return list(items)
    if count == 1:
        return [items[0]]
    return [items[round(i * (len(items) - 1) / (count - 1))] for i in range(count)]


def _kind_label(pair: PairComparison, kind: Kind) -> str:
    first, second = pair.first.label, pair.second.label
    return {
        Kind.only_first: f"only in {first}",
        Kind.only_second: f"only in {second}",
        Kind.slight_text: "texts differ slightly (equal without small words and word breaks)",
        Kind.similar_text: f"similar texts ({SIMILAR:.0%} of their words or more in common)",
        Kind.damaged_text: f"texts differ by a damaged letter ({DAMAGED} for an accented one)",
        Kind.paragraph_text: "same paragraph, other texts",
        Kind.joined_by_first: f"{first} {_verb(pair.first, 'join')} into one what {second} "
        f"{_verb(pair.second, 'split')}",
        Kind.joined_by_second: f"{second} {_verb(pair.second, 'join')} into one what {first} "
        f"{_verb(pair.first, 'split')}",
        Kind.position: "positions differ",
        Kind.states: "recommending states differ",
    }[kind]


def _verb(source: Source, verb: str) -> str:
    """The verb agreeing with the source's label: "the documents split", "UPR Info splits"."""
    return verb if source is Source.documents else f"{verb}s"


def _detail_label(pair: PairComparison, detail: str) -> str:
    if detail == FIRST_MORE:
        return f"{pair.first.label} {_verb(pair.first, 'name')} more"
    if detail == SECOND_MORE:
        return f"{pair.second.label} {_verb(pair.second, 'name')} more"
    if detail == OTHER_STATES:
        return "other states"
    first, _, second = detail.partition(" / ")
    return f"{pair.first.label} {first}, {pair.second.label} {second}"


def _where(where: str, limit: int = 110) -> str:
    return where if len(where) <= limit else where[: limit - 1].rstrip(" ;,") + "…"


def _example(pair: PairComparison, item: Difference) -> str:
    """One difference for a reader, both sides named."""
    if item.kind is Kind.only_first:
        return f"{item.review}, {_where(item.first_where)}: “{item.first_value}”"
    if item.kind is Kind.only_second:
        return f"{item.review}, {_where(item.second_where)}: “{item.second_value}”"
    quote = "“{}”" if item.kind not in (Kind.position, Kind.states) else "{}"
    first = quote.format(item.first_value or "none")
    second = quote.format(item.second_value or "none")
    return (
        f"{item.review}: {pair.first.label} {_where(item.first_where)}: {first}; "
        f"{pair.second.label} {_where(item.second_where)}: {second}"
    )


def _counts(counter: Counter[str]) -> str:
    return "; ".join(f"{n:,} {reason}" for reason, n in counter.most_common())


def _row_cells(pair: PairComparison, cycle: CycleComparison) -> list[str]:
    matched_first = cycle.first_matched
    matched_second = cycle.second_matched
    return [
        f"{cycle.reviews:,}",
        f"{cycle.first:,} / {cycle.second:,}",
        f"{_percent(matched_first, cycle.first)} / {_percent(matched_second, cycle.second)}",
        _ratio(cycle.matches["equal"], cycle.match_count),
        _ratio(cycle.positions_agreeing, cycle.positions_compared),
        _ratio(cycle.states_agreeing, cycle.states_compared),
    ]


_MATCH_LABELS = {
    EQUAL: "with equal texts",
    SLIGHT: "slightly different",
    SIMILAR_TEXT: "similar",
    PARTS: "of parts",
    PARAGRAPH: "by paragraph only",
}
_HEADERS = (
    "Cycle",
    "Reviews in both",
    "Recommendations",
    "Matched",
    "Texts equal",
    "Positions agree",
    "States agree",
)


def _pair_notes(pair: PairComparison, total: CycleComparison) -> list[str]:
    """Lines about reviews in one source only and what was not compared."""
    kinds = ", ".join(
        f"{total.matches[kind]:,} {_MATCH_LABELS[kind]}"
        for kind in MATCH_KINDS
        if total.matches[kind]
    )
    notes = [f"Matches: {kinds}"]
    for source, reviews in (
        (pair.first, total.reviews_only_first),
        (pair.second, total.reviews_only_second),
    ):
        if reviews:
            notes.append(f"Reviews only in {source.label} ({len(reviews)}): {', '.join(reviews)}")
    if total.positions_not_compared:
        notes.append(f"Positions not compared: {_counts(total.positions_not_compared)}")
    if total.states_not_compared:
        notes.append(f"States not compared: {_counts(total.states_not_compared)}")
    return notes


def _kinds(pair: PairComparison, examples: int) -> list[tuple[str, str, list[str]]]:
    """(label, counts per cycle and by detail, examples) of each kind of difference found."""
    found = []
    for kind in Kind:
        per_cycle = [(cycle.cycle, cycle.count(kind)) for cycle in pair.cycles]
        items = [item for cycle in pair.cycles for item in cycle.differences if item.kind is kind]
        if not items:
            continue
        counts = ", ".join(f"{n:,} in cycle {number}" for number, n in per_cycle if n)
        details = Counter(item.detail for item in items if item.detail)
        if details:
            counts += (
                " ("
                + "; ".join(
                    f"{_detail_label(pair, detail)}: {n:,}" for detail, n in details.most_common()
                )
                + ")"
            )
        lines = [_example(pair, item) for item in _spread(items, examples)]
        found.append((_kind_label(pair, kind), counts, lines))
    return found


def _sources_rows(result: DatasetsCheck) -> list[list[str]]:
    rows = []
    for summary in result.sources.values():
        read = (
            "the database (text from a document)"
            if summary.source is Source.documents
            else f"{summary.rows:,} rows of {', '.join(summary.files)}"
        )
        rows.append(
            [
                summary.source.label,
                read,
                f"{summary.recommendations:,}",
                f"{summary.reviews:,}",
                _sessions(summary.sessions),
                _counts(summary.not_placed) or "none",
            ]
        )
    return rows


def _unknown_lines(result: DatasetsCheck) -> list[str]:
    return [
        f"“{name}”: {count:,} times ({', '.join(places)}{', …' if count > len(places) else ''})"
        for name, (places, count) in sorted(result.unknown_states.items())
    ]


def command(result: DatasetsCheck) -> str:
    """The command that makes the comparison: `upr check datasets …`."""
    parts = ["upr check datasets"]
    for source in (Source.explorer, Source.upr_info):
        if source in result.sources:
            parts.append(" ".join(result.sources[source].files))
    return " ".join(parts)


def render_text(result: DatasetsCheck, examples: int = 5) -> str:
    """The comparison for a terminal: the sources, then each pair per cycle with its kinds of
    difference, each with up to `examples` examples."""
    lines = ["Sources:"]
    for label, read, recommendations, reviews, sessions, left in _sources_rows(result):
        lines.append(
            f"  {label}: {read}; {recommendations} recommendations, {reviews} reviews, "
            f"sessions {sessions}; left out: {left}"
        )
    unknown = _unknown_lines(result)
    lines.append(f"Unknown state names: {len(unknown) or 'none'}")
    lines += [f"  {line}" for line in unknown]
    for pair in result.pairs:
        lines += ["", f"{pair.title} (sessions {_sessions(pair.sessions)})"]
        if not pair.cycles:
            lines.append("  no review in both: nothing to compare")
            continue
        cycles = [*pair.cycles, _total(pair.cycles)] if len(pair.cycles) > 1 else pair.cycles
        for cycle in cycles:
            cells = _row_cells(pair, cycle)
            name = f"cycle {cycle.cycle}" if cycle.cycle else "all cycles"
            lines.append(
                f"  {name}: {cells[0]} reviews; recommendations {cells[1]}; matched {cells[2]}; "
                f"texts equal {cells[3]}; positions agree {cells[4]}; states agree {cells[5]}"
            )
        lines += [f"  {note}" for note in _pair_notes(pair, _total(pair.cycles))]
        for label, counts, items in _kinds(pair, examples):
            lines.append(f"  {label[0].upper()}{label[1:]}: {counts}")
            lines += [f"    {item}" for item in items]
    return "\n".join(lines) + "\n"


def render_markdown(result: DatasetsCheck, examples: int = 4) -> str:
    """The comparison as a Markdown document: how it was made, the sources, then a section per
    pair: a table per cycle and the kinds of difference, each with up to `examples` examples."""
    lines = [
        "# Cross-check: the SDG–HR explorer export, UPR Info's export and the documents",
        "",
        f"Made by `{command(result)} --markdown PATH` on a database holding the official "
        "documents; run it again after imports. Neither dataset is a reference, and the "
        "documents are compared only where they gave the text (and, for positions, the "
        "position): a difference says where two sources disagree.",
        "",
        "Recommendations are matched per review (Working Group session and state under "
        'review) by their text: equal texts (case, punctuation and a leading "To" aside), then '
        "texts equal without small words and word breaks, then texts with "
        f"{SIMILAR:.0%} of their words or more in common, then (explorer and documents) the "
        "same paragraph (first of all where the texts are related, last whatever they say); a "
        "text one source gives once and the other several times is matched as one group. What "
        "is left and is a piece of the other source's text is matched to it as a part (one "
        "source joins into one item what several states recommended in turn, the other gives "
        "each state's wording). *Matched* is the share of each side's recommendations "
        "matched, *Texts equal* the share of matches whose texts are equal. Positions are "
        "compared where both give a final one (UPR Info's Accepted is supported; the "
        "documents' supported in part agrees with Supported), recommending states as sets "
        "where both name them.",
        "",
        "| Source | Read | Recommendations | Reviews | Sessions | Left out |",
        "|---|---|---:|---:|---|---|",
    ]
    lines += [f"| {' | '.join(row)} |" for row in _sources_rows(result)]
    unknown = _unknown_lines(result)
    lines += ["", f"State names that did not resolve: {len(unknown) or 'none'}."]
    lines += [f"- {line}" for line in unknown]
    for pair in result.pairs:
        lines += ["", f"## {pair.title} (sessions {_sessions(pair.sessions)})", ""]
        if not pair.cycles:
            lines.append("No review in both: nothing to compare.")
            continue
        lines.append(f"Recommendations and matched: {pair.first.label} / {pair.second.label}.")
        lines += [
            "",
            f"| {' | '.join(_HEADERS)} |",
            "|---|---:|---|---|---:|---:|---:|",
        ]
        cycles = [*pair.cycles, _total(pair.cycles)] if len(pair.cycles) > 1 else pair.cycles
        for cycle in cycles:
            name = str(cycle.cycle) if cycle.cycle else "all"
            lines.append(f"| {name} | {' | '.join(_row_cells(pair, cycle))} |")
        notes = _pair_notes(pair, _total(pair.cycles))
        if notes:
            lines.append("")
            lines += [f"- {note}." for note in notes]
        kinds = _kinds(pair, examples)
        if kinds:
            lines += ["", "Differences by kind:", ""]
        for label, counts, items in kinds:
            lines.append(f"- **{label[0].upper()}{label[1:]}**: {counts}. For example:")
            lines += [f"  - {item}" for item in items]
    return "\n".join(lines) + "\n"
