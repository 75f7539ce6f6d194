"""The datasets check for a reader: the same content as plain text (`render_text`, for a
terminal) and as a Markdown document (`render_markdown`): the sources, then each pair per cycle
with its kinds of difference and examples of each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from app.checks.comparison_rules import SIMILAR
from app.checks.datasets_entries import DAMAGED, Source
from app.checks.datasets_matching import EQUAL, MATCH_KINDS, PARAGRAPH, PARTS, SIMILAR_TEXT, SLIGHT
from app.checks.datasets_results import (
    FIRST_MORE,
    OTHER_STATES,
    SECOND_MORE,
    CycleComparison,
    DatasetsCheck,
    Difference,
    Kind,
    PairComparison,
)


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
