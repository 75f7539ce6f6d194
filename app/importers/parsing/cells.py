"""The cells of a tabular export as its readers take them (`upr_info_rows` for UPR Info's CSV,
`sdg_explorer` for the explorer's XLSX): header labels compared without case and spacing, and
text cells with every run of whitespace made one space."""

from __future__ import annotations


def header_label(value: object) -> str:
    """A header cell as compared with a column's label: spacing made one space, case-folded."""
    return " ".join(str(value).split()).casefold()


def cell_text(value: object) -> str | None:
    """A cell as text with runs of whitespace made one space; None if empty."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
