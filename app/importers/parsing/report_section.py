"""The recommendations section of a Working Group report: paragraphs, items and positions.

The section starts after the (last) heading "Conclusions and/or recommendations" (in any case,
as early reports write it: "II. CONCLUSIONS AND/OR RECOMMENDATIONS") and ends at
its closing paragraph ("All conclusions and/or recommendations … reflect the position …"), at
the next section heading ("III. Voluntary pledges", "Annex") or at the end of the text.

Inside it, numbered paragraphs ("124.", "95.") carry prose and, usually, numbered items:
- cycles 2-4 number items inside their paragraph: "124.1", "124.2" …;
- the 1st cycle numbers them "1.", "2." … again in each paragraph, and they get the ids
  "95.1", "95.2" …. An item number can equal the next paragraph's number (item 96 inside
  paragraph 95): a line "96. …" continues the list if item 96 is the one expected and its
  block reads as a recommendation (it ends with recommending states, or with ";"); otherwise it
  opens paragraph 96.
An item runs until the next item or paragraph, across line breaks, pages and page furniture
(which `app.importers.parsing.pdf_text` has already removed).

Each paragraph's prose is read by `app.importers.parsing.lead_ins`: its position applies to its own
items, with the source "<symbol> - Para.<n>"; clauses that name recommendations by number
qualify those items (a paragraph's own items, or those of the nearest paragraph before it that
has items, or the dotted ids they name). A lead-in whose meaning is not recognised is reported
with its words and its items are loaded as pending; a prose paragraph that is not understood is
reported too. Nothing is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.importers.parsing.lead_ins import Meaning, is_closing, read_meaning, split_qualifications
from app.importers.parsing.pdf_text import Page, numbered_lines
from app.importers.parsing.state_groups import inline_states, name_key, split_trailing_states
from app.importers.records import ParsedRecommendation, ParseError
from app.vocab import Position

_HEADING_RE = re.compile(
    r"^(?:[IVX]+\.\s*)?Conclusions\s+and(?:/or)?\s+recommendations\s*\**$", re.IGNORECASE
)
_PARAGRAPH_RE = re.compile(r"^(\d{1,3})\.\s+(.*)$")
_DOTTED_RE = re.compile(r"^(\d{1,3})\.(\d{1,3})\.?\s+(.*)$")
_HEADING_END_RE = re.compile(r"^(?:[IVX]+\.\s+[A-Z]|Annex\b|ANNEX\b)")
_ITEM_END_RE = re.compile(r"(?:\)|;|;\s*and|\.)$")


@dataclass
class Item:
    """One numbered recommendation as written: its number, page and lines."""

    number: str
    page: int
    lines: list[str]

    @property
    def sentence(self) -> str:
        """The item's lines joined into one whitespace-normalised sentence."""
        return " ".join(" ".join(self.lines).split())


@dataclass
class Paragraph:
    """A numbered paragraph of the section: its prose and its items."""

    number: int
    page: int
    prose: list[str]
    items: list[Item] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The paragraph's prose as one sentence."""
        return " ".join(" ".join(self.prose).split())

    def item_id(self, number: str) -> str:
        """The id of one of its items: "124.1" as written, "95.1" for 1st-cycle item 1."""
        return number if "." in number else f"{self.number}.{number}"


def read_paragraphs(pages: list[Page], file: str) -> list[Paragraph]:
    """The numbered paragraphs of the recommendations section, up to its closing paragraph."""
    lines = numbered_lines(pages)
    headings = [i for i, (_, line) in enumerate(lines) if _HEADING_RE.match(line)]
    if not headings:
        raise ParseError(file, "document", "no section 'Conclusions and/or recommendations'")
    rest = lines[headings[-1] + 1 :]
    start = next((i for i, (_, line) in enumerate(rest) if _PARAGRAPH_RE.match(line)), None)
    if start is None:
        raise ParseError(file, "recommendations section", "no numbered paragraph")
    paragraphs: list[Paragraph] = []
    current: Paragraph | None = None
    for index in range(start, len(rest)):
        page, line = rest[index]
        if _HEADING_END_RE.match(line):
            break
        dotted = _DOTTED_RE.match(line)
        plain = _PARAGRAPH_RE.match(line)
        if current is not None and dotted and _is_dotted_item(current, int(dotted[1])):
            current.items.append(Item(f"{int(dotted[1])}.{int(dotted[2])}", page, [dotted[3]]))
        elif plain and (current is None or _opens_paragraph(current, int(plain[1]), rest, index)):
            current = Paragraph(int(plain[1]), page, [plain[2]])
            if is_closing(_block(rest, index)):
                break
            paragraphs.append(current)
        elif current is not None and plain and _continues_list(current, int(plain[1])):
            current.items.append(Item(str(int(plain[1])), page, [plain[2]]))
        elif current is not None:
            (current.items[-1].lines if current.items else current.prose).append(line)
    return paragraphs


def _is_dotted_item(paragraph: Paragraph, major: int) -> bool:
    """Whether "M.k …" is an item here: M is the paragraph's number, or that of the dotted
    items it already has. A line that starts with a figure ("3.5 million …") is not."""
    if major == paragraph.number:
        return True
    return bool(paragraph.items) and paragraph.items[-1].number.startswith(f"{major}.")


def _continues_list(paragraph: Paragraph, number: int) -> bool:
    """Whether "N." is the next plain item of the paragraph (a gap of up to 3 is tolerated)."""
    if paragraph.items and "." in paragraph.items[-1].number:
        return False
    expected = len(paragraph.items) + 1 if not paragraph.items else _last(paragraph) + 1
    return expected <= number <= expected + 3


def _last(paragraph: Paragraph) -> int:
    return int(paragraph.items[-1].number)


def _opens_paragraph(current: Paragraph, number: int, lines, index: int) -> bool:
    """Whether a line "N. …" opens the next paragraph rather than continuing the item list."""
    if number != current.number + 1:
        return False
    if not _continues_list(current, number):
        return True
    block = _block(lines, index)
    reads_as_item = bool(split_trailing_states(block)[1]) or block.rstrip().endswith(";")
    return not reads_as_item


def _block(lines: list[tuple[int, str]], index: int) -> str:
    """The text from line `index` up to the next numbered line."""
    parts = [lines[index][1]]
    for _, line in lines[index + 1 :]:
        if _PARAGRAPH_RE.match(line) or _DOTTED_RE.match(line) or _HEADING_END_RE.match(line):
            break
        parts.append(line)
    return " ".join(" ".join(parts).split())


# --- positions ------------------------------------------------------------------------------


def section_recommendations(
    paragraphs: list[Paragraph], symbol: str, warnings: list[str]
) -> list[ParsedRecommendation]:
    """Every item of the section as a recommendation, with the position its paragraph gives."""
    records: dict[str, ParsedRecommendation] = {}
    owner: Paragraph | None = None
    known = _trailing_names(paragraphs)
    for paragraph in paragraphs:
        source = f"{symbol} - Para.{paragraph.number}"
        text, qualifications = split_qualifications(paragraph.text)
        if paragraph.items:
            owner = paragraph
            meaning = read_meaning(text, lists_items=True) if text else None
            position, wording = _position_of(paragraph, meaning, warnings)
            for item in paragraph.items:
                record = _recommendation(paragraph, item, known, warnings)
                record.position, record.position_source = position, source
                record.position_text = wording
                if meaning and meaning.claim:
                    record.implementation_claim = meaning.claim
                    record.implementation_claim_source = source
                if record.paragraph in records:
                    warnings.append(f"{record.paragraph} appears twice; the first is kept")
                    continue
                records[record.paragraph] = record
        elif not qualifications:
            warnings.append(
                f"paragraph {paragraph.number} (page {paragraph.page}) names no "
                f"recommendation and is not understood: {paragraph.text[:300]!r}"
            )
        for qualification in qualifications:
            _qualify(records, owner, qualification, source, warnings)
    return list(records.values())


def _position_of(
    paragraph: Paragraph, meaning: Meaning | None, warnings: list[str]
) -> tuple[Position, str | None]:
    """The position a lead-in gives its items; pending, with its words, if not understood."""
    if meaning is not None and meaning.position is not None:
        return meaning.position, None
    warnings.append(
        f"paragraph {paragraph.number} (page {paragraph.page}): lead-in not understood, its "
        f"{len(paragraph.items)} recommendations are loaded as pending: {paragraph.text[:300]!r}"
    )
    return Position.pending, paragraph.text or None


def _qualify(records, owner, qualification, source: str, warnings: list[str]) -> None:
    """Apply a clause that names recommendations by number to those recommendations."""
    meaning = qualification.meaning
    if meaning is None:
        warnings.append(f"{source}: not understood: {qualification.wording[:300]!r}")
        return
    missing = []
    for number in qualification.numbers:
        pid = number if "." in number or owner is None else owner.item_id(number)
        record = records.get(pid)
        if record is None:
            missing.append(pid)
            continue
        if meaning.position is not None:
            record.position, record.position_source = meaning.position, source
        if meaning.claim is not None:
            record.implementation_claim = meaning.claim
            record.implementation_claim_source = source
    if missing:
        warnings.append(f"{source} names recommendations that are not in the report: {missing}")


def _trailing_names(paragraphs: list[Paragraph]) -> dict[str, str]:
    """The names this document gives as trailing recommending states, by `name_key`."""
    known: dict[str, str] = {}
    for paragraph in paragraphs:
        for item in paragraph.items:
            known.update((name_key(n), n) for n in split_trailing_states(item.sentence)[1])
    return known


def _recommendation(
    paragraph: Paragraph, item: Item, known: dict[str, str], warnings: list[str]
) -> ParsedRecommendation:
    """One item as a recommendation: its text and its recommending states (see wg_report)."""
    pid = paragraph.item_id(item.number)
    text, trailing = split_trailing_states(item.sentence, known)
    states: list[str] = []
    for name in inline_states(text, known) + trailing:
        canonical = known.get(name_key(name), name)
        if canonical != name:
            warnings.append(f"{pid}: state written {name!r}, read as {canonical!r}")
        if canonical not in states:
            states.append(canonical)
    if not states:
        warnings.append(f"{pid}: no recommending state found")
    if item.sentence.count("(") != item.sentence.count(")"):
        warnings.append(f"{pid}: unbalanced parentheses in the document, read as states {states}")
    if not _ITEM_END_RE.search(item.sentence):
        warnings.append(f"{pid}: the recommendation does not end as a sentence: {text[-60:]!r}")
    return ParsedRecommendation(pid, text, states, f"page {item.page}")
