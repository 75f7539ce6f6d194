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

This module is the check's public face (`compare_datasets`, and the names of the others). The
work is done in `datasets_entries` (an `Entry` and its text keys), `datasets_sources` (reading
the three sources), `datasets_matching` (the stages above), `datasets_comparison` (a pair of
sources compared), `datasets_results` (what was found) and `datasets_report` (text and
Markdown); `comparison_rules` holds what this check shares with `app.checks.sdg_explorer`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlmodel import Session

from app.checks.comparison_rules import SIMILAR
from app.checks.datasets_comparison import compare_pair, positions_agree
from app.checks.datasets_entries import (
    DAMAGED,
    SMALL_WORDS,
    Entry,
    Source,
    loose_key,
    segments,
    text_key,
)
from app.checks.datasets_matching import MATCH_KINDS, MIN_PART, Match, ReviewMatch, match_review
from app.checks.datasets_report import command, render_markdown, render_text
from app.checks.datasets_results import (
    CycleComparison,
    DatasetsCheck,
    Difference,
    Kind,
    PairComparison,
    SourceSummary,
)
from app.checks.datasets_sources import (
    StateNames,
    document_entries,
    explorer_entries,
    upr_info_entries,
)

__all__ = [
    "DAMAGED",
    "MATCH_KINDS",
    "MIN_PART",
    "SIMILAR",
    "SMALL_WORDS",
    "CycleComparison",
    "DatasetsCheck",
    "Difference",
    "Entry",
    "Kind",
    "Match",
    "PairComparison",
    "ReviewMatch",
    "Source",
    "SourceSummary",
    "command",
    "compare_datasets",
    "loose_key",
    "match_review",
    "positions_agree",
    "render_markdown",
    "render_text",
    "segments",
    "text_key",
]


def compare_datasets(
    db: Session, explorer: Sequence[Path] = (), upr_info: Sequence[Path] = ()
) -> DatasetsCheck:
    """Compare the SDG–HR explorer export `explorer` (XLSX files), UPR Info's export `upr_info`
    (CSV files) and the documents loaded in `db`, each pair that has data, per cycle.

    Reads, never writes. Raises the readers' `ExplorerFormatError` or `UprInfoFormatError` for
    a file that is not such an export.
    """
    names = StateNames(db)
    entries: dict[Source, list[Entry]] = {}
    sources: dict[Source, SourceSummary] = {}
    if explorer:
        sources[Source.explorer], entries[Source.explorer] = explorer_entries(explorer, names)
    if upr_info:
        sources[Source.upr_info], entries[Source.upr_info] = upr_info_entries(upr_info, names)
    sources[Source.documents], entries[Source.documents] = document_entries(db)
    pairs = [
        compare_pair(first, second, entries[first], entries[second])
        for first, second in (
            (Source.explorer, Source.upr_info),
            (Source.explorer, Source.documents),
            (Source.upr_info, Source.documents),
        )
        if first in entries and second in entries
    ]
    return DatasetsCheck(sources=sources, pairs=pairs, unknown_states=names.unknown)
