"""One recommendation of one source in one review (`Entry`), and the keys its text is matched by.

A text's `text_key` is its `matching_key` (case, punctuation and spacing aside) without a
leading "to"; its `loose_key` also leaves out the small words of `SMALL_WORDS`, word breaks and
letters outside ASCII (the explorer's damaged letters, `DAMAGED`, among them); its `segments`
are the wordings a report item joins. See `app.checks.datasets` for how they are used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from app.importers.loading.text import matching_key
from app.vocab import Position

SMALL_WORDS = frozenset(
    ("a", "an", "the", "to", "of", "and", "or", "in", "on", "for", "at", "by", "with", "its",
     "their", "his", "her", "it", "this", "that", "these", "those", "as", "be", "is", "are",
     "all", "any")
)  # fmt: skip
DAMAGED = "\ufffd"  # the replacement character the explorer has for some accented letters
_LEADING_TO = re.compile(r"^to ")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_PARENTHESES = re.compile(r"\([^()]*\)")
_SLASHED = re.compile(r"\s*\([^()]*\)\s*/\s*")  # "(Slovenia)/" between states' wordings


class Source(StrEnum):
    """A source of the comparison."""

    explorer = "explorer"
    upr_info = "upr_info"
    documents = "documents"

    @property
    def label(self) -> str:
        """The source's name for a reader."""
        return _LABELS[self]


_LABELS = {
    Source.explorer: "SDG–HR explorer",
    Source.upr_info: "UPR Info",
    Source.documents: "documents",
}


def text_key(text: str) -> str:
    """The key texts are matched by: `matching_key` without a leading "to"."""
    return _LEADING_TO.sub("", matching_key(text))


def loose_key(text: str) -> str:
    """The text key without the small words of `SMALL_WORDS`, word breaks and letters outside
    ASCII, so that "non-discriminatory" and "nondiscriminatory" have the same loose key, and
    so have "Equité" and the explorer's damaged "Equit\ufffd"."""
    words = (word for word in text_key(text).split() if word not in SMALL_WORDS)
    return _NOT_ASCII.sub("", "".join(words))


def segments(text: str) -> list[str]:
    """The text keys of the wordings a report item joins: its pieces between parenthesised
    names ("Ratify ICRMW (Ghana); Ratify ICRMW (Uruguay)" has "ratify icrmw" twice), and, for
    a 1st-cycle item that gives several states' beginnings of one sentence ("To consider
    ratifying (Slovenia)/ratify (Republic of Korea) the Convention …"), each beginning with
    the common end ("consider ratifying the convention …", "ratify the convention …")."""
    keys = [key for piece in _PARENTHESES.split(text) if (key := text_key(piece))]
    heads = _SLASHED.split(text)
    if len(heads) > 1:
        last, _, end = heads.pop().partition(")")
        last = _PARENTHESES.sub("", last.rsplit("(", 1)[0]) if "(" in last else last
        end = _PARENTHESES.sub("", end)
        keys += [key for head in (*heads, last) if (key := text_key(f"{head} {end}"))]
    return keys


@dataclass(frozen=True)
class Entry:
    """One recommendation of one source in one review.

    `positions` are the final positions its rows give (empty when none does; `unfinal` then
    says why); `states` the ISO3 codes of its recommending states and `unresolved` the names
    that did not resolve. `where` is its place: a recommendation id, or files and rows.
    """

    source: Source
    session: int
    iso3: str
    text: str
    where: str
    positions: frozenset[Position] = frozenset()
    states: frozenset[str] = frozenset()
    unresolved: tuple[str, ...] = ()
    unfinal: str | None = None
    paragraph: str | None = None
    order: tuple[int, ...] = ()

    @property
    def review(self) -> str:
        """The review's id: "20-KAZ"."""
        return f"{self.session}-{self.iso3}"

    @cached_property
    def key(self) -> str:
        """The text's `text_key`."""
        return text_key(self.text)

    @cached_property
    def loose(self) -> str:
        """The text's `loose_key`."""
        return loose_key(self.text)

    @cached_property
    def words(self) -> frozenset[str]:
        """The words of the text key."""
        return frozenset(self.key.split())

    @cached_property
    def segments(self) -> tuple[str, ...]:
        """The text's `segments`."""
        return tuple(segments(self.text))
