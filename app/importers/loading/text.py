"""Text folding for comparing what two sources say: only real differences count."""

from __future__ import annotations

import re
import unicodedata

_FOLD_PUNCTUATION = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2010": "-",
     "\u2011": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " "}
)  # fmt: skip
_SPACE_AROUND_JOINERS = re.compile(r"\s*(['-])\s*")


def comparable(text_value: str) -> str:
    """Text folded for comparing sources, so that only real differences count.

    Typographic quotes and dashes become ASCII, spaces around apostrophes and hyphens go
    ("Slovenia’ s", "non ‑ discrimination" are how the thematic lists' DOCX text reads) and
    whitespace collapses.
    """
    folded = unicodedata.normalize("NFKC", text_value).translate(_FOLD_PUNCTUATION)
    return " ".join(_SPACE_AROUND_JOINERS.sub(r"\1", folded).split())


_NOT_WORD = re.compile(r"[\W_]+")


def matching_key(text_value: str) -> str:
    """Text reduced to its words, for matching a recommendation across sources that write it
    differently: `comparable`, then case-folded, with every run of punctuation and spaces made
    one space ("Ratify the OP-CAT;" and "ratify the OP CAT" have the same key)."""
    return " ".join(_NOT_WORD.sub(" ", comparable(text_value).casefold()).split())


PART_WORDS = 2  # least words of a text matched as a part of a longer one


def text_key(text_value: str) -> str:
    """The key recommendations are matched by across sources: `matching_key` without a leading
    "to" (1st-cycle reports write "To ratify …" where datasets write "Ratify …")."""
    key = matching_key(text_value)
    return key[3:] if key.startswith("to ") else key
