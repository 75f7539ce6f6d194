"""Read a UN PDF document into clean text, page by page (pypdf, plain extraction mode).

Cleaning, in this order:
1. Running headers and footers are dropped: a line among the first or last three of a page
   that is only a document symbol ("A/HRC/59/15"), a page number, or a job number with or
   without a page number ("GE.25-02819 3", "2 GE.25-02819", "GE.25-02819  (E)  210325").
2. Footnotes are moved out of the text into `Page.footnotes`: a blank line followed by a line
   that starts with a marker (" 1 A/HRC/...", " ** Conclusions ..."), up to the next blank line.
   The markers are then removed where they stick to the text ("paragraph 15 (a);1",
   "recommendations**").
3. Stray spaces inside words ("form ulated", "Arge ntina") are repaired, conservatively: two
   neighbouring pieces are joined only if the joined word occurs, unbroken, elsewhere in the same
   document, and the two pieces are not both real words. A piece is a real word if it is a
   common English word (a small built-in list) or if it occurs somewhere in the document where
   it cannot be joined with a neighbour. So "in to" and "health care" stay apart.
4. Hyphenated line breaks are joined across lines and pages. UN documents break lines only at
   real hyphens ("re-\\nexamined", "non-\\ndiscrimination"), so the hyphen is kept, unless the
   word without the hyphen occurs in the document and the hyphenated one does not. A line
   ending in an en dash ("2010–\\n2015") is joined without a space. A hyphen followed by a space
   inside a line ("gender- based") is closed up, except before "and", "or", "nor", "to" (the
   suspended hyphen of "two- to three-year").

Anything pypdf cannot read (not a PDF, damaged, encrypted) raises `ParseError`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from app.importers.records import ParseError

_FURNITURE_RE = re.compile(
    r"^(?:A/HRC/\S+|\d{1,3}|(?:\d{1,3}\s+)?GE\.\d{2}-\d{4,6}(?:\s.*)?)$"
)
_FOOTNOTE_START_RE = re.compile(r"^\s+(\d{1,3}|\*{1,3})\s+\S")
_WORD_RE = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*")
_SUSPENDED = {"and", "or", "nor", "to"}
# Words that are real on their own even where the document only shows them next to a
# fragment; two such words are never joined ("in to", "a part", "with out").
COMMON_WORDS = frozenset(
    """a about above after again against all also an and any are as at be been before being
    below between both but by can could did do does down during each either every few for from
    further had has have he her here him his how i if in into is it its itself may me might more
    most must my no nor not of off on once one only or other our out over own part same she
    should so some such than that the their them then there these they this those through to
    too under until up upon very was way we were what when where which while who whom why will
    with within would you your side cross head long new round like ever less time day care
    work place""".split()
)


@dataclass
class Page:
    """One page of clean text; `number` counts from 1 as the PDF viewer does."""

    number: int
    lines: list[str]
    footnotes: list[str] = field(default_factory=list)
    raw: str = ""

    @property
    def text(self) -> str:
        """The clean lines of the page joined by newlines."""
        return "\n".join(self.lines)


def read_pdf(path: Path, *, max_pages: int | None = None) -> list[Page]:
    """Read a PDF into clean pages (see the module docstring); raise ParseError if unreadable."""
    raw_pages = _extract(path, max_pages)
    pages = []
    for number, raw in enumerate(raw_pages, start=1):
        lines = [re.sub(r"\s+", " ", line).rstrip() for line in raw.splitlines()]
        lines = _drop_furniture(lines)
        body, footnotes = _split_footnotes(lines)
        pages.append(Page(number, body, footnotes, raw))
    vocabulary = build_vocabulary(line for page in pages for line in page.lines)
    for page in pages:
        markers = [m.group(1) for m in map(_FOOTNOTE_START_RE.match, page.footnotes) if m]
        page.footnotes = [note.strip() for note in page.footnotes]
        lines = [_strip_markers(line, markers).strip() for line in page.lines]
        page.lines = [repair_split_words(line, vocabulary) for line in lines if line]
    join_line_breaks(pages, vocabulary)
    return pages


def _extract(path: Path, max_pages: int | None) -> list[str]:
    name = str(path)
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise ParseError(name, "file", "the PDF is encrypted")
        pages = reader.pages[:max_pages] if max_pages else reader.pages
        texts = [page.extract_text() or "" for page in pages]
    except ParseError:
        raise
    except FileNotFoundError as exc:
        raise ParseError(name, "file", "no such file") from exc
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ParseError(name, "file", f"not a readable PDF ({exc})") from exc
    if not any(text.strip() for text in texts):
        raise ParseError(name, "file", "the PDF has no extractable text")
    return texts


def _drop_furniture(lines: list[str]) -> list[str]:
    """Drop header/footer lines among the first and last three non-blank lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    edges = set(filled[:3] + filled[-3:])
    return [
        line for i, line in enumerate(lines)
        if not (i in edges and _FURNITURE_RE.match(line.strip()))
    ]


def _split_footnotes(lines: list[str]) -> tuple[list[str], list[str]]:
    body: list[str] = []
    notes: list[str] = []
    in_note = False
    for i, line in enumerate(lines):
        blank = not line.strip()
        if blank:
            in_note = False
        elif _FOOTNOTE_START_RE.match(line) and (i == 0 or not lines[i - 1].strip() or in_note):
            in_note = True
        (notes if in_note and not blank else body).append(line)
    return body, notes


def _strip_markers(line: str, markers: list[str]) -> str:
    line = re.sub(r"(?<=[\w.;:,)])\*+", "", line)
    for marker in markers:
        if marker.isdigit():
            line = re.sub(rf"(?<=[^\W\d_][.;:,)]|[^\W\d_]\)){marker}(?=\s|$)", "", line)
            line = re.sub(rf"(?<=[^\W\d_]){marker}(?=\s|$)", "", line)
    return line


def build_vocabulary(lines: Iterable[str]) -> Counter[str]:
    """Count the words (lower-cased) of a document, for `repair_split_words`."""
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(word.lower() for word in _WORD_RE.findall(line))
    return counts


def repair_split_words(line: str, vocabulary: Counter[str]) -> str:
    """Join pieces of words split by a stray space ("form ulated" -> "formulated").

    Two neighbouring pieces separated by one space are joined when the joined word is in
    `vocabulary` (words seen unbroken in the same document) and not both pieces are real words
    (see the module docstring). Repeats, so a word split twice is joined too.
    """
    for _ in range(3):
        words = list(_WORD_RE.finditer(line))
        joined = None
        for left, right in zip(words, words[1:], strict=False):
            if line[left.end():right.start()] != " ":
                continue
            a, b = left.group(), right.group()
            if (a + b).lower() in vocabulary and not (
                _is_real(a, line, vocabulary) and _is_real(b, line, vocabulary)
            ):
                joined = line[: left.end()] + line[right.start():]
                break
        if joined is None:
            return line
        line = joined
    return line


def _is_real(piece: str, line: str, vocabulary: Counter[str]) -> bool:
    word = piece.lower()
    if word in COMMON_WORDS:
        return True
    # A piece seen more often in the document than it appears in this line stands somewhere on
    # its own; pieces that only ever occur as fragments appear exactly where they were split.
    here = sum(1 for w in _WORD_RE.findall(line) if w.lower() == word)
    return vocabulary[word] > here and len(word) > 2 and not _only_fragment(word, vocabulary)


def _only_fragment(word: str, vocabulary: Counter[str]) -> bool:
    """Pieces of one or two letters ("e", "th", "nd") are not words in UN prose, except the
    common ones listed in COMMON_WORDS."""
    return len(word) <= 2


def join_line_breaks(pages: list[Page], vocabulary: Counter[str]) -> None:
    """Join hyphenated and en-dash line breaks in place, across pages too (see module doc)."""
    places = [(page, i) for page in pages for i in range(len(page.lines))]
    for (page, i), (next_page, j) in zip(places, places[1:], strict=False):
        line, following = page.lines[i], next_page.lines[j]
        if not following or not re.search(r"\w[-–]$", line):
            continue
        head, _, rest = following.partition(" ")
        if line.endswith("-") and not head[:1].isalpha():
            continue
        stem = re.search(r"[\w-]+-$", line)
        if line.endswith("-") and stem:
            hyphenated = stem.group() + head
            closed = hyphenated.replace("-", "").lower()
            if vocabulary[closed] and not _seen_hyphenated(hyphenated, vocabulary, pages):
                line = line[:-1]
        page.lines[i] = line + head
        next_page.lines[j] = rest
    for page in pages:
        page.lines = [_close_hyphen_spaces(line) for line in page.lines if line]


def _seen_hyphenated(word: str, vocabulary: Counter[str], pages: list[Page]) -> bool:
    needle = word.lower()
    return any(needle in line.lower() for page in pages for line in page.lines)


def _close_hyphen_spaces(line: str) -> str:
    def close(m: re.Match[str]) -> str:
        return m.group(0) if m.group(2).lower() in _SUSPENDED else f"{m.group(1)}-{m.group(2)}"

    return re.sub(r"([^\W\d_]+)- ([^\W\d_]+)", close, line)


def numbered_lines(pages: list[Page]) -> list[tuple[int, str]]:
    """All clean lines of a document as (page number, line) pairs."""
    return [(page.number, line) for page in pages for line in page.lines]
