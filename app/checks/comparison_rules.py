"""What both cross-checks compare by: which positions are final, when two texts are alike, and
how much of a text a difference quotes.

The check of the SDG–HR explorer against the loaded reviews (`app.checks.sdg_explorer`) and the
check of the datasets against each other and the documents (`app.checks.datasets`) fold texts
each in their own way, then share these rules.
"""

from __future__ import annotations

from collections.abc import Set

from app.vocab import Position

FINAL = frozenset({Position.supported, Position.noted, Position.supported_in_part})
SIMILAR = 0.8  # the least Jaccard similarity of word sets for texts to match


def jaccard(first: Set[str], second: Set[str]) -> float:
    """The Jaccard similarity of two sets of words (0 for no words)."""
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def excerpt(text: str, limit: int) -> str:
    """`text` as a difference quotes it: whole if it has at most `limit` characters, else its
    first `limit - 1` (trailing spaces dropped) and "…"."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
