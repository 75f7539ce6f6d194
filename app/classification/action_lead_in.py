"""Where a recommendation's own verbs start (`read_lead_in`): past "To", "Recommended that",
"That", a subject before "should" (one that is not the State under review, such as "the
international community", is kept: the recommendation is then category 1), an opening clause
before a comma ("In line with …, ratify") and adverbs.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.classification.action_lexicon import CLAUSE_OPENERS, NON_SUR_SUBJECTS
from app.classification.action_tokens import contains, lemma_of, skip_adverbs, starts_with


@dataclass(slots=True)
class LeadIn:
    """Where the own verbs start, and the subject that is not the State under review (if any)."""

    start: int
    non_sur: tuple[str, ...] | None = None


def read_lead_in(tokens: list[str]) -> LeadIn:
    """Where the recommendation's own verbs start, past "To", "That", subjects, clauses."""
    i = 0
    for _ in range(6):
        i = skip_adverbs(tokens, i)
        if i >= len(tokens):
            return LeadIn(i)
        word = tokens[i]
        if word in ("recommended", "recommends", "recommend", "recommendation", "it", "is"):
            i += 1
            continue
        if word == "that":
            i += 1
            continue
        if word in ("(", ")", ",", ":", ";", ".") or word.isdigit():
            i += 1
            continue
        for phrase in NON_SUR_SUBJECTS:
            # "That the international community redouble …", "To the donors: assist …"
            for k in (i, i + 1):
                if starts_with(tokens, k, phrase) and (k == i or tokens[i] in ("the", "all")):
                    return LeadIn(k + len(phrase), phrase)
        if word in CLAUSE_OPENERS and lemma_of(word) is None:
            comma = _next_comma(tokens, i, 45)
            if comma is not None:
                after = skip_adverbs(tokens, comma + 1)
                if after < len(tokens) and lemma_of(tokens[after]) is not None:
                    i = after
                    continue
        modal = _modal(tokens, i)
        if modal is not None and lemma_of(word) is None:
            subject = tokens[i:modal]
            for phrase in NON_SUR_SUBJECTS:
                if contains(subject, phrase):
                    return LeadIn(modal + 1, phrase)
            i = modal + 1
            if i < len(tokens) and tokens[i] == "be":
                return LeadIn(i)
            continue
        return LeadIn(i)
    return LeadIn(i)


def _next_comma(tokens: list[str], i: int, limit: int) -> int | None:
    for j in range(i, min(len(tokens), i + limit)):
        if tokens[j] == ",":
            return j
        if tokens[j] in (".", ";"):
            return None
    return None


def _modal(tokens: list[str], i: int) -> int | None:
    for j in range(i, min(len(tokens), i + 15)):
        if tokens[j] in ("should", "must", "shall"):
            return j
        if tokens[j] in (",", ".", ";"):
            return None
    return None
