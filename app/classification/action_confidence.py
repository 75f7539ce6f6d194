"""How far to trust each action-category rule: the share of UPR Info's coding of sessions 1–13
that the rule matched, `(right + 1) / (n + 2)`, from `bench/action_category.py --rules`.

Update `CONFIDENCE` from that output on the tuning sessions whenever the rules change.
"""

from __future__ import annotations

# share of sessions 1–13 recommendations each rule got right, (right + 1) / (n + 2), from
# `bench/action_category.py --rules`; a rule not listed has 0.5
CONFIDENCE: dict[str, float] = {
    "assistance-verb": 0.97,
    "continuity-with-example": 0.60,
    "continuity-with-means": 0.71,
    "further-continuity": 0.62,
    "general-with-example": 0.60,
    "give": 0.84,
    "give-consideration": 0.82,
    "late-verb-1": 0.58,
    "late-verb-2": 0.62,
    "late-verb-3": 0.72,
    "late-verb-4": 0.64,
    "late-verb-5": 0.53,
    "look-into": 0.67,
    "make": 0.73,
    "make-use-of-assistance": 0.40,
    "no-verb": 0.51,
    "nominal-2": 0.75,
    "nominal-3": 0.75,
    "nominal-4": 0.67,
    "nominal-5": 0.86,
    "non-sur-subject": 0.67,
    "object-general": 0.78,
    "object-specific": 0.90,
    "object-unknown-4": 0.73,
    "object-unknown-5": 0.82,
    "passive-2": 0.25,
    "passive-3": 0.38,
    "passive-4": 0.69,
    "passive-5": 0.74,
    "passive-assistance": 0.50,
    "put-an-end": 0.67,
    "quantity": 0.81,
    "second-verb-4": 0.89,
    "second-verb-5": 0.62,
    "seek-assistance": 0.97,
    "seek-other": 0.66,
    "share": 0.97,
    "take-into-account": 0.43,
    "take-measures": 0.96,
    "undertake-study": 0.57,
    "verb-1": 0.33,
    "verb-2": 0.98,
    "verb-3": 0.98,
    "verb-4": 0.92,
    "verb-5": 0.94,
}


def confidence(rule: str) -> float:
    """The confidence of a rule's categories; 0.5 for a rule not measured."""
    return CONFIDENCE.get(rule, 0.5)
