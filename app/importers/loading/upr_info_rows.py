"""Naming rows of UPR Info's export: "1-5.csv rows 203, 215", runs of rows as "4-9"."""

from __future__ import annotations

from collections.abc import Iterable

REFERENCE_LENGTH = 300  # the stored reference's column width


def rows_reference(file_name: str, numbers: Iterable[int]) -> str:
    """Where a recommendation is in the file: "1-5.csv rows 203, 215" (runs as "4-9")."""
    values = sorted(set(numbers))
    label = "row" if len(values) == 1 else "rows"
    parts = _runs(values)
    text = f"{file_name} {label} {', '.join(parts)}"
    shown = len(parts)
    while len(text) > REFERENCE_LENGTH:
        shown -= 1
        text = f"{file_name} {label} {', '.join(parts[:shown])} and {len(parts) - shown} more"
    return text


def rows_text(numbers: Iterable[int]) -> str:
    values = sorted(set(numbers))
    parts = _runs(values)
    shown = ", ".join(parts[:10]) + (f" and {len(parts) - 10} more" if len(parts) > 10 else "")
    return f"{'row' if len(values) == 1 else 'rows'} {shown}"


def _runs(values: list[int]) -> list[str]:
    """Sorted numbers as runs: [2, 3, 4, 7, 8] -> ["2-4", "7", "8"]."""
    runs: list[list[int]] = []
    for value in values:
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    out: list[str] = []
    for run in runs:
        if len(run) >= 3:
            out.append(f"{run[0]}-{run[-1]}")
        else:
            out += [str(value) for value in run]
    return out
