"""Bar charts drawn on the server: HTML text with an SVG bar per value. No script, no library.

Labels and values are HTML text, so they stay readable at any width and zoom, and assistive
technology reads each bar as a term and its value. The bars are small SVGs whose rectangles
are sized in percent of their own width (so patterns keep their shape), using presentation
attributes only (no inline style), as the pages' CSP asks. Series differ by pattern as well
as by colour: the Okabe–Ito palette, safe for colour-blind readers, darkened where needed so
that each colour has at least 3:1 contrast against white. All text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Series:
    """One series of a chart: its name and how its bars are drawn."""

    key: str
    name: str
    colour: str
    pattern: str  # "solid", "stripes" or "dots"


RECEIVED = Series("received", "Received", "#0072B2", "solid")
SUPPORTED = Series("supported", "Supported", "#007A5A", "stripes")
NOTED = Series("noted", "Noted", "#C04F00", "dots")
SHARE = Series("share", "Share", "#0072B2", "solid")


@dataclass(frozen=True)
class Category:
    """One group of bars: its label and sublabel, a value per series, and a note said instead
    of the bars when it has no value."""

    label: str
    sublabel: str
    values: Sequence[int]
    note: str | None = None


@dataclass(frozen=True)
class Row:
    """One bar of a single-series chart: its label, its length (0 to 1) and its value in words."""

    label: str
    share: float
    text: str


def _fill(chart_id: str, series: Series) -> str:
    return series.colour if series.pattern == "solid" else f"url(#{chart_id}-{series.key})"


def patterns(chart_id: str, series: Sequence[Series]) -> Markup:
    """An invisible SVG holding the series' patterns: white stripes or dots over the colour."""
    defs = []
    for one in series:
        pid = f"{chart_id}-{one.key}"
        if one.pattern == "stripes":
            defs.append(
                f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse" '
                f'patternTransform="rotate(45)"><rect width="8" height="8" fill="{one.colour}"/>'
                '<rect width="2.5" height="8" fill="#ffffff"/></pattern>'
            )
        elif one.pattern == "dots":
            defs.append(
                f'<pattern id="{pid}" width="7" height="7" patternUnits="userSpaceOnUse">'
                f'<rect width="7" height="7" fill="{one.colour}"/>'
                '<circle cx="3.5" cy="3.5" r="1.6" fill="#ffffff"/></pattern>'
            )
    return Markup(
        '<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false">'
        f"<defs>{''.join(defs)}</defs></svg>"
    )


def bar(share: float, fill: str, stroke: str) -> Markup:
    """One bar: `share` (0 to 1) of its track, drawn with `fill` and outlined with `stroke`."""
    percent = max(0.0, min(1.0, share)) * 100
    shape = ""
    if percent > 0:
        shape = (
            f'<rect x="0" y="0.5" width="{percent:.2f}%" height="17" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="1"/>'
        )
    return Markup(
        '<svg class="bar" width="100%" height="18" aria-hidden="true" focusable="false">'
        '<rect x="0" y="0.5" width="100%" height="17" fill="#f3f2f1"/>'
        f"{shape}</svg>"
    )


def swatch(chart_id: str, series: Series) -> Markup:
    """A small square drawn like the series' bars, for its label."""
    return Markup(
        '<svg class="swatch" width="16" height="16" aria-hidden="true" focusable="false">'
        f'<rect x="0.5" y="0.5" width="15" height="15" fill="{_fill(chart_id, series)}" '
        f'stroke="{series.colour}"/></svg>'
    )


def grouped_bars(
    chart_id: str, title: str, series: Sequence[Series], categories: Sequence[Category]
) -> Markup:
    """One small chart per category, with a bar per series on a scale shared by all."""
    highest = max((value for c in categories for value in c.values), default=0) or 1
    groups = []
    for category in categories:
        heading = (
            f'<p class="bar-group-title"><strong>{escape(category.label)}</strong> '
            f'<span class="muted">{escape(category.sublabel)}</span></p>'
        )
        if category.note and not any(category.values):
            groups.append(
                f'<div class="bar-group">{heading}<p class="bar-note">{escape(category.note)}</p>'
                "</div>"
            )
            continue
        rows = "".join(
            f'<div class="bar-row"><dt>{swatch(chart_id, one)} {escape(one.name)}</dt>'
            f"<dd>{bar(value / highest, _fill(chart_id, one), one.colour)}"
            f'<span class="bar-value">{value:,}</span></dd></div>'
            for one, value in zip(series, category.values, strict=True)
        )
        groups.append(f'<div class="bar-group">{heading}<dl class="bar-rows">{rows}</dl></div>')
    return Markup(
        f'<div class="bar-chart grouped" id="{chart_id}" role="group" '
        f'aria-label="{escape(title)}">{patterns(chart_id, series)}{"".join(groups)}</div>'
    )


def horizontal_bars(
    chart_id: str, title: str, rows: Sequence[Row], series: Series = SHARE
) -> Markup:
    """A bar per row, its label before it and its value in words after it."""
    items = "".join(
        f'<div class="bar-row"><dt>{escape(row.label)}</dt>'
        f"<dd>{bar(row.share, series.colour, series.colour)}"
        f'<span class="bar-value">{escape(row.text)}</span></dd></div>'
        for row in rows
    )
    return Markup(
        f'<div class="bar-chart single" id="{chart_id}" role="group" aria-label="{escape(title)}">'
        f'<dl class="bar-rows">{items}</dl></div>'
    )


def mini_bar(share: float, colour: str = "#0072B2") -> Markup:
    """A small decorative bar for a table cell (the cell's number says the value)."""
    length = max(0.0, min(1.0, share)) * 60
    return Markup(
        '<svg class="mini" width="60" height="10" aria-hidden="true" focusable="false">'
        '<rect x="0" y="0" width="60" height="10" fill="#f3f2f1"/>'
        f'<rect x="0" y="0" width="{length:.1f}" height="10" fill="{colour}"/></svg>'
    )
