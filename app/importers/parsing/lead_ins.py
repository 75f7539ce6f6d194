"""What the prose paragraphs of a report's recommendations section say of its recommendations.

A Working Group report lists its recommendations under one or several numbered paragraphs
("lead-ins"), each saying what the state under review made of the items that follow:
- supported: "enjoy the support of Kazakhstan", "have been examined by and enjoy the support of",
  "Fiji supports / accepts the following";
- supported, with the state's claim that they are "already implemented", "in the process of
  (being) implemented", or either;
- pending: "will be examined by …, which will provide responses in due course";
- noted: "did not enjoy the support of …", "would thus be noted", "have been noted by",
  "rejected", "inaccurate and/or factually incorrect".
A paragraph without items of its own can qualify items of another one: "Kazakhstan considers
that recommendations Nos. 7, 8, 9 … above have already been implemented"; a lead-in can qualify
some of its own items: "…, out of which recommendations 102 to 123 … considers as already
implemented". The section closes with "All conclusions and/or recommendations … reflect the
position of the submitting State(s)".

The wording is matched by meaning (families of phrases, negation first), never by a document's
exact sentence; a paragraph whose meaning is not recognised gives `None`, for the caller to
report with its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.vocab import ImplementationClaim, Position


@dataclass(frozen=True)
class Meaning:
    """What a paragraph says: a position and/or the state's implementation claim."""

    position: Position | None = None
    claim: ImplementationClaim | None = None


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(rf"\b{p}\b" for p in patterns), re.IGNORECASE)


_CLOSING = _words(
    r"all (?:the )?conclusions and/or recommendations", r"should not be construed as endorsed"
)
_NOTED = _words(
    r"(?:did|do|does|could|can|would) not (?:enjoy|receive|obtain|gain|have)\W+(?:\w+\W+){0,3}"
    r"support",
    r"(?:did|do|does|could|can|is|are) not (?:support|accept)",
    r"not (?:been )?(?:supported|accepted)",
    r"cannot (?:support|accept)",
    r"not in a position to (?:support|accept)",
    r"(?:be|been|are|is|were|was) (?:thus |therefore |duly )?noted",
    r"(?:has|have|had) (?:duly )?noted",
    r"notes the (?:following|recommendations)",
    r"(?:takes?|took|taken) note of",
    r"reject(?:s|ed)?",
    r"inaccurate",
    r"factually incorrect",
)
_IN_PART = _words(r"partially (?:supports?|supported|accepts?|accepted)", r"supported in part")
_SUPPORTED = _words(
    r"(?:enjoys?|enjoyed|ha[sd]|have|receive[sd]?|obtained|gained) (?:the |its |their )?(?:full )?"
    r"support",
    r"(?:are|is|were|was|been) (?:fully )?(?:supported|accepted)",
    r"(?:supports|accepts|accepted) the",
)
_PENDING = _words(
    r"will (?:be )?(?:further )?(?:examined?|considered?|stud(?:y|ied)|reviewed?)",
    r"will (?:provide|give|submit) (?:its |their )?(?:responses?|answers?|replies|reply)",
    r"will respond",
    r"in due (?:course|time)",
    r"(?:remain|are|is) under consideration",
    r"responses? (?:will|would) be (?:provided|given|included)",
)
_ALREADY = _words(
    r"already (?:been )?(?:implemented|in place|fulfilled|carried out|achieved)",
    r"have been implemented",
)
_IN_PROGRESS = _words(
    r"in (?:the )?process of (?:being )?implement(?:ed|ation|ing)",
    r"(?:are|is) being implemented",
    r"under implementation",
)
_NUMBER = r"\d{1,3}(?:\.\d{1,3})?"
_RANGE_WORDS = r"\s*(?:,|and|to|through|-|\u2013|\u2014)\s*(?:and\s+)?"
_REFERENCE_RE = re.compile(
    rf"\brecommendations?\s+(?:Nos?\.?\s*)?({_NUMBER}(?:{_RANGE_WORDS}{_NUMBER})*)",
    re.IGNORECASE,
)
# Clauses end at ";", ":", a full stop that does not close "No." / "Nos.", or before "of which".
_CLAUSE_BREAK_RE = re.compile(
    r"(?<=[;:])\s+|(?<!\bNo)(?<!\bNos)\.\s+|,\s*(?=(?:out of|of) which\b|while\b|whereas\b)"
)


def is_closing(text: str) -> bool:
    """Whether a paragraph is the section's closing disclaimer ("All conclusions and/or …")."""
    return bool(_CLOSING.search(text))


def read_meaning(text: str, *, lists_items: bool) -> Meaning | None:
    """The meaning of a paragraph's words, or None if none is recognised.

    `lists_items`: the paragraph introduces items of its own, so a bare implementation claim
    ("considers that the recommendations listed below are already implemented") means they are
    supported; a paragraph that only qualifies other items keeps their position.
    """
    claim = implementation_claim(text)
    if _NOTED.search(text):
        return Meaning(Position.noted, claim)
    if _IN_PART.search(text):
        return Meaning(Position.supported_in_part, claim)
    if _SUPPORTED.search(text):
        return Meaning(Position.supported, claim)
    if _PENDING.search(text):
        return Meaning(Position.pending, claim)
    if claim is not None:
        return Meaning(Position.supported if lists_items else None, claim)
    return None


def implementation_claim(text: str) -> ImplementationClaim | None:
    """The state's claim that recommendations are already implemented, in progress, or either."""
    already, in_progress = bool(_ALREADY.search(text)), bool(_IN_PROGRESS.search(text))
    if already and in_progress:
        return ImplementationClaim.implemented_or_in_progress
    if already:
        return ImplementationClaim.already_implemented
    if in_progress:
        return ImplementationClaim.in_progress
    return None


@dataclass(frozen=True)
class Qualification:
    """Recommendations a paragraph names by number, and what it says of them."""

    numbers: list[str]
    meaning: Meaning | None
    wording: str


def split_qualifications(text: str) -> tuple[str, list[Qualification]]:
    """Separate the clauses that name recommendations by number from the rest of a paragraph.

    "The recommendations … listed below enjoy the support of X, out of which recommendations
    102 to 123 X considers as already implemented:" gives the text before the comma and one
    qualification of items 102-123 (already implemented). Numbers are kept as written: "7"
    for an item of the paragraph concerned, "124.3" for a dotted id.
    """
    kept: list[str] = []
    found: list[Qualification] = []
    for clause in _CLAUSE_BREAK_RE.split(text):
        numbers = [n for m in _REFERENCE_RE.finditer(clause) for n in expand_numbers(m.group(1))]
        if numbers:
            found.append(Qualification(numbers, read_meaning(clause, lists_items=False), clause))
        else:
            kept.append(clause)
    return " ".join(kept), found


def expand_numbers(listing: str) -> list[str]:
    """ "7, 8, 9 and 12" -> 7, 8, 9, 12; "85- 119" and "102 to 123" -> every number between."""
    numbers: list[str] = []
    tokens = re.split(rf"({_RANGE_WORDS})", listing)
    for index in range(0, len(tokens), 2):
        number = tokens[index].strip()
        joiner = tokens[index - 1].strip().lower() if index else ""
        if numbers and joiner in {"to", "through", "-", "\u2013", "\u2014"}:
            numbers += _between(numbers[-1], number)
        numbers.append(number)
    return list(dict.fromkeys(numbers))


def _between(first: str, last: str) -> list[str]:
    """The numbers strictly between two, keeping a shared paragraph prefix ("124.3"-"124.6")."""
    head, _, low = first.rpartition(".")
    other_head, _, high = last.rpartition(".")
    if head != other_head or int(high) - int(low) > 500:
        return []
    prefix = f"{head}." if head else ""
    return [f"{prefix}{n}" for n in range(int(low) + 1, int(high))]
