"""What two sources' values of one field are, as stored with a disagreement, and when they differ.

Values are kept as text: the recommendation's text, the position, or the members of a list
field (recommending states' ISO3 codes, theme and group names, SDG codes) joined by "; ".
"""

from __future__ import annotations

from collections.abc import Iterable

from app.importers.loading.text import matching_key
from app.vocab import Position, RecommendationField

F = RecommendationField
SEPARATOR = "; "
PART_SEPARATOR = " / "  # a dataset's parts of one numbered recommendation, joined
_FINAL = {Position.supported.value, Position.noted.value, Position.supported_in_part.value}


def render(values: Iterable[str]) -> str:
    """A list field's members as one value, in a stable order."""
    return SEPARATOR.join(sorted(set(values)))


def members(value: str) -> set[str]:
    """The members of a list field's value."""
    return set(value.split(SEPARATOR)) if value else set()


def differ(name: RecommendationField, one: str, other: str) -> bool:
    """Whether two sources' values of a field say different things.

    Texts differ when their matching keys differ (case, punctuation and spacing aside), unless
    one is made of parts of the other (a dataset that gives a 1st-cycle recommendation's parts
    one by one). Positions differ only when both are final: "pending" against "noted" is a
    later answer, not a contradiction. List fields differ when their members do.
    """
    if name is F.text:
        return not (_same_text(one, other) or _same_text(other, one))
    if name is F.position:
        return one in _FINAL and other in _FINAL and one != other
    return members(one) != members(other)


def _same_text(parts: str, whole: str) -> bool:
    whole_key = matching_key(whole)
    keys = [matching_key(part) for part in parts.split(PART_SEPARATOR)]
    return keys == [whole_key] or all(key and key in whole_key for key in keys)
