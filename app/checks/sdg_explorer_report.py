"""The SDG–HR explorer check for a reader: the same content as plain text (`render_text`, one
block per document) and as a Markdown document (`render_markdown`, a summary table, then a
section per document with its differences)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from app.checks.comparison_rules import SIMILAR
from app.checks.sdg_explorer_matching import (
    IDS_AGREE,
    CheckReport,
    DocumentCheck,
    PositionDifference,
    TextMatch,
)
from app.models.recommendations import split_paragraph


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.1%} ({part}/{whole})" if whole else "n/a"


def _match_ratio(check: DocumentCheck, part: int, whole: int, parts: int) -> str:
    """Matches out of `whole`: "99.4% (165/166: 3 by id, 162 by text, 4 as parts)"."""
    if not whole:
        return "n/a"
    kinds = f"{len(check.matched)} by id, {len(check.text_matches)} by text"
    kinds += f", {parts} as parts" if parts else ""
    return f"{part / whole:.1%} ({part}/{whole}: {kinds})"


def _recall(check: DocumentCheck) -> str:
    parts = len(check.part_matches)
    return _match_ratio(check, check.found + parts, check.entries, parts)


def _precision(check: DocumentCheck) -> str:
    loaded = len(check.loaded)
    holding = len(set(check.part_matches.values()) - check.matched - check.text_matches.keys())
    return _match_ratio(check, loaded - len(check.only_in_database), loaded, holding)


def _id_ranges(ids: Iterable[str]) -> str:
    """Paragraph ids in order, runs of three or more written as ranges: "124.1–124.47"."""
    ordered = sorted(ids, key=split_paragraph)
    pieces = []
    for _, run in itertools.groupby(
        enumerate(ordered), key=lambda item: _run_key(item[0], item[1])
    ):
        members = [pid for _, pid in run]
        if len(members) >= 3:
            pieces.append(f"{members[0]}–{members[-1]}")
        else:
            pieces.extend(members)
    return ", ".join(pieces)


def _run_key(index: int, paragraph: str) -> tuple[int, int]:
    """Equal for consecutive items of one paragraph ("124.4", "124.5" at indexes 3 and 4)."""
    major, minor = split_paragraph(paragraph)
    return major, minor - index


def _export_summary(check: DocumentCheck) -> str:
    repeated = check.repeated
    note = f"; {_ids(len(repeated))} on several rows" if repeated else ""
    return f"{_ids(len(check.export))} ({check.export_rows} rows{note})"


def _ids(count: int) -> str:
    return f"{count} id" if count == 1 else f"{count} ids"


def _positions_summary(check: DocumentCheck) -> str:
    compared = check.compared
    agreeing = compared - len(check.differences)
    line = _ratio(agreeing, compared)
    if check.not_final:
        skipped = ", ".join(f"{n} {reason}" for reason, n in sorted(check.not_final.items()))
        line += f"; not compared: {skipped}"
    return line


def _difference(item: PositionDifference) -> str:
    export = ", ".join(
        f"{row.record.position.value if row.record.position else 'none'} ({row.where})"
        for row in item.export
    )
    return f"{item.paragraph}: database {item.database.value}, export {export}"


def _similar_match(match: TextMatch) -> str:
    return f"{match.paragraph} ~ {match.entry.describe()}"


def _sections(check: DocumentCheck) -> list[tuple[str, str | list[str]]]:
    """The differences of one document: (heading, a line of ids or a list of items)."""
    sections: list[tuple[str, str | list[str]]] = []
    if check.missing:
        items = [entry.describe() for entry in check.missing]
        sections.append((f"missing from the database ({len(items)})", items))
    if check.only_in_database:
        only = check.only_in_database
        sections.append((f"only in the database ({len(only)})", _id_ranges(only)))
    similar = sorted(check.similar, key=split_paragraph)
    if similar:
        items = [_similar_match(check.text_matches[pid]) for pid in similar]
        sections.append((f"matched by a similar, not equal, text ({len(items)})", items))
    if check.part_matches:
        items = [
            f"{entry.describe()} is part of {pid}"
            for entry, pid in sorted(
                check.part_matches.items(), key=lambda item: split_paragraph(item[1])
            )
        ]
        sections.append((f"parts of a report item, on rows of their own ({len(items)})", items))
    if check.differences:
        items = [_difference(item) for item in check.differences]
        sections.append((f"position differs ({len(items)})", items))
    if check.repeated:
        ordered = sorted(check.repeated.items(), key=lambda item: split_paragraph(item[0]))
        ids = ", ".join(f"{pid} ({rows} rows)" for pid, rows in ordered)
        sections.append((f"ids on several export rows ({len(ordered)})", ids))
    if check.malformed:
        items = [f"{row.where}: {'; '.join(row.record.problems)}" for row in check.malformed]
        sections.append((f"malformed export rows ({len(items)})", items))
    return sections


def _export_line(report: CheckReport) -> str:
    return (
        f"Export: {report.rows:,} rows read from {', '.join(report.files)}; "
        f"{report.symbols:,} document symbols; {report.malformed:,} rows malformed "
        f"({report.unattributed:,} without a readable symbol)"
    )


def render_text(report: CheckReport) -> str:
    """The report for a terminal: one block per document, then its differences."""
    lines = [_export_line(report)]
    if not report.documents:
        lines.append("no Working Group report is loaded: nothing to compare")
    for check in report.documents:
        lines.append("")
        lines.append(f"{check.symbol}  review {check.review_id}")
        if not check.in_export:
            lines.append(f"  loaded {len(check.loaded)}; not in the export: nothing to compare")
            continue
        lines.append(f"  loaded {len(check.loaded)}, export {_export_summary(check)}")
        lines.append(f"  recall {_recall(check)}, precision {_precision(check)}")
        lines.append(f"  verdict: {check.verdict}")
        lines.append(f"  positions agree: {_positions_summary(check)}")
        for heading, items in _sections(check):
            if isinstance(items, str):
                lines.append(f"  {heading}: {items}")
            else:
                lines.append(f"  {heading}:")
                lines.extend(f"    {item}" for item in items)
    return "\n".join(lines) + "\n"


def render_markdown(report: CheckReport) -> str:
    """The report as a Markdown document: a summary table, then a section per document."""
    command = f"upr check sdg-explorer {' '.join(report.files)} --markdown PATH"
    lines = [
        "# Data quality: loaded reviews against the SDG–HR Data Explorer export",
        "",
        f"Made by `{command}`; run it again after imports. The export is a third-party "
        "source with errors of its own, not a reference: a difference says where the two "
        "disagree, not which one is right.",
        "",
        "Rows are matched by paragraph id first; the rows left over are then matched to the "
        'recommendations left over by their text (folded: case, typography, a leading "To", '
        f"final punctuation), equal texts first, then texts whose words are {SIMILAR:.0%} alike "
        "or more, then texts that are part of a loaded recommendation's (a report item that "
        "joins what several states recommended in turn, which the export splits). Recall is "
        "the share of the export's entries that are matched (each id matched "
        "by id; each left-over id or id-less row with its text, repeated on one row per "
        "recommending state), precision the share of the loaded recommendations that are "
        f'matched. The verdict is "ids agree" when {IDS_AGREE:.0%} of the matches or more are '
        "by id. Positions are compared on every match where both sides give a final one: "
        "`pending`, `unclear` or no position in the database are skipped; `supported_in_part` "
        "agrees with an export that says Supported on some row of the match, and disagrees with "
        "one that says only Noted.",
        "",
        f"{_export_line(report)}.",
        "",
        "| Document | Review | Loaded | Export | Recall | Precision | Verdict | Positions agree | "
        "Malformed rows |",
        "|---|---|---:|---|---:|---:|---|---|---:|",
    ]
    for check in report.documents:
        if check.in_export:
            cells = [
                _export_summary(check),
                _recall(check),
                _precision(check),
                check.verdict,
                _positions_summary(check),
                str(len(check.malformed)),
            ]
        else:
            cells = ["not in the export", "", "", "", "", ""]
        lines.append(
            f"| {check.symbol} | {check.review_id} | {len(check.loaded)} | {' | '.join(cells)} |"
        )
    for check in report.documents:
        if not check.in_export:
            continue
        lines += ["", f"## {check.symbol} (review {check.review_id})", ""]
        sections = _sections(check)
        if not sections:
            lines.append("No differences.")
        for heading, items in sections:
            title = heading[0].upper() + heading[1:]
            if isinstance(items, str):
                lines.append(f"- {title}: {items}")
            else:
                lines.append(f"- {title}:")
                lines.extend(f"  - {item}" for item in items)
    return "\n".join(lines) + "\n"
