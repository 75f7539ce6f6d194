"""Read a UN PDF document into clean text, page by page (pypdf, plain extraction mode).

Cleaning, in this order:
1. Running headers and footers are dropped: a line among the first or last three of a page
   that is only a document symbol ("A/HRC/59/15"), a page number, or a job number with or
   without a page number ("GE.25-02819 3", "2 GE.25-02819", "GE.25-02819  (E)  210325").
2. Footnotes are moved out of the text into `Page.footnotes`: a blank line followed by a line
   that starts with a marker (" 1 A/HRC/...", " ** Conclusions ..."), up to the next blank line.
   The markers are then removed where they stick to the text ("paragraph 15 (a);1",
   "recommendations**").
3. Stray spaces inside words ("form ulated", "Arge ntina"), which pypdf's plain mode produces
   for some PDFs, are repaired conservatively (`repair_split_words`): two neighbouring pieces
   are joined only if the joined word occurs unbroken in the same document, the two pieces are
   not both real words, and, when any join is proposed, pypdf's layout-mode extraction of the
   pages where joins are proposed (which places characters by their coordinates) does not show
   the same two pieces apart. So "in to", "health care" and "a broad" stay apart. A space
   before a comma after a word is removed.
4. Line breaks after a hyphen are joined across lines and pages, keeping the hyphen: UN
   documents break lines only at real hyphens ("re-examined", "non-discrimination",
   "Inter-Ministerial"), never inside words. A line ending in an en dash (a range such as
   2010-2015 broken after the dash) is joined without a space too. A hyphen followed by a space
   inside a line ("gender- based") is closed up, except before "and", "or", "nor", "to" (the
   suspended hyphen of "two- to three-year").

Anything pypdf cannot read (not a PDF, damaged, encrypted, no text) raises `ParseError`.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from app.importers.records import ParseError

_FURNITURE_RE = re.compile(r"^(?:A/HRC/\S+|\d{1,3}|(?:\d{1,3}\s+)?GE\.\d{2}-\d{4,6}(?:\s.*)?)$")
_FOOTNOTE_START_RE = re.compile(r"^\s+(\d{1,3}|\*{1,3})\s+\S")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# Footnote markers are never the number of "Add.1", "No. 1", "Rev.1".
_NOT_A_SYMBOL = r"(?<!Add\.)(?<!No\.)(?<!Rev\.)(?<!Corr\.)"
_SUSPENDED = {"and", "or", "nor", "to"}
# Common English words: real words even where the document shows them only next to another
# piece, so that two of them are never joined ("in to", "a part", "with out").
_COMMON = """
a about above after again against all also an and any are as at be been before being below
between both but by can could did do does down during each either every few for from further
had has have he her here him his how i if in into is it its itself may me might more most must
my no nor not of off on once one only or other our out over own part same she should so some
such than that the their them then there these they this those through to too under until up
upon very was way we were what when where which while who whom why will with within would you
your side cross head long new round like ever less time day care work place
"""
COMMON_WORDS = frozenset(_COMMON.split())


@dataclass
class Page:
    """One page of clean text; `number` counts from 1 as a PDF viewer does."""

    number: int
    lines: list[str]
    footnotes: list[str] = field(default_factory=list)
    raw: str = ""

    @property
    def text(self) -> str:
        """The clean lines of the page joined by newlines."""
        return "\n".join(self.lines)


@dataclass
class Vocabulary:
    """The words of one document, lower-cased, for `repair_split_words`.

    `counts`: how often each word occurs unbroken; `standalone`: words that occur somewhere
    where they cannot be joined with a neighbour, i.e. words in their own right; `apart`: pairs
    "a b" that a second, independent extraction of the document shows as two words.
    """

    counts: Counter[str]
    standalone: set[str]
    apart: set[str] = field(default_factory=set)

    def is_real(self, piece: str) -> bool:
        """Whether a piece is a word on its own; pieces of one or two letters count only if
        they are common English words ("a", "in", "to")."""
        word = piece.lower()
        return word in COMMON_WORDS or (len(word) > 2 and word in self.standalone)


def read_pdf(path: Path) -> list[Page]:
    """Read a PDF into clean pages (see the module docstring); raise ParseError if unreadable."""
    reader = _open(path)
    raw_pages = _extract(reader, path, layout=False)
    pages = []
    for number, raw in enumerate(raw_pages, start=1):
        lines = [re.sub(r"\s+", " ", line).rstrip() for line in raw.splitlines()]
        body, footnotes = _split_footnotes(_drop_furniture(lines))
        markers = [m.group(1) for m in map(_FOOTNOTE_START_RE.match, footnotes) if m]
        body = [_strip_markers(line, markers).strip() for line in body]
        notes = [note.strip() for note in footnotes]
        pages.append(Page(number, [line for line in body if line], notes, raw))
    lines = [line for page in pages for line in page.lines]
    vocabulary = build_vocabulary(lines)
    repaired = [
        page.number - 1
        for page in pages
        if any(repair_split_words(line, vocabulary) != line for line in page.lines)
    ]
    if repaired:
        layout = _extract(reader, path, layout=True, only=repaired)
        vocabulary = build_vocabulary(lines, [ln for text in layout for ln in text.splitlines()])
    for page in pages:
        page.lines = [repair_split_words(line, vocabulary) for line in page.lines]
    join_line_breaks(pages)
    return pages


def _open(path: Path) -> PdfReader:
    name = str(path)
    try:
        reader = PdfReader(path)
        encrypted = reader.is_encrypted
    except FileNotFoundError as exc:
        raise ParseError(name, "file", "no such file") from exc
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ParseError(name, "file", f"not a readable PDF ({exc})") from exc
    if encrypted:
        raise ParseError(name, "file", "the PDF is encrypted")
    return reader


def _extract(
    reader: PdfReader, path: Path, *, layout: bool, only: list[int] | None = None
) -> list[str]:
    """The text of every page (or of the pages `only` names, by 0-based index)."""
    mode: Literal["layout", "plain"] = "layout" if layout else "plain"
    pages = reader.pages if only is None else [reader.pages[i] for i in only]
    try:
        texts = [page.extract_text(extraction_mode=mode) or "" for page in pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        if layout:  # the second extraction only helps the repair; do without it
            return []
        raise ParseError(str(path), "file", f"not a readable PDF ({exc})") from exc
    if not layout and not any(text.strip() for text in texts):
        raise ParseError(str(path), "file", "the PDF has no extractable text")
    return texts


def _drop_furniture(lines: list[str]) -> list[str]:
    """Drop header/footer lines among the first and last three non-blank lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    edges = set(filled[:3] + filled[-3:])
    return [
        line
        for i, line in enumerate(lines)
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
        elif i > 0 and not lines[i - 1].strip() and _FOOTNOTE_START_RE.match(line):
            in_note = True
        (notes if in_note and not blank else body).append(line)
    return body, notes


def _strip_markers(line: str, markers: list[str]) -> str:
    line = re.sub(r"(?<=[\w.;:,)])\*+", "", line)
    for marker in markers:
        if marker.isdigit():
            line = re.sub(
                rf"{_NOT_A_SYMBOL}(?:(?<=[^\d\s][.;:,)])|(?<=[^\W\d_])){marker}(?=\s|$)", "", line
            )
    return re.sub(r"(?<=[^\W\d_]) ,(?=\s|$)", ",", line)


def build_vocabulary(lines: Iterable[str], reference: Iterable[str] = ()) -> Vocabulary:
    """Collect the vocabulary of a document from its lines and, optionally, from the lines of a
    second extraction of the same document (`reference`)."""
    lines, reference = list(lines), [re.sub(r"\s+", " ", ln) for ln in reference]
    counts: Counter[str] = Counter()
    for line in lines + reference:
        counts.update(word.lower() for word in _WORD_RE.findall(line))
    standalone: set[str] = set()
    for line in lines + reference:
        words = list(_WORD_RE.finditer(line))
        for k, word in enumerate(words):
            pairs = [(words[k - 1], word)] if k > 0 else []
            pairs += [(word, words[k + 1])] if k + 1 < len(words) else []
            if not any(_joinable(line, a, b, counts) for a, b in pairs):
                standalone.add(word.group().lower())
    apart = {
        f"{a.group()} {b.group()}".lower()
        for line in reference
        for a, b in itertools.pairwise(_WORD_RE.finditer(line))
        if _joinable(line, a, b, counts)
    }
    return Vocabulary(counts, standalone, apart)


def _joinable(line: str, a: re.Match[str], b: re.Match[str], counts: Counter[str]) -> bool:
    return line[a.end() : b.start()] == " " and (a.group() + b.group()).lower() in counts


def repair_split_words(line: str, vocabulary: Vocabulary) -> str:
    """Join pieces of words split by a stray space ("form ulated" -> "formulated").

    Two neighbouring pieces separated by one space are joined when the joined word occurs
    unbroken in the document, the pieces are not both real words and the reference extraction
    does not show them apart (see `Vocabulary`). Repeats, so a word split twice is joined too.
    """
    for _ in range(3):
        for left, right in itertools.pairwise(_WORD_RE.finditer(line)):
            a, b = left.group(), right.group()
            if (
                _joinable(line, left, right, vocabulary.counts)
                and not (vocabulary.is_real(a) and vocabulary.is_real(b))
                and f"{a} {b}".lower() not in vocabulary.apart
            ):
                line = line[: left.end()] + line[right.start() :]
                break
        else:
            return line
    return line


def join_line_breaks(pages: list[Page]) -> None:
    """Join hyphen and en-dash line breaks in place, across pages too (see the module doc)."""
    places = [(page, i) for page in pages for i in range(len(page.lines))]
    for (page, i), (next_page, j) in itertools.pairwise(places):
        line, following = page.lines[i], next_page.lines[j]
        if not following or not re.search(r"[^\W_][-\u2013]$", line):
            continue
        head, _, rest = following.partition(" ")
        if line.endswith("-") and not head[:1].isalpha():
            continue
        page.lines[i] = line + head
        next_page.lines[j] = rest
    for page in pages:
        page.lines = [_close_hyphen_spaces(line) for line in page.lines if line]


def _close_hyphen_spaces(line: str) -> str:
    def close(m: re.Match[str]) -> str:
        return m.group(0) if m.group(2).lower() in _SUSPENDED else f"{m.group(1)}-{m.group(2)}"

    return re.sub(r"([^\W\d_]+)- ([^\W\d_]+)", close, line)


def numbered_lines(pages: list[Page]) -> list[tuple[int, str]]:
    """All clean lines of a document as (page number, line) pairs."""
    return [(page.number, line) for page in pages for line in page.lines]
