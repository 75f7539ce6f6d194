"""Reading the recommending states out of a recommendation's sentence, the same for every source.

Official documents end a recommendation with the states that made it, in parentheses:
"Ratify … Rights (Maldives) (Portugal);", "… (Portugal, Slovakia);". The 1st cycle also names
states inline: "To examine (Algeria)/sign and ratify (Egypt)/…". Parentheses can belong to the
text ("Convention, 2011 (No. 189)", "(ICRMW)") or to a state's name ("Iran (Islamic Republic
of)", "(Venezuela (Bolivarian Republic of))"), so groups are read from the end, with nesting,
and a group counts as states only if every name in it is known or looks like a state's name.

The text rule shared by all parsers: the recommendation is the sentence without the trailing
state groups and without the final ';', '.' or ','.
"""

from __future__ import annotations

import re
from collections.abc import Collection

# Lower-case words allowed inside state names; words that mark a group as text, not states.
_CONNECTORS = {"and", "of", "the", "former", "da", "de", "del", "des", "du"}
_NOT_STATE_RE = re.compile(
    r"\b(?:Act|Agenda|Code|Committee|Convention|Covenant|Declaration|Law|Plan|Principles"
    r"|Programme|Protocol|Rules|Strategy)\b",
    re.IGNORECASE,
)
_NAME_RE = re.compile(r"(?P<base>[^()]+?)(?: \((?P<qualifier>[^()]+ of(?: the)?)\))?")
_NAME_WORD_RE = re.compile(r"(?:[^\W\d_][\u2019'])?[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_QUALIFIER_RE = re.compile(r"^[^()]+ of(?: the)?$")
_INLINE_RE = re.compile(r"\(((?:[^()]|\([^()]*\))*)\)(?=\s*([/;]?))")


def name_key(name: str) -> str:
    """A state name folded for comparing names within one document."""
    return " ".join(name.replace("\u2019", "'").casefold().split())


def opening_paren(text: str) -> int | None:
    """Index of the '(' that balances the ')' ending `text`, or None if unbalanced."""
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[index], 0)
        if depth == 0:
            return index
    return None


def split_top_level(group: str) -> list[str]:
    """Split on the commas and semicolons that are not inside parentheses."""
    items, depth, current = [], 0, ""
    for char in group:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char in ",;" and depth == 0:
            items.append(current)
            current = ""
        else:
            current += char
    return [item.strip() for item in [*items, current] if item.strip()]


def looks_like_state_name(name: str) -> bool:
    """Capitalised words (with connectors such as "of the"), no digits, not an acronym, not a
    treaty or plan; an optional "(… of)" qualifier as in "Iran (Islamic Republic of)"."""
    match = _NAME_RE.fullmatch(name)
    if not match or len(name) > 80 or re.search(r"\d", name) or _NOT_STATE_RE.search(name):
        return False
    words = match.group("base").split() + (match.group("qualifier") or "").split()
    capitals = [word for word in words if word not in _CONNECTORS]
    return bool(capitals) and all(
        _NAME_WORD_RE.fullmatch(word)
        and word.lstrip("d\u2019'")[:1].isupper()
        and not word.isupper()
        for word in capitals
    )


def state_names(group: str, known: Collection[str] = ()) -> list[str] | None:
    """The names in a group's text ("Portugal, Slovakia"), or None if it is not a state list.

    `known` holds `name_key`s of names the caller already knows to be states. A capital split
    from the rest of its word by the document's text layer ("Plurinational S tate of") is
    joined again, and only then.
    """
    names = [_join_split_capital(name, known) for name in split_top_level(group)]
    if names and all(name_key(n) in known or looks_like_state_name(n) for n in names):
        return names
    return None


def _join_split_capital(name: str, known: Collection[str]) -> str:
    if name_key(name) in known or looks_like_state_name(name):
        return name
    joined = re.sub(r"\b([A-Z]) ([a-z]{2,})\b", r"\1\2", name)
    return joined if looks_like_state_name(joined) else name


def split_trailing_states(
    sentence: str, known: Collection[str] = (), max_names: int | None = None
) -> tuple[str, list[str]]:
    """Split "text (State) (State, State);" into the text and the trailing state names.

    Groups are taken from the end while they hold state names; once `max_names` names are
    taken, only groups of `known` names are. A lone qualifier group, as in
    "(Iran) (Islamic Republic of)", is joined to the name before it, also where that name's
    parenthesis is left open ("(Iran (Islamic Republic of);", a typo of some reports).
    """
    text = re.sub(r"[\s;.,]+$", "", " ".join(sentence.split()))
    groups: list[list[str]] = []
    taken = 0
    while text.endswith(")"):
        opening = opening_paren(text)
        if opening is None:
            opening = _unopened_known(text, known)
        if opening is None:
            break
        inner = text[opening + 1 : -1]
        names = state_names(inner, known)
        if names and len(names) == 1 and _QUALIFIER_RE.match(names[0]):
            opening, names = _unclosed_base(text, opening, names[0])
        over = max_names is not None and taken >= max_names
        if not names or (over and not all(name_key(n) in known for n in names)):
            break
        groups.insert(0, names)
        taken += len(names)
        text = re.sub(r"[\s;,]+$", "", text[:opening])
    states: list[str] = []
    for name in (name for group in groups for name in group):
        if states and _QUALIFIER_RE.match(name) and "(" not in states[-1]:
            states[-1] = f"{states[-1]} ({name})"
        else:
            states.append(name)
    return text, states


def _unopened_known(text: str, known: Collection[str]) -> int | None:
    """Where a known state's name starts when its opening parenthesis is missing, a typo of some
    reports ("… Criminal Court Ghana);"): the index just before the name, or None."""
    words = list(re.finditer(r"\S+", text[:-1]))
    for count in range(min(6, len(words)), 0, -1):
        start = words[-count].start()
        if name_key(text[start:-1]) in known:
            return start - 1
    return None


def _unclosed_base(text: str, opening: int, qualifier: str) -> tuple[int, list[str]]:
    """Repair a name whose own parenthesis is not closed: "… (Iran (Islamic Republic of);"
    gives "Iran (Islamic Republic of)"; otherwise the qualifier group stays as it is."""
    unclosed = re.search(r"\(\s*([^()]+?)\s*$", text[:opening])
    if unclosed and looks_like_state_name(unclosed.group(1)):
        return unclosed.start(), [f"{unclosed.group(1)} ({qualifier})"]
    return opening, [qualifier]


def inline_states(text: str, known: Collection[str] = ()) -> list[str]:
    """States named inside the text, 1st-cycle style: "… (Algeria)/sign and ratify (Egypt)/…".

    A group counts if it holds state names and is followed by '/' or ';', or if all its names
    are `known` states.
    """
    found: list[str] = []
    for match in _INLINE_RE.finditer(text):
        names = state_names(match.group(1), known)
        if names and (match.group(2) or all(name_key(n) in known for n in names)):
            found += names
    return found
