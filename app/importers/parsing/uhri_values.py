"""The values of a UHRI export record, read one field at a time: labels without the export's
"- " prefix (`label_list`), HTML text as plain text, session numbers (`parse_session`), SDG goals
and targets (`parse_sdg`), position labels (`map_position_labels`) and publication dates.
Nothing here reports a problem: a value that cannot be read gives None, and the caller
(`app.importers.parsing.uhri_mapping`) says why."""

from __future__ import annotations

import datetime as dt
import html
import re
from decimal import Decimal
from typing import Any

from app.vocab import Position

_DASH_PREFIX = re.compile(r"^\s*[-\u2013\u2014\u2022]\s*")
_WS = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")
_INT = re.compile(r"\d+")
_SDG = re.compile(
    r"^(?:sdg|goal|target)?\s*(\d{1,2})(?:\.(\d{1,2}|[a-z]))?(?=$|[\s\-\u2013:,.])", re.IGNORECASE
)
_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


def clean_label(value: Any) -> str:
    """A label as written, without the export's "- " prefix and surrounding blanks."""
    text = str(value).strip()
    if text[:1] in "-\u2013\u2014\u2022" and text:
        text = _DASH_PREFIX.sub("", text, count=1)
    return text


def as_list(value: Any) -> list[Any]:
    """A field's values: none for null, the items of a list, else the one value."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def label_list(value: Any) -> list[str]:
    """Non-empty, de-duplicated labels of a list field, in order."""
    out: list[str] = []
    for item in as_list(value):
        if item is None:
            continue
        label = clean_label(item)
        if label and label not in out:
            out.append(label)
    return out


def html_to_text(value: str) -> str:
    """HTML as plain text: tags and zero-width characters out, entities decoded, spacing one."""
    if "<" in value:
        value = _TAG.sub(" ", value)
    if "&" in value:
        value = html.unescape(value)
    value = value.replace("\u200b", "").replace("\ufeff", "")
    return _WS.sub(" ", value).strip()


def parse_session(value: Any) -> int | None:
    """A UPR session number from one UprSession value ("48", "- 48", "Session 48", 48, ...)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, (float, Decimal)):
        if value != int(value):
            return None
        number = int(value)
    elif isinstance(value, str):
        match = _INT.search(value)
        if match is None:
            return None
        number = int(match.group())
    else:
        return None
    return number if 1 <= number <= 999 else None


def parse_sdg(value: str) -> str | None:
    """The SDG target ("16.2") or goal ("16") that a label such as "16.2 - Protect ..." names."""
    match = _SDG.match(clean_label(value))
    if match is None:
        return None
    goal, target = match.groups()
    if not 1 <= int(goal) <= 17:
        return None
    return f"{int(goal)}.{target.lower()}" if target else str(int(goal))


_POSITION_LABELS: dict[str, Position] = {
    **dict.fromkeys(
        ["supported", "support", "supports", "accepted", "accept", "fully supported"],
        Position.supported,
    ),
    **dict.fromkeys(
        [
            "noted",
            "note",
            "notes",
            "takes note",
            "took note",
            "not supported",
            "not accepted",
            "rejected",
        ],
        Position.noted,
    ),
    **dict.fromkeys(
        [
            "partially supported",
            "supported in part",
            "partly supported",
            "partially accepted",
            "accepted in part",
            "supported partially",
            "supported_in_part",
        ],
        Position.supported_in_part,
    ),
    **dict.fromkeys(
        ["pending", "pending response", "under consideration", "to be considered"],
        Position.pending,
    ),
    **dict.fromkeys(
        [
            "unclear",
            "unclear response",
            "no clear position",
            "no clear response",
            "no response",
            "no position",
        ],
        Position.unclear,
    ),
}


def _position_key(label: str) -> str:
    return _WS.sub(" ", label.replace("\u00a0", " ")).strip(" .;:").casefold()


def map_position_labels(labels: list[str]) -> tuple[Position | None, str | None, str | None]:
    """Map UprPositions labels (prefix already removed) to (position, position_text, problem).

    No labels → (None, None, None). One known position, however often repeated → that
    position. Several different known positions → `supported_in_part` if one of them says so
    (and the others are supported/noted), else `unclear` with a problem. Any unknown label →
    `unclear` with a problem. `position_text` is the labels as written, joined by "; ".
    """
    if not labels:
        return None, None, None
    text = "; ".join(labels)
    mapped: list[Position] = []
    unknown = [label for label in labels if _position_key(label) not in _POSITION_LABELS]
    if unknown:
        return Position.unclear, text, f"unknown position label(s): {', '.join(unknown)}"
    for label in labels:
        position = _POSITION_LABELS[_position_key(label)]
        if position not in mapped:
            mapped.append(position)
    if len(mapped) == 1:
        return mapped[0], text, None
    partial = {Position.supported_in_part, Position.supported, Position.noted}
    if Position.supported_in_part in mapped and set(mapped) <= partial:
        return Position.supported_in_part, text, None
    return Position.unclear, text, f"conflicting positions: {text}"


def parse_date(value: Any) -> dt.date | None:
    """The date at the start of an ISO date or datetime ("2021-11-10T00:00:00"), or None."""
    if not isinstance(value, str):
        return None
    match = _DATE.match(value)
    if match is None:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def shorten(text: str, limit: int = 120) -> str:
    """`text` cut to `limit` characters, the last an ellipsis, for a problem's value."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
